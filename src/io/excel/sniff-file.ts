/**
 * What kind of file an input is, from its first bytes: an .xlsx is a zip ("PK"); an old .xls and a
 * password-protected .xlsx are both OLE2 compound files (D0 CF 11 E0), told apart by the "EncryptionInfo"
 * and "EncryptedPackage" streams that Office writes for an encrypted package.
 */
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';

import { isEncryptedOffice, sniffBytes } from '../../core/files/file-signature.js';

export type WorkbookFileKind = 'zip' | 'xls' | 'encrypted' | 'other';

export function sniffKind(head: Buffer): WorkbookFileKind {
  const kind = sniffBytes(head);
  if (kind === 'ole2') return isEncryptedOffice(head) ? 'encrypted' : 'xls';
  return kind === 'zip' ? 'zip' : 'other';
}

/** Throws the DvcError that explains a non-xlsx input; returns when the file is a zip. */
export function assertZipWorkbook(data: Buffer, file: string): void {
  const kind = sniffKind(data);
  const name = path.basename(file);
  if (kind === 'encrypted') throw new DvcError('excel.encrypted', { path: name }, ExitCode.Usage);
  if (kind === 'xls') throw new DvcError('excel.oldXls', { path: name }, ExitCode.Usage);
  if (kind === 'other') throw new DvcError('excel.notWorkbook', { path: name }, ExitCode.Usage);
}
