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

/**
 * `refKey(provinceRefOf(row))`, looked up by the code and name as written: no reference or key string is built per
 * row (rows are grouped by province several times a run).
 */
export function provinceKeyOf(row: UnitRow): string {
  const code = row.provinceCode ?? '';
  const name = row.provinceName ?? '';
  let byName = provinceKeys.byCode.get(code);
  let key = byName?.get(name);
  if (key === undefined) {
    key = refKey(provinceRefOf(row));
    // A country has 63 provinces; the cache cannot grow past the spellings a run meets.
    if (provinceKeys.size < 10_000) {
      if (!byName) provinceKeys.byCode.set(code, (byName = new Map()));
      byName.set(name, key);
      provinceKeys.size++;
    }
  }
  return key;
}
/** Province keys by code and name as written (undefined read as ""); `size` entries in all. */
const provinceKeys = { byCode: new Map<string, Map<string, string>>(), size: 0 };

/** The distinct provinces of `rows`, each as first met. */
function distinctProvinces(rows: readonly UnitRow[]): ProvinceRef[] {
  const seen = new Map<string, ProvinceRef>();
  for (const row of rows) {
    const k = provinceKeyOf(row);
    if (!seen.has(k)) seen.set(k, provinceRefOf(row));
  }
  return [...seen.values()];
}

export function districtRefOf(row: UnitRow): ProvinceRef | undefined {
  const name = row.districtName?.trim() ?? '';
  const code = row.districtCode?.trim() || undefined;
  if (name === '' && code === undefined) return undefined;
  return { code, name };
}

/**
 * Identity of a district on one sheet: its name up to case and spacing ("Thị Xã Sa Pa" and "Thị xã  Sa Pa" with two
 * codes are one district written two ways), and the old province its code names when it is a 5-digit tax-authority
 * code (province + district): in a 2025 province the five old "Huyện Châu Thành" of the tax list are 81605, 81915…,
 * one per old province.
 */
export function districtKey(ref: ProvinceRef): string {
  // Looked up by code, then name: no key string is built for the lookup itself (it runs once per row).
  const code = ref.code ?? '';
  let byName = districtKeys.byCode.get(code);
  let key = byName?.get(ref.name);
  if (key === undefined) {
    const name = ref.name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
    key = `${oldProvinceOf(ref) ?? ''}\u0000${name === '' ? (ref.code ?? '') : name}`;
    // A country has under a thousand districts; the cache cannot grow past the names a run meets.
    if (districtKeys.size < 10_000) {
      if (!byName) districtKeys.byCode.set(code, (byName = new Map()));
      byName.set(ref.name, key);
      districtKeys.size++;
    }
  }
  return key;
}
/** District keys by code (or "") and name as written; `size` entries in all. */
const districtKeys = { byCode: new Map<string, Map<string, string>>(), size: 0 };

/** The old province a 5-digit tax-authority district code starts with, if the code is one. */
function oldProvinceOf(ref: ProvinceRef): string | undefined {
  return ref.code !== undefined && /^\d{5}$/.test(ref.code) ? ref.code.slice(0, 3) : undefined;
}

function distinctRefs(
  rows: readonly UnitRow[],
  of: (r: UnitRow) => ProvinceRef | undefined,
  key: (ref: ProvinceRef) => string = refKey,
): ProvinceRef[] {
  const seen = new Map<string, ProvinceRef>();
  for (const row of rows) {
    const ref = of(row);
    if (!ref) continue;
    const k = key(ref);
    if (!seen.has(k)) seen.set(k, ref);
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
  const pairing = pairProvincesByName(std, tax);
  return pairBySameCode(pairing);
}

const codeKey = (code: string | undefined) => (code !== undefined && /^\d+$/.test(code) ? String(Number(code)) : code);

/**
 * Units left unpaired by name that carry one same code on both sheets, when every unit paired by name has one code on
 * both sheets (the sheets share one code system): a unit renamed between editions under its code (Thừa Thiên Huế →
 * Thành phố Huế, 46; Huyện Tĩnh Gia → Thị xã Nghi Sơn, 407). Codes repeated on a side pair nothing.
 */
function sameCodePairs(
  paired: readonly { std: ProvinceRef; tax: ProvinceRef }[],
  unpairedStd: readonly ProvinceRef[],
  unpairedTax: readonly ProvinceRef[],
): { std: ProvinceRef; tax: ProvinceRef; code: string }[] {
  const coded = paired.filter((p) => p.std.code !== undefined && p.tax.code !== undefined);
  if (coded.length === 0 || coded.some((p) => codeKey(p.std.code) !== codeKey(p.tax.code))) return [];
  const byCode = (refs: readonly ProvinceRef[]) => {
    const m = new Map<string, ProvinceRef[]>();
    for (const r of refs) if (r.code !== undefined) m.set(codeKey(r.code)!, [...(m.get(codeKey(r.code)!) ?? []), r]);
    return m;
  };
  const taxByCode = byCode(unpairedTax);
  const out: { std: ProvinceRef; tax: ProvinceRef; code: string }[] = [];
  for (const [code, stdRefs] of byCode(unpairedStd)) {
    const taxRefs = taxByCode.get(code);
    if (stdRefs.length === 1 && taxRefs?.length === 1)
      out.push({ std: stdRefs[0], tax: taxRefs[0], code: stdRefs[0].code! });
  }
  return out;
}

/** A province renamed between editions pairs by its code (see sameCodePairs). */
function pairBySameCode(pairing: ProvincePairing): ProvincePairing {
  const found = sameCodePairs(pairing.pairs, pairing.unpairedStd, pairing.unpairedTax);
  if (found.length === 0) return pairing;
  const taken = new Set(found.flatMap((p) => [p.std, p.tax]));
  const pairs: ProvincePair[] = [
    ...pairing.pairs,
    ...found.map(({ std, tax, code }): ProvincePair => ({
      std,
      tax,
      method: 'same_code',
      reasons: [{ code: 'same_province_code', params: { code } }],
    })),
  ];
  return {
    ...pairing,
    pairs,
    unpairedStd: pairing.unpairedStd.filter((r) => !taken.has(r)),
    unpairedTax: pairing.unpairedTax.filter((r) => !taken.has(r)),
  };
}

function pairProvincesByName(std: readonly UnitRow[], tax: readonly UnitRow[]): ProvincePairing {
  const stdRefs = distinctProvinces(std);
  const taxRefs = distinctProvinces(tax);
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
  for (const row of tax) if (row.gsoProvinceCode?.trim()) gsoOfTax.set(provinceKeyOf(row), row.gsoProvinceCode.trim());
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

/**
 * Pairs the districts of one province pair (rows of that province on each side), as identified by `districtKey`.
 * A name found on several districts of the tax side (old districts of one name inside a new province) goes to the
 * one of the std district's old province: the same code prefix when both sides have one, else the old province
 * whose other districts paired by name with this province's.
 */
export function pairDistricts(std: readonly UnitRow[], tax: readonly UnitRow[]): DistrictPair[] {
  const named = pairByName(
    distinctRefs(std, districtRefOf, districtKey),
    distinctRefs(tax, districtRefOf, districtKey),
    'district',
  );
  const pairs: DistrictPair[] = named.pairs.map((p) => ({ std: p.std, tax: p.tax, method: p.tier }));
  if (named.ambiguous.length === 0) return withSameCodeDistricts(pairs, named);
  const votes = new Map<string, number>();
  for (const p of named.pairs) {
    const old = oldProvinceOf(p.tax);
    if (old !== undefined) votes.set(old, (votes.get(old) ?? 0) + 1);
  }
  const taken = new Set(pairs.map((p) => districtKey(p.tax)));
  // Tax district key → the std districts that chose it; a choice made twice is no choice.
  const chosen = new Map<string, { std: ProvinceRef; tax: ProvinceRef }[]>();
  for (const { std: ref, candidates } of named.ambiguous) {
    const own = oldProvinceOf(ref);
    const score = (c: ProvinceRef) =>
      own !== undefined ? (oldProvinceOf(c) === own ? 1 : 0) : (votes.get(oldProvinceOf(c) ?? '') ?? 0);
    const best = Math.max(...candidates.map(score));
    const top = candidates.filter((c) => score(c) === best);
    if (best <= 0 || top.length !== 1 || taken.has(districtKey(top[0]))) continue;
    const k = districtKey(top[0]);
    chosen.set(k, [...(chosen.get(k) ?? []), { std: ref, tax: top[0] }]);
  }
  for (const list of chosen.values()) if (list.length === 1) pairs.push({ ...list[0], method: 'exact' });
  return withSameCodeDistricts(pairs, named);
}

/** Districts renamed under their code pair by it (see sameCodePairs); `pairs` are the ones found so far. */
function withSameCodeDistricts(pairs: DistrictPair[], named: NamePairing): DistrictPair[] {
  const stdDone = new Set(pairs.map((p) => p.std));
  const taxDone = new Set(pairs.map((p) => p.tax));
  const stdLeft = [...named.unpairedStd, ...named.ambiguous.map((a) => a.std)].filter((r) => !stdDone.has(r));
  const taxLeft = named.unpairedTax.filter((r) => !taxDone.has(r));
  const found = sameCodePairs(pairs, stdLeft, taxLeft);
  return [...pairs, ...found.map(({ std, tax }): DistrictPair => ({ std, tax, method: 'exact' }))];
}
