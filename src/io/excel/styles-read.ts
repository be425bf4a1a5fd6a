/** Which cell styles of a workbook display numbers as dates (a code typed as "01/02" becomes a date). */
import { readXmlPart, type PartSource } from './xml-part.js';

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

/**
 * The set of cellXfs indexes (a cell's `s`) whose number format is a date or time. Only the custom formats and the
 * cellXfs list are kept while the part is read, so a huge styles part costs its parse, not its size in objects.
 */
export function dateStyleIndexes(data: Buffer | string | undefined, src: PartSource): Set<number> {
  const out = new Set<number>();
  if (data === undefined) return out;
  // A fresh listener per reader (the fast scanner's, then saxes's if it gives up).
  const { custom, xfFormats } = readXmlPart(data, src, () => {
    const custom = new Map<number, string>();
    const xfFormats: number[] = [];
    let inCellXfs = false;
    return {
      custom,
      xfFormats,
      open(name: string, a: Readonly<Record<string, string>>) {
        if (name === 'numFmt' && a.numFmtId !== undefined && a.formatCode !== undefined)
          custom.set(Number(a.numFmtId), a.formatCode);
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfFormats.push(Number(a.numFmtId ?? 0));
      },
      close(name: string) {
        if (name === 'cellXfs') inCellXfs = false;
      },
    };
  });
  const isDate = new Map<number, boolean>();
  xfFormats.forEach((id, i) => {
    let date = isDate.get(id);
    if (date === undefined) {
      const code = custom.get(id);
      date = code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id);
      isDate.set(id, date);
    }
    if (date) out.add(i);
  });
  return out;
}
