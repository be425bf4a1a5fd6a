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

/** More attributes than this in one start tag send the part to saxes (duplicates are found by comparing each pair). */
const MAX_ATTRS = 64;

/**
 * The attributes of the start tag being read, as offsets into the part: no object and no substring is made unless
 * asked for. Valid only during the `openTag` call that receives it (the scanner reuses it for the next tag).
 */
export class LeanTag {
  /** The part's text, into which the offsets point. */
  xml = '';
  /** How many attributes the tag has. */
  count = 0;
  /** Per attribute i, at 4 × i: its name's start and end, its value's start and end (offsets into `xml`). */
  readonly offsets = new Int32Array(MAX_ATTRS * 4);

  /** The index of the attribute whose qualified name (as written, prefix included) is `name`, or -1. */
  find(name: string): number {
    const { xml, offsets } = this;
    outer: for (let i = 0; i < this.count; i++) {
      const from = offsets[i * 4];
      if (offsets[i * 4 + 1] - from !== name.length) continue;
      for (let k = 0; k < name.length; k++) if (xml.charCodeAt(from + k) !== name.charCodeAt(k)) continue outer;
      return i;
    }
    return -1;
  }

  name(i: number): string {
    return this.xml.slice(this.offsets[i * 4], this.offsets[i * 4 + 1]);
  }

  /** The value as written (the scanner reads only values without references, tabs or newlines). */
  value(i: number): string {
    return this.xml.slice(this.offsets[i * 4 + 2], this.offsets[i * 4 + 3]);
  }

  valueStart(i: number): number {
    return this.offsets[i * 4 + 2];
  }

  valueEnd(i: number): number {
    return this.offsets[i * 4 + 3];
  }
}

/**
 * What a listener may implement on top of PartListener to be read by the fast scanner without an attributes object
 * per tag or a substring per text: the scanner then calls `openTag` instead of `open`, and `textAt` instead of
 * `text` for a text that holds no reference (`xml.slice(start, end)` is that text; a text with references still
 * comes decoded through `text`). saxes, which reads the part when the scanner gives up, calls `open` and `text`:
 * the two must read the same.
 */
export interface LeanListener extends PartListener {
  openTag(name: string, tag: LeanTag): void;
  textAt(xml: string, start: number, end: number): void;
}

function isLeanListener(l: PartListener): l is LeanListener {
  return typeof (l as Partial<LeanListener>).openTag === 'function';
}

/** Size of the table of element and attribute names met (a power of two). */
const NAME_SLOTS = 256;

/** Characters that send the part to saxes: those XML 1.0 forbids, and CR (saxes normalises line ends). */
const OUTSIDE_CHARS = /[\0-\x08\x0B-\x1F\uFFFE\uFFFF]/;

/**
 * "]]>" or a character outside the subset, anywhere. Comments, CDATA, a DOCTYPE and processing instructions ("<!",
 * "<?" after the declaration) are met by the scan itself: a name must follow "<" (a search for "<!" would stop at
 * every tag of the part).
 */
function outsideSubset(xml: string): boolean {
  return xml.includes(']]>') || OUTSIDE_CHARS.test(xml);
}

/** The XML declaration as written by Excel and others (version 1.0 only: 1.1 has other character rules). */
const XML_DECL =
  /^<\?xml\s+version\s*=\s*(["'])1\.0\1(?:\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\2)?(?:\s+standalone\s*=\s*(["'])(?:yes|no)\3)?\s*\?>/;

const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

/** ASCII name characters: A–Z, a–z, "_", ":" start a name (2); digits, ".", "-" may follow (1). */
const NAME_CHARS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58) NAME_CHARS[c] = 2;
  else if ((c >= 48 && c <= 57) || c === 46 || c === 45) NAME_CHARS[c] = 1;
}
function isNameStart(c: number): boolean {
  return c < 128 && NAME_CHARS[c] === 2;
}
function isNameChar(c: number): boolean {
  return c < 128 && NAME_CHARS[c] !== 0;
}
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9;
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
  /** Open elements: qualified names, and the names the listener was given (without prefix). */
  private readonly stack: string[] = [];
  private readonly localStack: string[] = [];
  private rootClosed = false;
  private readonly onText: ((t: string) => void) | undefined;
  private readonly lean: LeanListener | undefined;
  private readonly tag = new LeanTag();
  /** Names met so far, by a hash of their characters, each with its local part: a name is sliced once per part. */
  private readonly names: (string | undefined)[] = new Array<string | undefined>(NAME_SLOTS);
  private readonly locals: string[] = new Array<string>(NAME_SLOTS);
  /** Set by nameEnd: the hash of the name it passed over. */
  private hash = 0;
  /** The next "&" at or after `at` (xml.length when none): texts are searched for references without a substring. */
  private nextAmp = -1;

  constructor(
    private readonly xml: string,
    private readonly listener: PartListener,
    private at: number,
  ) {
    this.onText = listener.text?.bind(listener);
    this.lean = isLeanListener(listener) ? listener : undefined;
    this.tag.xml = xml;
  }

  run(): boolean {
    const { xml } = this;
    while (this.at < xml.length) {
      const lt = xml.indexOf('<', this.at);
      const textEnd = lt < 0 ? xml.length : lt;
      if (textEnd > this.at && !this.text(this.at, textEnd)) return false;
      if (lt < 0) break;
      this.at = lt + 1;
      const ok = xml.charCodeAt(this.at) === 47 ? this.closeTag() : this.startTag();
      if (!ok) return false;
    }
    return this.rootClosed && this.stack.length === 0;
  }

  private text(from: number, end: number): boolean {
    const { xml } = this;
    if (this.stack.length === 0) {
      // Outside the root only whitespace may stand.
      for (let i = from; i < end; i++) if (!isSpace(xml.charCodeAt(i))) return false;
    } else {
      if (this.nextAmp < from) {
        const amp = xml.indexOf('&', from);
        this.nextAmp = amp < 0 ? xml.length : amp;
      }
      if (this.nextAmp < end) {
        const text = decodeText(xml.slice(from, end));
        if (text === undefined) return false;
        this.onText?.(text);
        return true;
      }
    }
    if (this.lean) this.lean.textAt(xml, from, end);
    else this.onText?.(xml.slice(from, end));
    return true;
  }

  /** The end of the name at `from`. */
  private nameEnd(from: number): number {
    const { xml } = this;
    let i = from;
    while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
    return i;
  }

  /** nameEnd, with the hash of the name left in `hash` (for nameSlot). */
  private hashedNameEnd(from: number): number {
    const { xml } = this;
    let h = 0;
    let i = from;
    for (; i < xml.length; i++) {
      const c = xml.charCodeAt(i);
      if (!isNameChar(c)) break;
      h = (h * 31 + c) | 0;
    }
    this.hash = h;
    return i;
  }

  /** The slot of the name `xml[from, end)` (hashed by hashedNameEnd) in the table of names, filled when new. */
  private nameSlot(from: number, end: number): number {
    const slot = (this.hash ^ (this.hash >>> 8)) & (NAME_SLOTS - 1);
    const known = this.names[slot];
    if (known !== undefined && known.length === end - from && this.xml.startsWith(known, from)) return slot;
    const name = this.xml.slice(from, end);
    const colon = name.indexOf(':');
    this.names[slot] = name;
    this.locals[slot] = colon < 0 ? name : name.slice(colon + 1);
    return slot;
  }

  private spaceEnd(from: number): number {
    let i = from;
    while (i < this.xml.length && isSpace(this.xml.charCodeAt(i))) i++;
    return i;
  }

  /** At the "/" of "</name S? >": the name of the open element. */
  private closeTag(): boolean {
    const { xml, stack } = this;
    const depth = stack.length - 1;
    if (depth < 0) return false;
    const open = stack[depth];
    const from = this.at + 1;
    // The name must be the open element's, whole: not a prefix of a longer name.
    if (!xml.startsWith(open, from) || isNameChar(xml.charCodeAt(from + open.length))) return false;
    const i = this.spaceEnd(from + open.length);
    if (xml.charCodeAt(i) !== 62) return false;
    const local = this.localStack[depth];
    stack.pop();
    this.localStack.pop();
    this.listener.close(local);
    if (depth === 0) this.rootClosed = true;
    this.at = i + 1;
    return true;
  }

  /** At the name of "<name (S attr)* S? /?>". */
  private startTag(): boolean {
    const { xml, tag } = this;
    if (this.rootClosed || !isNameStart(xml.charCodeAt(this.at))) return false;
    let i = this.hashedNameEnd(this.at);
    const slot = this.nameSlot(this.at, i);
    let selfClosing = false;
    tag.count = 0;
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
      i = this.attribute(i);
      if (i < 0) return false;
    }
    const name = this.names[slot] as string;
    const local = this.locals[slot];
    this.stack.push(name);
    this.localStack.push(local);
    if (this.lean) this.lean.openTag(local, tag);
    else this.listener.open(local, tag.count === 0 ? NO_ATTRS : this.attributesObject());
    if (selfClosing) {
      this.stack.pop();
      this.localStack.pop();
      this.listener.close(local);
      if (this.stack.length === 0) this.rootClosed = true;
    }
    this.at = i + 1;
    return true;
  }

  /** The tag's attributes as saxes gives them. */
  private attributesObject(): Record<string, string> {
    const { tag } = this;
    const attrs: Record<string, string> = {};
    for (let k = 0; k < tag.count; k++) {
      const from = tag.offsets[k * 4];
      const end = tag.offsets[k * 4 + 1];
      this.hashedNameEnd(from);
      attrs[this.names[this.nameSlot(from, end)] as string] = tag.value(k);
    }
    return attrs;
  }

  /** Reads `name S? = S? "value"` at `from` into the tag's offsets; the offset after it, or -1. */
  private attribute(from: number): number {
    const { xml, tag } = this;
    const nameEnd = this.nameEnd(from);
    let i = this.spaceEnd(nameEnd);
    if (xml.charCodeAt(i) !== 61) return -1;
    i = this.spaceEnd(i + 1);
    const q = xml.charCodeAt(i);
    if (q !== 34 && q !== 39) return -1;
    const end = xml.indexOf(q === 34 ? '"' : "'", i + 1);
    if (end < 0) return -1;
    // "<" is refused by saxes; "&", tabs and newlines (normalised by saxes) are left to it.
    for (let k = i + 1; k < end; k++) {
      const v = xml.charCodeAt(k);
      if (v === 60 || v === 38 || v === 9 || v === 10) return -1;
    }
    const n = tag.count;
    if (n === MAX_ATTRS || this.seen(from, nameEnd) || this.isProto(from, nameEnd)) return -1;
    const o = n * 4;
    tag.offsets[o] = from;
    tag.offsets[o + 1] = nameEnd;
    tag.offsets[o + 2] = i + 1;
    tag.offsets[o + 3] = end;
    tag.count = n + 1;
    return end + 1;
  }

  /** Whether the tag already has an attribute named `xml[from, end)`. */
  private seen(from: number, end: number): boolean {
    const { xml, tag } = this;
    const length = end - from;
    outer: for (let k = 0; k < tag.count; k++) {
      const other = tag.offsets[k * 4];
      if (tag.offsets[k * 4 + 1] - other !== length) continue;
      for (let j = 0; j < length; j++) if (xml.charCodeAt(other + j) !== xml.charCodeAt(from + j)) continue outer;
      return true;
    }
    return false;
  }

  /** "__proto__" is left to saxes (an attributes object could not hold it as an own property). */
  private isProto(from: number, end: number): boolean {
    return end - from === 9 && this.xml.startsWith('__proto__', from);
  }
}
