import type { FileKind } from './evidence-types.js';
import { stripBom } from '../text/utf8.js';

/**
 * Recognises a file from its first bytes and tells whether it looks complete from its last bytes.
 * Pure: the io layer hands over the head (64 bytes), the tail (1 KiB) and, for small text files, the text.
 */

function startsWith(b: Uint8Array, sig: readonly number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function ascii(s: string): number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

function indexOf(b: Uint8Array, sig: readonly number[]): number {
  outer: for (let i = 0; i + sig.length <= b.length; i++) {
    for (let j = 0; j < sig.length; j++) if (b[i + j] !== sig[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(b: Uint8Array, sig: readonly number[]): number {
  outer: for (let i = b.length - sig.length; i >= 0; i--) {
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

function skipBomAndSpace(b: Uint8Array): number {
  let i = startsWith(b, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return i;
}

/** The kind the first bytes announce; 'other' when no known signature matches. */
export function sniffKind(head: Uint8Array): FileKind {
  if (startsWith(head, PNG)) return 'png';
  if (startsWith(head, JPEG)) return 'jpeg';
  if (startsWith(head, PDF)) return 'pdf';
  if (startsWith(head, FTYP, 4)) return 'mp4';
  if (startsWith(head, EBML)) return 'webm';
  const i = skipBomAndSpace(head);
  if (head[i] === 0x3c /* < */) return 'xml';
  if (head[i] === 0x7b /* { */ || head[i] === 0x5b /* [ */) return 'json';
  if (head.length > 0 && isProbablyText(head)) return 'text';
  return 'other';
}

function isProbablyText(b: Uint8Array): boolean {
  for (const x of b) if (x === 0 || x < 0x09 || (x > 0x0d && x < 0x20 && x !== 0x1b)) return false;
  return true;
}

/** Why a file of a known kind looks cut short or broken, as a message key; null when it looks whole. */
export function integrityProblem(
  kind: FileKind,
  f: { size: number; head: Uint8Array; tail: Uint8Array; text?: string },
): string | null {
  switch (kind) {
    case 'png':
      return indexOf(f.tail, ascii('IEND')) >= 0 ? null : 'evidence.file.pngTruncated';
    case 'jpeg':
      return jpegEnds(f.tail) ? null : 'evidence.file.jpegTruncated';
    case 'pdf':
      return indexOf(f.tail, ascii('%%EOF')) >= 0 ? null : 'evidence.file.pdfTruncated';
    case 'mp4':
      return f.size < 16 ? 'evidence.file.videoTruncated' : null;
    case 'webm':
      return f.size < 16 ? 'evidence.file.videoTruncated' : null;
    case 'json':
      if (f.text === undefined) return null;
      try {
        JSON.parse(stripBom(f.text));
        return null;
      } catch {
        return 'evidence.file.jsonInvalid';
      }
    case 'xml':
      if (f.text === undefined) return lastNonSpace(f.tail) === 0x3e ? null : 'evidence.file.xmlInvalid';
      return xmlWellFormedEnough(f.text) ? null : 'evidence.file.xmlInvalid';
    default:
      return null;
  }
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

/**
 * "Well-formed enough": one root element, every start tag closed by the same name in order, comments, CDATA,
 * processing instructions and a DOCTYPE skipped, quoted attribute values may hold '>'. Not a validating parser.
 */
export function xmlWellFormedEnough(text: string): boolean {
  const s = stripBom(text);
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    if (lt < 0) {
      if (stack.length > 0 && s.slice(i).trim() !== '') return false;
      if (stack.length === 0 && s.slice(i).trim() !== '') return false;
      break;
    }
    if (stack.length === 0 && s.slice(i, lt).trim() !== '') return false;
    if (s.startsWith('<!--', lt)) {
      const e = s.indexOf('-->', lt + 4);
      if (e < 0) return false;
      i = e + 3;
    } else if (s.startsWith('<![CDATA[', lt)) {
      const e = s.indexOf(']]>', lt + 9);
      if (e < 0 || stack.length === 0) return false;
      i = e + 3;
    } else if (s.startsWith('<?', lt)) {
      const e = s.indexOf('?>', lt + 2);
      if (e < 0) return false;
      i = e + 2;
    } else if (s.startsWith('<!', lt)) {
      const e = s.indexOf('>', lt + 2);
      if (e < 0) return false;
      i = e + 1;
    } else {
      const close = s[lt + 1] === '/';
      const name = NAME.exec(s.slice(lt + (close ? 2 : 1), lt + 200))?.[0];
      if (!name) return false;
      let j = lt + (close ? 2 : 1) + name.length;
      let quote = '';
      for (; j < s.length; j++) {
        const c = s[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        else if (c === '<') return false;
      }
      if (j >= s.length) return false;
      const selfClosing = s[j - 1] === '/';
      if (close) {
        if (stack.pop() !== name) return false;
      } else if (!selfClosing) {
        if (stack.length === 0) roots++;
        stack.push(name);
      } else if (stack.length === 0) roots++;
      i = j + 1;
    }
  }
  return stack.length === 0 && roots === 1;
}
