/** The rows of one province pair on one side, with their name keys indexed by tier. */
import { nameKeys, TIERS, type NameKeys, type Tier } from '../text/text.js';
import { districtKey, districtRefOf } from './pair-units.js';
import type { UnitRow } from './communes-types.js';

export interface IndexedRow {
  row: UnitRow;
  /** Code after leading-zero restoration. */
  code: string;
  keys: NameKeys;
  /** districtKey of the district, if the row has one. */
  district?: string;
  districtName?: string;
}

export interface BlockIndex {
  rows: IndexedRow[];
  byTier: Record<Tier, Map<string, IndexedRow[]>>;
  /** Every row has a district. */
  hasDistricts: boolean;
}

/** `cache` is shared by both sides of one run: a name spelt alike on both sheets is normalised once. */
export function buildBlockIndex(
  rows: readonly UnitRow[],
  codes: ReadonlyMap<UnitRow, string>,
  cache?: Map<string, NameKeys>,
): BlockIndex {
  const indexed: IndexedRow[] = rows.map((row) => {
    const d = districtRefOf(row);
    return {
      row,
      code: codes.get(row) ?? row.code.trim(),
      keys: nameKeys(row.name, 'commune', cache),
      district: d ? districtKey(d) : undefined,
      districtName: d?.name,
    };
  });
  const byTier = {} as Record<Tier, Map<string, IndexedRow[]>>;
  for (const tier of TIERS) {
    const m = new Map<string, IndexedRow[]>();
    for (const r of indexed) {
      const k = r.keys[tier];
      if (k === '') continue;
      const list = m.get(k);
      if (list) list.push(r);
      else m.set(k, [r]);
    }
    byTier[tier] = m;
  }
  return { rows: indexed, byTier, hasDistricts: indexed.length > 0 && indexed.every((r) => r.district !== undefined) };
}
