/**
 * What kind of file an input is, from its first bytes: an .xlsx is a zip ("PK"); an old .xls and a
 * password-protected .xlsx are both OLE2 compound files (D0 CF 11 E0), told apart by the "EncryptionInfo"
 * and "EncryptedPackage" streams that Office writes for an encrypted package.
 */
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP = Buffer.from([0x50, 0x4b]);
const ENCRYPTED_STREAMS = [Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')];

export type FileKind = 'zip' | 'xls' | 'encrypted' | 'other';

export function sniffKind(head: Buffer): FileKind {
  if (head.length >= 8 && head.subarray(0, 8).equals(OLE2)) {
    return ENCRYPTED_STREAMS.some((s) => head.includes(s)) ? 'encrypted' : 'xls';
  }
  if (head.length >= 4 && head.subarray(0, 2).equals(ZIP) && (head[2] === 3 || head[2] === 5 || head[2] === 7))
    return 'zip';
  return 'other';
}

/** Throws the DvcError that explains a non-xlsx input; returns when the file is a zip. */
export function assertZipWorkbook(data: Buffer, file: string): void {
  const kind = sniffKind(data);
  const name = path.basename(file);
  if (kind === 'encrypted') throw new DvcError('excel.encrypted', { path: name }, ExitCode.Usage);
  if (kind === 'xls') throw new DvcError('excel.oldXls', { path: name }, ExitCode.Usage);
  if (kind === 'other') throw new DvcError('excel.notWorkbook', { path: name }, ExitCode.Usage);
}
