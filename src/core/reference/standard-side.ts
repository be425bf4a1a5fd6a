/**
 * What the shipped lists say about the standard side of a match: which code system a sheet uses, which shipped
 * lists are of that system (the only ones whose spellings count as the unit's official names), the merge hints and
 * former districts that system calls for, and a shipped list as standard rows.
 */
import type { MergeHint as RowMergeHint, OfficialNames, UnitRow } from '../communes/communes-types.js';
import { pairProvinces } from '../communes/pair-units.js';
import { restoreCodeZeros } from '../text/text.js';
import { nameKeys } from '../text/text.js';
import { mergeHint } from './merge-hint.js';
import { EDITIONS, type Edition, type MergeTable, type ReferenceList } from './reference-types.js';

/** The code system of a sheet: the 2004 codes (with districts) or the 2025 list (no districts). */
export type SheetCodeSystem = 'gso-2004' | 'gso-2025';

/**
 * A sheet with districts uses the 2004 codes; one without uses the 2025 list, which abolished districts. Undefined
 * for a sheet with no rows.
 */
export function codeSystemOf(units: readonly UnitRow[]): SheetCodeSystem | undefined {
  if (units.length === 0) return undefined;
  const hasDistricts = units.some((u) => (u.districtName ?? u.districtCode ?? '').trim() !== '');
  return hasDistricts ? 'gso-2004' : 'gso-2025';
}

/** The shipped editions of a code system: the 2025 list, or both editions of the 2004 codes. */
export function editionsOfSystem(system: SheetCodeSystem): Edition[] {
  return EDITIONS.filter((e) => (e === 'gso-2025') === (system === 'gso-2025'));
}

const communeCode = (code: string) => restoreCodeZeros(code, 'commune', 'gso').code;

/**
 * A shipped list as standard rows; row numbers are those of the sheet dvc writes. With `pairWith` (the tax rows),
 * only the provinces that pair with a province of the tax sheet are kept: the standard sheet rebuilt for a
 * workbook of one province is that province's list, not the country's.
 */
export function referenceUnits(
  list: ReferenceList,
  pairWith?: readonly UnitRow[],
): { units: UnitRow[]; levels: string[] } {
  let chosen = list.units;
  if (pairWith) {
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
 * For a standard side of the 2004 codes, the commune(s) of 2025 an old commune went into, from the merge table
 * (derived data: a hint in the reasons, never a fill). A 2025 sheet gets no hint: its codes are new codes, and the
 * old list reused many of them for other communes.
 */
export function mergeHintOf(std: readonly UnitRow[], table: MergeTable): RowMergeHint | undefined {
  if (codeSystemOf(std) !== 'gso-2004') return undefined;
  return (stdCode) => {
    const hint = mergeHint(table, stdCode);
    if (!hint || hint.targets.length === 0) return undefined;
    return { newCode: hint.targets.map((t) => t.code).join(', '), newName: hint.targets.map((t) => t.name).join(', ') };
  };
}

/**
 * For a standard side of the 2025 list: the old districts each new commune was formed from, from the merge table
 * and the 2004-coded list. The tax authority's 2025 list carries the old district, so a name repeated in a province
 * can be told apart by it.
 */
export function formerDistrictsOf(
  std: readonly UnitRow[],
  table: MergeTable,
  list2004: ReferenceList,
): ((stdCode: string) => readonly string[] | undefined) | undefined {
  if (codeSystemOf(std) !== 'gso-2025') return undefined;
  const districtOf = new Map(list2004.units.map((u) => [u.code, u.districtName ?? '']));
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
    const set = byNew.get(communeCode(code));
    return set ? [...set] : undefined;
  };
}

/**
 * The official spellings the shipped lists give the units of the standard side, where they differ from the
 * sheet's own spelling only in diacritics (same code, same folded name): "Xã Phó Bảng" 00745 is "Xã Phố Bảng" in
 * the shipped 2025 list. A tax name equal to such a spelling is the unit's name, not a similar one. `lists` are the
 * shipped lists of the standard side's own code system (editionsOfSystem): the 2025 list reuses old codes for new,
 * merged communes, which are other units.
 */
export function officialNamesOf(std: readonly UnitRow[], lists: readonly ReferenceList[]): OfficialNames | undefined {
  if (std.length === 0) return undefined;
  // Only the codes the sheet holds are looked up: the lists' other units need no entry.
  const codes = std.map((row) => communeCode(row.code));
  // The sheet's spelling of each code (null when rows of one code are spelt differently): a shipped unit spelt
  // exactly so is no other spelling, and is passed over without an entry.
  const sheetName = new Map<string, string | null>();
  codes.forEach((code, i) => {
    const seen = sheetName.get(code);
    sheetName.set(code, seen === undefined || seen === std[i].name ? std[i].name : null);
  });
  const shipped = new Map<string, { name: string; list: string; province: string }[]>();
  for (const list of lists) {
    const label = `${list.edition} (${list.effective})`;
    for (const u of list.units) {
      const own = sheetName.get(u.code);
      if (own === undefined || own === u.name) continue;
      const entry = shipped.get(u.code) ?? [];
      entry.push({ name: u.name, list: label, province: u.provinceCode });
      shipped.set(u.code, entry);
    }
  }
  const byStdCode = new Map<string, { name: string; list: string }[]>();
  std.forEach((row, i) => {
    // The same spelling has the same compact key: not another official spelling. Most rows have no other.
    const spellings = (shipped.get(codes[i]) ?? []).filter((o) => o.name !== row.name);
    if (spellings.length === 0) return;
    const own = nameKeys(row.name, 'commune');
    const province = row.provinceCode === undefined ? undefined : restoreCodeZeros(row.provinceCode, 'province', 'gso');
    const others = spellings.filter((o) => {
      if (province && /^\d+$/.test(province.code) && o.province !== province.code) return false;
      const k = nameKeys(o.name, 'commune');
      return k.folded === own.folded && k.compact !== own.compact && k.unitType === own.unitType;
    });
    if (others.length > 0)
      byStdCode.set(
        row.code.trim(),
        others.map(({ name, list }) => ({ name, list })),
      );
  });
  if (byStdCode.size === 0) return undefined;
  return (stdCode) => byStdCode.get(stdCode.trim()) ?? byStdCode.get(stdCode.trim().replace(/^0+/, ''));
}
