/**
 * The one file-type sniffer: what a file is from its first bytes (magic numbers), never from its name. Used by
 * the workbook reader (an .xlsx is a zip; an old .xls and a password-protected .xlsx are OLE2 compound files)
 * and by the evidence checks (screenshots, receipts, videos, API dumps).
 */
export type ByteKind = 'png' | 'jpeg' | 'pdf' | 'mp4' | 'webm' | 'zip' | 'ole2' | 'xml' | 'json' | 'text' | 'other';

export function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

export function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/** The first index of `sig` in `b`, or -1. */
export function indexOfBytes(b: Uint8Array, sig: readonly number[]): number {
  outer: for (let i = 0; i + sig.length <= b.length; i++) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer;
    return i;
  }
  return -1;
}

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = ascii('%PDF-');
const FTYP = ascii('ftyp');
const EBML = [0x1a, 0x45, 0xdf, 0xa3];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** "PK" then a local header (3), an empty archive (5) or a spanned one (7). */
function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7);
}

function skipBomAndSpace(b: Uint8Array): number {
  let i = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return i;
}

function isProbablyText(b: Uint8Array): boolean {
  for (const x of b) if (x === 0 || x < 0x09 || (x > 0x0d && x < 0x20 && x !== 0x1b)) return false;
  return true;
}

const BINARY: ReadonlyArray<[ByteKind, (h: Uint8Array) => boolean]> = [
  ['png', (h) => startsWith(h, PNG)],
  ['jpeg', (h) => startsWith(h, JPEG)],
  ['pdf', (h) => startsWith(h, PDF)],
  ['mp4', (h) => startsWith(h, FTYP, 4)],
  ['webm', (h) => startsWith(h, EBML)],
  ['ole2', (h) => startsWith(h, OLE2)],
  ['zip', isZip],
];

/** The kind the first bytes announce; 'other' when no known signature matches. */
export function sniffBytes(head: Uint8Array): ByteKind {
  const binary = BINARY.find(([, test]) => test(head));
  if (binary) return binary[0];
  const i = skipBomAndSpace(head);
  if (head[i] === 0x3c /* < */) return 'xml';
  if (head[i] === 0x7b /* { */ || head[i] === 0x5b /* [ */) return 'json';
  if (head.length > 0 && isProbablyText(head)) return 'text';
  return 'other';
}

const ENCRYPTED_STREAMS = [ascii('EncryptionInfo'), ascii('EncryptedPackage')].map((a) => a.flatMap((c) => [c, 0]));

/** An OLE2 file holding the "EncryptionInfo"/"EncryptedPackage" streams Office writes for an encrypted package. */
export function isEncryptedOffice(head: Uint8Array): boolean {
  return startsWith(head, OLE2) && ENCRYPTED_STREAMS.some((s) => indexOfBytes(head, s) >= 0);
}
