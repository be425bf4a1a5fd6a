/** The few XML text operations the workbook reader and patcher need (parts are small, well-formed OOXML). */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (_, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    if (dec) return String.fromCodePoint(parseInt(dec, 10));
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
  const body = inner.includes('rPh') ? inner.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : inner;
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) out += m[1] ?? '';
  return decodeOoxmlEscapes(decodeXml(out));
}
