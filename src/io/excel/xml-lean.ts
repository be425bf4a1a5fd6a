/**
 * A fast path for the large parts of a workbook (worksheets, shared strings): a scanner for the plain subset of XML
 * that Excel and most libraries write — elements, attributes, text and the five predefined entities or character
 * references — that is at least as strict as saxes on everything it accepts. It never judges a part malformed: at
 * the first thing outside that subset, or anything saxes could refuse (a comment, CDATA, a processing instruction,
 * a DOCTYPE, a carriage return, a disallowed character, a non-ASCII name, an unusual reference, an unclosed or
 * mismatched element…), it gives up and the caller reads the whole part again through saxes with a fresh listener,
 * which then accepts or refuses it with the part, line and column exactly as before. An error thrown by the
 * listener itself is passed on unchanged: everything before the event that raised it was checked as saxes checks it.
 */
import type { PartListener } from './xml-part.js';

/** Characters that send the part to saxes: those XML 1.0 forbids, and CR (saxes normalises line ends). */
const OUTSIDE_CHARS = /[\0-\x08\x0B-\x1F\uFFFE\uFFFF]/;

/** Markup outside the subset ("]]>", comments, CDATA, DOCTYPE, processing instructions) or an odd character. */
function outsideSubset(xml: string): boolean {
  return xml.includes(']]>') || xml.includes('<!') || xml.indexOf('<?', 1) >= 0 || OUTSIDE_CHARS.test(xml);
}

/** The XML declaration as written by Excel and others (version 1.0 only: 1.1 has other character rules). */
const XML_DECL =
  /^<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;

/** One-letter names ("c", "v", "r", "s", "t"…) are not allocated for every tag. */
const ONE_LETTER = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

function nameAt(xml: string, from: number, end: number): string {
  return end === from + 1 ? ONE_LETTER[xml.charCodeAt(from)] : xml.slice(from, end);
}

const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

/** ASCII name characters: A–Z, a–z, "_", ":" start a name; digits, ".", "-" may follow. */
function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
}
function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 45;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function hexDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  return c >= 65 && c <= 70 ? c - 55 : -1;
}

/** XML 1.0's Char production. */
function isXmlChar(n: number): boolean {
  if (n < 0x20) return n === 9 || n === 10 || n === 13;
  return n <= 0xd7ff || (n >= 0xe000 && n <= 0xfffd) || (n >= 0x10000 && n <= 0x10ffff);
}

/** A character reference's code point ("#233", "#xE9") when it is an XML 1.0 character, else -1. */
function charRef(body: string): number {
  const hex = body.charCodeAt(1) === 120;
  const digits = hex ? 2 : 1;
  if (body.length <= digits || body.length > (hex ? 10 : 9)) return -1;
  let n = 0;
  for (let i = digits; i < body.length; i++) {
    const c = body.charCodeAt(i);
    const d = hex ? hexDigit(c) : c >= 48 && c <= 57 ? c - 48 : -1;
    if (d < 0) return -1;
    n = n * (hex ? 16 : 10) + d;
  }
  return isXmlChar(n) ? n : -1;
}

const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its references decoded, or undefined when one is not a predefined entity or a valid character. */
function decodeText(s: string): string | undefined {
  let out = '';
  let last = 0;
  let amp = s.indexOf('&');
  while (amp >= 0) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) return undefined;
    const body = s.slice(amp + 1, semi);
    let ch = Object.hasOwn(PREDEFINED, body) ? PREDEFINED[body] : undefined;
    if (ch === undefined) {
      const n = body.charCodeAt(0) === 35 ? charRef(body) : -1;
      if (n < 0) return undefined;
      ch = String.fromCodePoint(n);
    }
    out += s.slice(last, amp) + ch;
    last = semi + 1;
    amp = s.indexOf('&', last);
  }
  return last === 0 ? s : out + s.slice(last);
}

/**
 * Reads `xml` (BOM already removed) into `listener`; false when the part must be read by saxes instead (the
 * listener may then have seen part of it and is to be discarded).
 */
export function scanLean(xml: string, listener: PartListener): boolean {
  if (outsideSubset(xml)) return false;
  let at = 0;
  if (xml.startsWith('<?')) {
    const decl = XML_DECL.exec(xml);
    if (!decl) return false;
    at = decl[0].length;
  }
  return new LeanScanner(xml, listener, at).run();
}

class LeanScanner {
  private readonly stack: string[] = [];
  private rootClosed = false;
  private readonly onText: ((t: string) => void) | undefined;

  constructor(
    private readonly xml: string,
    private readonly listener: PartListener,
    private at: number,
  ) {
    this.onText = listener.text?.bind(listener);
  }

  run(): boolean {
    const { xml } = this;
    while (this.at < xml.length) {
      const lt = xml.indexOf('<', this.at);
      const textEnd = lt < 0 ? xml.length : lt;
      if (textEnd > this.at && !this.text(xml.slice(this.at, textEnd))) return false;
      if (lt < 0) break;
      this.at = lt + 1;
      const ok = xml.charCodeAt(this.at) === 47 ? this.closeTag() : this.startTag();
      if (!ok) return false;
    }
    return this.rootClosed && this.stack.length === 0;
  }

  private text(raw: string): boolean {
    if (this.stack.length === 0) {
      // Outside the root only whitespace may stand.
      for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i))) return false;
      this.onText?.(raw);
      return true;
    }
    const text = raw.indexOf('&') < 0 ? raw : decodeText(raw);
    if (text === undefined) return false;
    this.onText?.(text);
    return true;
  }

  private nameEnd(from: number): number {
    let i = from;
    while (i < this.xml.length && isNameChar(this.xml.charCodeAt(i))) i++;
    return i;
  }

  private spaceEnd(from: number): number {
    let i = from;
    while (i < this.xml.length && isSpace(this.xml.charCodeAt(i))) i++;
    return i;
  }

  /** At the "/" of "</name S? >": the name of the open element. */
  private closeTag(): boolean {
    const { xml, stack } = this;
    const end = this.nameEnd(this.at + 1);
    const name = nameAt(xml, this.at + 1, end);
    const i = this.spaceEnd(end);
    if (xml.charCodeAt(i) !== 62 || stack.length === 0 || stack[stack.length - 1] !== name) return false;
    stack.pop();
    this.listener.close(localName(name));
    if (stack.length === 0) this.rootClosed = true;
    this.at = i + 1;
    return true;
  }

  /** At the name of "<name (S attr)* S? /?>". */
  private startTag(): boolean {
    const { xml } = this;
    if (this.rootClosed || !isNameStart(xml.charCodeAt(this.at))) return false;
    let i = this.nameEnd(this.at + 1);
    const name = nameAt(xml, this.at, i);
    let attrs: Record<string, string> | undefined;
    let selfClosing = false;
    for (;;) {
      const before = i;
      i = this.spaceEnd(i);
      const c = xml.charCodeAt(i);
      if (c === 62) break;
      if (c === 47) {
        if (xml.charCodeAt(i + 1) !== 62) return false;
        selfClosing = true;
        i++;
        break;
      }
      // An attribute, after at least one space.
      if (i === before || !isNameStart(c)) return false;
      attrs ??= {};
      i = this.attribute(i, attrs);
      if (i < 0) return false;
    }
    this.stack.push(name);
    const local = localName(name);
    this.listener.open(local, attrs ?? NO_ATTRS);
    if (selfClosing) {
      this.stack.pop();
      this.listener.close(local);
      if (this.stack.length === 0) this.rootClosed = true;
    }
    this.at = i + 1;
    return true;
  }

  /** Reads `name S? = S? "value"` at `from` into `attrs`; the offset after it, or -1. */
  private attribute(from: number, attrs: Record<string, string>): number {
    const { xml } = this;
    const nameEnd = this.nameEnd(from);
    const name = nameAt(xml, from, nameEnd);
    let i = this.spaceEnd(nameEnd);
    if (xml.charCodeAt(i) !== 61) return -1;
    i = this.spaceEnd(i + 1);
    const q = xml.charCodeAt(i);
    if (q !== 34 && q !== 39) return -1;
    const end = xml.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) return -1;
    const value = xml.slice(i + 1, end);
    // "<" is refused by saxes; "&", tabs and newlines (normalised by saxes) are left to it.
    for (let k = 0; k < value.length; k++) {
      const v = value.charCodeAt(k);
      if (v === 60 || v === 38 || v === 9 || v === 10) return -1;
    }
    if (Object.hasOwn(attrs, name) || name === '__proto__') return -1;
    attrs[name] = value;
    return end + 1;
  }
}
