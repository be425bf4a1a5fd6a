/**
 * Workbooks of mixed editions built from the lists shipped in data/: a standard sheet of the 2004-coded list
 * (edition 2025-03-01) and a tax sheet of the 2025 list, for chosen provinces. Tax codes are made up from the
 * GSO 2025 code ("T" + code) so a test can tell which new commune a fill points at.
 */
import path from 'node:path';
import { loadReferenceList } from '../io/reference-data.js';
import { buildWorkbook, STD_HEADER, tempDir } from './excel-workbooks.js';

export const TAX_HEADER = ['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã'];
export const taxCodeOf = (gso2025Code: string) => `T${gso2025Code}`;

/** Standard rows (2004-coded list) of `oldProvinces`, tax rows (2025 list) of `newProvinces`. */
export async function buildEditionWorkbook(
  name: string,
  o: {
    oldProvinces: string[];
    newProvinces: string[];
    stdEdition?: 'gso-2004' | 'gso-2025';
    /** Standard-sheet names to write otherwise, by code (a list that spells some names its own way). */
    stdNames?: Record<string, string>;
    /** Tax-sheet names to write otherwise, by GSO 2025 code. */
    taxNames?: Record<string, string>;
  },
): Promise<string> {
  const std = loadReferenceList(o.stdEdition ?? 'gso-2004').units.filter((u) =>
    o.oldProvinces.includes(u.provinceCode),
  );
  const tax = loadReferenceList('gso-2025').units.filter((u) => o.newProvinces.includes(u.provinceCode));
  const file = path.join(await tempDir('dvc-editions-'), name);
  await buildWorkbook(file, {
    'MX Bo TTTT': [
      STD_HEADER,
      ...std.map((u, i) => [
        i + 1,
        u.provinceCode,
        u.provinceName,
        u.districtCode ?? '',
        u.districtName ?? '',
        u.code,
        o.stdNames?.[u.code] ?? u.name,
        u.level,
        '',
      ]),
    ],
    'MX CQT': [
      TAX_HEADER,
      ...tax.map((u) => [u.provinceCode, u.provinceName, taxCodeOf(u.code), o.taxNames?.[u.code] ?? u.name]),
    ],
  });
  return file;
}
