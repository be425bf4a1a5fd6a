/**
 * Pairs provinces (and districts inside a province) between the two sheets by name, with the same tiers
 * as communes: GSO and TMS codes differ, so names decide. A GSO province code column on the tax side is
 * used only for provinces whose names did not pair.
 */
import { nameKeys, explainKeyMatch, TIERS, type NameKeys, type NameKind, type Tier } from '../text/text.js';
import type { DistrictPair, ProvincePair, ProvincePairing, ProvinceRef, Reason, UnitRow } from './communes-types.js';

/** Identity of a province or district reference: its code and name as written. */
export function refKey(ref: ProvinceRef): string {
  return `${ref.code ?? ''}\u0000${ref.name}`;
}

export function provinceRefOf(row: UnitRow): ProvinceRef {
  const code = row.provinceCode?.trim() || undefined;
  return { code, name: row.provinceName?.trim() ?? '' };
}

export function districtRefOf(row: UnitRow): ProvinceRef | undefined {
  const name = row.districtName?.trim() ?? '';
  const code = row.districtCode?.trim() || undefined;
  if (name === '' && code === undefined) return undefined;
  return { code, name };
}

function distinctRefs(rows: readonly UnitRow[], of: (r: UnitRow) => ProvinceRef | undefined): ProvinceRef[] {
  const seen = new Map<string, ProvinceRef>();
  for (const row of rows) {
    const ref = of(row);
    if (!ref) continue;
    const key = refKey(ref);
    if (!seen.has(key)) seen.set(key, ref);
  }
  return [...seen.values()];
}

interface NamePairing {
  pairs: { std: ProvinceRef; tax: ProvinceRef; tier: Tier; reasons: Reason[] }[];
  unpairedStd: ProvinceRef[];
  unpairedTax: ProvinceRef[];
  ambiguous: { std: ProvinceRef; candidates: ProvinceRef[] }[];
}

/** Pairs two lists of named units tier by tier; a pair is made only when the key is unique on both sides. */
export function pairByName(std: readonly ProvinceRef[], tax: readonly ProvinceRef[], kind: NameKind): NamePairing {
  const stdKeys = std.map((r) => nameKeys(r.name, kind));
  const taxKeys = tax.map((r) => nameKeys(r.name, kind));
  const stdDone = new Set<number>();
  const taxDone = new Set<number>();
  const out: NamePairing = { pairs: [], unpairedStd: [], unpairedTax: [], ambiguous: [] };
  const ambiguous = new Map<number, number[]>();
  for (const tier of TIERS) {
    const byKey = groupBy(taxKeys, tier, taxDone);
    const stdByKey = groupBy(stdKeys, tier, stdDone);
    std.forEach((_, i) => {
      if (stdDone.has(i) || stdKeys[i][tier] === '') return;
      const hits = byKey.get(stdKeys[i][tier]) ?? [];
      if (hits.length === 1 && (stdByKey.get(stdKeys[i][tier]) ?? []).length === 1) {
        const j = hits[0];
        stdDone.add(i);
        taxDone.add(j);
        ambiguous.delete(i);
        const reasons = explainKeyMatch(stdKeys[i], taxKeys[j], tier, kind).map((code) => ({ code }));
        out.pairs.push({ std: std[i], tax: tax[j], tier, reasons });
      } else if (hits.length > 1 && !ambiguous.has(i)) {
        ambiguous.set(i, hits);
      }
    });
  }
  std.forEach((ref, i) => {
    if (stdDone.has(i)) return;
    const hits = ambiguous.get(i);
    if (hits) out.ambiguous.push({ std: ref, candidates: hits.map((j) => tax[j]) });
    else out.unpairedStd.push(ref);
  });
  tax.forEach((ref, j) => {
    if (!taxDone.has(j)) out.unpairedTax.push(ref);
  });
  return out;
}

function groupBy(keys: readonly NameKeys[], tier: Tier, done: ReadonlySet<number>): Map<string, number[]> {
  const m = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (done.has(i)) return;
    const list = m.get(k[tier]);
    if (list) list.push(i);
    else m.set(k[tier], [i]);
  });
  return m;
}

/** Pairs the provinces of the two sheets. */
export function pairProvinces(std: readonly UnitRow[], tax: readonly UnitRow[]): ProvincePairing {
  const stdRefs = distinctRefs(std, provinceRefOf);
  const taxRefs = distinctRefs(tax, provinceRefOf);
  const named = pairByName(
    stdRefs.filter((r) => r.name !== ''),
    taxRefs.filter((r) => r.name !== ''),
    'province',
  );
  const pairs: ProvincePair[] = named.pairs.map((p) => ({
    std: p.std,
    tax: p.tax,
    method: p.tier,
    reasons: p.reasons,
  }));
  let unpairedStd = [...named.unpairedStd, ...stdRefs.filter((r) => r.name === '')];
  let unpairedTax = [...named.unpairedTax, ...taxRefs.filter((r) => r.name === '')];

  // Fallback: a GSO province code carried by the tax sheet.
  const gsoOfTax = new Map<string, string>();
  for (const row of tax)
    if (row.gsoProvinceCode?.trim()) gsoOfTax.set(refKey(provinceRefOf(row)), row.gsoProvinceCode.trim());
  const taxByGso = new Map<string, ProvinceRef>();
  for (const ref of unpairedTax) {
    const gso = gsoOfTax.get(refKey(ref));
    if (gso) taxByGso.set(gso.padStart(2, '0'), ref);
  }
  const stillStd: ProvinceRef[] = [];
  for (const ref of unpairedStd) {
    const tref = ref.code ? taxByGso.get(ref.code.padStart(2, '0')) : undefined;
    if (tref) {
      pairs.push({ std: ref, tax: tref, method: 'gso_code', reasons: [] });
      taxByGso.delete(ref.code!.padStart(2, '0'));
      unpairedTax = unpairedTax.filter((t) => t !== tref);
    } else {
      stillStd.push(ref);
    }
  }
  unpairedStd = stillStd;
  return { pairs, unpairedStd, unpairedTax, ambiguous: named.ambiguous };
}

/** Pairs the districts of one province pair (rows of that province on each side). */
export function pairDistricts(std: readonly UnitRow[], tax: readonly UnitRow[]): DistrictPair[] {
  const named = pairByName(distinctRefs(std, districtRefOf), distinctRefs(tax, districtRefOf), 'district');
  return named.pairs.map((p) => ({ std: p.std, tax: p.tax, method: p.tier }));
}
