import { ascii, indexOfBytes, sniffBytes } from '../files/file-signature.js';
import type { FileKind } from './evidence-types.js';
import { stripBom } from '../text/utf8.js';
import { startTagEnd } from '../xml-tag-end.js';

/**
 * Recognises an evidence file from its first bytes (through the one sniffer, core/files/file-signature.ts) and
 * tells whether it looks complete from its last bytes. Pure: the io layer hands over the head (64 bytes), the
 * tail (1 KiB) and, for small text files, the text.
 */

/** The kind the first bytes announce; 'other' when no known signature matches (a zip or an OLE2 file too). */
export function sniffKind(head: Uint8Array): FileKind {
  const kind = sniffBytes(head);
  return kind === 'zip' || kind === 'ole2' ? 'other' : kind;
}

function lastIndexOf(b: Uint8Array, sig: readonly number[]): number {
  outer: for (let i = b.length - sig.length; i >= 0; i--) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer;
    return i;
  }
  return -1;
}

interface Ends {
  size: number;
  head: Uint8Array;
  tail: Uint8Array;
  text?: string;
  facts?: { wellFormed: boolean };
}

function jsonProblem(f: Ends): string | null {
  if (f.facts) return f.facts.wellFormed ? null : 'evidence.file.jsonInvalid';
  if (f.text === undefined) return null;
  try {
    JSON.parse(stripBom(f.text));
    return null;
  } catch {
    return 'evidence.file.jsonInvalid';
  }
}

function xmlProblem(f: Ends): string | null {
  if (f.facts) return f.facts.wellFormed ? null : 'evidence.file.xmlInvalid';
  if (f.text === undefined) return lastNonSpace(f.tail) === 0x3e ? null : 'evidence.file.xmlInvalid';
  return xmlWellFormedEnough(f.text) ? null : 'evidence.file.xmlInvalid';
}

const INTEGRITY: Partial<Record<FileKind, (f: Ends) => string | null>> = {
  png: (f) => (indexOfBytes(f.tail, ascii('IEND')) >= 0 ? null : 'evidence.file.pngTruncated'),
  jpeg: (f) => (jpegEnds(f.tail) ? null : 'evidence.file.jpegTruncated'),
  pdf: (f) => (indexOfBytes(f.tail, ascii('%%EOF')) >= 0 ? null : 'evidence.file.pdfTruncated'),
  mp4: (f) => (f.size < 16 ? 'evidence.file.videoTruncated' : null),
  webm: (f) => (f.size < 16 ? 'evidence.file.videoTruncated' : null),
  json: jsonProblem,
  xml: xmlProblem,
};

/** Why a file of a known kind looks cut short or broken, as a message key; null when it looks whole. */
export function integrityProblem(kind: FileKind, f: Ends): string | null {
  return INTEGRITY[kind]?.(f) ?? null;
}

/** A JPEG ends with the EOI marker FF D9, possibly followed by padding; phones sometimes append a trailer after it. */
function jpegEnds(tail: Uint8Array): boolean {
  let end = tail.length;
  while (end > 0 && (tail[end - 1] === 0x00 || tail[end - 1] === 0x0a || tail[end - 1] === 0x0d)) end--;
  if (end >= 2 && tail[end - 2] === 0xff && tail[end - 1] === 0xd9) return true;
  return lastIndexOf(tail, [0xff, 0xd9]) >= 0;
}

function lastNonSpace(b: Uint8Array): number | undefined {
  for (let i = b.length - 1; i >= 0; i--) if (b[i] > 0x20) return b[i];
  return undefined;
}

export { stripBom };

const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;

/** Markup that holds no element: comments, CDATA, processing instructions, declarations; its end, or -1. */
const SKIPPED: ReadonlyArray<[open: string, close: string, needsElement: boolean]> = [
  ['<!--', '-->', false],
  ['<![CDATA[', ']]>', true],
  ['<?', '?>', false],
  ['<!', '>', false],
];

interface XmlState {
  stack: string[];
  roots: number;
}

/** Reads one element tag at `lt`; returns the index after it, or -1 when the document is not well formed. */
function readTag(s: string, lt: number, st: XmlState): number {
  const close = s[lt + 1] === '/';
  const start = lt + (close ? 2 : 1);
  const name = NAME.exec(s.slice(start, start + 200))?.[0];
  if (!name) return -1;
  const j = startTagEnd(s, start + name.length);
  if (j < 0) return -1;
  if (close) return st.stack.pop() === name ? j + 1 : -1;
  if (st.stack.length === 0) st.roots++;
  if (s[j - 1] !== '/') st.stack.push(name);
  return j + 1;
}

/** One step of the reader from `lt`: the index after the markup there, or -1. */
function readMarkup(s: string, lt: number, st: XmlState): number {
  for (const [open, close, needsElement] of SKIPPED) {
    if (!s.startsWith(open, lt)) continue;
    const e = s.indexOf(close, lt + open.length);
    return e < 0 || (needsElement && st.stack.length === 0) ? -1 : e + close.length;
  }
  return readTag(s, lt, st);
}

/**
 * "Well-formed enough": one root element, every start tag closed by the same name in order, comments, CDATA,
 * processing instructions and a DOCTYPE skipped, quoted attribute values may hold '>'. Not a validating parser.
 */
export function xmlWellFormedEnough(text: string): boolean {
  const s = stripBom(text);
  const st: XmlState = { stack: [], roots: 0 };
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const gap = s.slice(i, lt < 0 ? s.length : lt);
    // Text outside the root element is not allowed; inside it, anything goes.
    if (st.stack.length === 0 && gap.trim() !== '') return false;
    if (lt < 0) break;
    i = readMarkup(s, lt, st);
    if (i < 0) return false;
  }
  return st.stack.length === 0 && st.roots === 1;
}
