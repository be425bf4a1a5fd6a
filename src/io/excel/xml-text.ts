/** The XML text operations the workbook writer needs; reading goes through the strict parser of xml-part.ts. */

/** Escapes text for element content and attribute values (the one XML escaper, in core). */
export { escapeXml } from '../../core/api/xml-tree.js';

/** Text of OOXML `_xHHHH_` escapes (Excel writes control characters that way in strings). */
export function decodeOoxmlEscapes(s: string): string {
  return s.includes('_x')
    ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    : s;
}
