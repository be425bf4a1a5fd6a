// The public GSO list (2004 structure) as rows, and the header of a standard sheet: what the benches build their
// national workbooks from. The list files have no quoted fields (SOURCES.md), but a few names keep odd whitespace:
// split on commas only.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { REFERENCE_HEADER } = await import(pathToFileURL(path.join(dist, 'core/workbook/reference-sheet.js')).href);

/** The column titles of an officer's "MX Bo TTTT" sheet, with the row number first. */
export const STD_HEADER = ['STT', ...REFERENCE_HEADER];

export function readGsoUnits(csv) {
  return readFileSync(csv, 'utf8')
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => {
      const [provinceCode, provinceName, districtCode, districtName, code, name, level] = l.split(',');
      return { provinceCode, provinceName, districtCode, districtName, code, name, level };
    });
}

/** The "MX CQT" sheet of a streamed workbook: the tax authority's columns, then `rows`. */
export function writeTaxSheet(wb, rows) {
  const t = wb.addWorksheet('MX CQT');
  t.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã']).commit();
  for (const r of rows) t.addRow(r).commit();
  t.commit();
}
