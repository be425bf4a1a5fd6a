/**
 * Matching inside one province pair. Tiers exact → normalised → compact → folded; at the first tier where
 * the std key meets tax keys, a code is filled only when exactly one tax row survives and no other std row
 * competes for it. Duplicated names are resolved by district when both sheets have districts; the unit type
 * separates "Phường X" from "Xã X"; a folded key must be unique on the tax side.
 */
import { explainKeyMatch, TIERS, type Tier } from '../text/text.js';
import type { BlockIndex, IndexedRow } from './block-index.js';
import type { Reason } from './communes-types.js';

export interface BlockMatch {
  std: IndexedRow;
  outcome: 'filled' | 'ambiguous' | 'not_found';
  tier?: Tier;
  tax?: IndexedRow;
  candidates: IndexedRow[];
  reasons: Reason[];
  duplicateName: boolean;
}

function sameUnit(a: IndexedRow, b: IndexedRow): boolean {
  return a.keys.unitType === null || b.keys.unitType === null || a.keys.unitType === b.keys.unitType;
}

export function matchBlock(
  std: BlockIndex,
  tax: BlockIndex,
  districtPairs: ReadonlyMap<string, string> | null,
): BlockMatch[] {
  const useDistricts = districtPairs !== null && std.hasDistricts && tax.hasDistricts;
  const pairedTaxDistricts = new Set(districtPairs?.values() ?? []);
  return std.rows.map((s) => {
    const key = s.keys.normalised;
    const duplicateName =
      (std.byTier.normalised.get(key)?.length ?? 0) > 1 || (tax.byTier.normalised.get(key)?.length ?? 0) > 1;
    const taxDistrict = useDistricts && s.district ? districtPairs!.get(s.district) : undefined;
    // Candidates met at a stricter tier but in another district: listed if no tier finds one in the district.
    const elsewhere = new Set<IndexedRow>();
    for (const tier of TIERS) {
      const cands = tax.byTier[tier].get(s.keys[tier]);
      if (!cands) continue;
      const reasons: Reason[] = [];
      if (tier === 'folded' && cands.length > 1) return ambiguous(s, cands, duplicateName);
      let survivors = cands;
      let competitors = std.byTier[tier].get(s.keys[tier]) ?? [s];
      // A name duplicated in the province is settled by district or not at all.
      if (duplicateName && !useDistricts) return ambiguous(s, duplicateCandidates(s, tax, cands), duplicateName);
      if (useDistricts && (duplicateName || cands.length > 1 || competitors.length > 1)) {
        // A candidate in another paired district is a different commune with the same name; when the std
        // district itself has no counterpart (it was dissolved), its communes may be anywhere.
        const inDistrict = survivors.filter(
          (t) => taxDistrict === undefined || t.district === taxDistrict || !pairedTaxDistricts.has(t.district!),
        );
        survivors = inDistrict;
        if (survivors.length === 0) {
          // Same name, other districts only: a looser tier may still find this district's own spelling.
          for (const c of cands) elsewhere.add(c);
          continue;
        }
        if (taxDistrict !== undefined) competitors = competitors.filter((c) => c.district === s.district);
        if (
          survivors.length === 1 &&
          (cands.length > 1 || competitors.length < (std.byTier[tier].get(s.keys[tier])?.length ?? 1))
        ) {
          reasons.push({ code: 'district_disambiguated', params: { district: s.districtName ?? '' } });
        }
      }
      if (survivors.length > 1 || competitors.length > 1) {
        const byUnit = survivors.filter((t) => t.keys.unitType !== null && t.keys.unitType === s.keys.unitType);
        const rivals = competitors.filter((c) => sameUnit(c, s) && (byUnit.length !== 1 || sameUnit(c, byUnit[0])));
        if (byUnit.length === 1 && rivals.length === 1) {
          survivors = byUnit;
          competitors = rivals;
          reasons.push({ code: 'unit_type_preferred' });
        }
      }
      if (survivors.length === 1 && competitors.length === 1) {
        const t = survivors[0];
        const text = explainKeyMatch(s.keys, t.keys, tier).map((code): Reason => ({ code }));
        return {
          std: s,
          outcome: 'filled',
          tier,
          tax: t,
          candidates: [],
          reasons: [...text, ...reasons],
          duplicateName,
        };
      }
      return ambiguous(s, survivors.length > 0 ? survivors : cands, duplicateName);
    }
    if (elsewhere.size > 0) return ambiguous(s, [...elsewhere], duplicateName);
    return { std: s, outcome: 'not_found', candidates: [], reasons: [], duplicateName };
  });
}

/** Every tax row that shares the std row's name key at some tier. */
function duplicateCandidates(s: IndexedRow, tax: BlockIndex, cands: IndexedRow[]): IndexedRow[] {
  const all = new Set(cands);
  for (const t of tax.byTier.normalised.get(s.keys.normalised) ?? []) all.add(t);
  return [...all];
}

function ambiguous(s: IndexedRow, cands: IndexedRow[], duplicateName: boolean): BlockMatch {
  return { std: s, outcome: 'ambiguous', candidates: cands, reasons: [], duplicateName };
}
