import type { MergeHint, UnitRow } from '../../core/communes/communes.js';

/** Header of the standard sheet that dvc builds from a shipped list when the workbook has none. */
export const REFERENCE_HEADER = [
  'Mã TP',
  'Tỉnh / Thành Phố',
  'Mã QH',
  'Quận Huyện',
  'Mã PX',
  'Phường Xã',
  'Cấp',
  'Mã phường/xã CQT',
];
export const REFERENCE_TARGET_COLUMN = 7;

/** The shipped GSO list of an edition as standard rows; row numbers are those of the sheet dvc writes. */
export async function referenceSide(edition: 'gso-2025' | 'gso-2004'): Promise<{ units: UnitRow[]; levels: string[] }> {
  const { loadReferenceList } = await import('../../io/reference-data.js');
  const list = loadReferenceList(edition);
  const units: UnitRow[] = list.units.map((u, i) => ({
    rowNumber: i + 2,
    provinceCode: u.provinceCode,
    provinceName: u.provinceName,
    districtCode: u.districtCode,
    districtName: u.districtName,
    code: u.code,
    name: u.name,
  }));
  return { units, levels: list.units.map((u) => u.level) };
}

/**
 * For a standard side in the 2004 code system (it has districts), the commune(s) of 2025 an old commune went
 * into, from the shipped merge table (derived data: a hint in the reasons, never a fill). A 2025 sheet gets no
 * hint: its codes are new codes, and the old list reused many of them for other communes.
 */
export async function mergeHintFor(std: readonly UnitRow[]): Promise<MergeHint | undefined> {
  const hasDistricts = std.some((u) => (u.districtName ?? u.districtCode ?? '').trim() !== '');
  if (!hasDistricts) return undefined;
  const { loadMergeTable } = await import('../../io/reference-data.js');
  const { mergeHint } = await import('../../core/reference/reference.js');
  const table = loadMergeTable();
  return (stdCode) => {
    const hint = mergeHint(table, stdCode);
    if (!hint || hint.targets.length === 0) return undefined;
    return { newCode: hint.targets.map((t) => t.code).join(', '), newName: hint.targets.map((t) => t.name).join(', ') };
  };
}
