/** The few XML text operations the workbook reader and patcher need (parts are small, well-formed OOXML). */
import { elements } from './xml-scan.js';

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character reference that names no character XML 1.0 allows (`&#x110000;`, `&#0;`, `&#xD800;`). */
export class InvalidCharRefError extends Error {
  constructor(readonly ref: string) {
    super(`invalid character reference ${ref}`);
    this.name = 'InvalidCharRefError';
  }
}

/** XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

function charOfRef(ref: string, digits: string, radix: number): string {
  const cp = digits.length > 8 ? NaN : parseInt(digits, radix);
  if (!isXmlChar(cp)) throw new InvalidCharRefError(ref);
  return String.fromCodePoint(cp);
}

/** Decodes entity and character references; throws InvalidCharRefError for a reference to no valid character. */
export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (ref, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex) return charOfRef(ref, hex, 16);
    if (dec) return charOfRef(ref, dec, 10);
    return NAMED[name as string];
  });
}

/** Escapes text for element content and attribute values (the one XML escaper, in core). */
export { escapeXml } from '../../core/api/xml-tree.js';

/** The attributes of one start tag's attribute text (`r="A1" t="s"`), prefixes kept (`r:id`). */
export function parseAttributes(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** Text of OOXML `_xHHHH_` escapes (Excel writes control characters that way in strings). */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}

/**
 * The visible text of a string item (`<si>` or `<is>` content): every `<t>` except those inside phonetic
 * runs (`<rPh>`), which hold furigana-style readings and are not part of the value.
 */
export function stringItemText(inner: string): string {
  const body = inner.includes('rPh') ? withoutElements(inner, 'rPh') : inner;
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^<>]*)?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1] ?? '';
  return decodeOoxmlEscapes(decodeXml(out));
}

/** `xml` without the elements called `name` (linear, unlike a lazy regular expression on unclosed tags). */
function withoutElements(xml: string, name: string): string {
  let out = '';
  let last = 0;
  for (const e of elements(xml, name)) {
    out += xml.slice(last, e.start);
    last = e.end;
  }
  return out + xml.slice(last);
}
