/** Which cell styles of a workbook display numbers as dates (a code typed as "01/02" becomes a date). */
import { firstElement } from './xml-scan.js';

const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A format code shows a date or time when, outside quotes, brackets and escapes, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .split(';')[0];
  if (/^general$/i.test(bare.trim())) return false;
  return /[dmyhs]/i.test(bare.replace(/[eE][+-]/g, ''));
}

/** The set of cellXfs indexes (a cell's `s`) whose number format is a date or time. */
export function dateStyleIndexes(stylesXml: string | undefined): Set<number> {
  const out = new Set<number>();
  if (!stylesXml) return out;
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^<>]*?numFmtId="(\d+)"[^<>]*?formatCode="([^"]*)"/g))
    custom.set(Number(m[1]), m[2]);
  for (const m of stylesXml.matchAll(/<(?:\w+:)?numFmt\b[^<>]*?formatCode="([^"]*)"[^<>]*?numFmtId="(\d+)"/g))
    custom.set(Number(m[2]), m[1]);
  const xfs = firstElement(stylesXml, 'cellXfs')?.inner ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^<>]*?)\/?>/g)) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    const code = custom.get(id);
    if (
      code !== undefined
        ? isDateFormatCode(code.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))
        : BUILTIN_DATE_FORMATS.has(id)
    )
      out.add(i);
    i++;
  }
  return out;
}
