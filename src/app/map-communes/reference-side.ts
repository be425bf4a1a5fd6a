import type { MergeHint, OfficialNames, UnitRow } from '../../core/communes/communes.js';

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

/**
 * The shipped GSO list of an edition as standard rows; row numbers are those of the sheet dvc writes. With
 * `pairWith` (the tax rows), only the provinces that pair with a province of the tax sheet are kept: the
 * standard sheet rebuilt for a workbook of one province is that province's list, not the country's.
 */
export async function referenceSide(
  edition: 'gso-2025' | 'gso-2004',
  pairWith?: readonly UnitRow[],
): Promise<{ units: UnitRow[]; levels: string[] }> {
  const { loadReferenceList } = await import('../../io/reference-data.js');
  const list = loadReferenceList(edition);
  let chosen = list.units;
  if (pairWith) {
    const { pairProvinces } = await import('../../core/communes/communes.js');
    const all = list.units.map((u) => ({
      rowNumber: 0,
      provinceCode: u.provinceCode,
      provinceName: u.provinceName,
      code: u.code,
      name: u.name,
    }));
    const paired = new Set(pairProvinces(all, pairWith).pairs.map((p) => p.std.name));
    chosen = list.units.filter((u) => paired.has(u.provinceName));
  }
  const units: UnitRow[] = chosen.map((u, i) => ({
    rowNumber: i + 2,
    provinceCode: u.provinceCode,
    provinceName: u.provinceName,
    districtCode: u.districtCode,
    districtName: u.districtName,
    code: u.code,
    name: u.name,
  }));
  return { units, levels: chosen.map((u) => u.level) };
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

/**
 * For a standard side of the 2025 list (no districts): the old districts each new commune was formed from, from
 * the shipped merge table and the 2004-coded list. The tax authority's 2025 list carries the old district, so a
 * name repeated in a province can be told apart by it.
 */
export async function formerDistrictsFor(
  std: readonly UnitRow[],
): Promise<((stdCode: string) => readonly string[] | undefined) | undefined> {
  const hasDistricts = std.some((u) => (u.districtName ?? u.districtCode ?? '').trim() !== '');
  if (hasDistricts || std.length === 0) return undefined;
  const { loadMergeTable, loadReferenceList } = await import('../../io/reference-data.js');
  const table = loadMergeTable();
  const districtOf = new Map(loadReferenceList('gso-2004').units.map((u) => [u.code, u.districtName ?? '']));
  const byNew = new Map<string, Set<string>>();
  for (const [oldCode, entry] of table.byOldCode) {
    const district = districtOf.get(oldCode);
    if (!district) continue;
    for (const target of entry.targets) {
      const set = byNew.get(target.code) ?? new Set<string>();
      set.add(district);
      byNew.set(target.code, set);
    }
  }
  return (code) => {
    const set = byNew.get(code.trim().padStart(5, '0'));
    return set ? [...set] : undefined;
  };
}

/**
 * The official spellings the shipped lists give the units of the standard side, where they differ from the
 * sheet's own spelling only in diacritics (same code, same folded name): "Xã Phó Bảng" 00745 is "Xã Phố Bảng" in
 * the shipped 2025 list. A tax name equal to such a spelling is the unit's name, not a similar one. Only the lists of
 * the standard side's own code system are asked (a sheet with districts is 2004-coded, one without is the 2025
 * list): the 2025 list reuses old codes for new, merged communes, which are other units.
 */
export async function officialNamesFor(std: readonly UnitRow[]): Promise<OfficialNames | undefined> {
  if (std.length === 0) return undefined;
  const { loadReferenceList } = await import('../../io/reference-data.js');
  const { nameKeys } = await import('../../core/text/text.js');
  const { EDITIONS } = await import('../../core/reference/reference.js');
  const hasDistricts = std.some((u) => (u.districtName ?? u.districtCode ?? '').trim() !== '');
  const shipped = new Map<string, { name: string; list: string; province: string }[]>();
  for (const edition of EDITIONS.filter((e) => (e === 'gso-2025') !== hasDistricts)) {
    const list = loadReferenceList(edition);
    const label = `${edition} (${list.effective})`;
    for (const u of list.units) {
      const entry = shipped.get(u.code) ?? [];
      entry.push({ name: u.name, list: label, province: u.provinceCode });
      shipped.set(u.code, entry);
    }
  }
  const byStdCode = new Map<string, { name: string; list: string }[]>();
  for (const row of std) {
    const code = row.code.trim().padStart(5, '0');
    const own = nameKeys(row.name, 'commune');
    const province = row.provinceCode?.trim().padStart(2, '0');
    const others = (shipped.get(code) ?? []).filter((o) => {
      if (province && /^\d+$/.test(province) && o.province !== province) return false;
      // The same spelling has the same compact key: not another official spelling.
      if (o.name === row.name) return false;
      const k = nameKeys(o.name, 'commune');
      return k.folded === own.folded && k.compact !== own.compact && k.unitType === own.unitType;
    });
    if (others.length > 0)
      byStdCode.set(
        row.code.trim(),
        others.map(({ name, list }) => ({ name, list })),
      );
  }
  if (byStdCode.size === 0) return undefined;
  return (stdCode) => byStdCode.get(stdCode.trim()) ?? byStdCode.get(stdCode.trim().replace(/^0+/, ''));
}
