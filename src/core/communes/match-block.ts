/**
 * Matching inside one province pair. Tiers exact → normalised → compact → folded; at the first tier where
 * the std key meets tax keys, a code is filled only when exactly one tax row survives and no other std row
 * competes for it. Duplicated names are resolved by district when both sheets have districts, or by the old
 * district a 2025 commune came from (merge table) when only the tax sheet has them; the unit type separates
 * "Phường X" from "Xã X"; the folded tier joins two names only when one of them is written without diacritics.
 */
import { explainKeyMatch, foldingJoins, nameKeys, TIERS, type Tier } from '../text/text.js';
import type { BlockIndex, IndexedRow } from './block-index.js';
import type { CandidateWhy, OfficialNames, Reason } from './communes-types.js';
import { codesContradict, fillSoleTypoPairs } from './sole-typo-pair.js';
import { unmarkedRivals, type FoldScope } from './unmarked-rivals.js';

export interface BlockMatch {
  std: IndexedRow;
  outcome: 'filled' | 'ambiguous' | 'not_found';
  tier?: Tier;
  tax?: IndexedRow;
  candidates: IndexedRow[];
  /** Why each candidate is one. */
  why: Map<IndexedRow, CandidateWhy>;
  reasons: Reason[];
  duplicateName: boolean;
}

export interface BlockOptions {
  /** Both sheets use one code system: a tax row carrying the std row's own code confirms a differing spelling. */
  sameCodeSystem?: boolean;
  /** The old districts (names) a 2025 std commune came from, from the shipped merge table. */
  formerDistricts?: (stdCode: string) => readonly string[] | undefined;
  /** Official spellings of a std unit (same code) other than the sheet's: one equal to the tax name links them. */
  officialNames?: OfficialNames;
}

interface BlockContext {
  std: BlockIndex;
  tax: BlockIndex;
  useDistricts: boolean;
  districtPairs: ReadonlyMap<string, string> | null;
  pairedTaxDistricts: ReadonlySet<string>;
  options: BlockOptions;
}

interface RowState {
  s: IndexedRow;
  duplicateName: boolean;
  taxDistrict: string | undefined;
  /** Candidates met at a stricter tier but set aside (another district, another unit type). */
  elsewhere: Map<IndexedRow, CandidateWhy>;
}

function sameUnit(a: IndexedRow, b: IndexedRow): boolean {
  return a.keys.unitType === null || b.keys.unitType === null || a.keys.unitType === b.keys.unitType;
}

export function matchBlock(
  std: BlockIndex,
  tax: BlockIndex,
  districtPairs: ReadonlyMap<string, string> | null,
  options: BlockOptions = {},
): BlockMatch[] {
  const ctx: BlockContext = {
    std,
    tax,
    useDistricts: districtPairs !== null && std.hasDistricts && tax.hasDistricts,
    districtPairs,
    pairedTaxDistricts: new Set(districtPairs?.values() ?? []),
    options,
  };
  const matches = std.rows.map((s) => matchRow(s, ctx));
  if (ctx.useDistricts) fillSoleTypoPairs(matches, std, tax, districtPairs!, options.sameCodeSystem === true);
  return matches;
}

function matchRow(s: IndexedRow, ctx: BlockContext): BlockMatch {
  const key = s.keys.normalised;
  const st: RowState = {
    s,
    duplicateName:
      (ctx.std.byTier.normalised.get(key)?.length ?? 0) > 1 || (ctx.tax.byTier.normalised.get(key)?.length ?? 0) > 1,
    taxDistrict: ctx.useDistricts && s.district ? ctx.districtPairs!.get(s.district) : undefined,
    elsewhere: new Map(),
  };
  for (const tier of TIERS) {
    const cands = ctx.tax.byTier[tier].get(s.keys[tier]);
    if (!cands) continue;
    const out = matchAtTier(st, tier, cands, ctx);
    if (out) return out;
  }
  if (st.elsewhere.size > 0) return ambiguous(st, [...st.elsewhere.keys()], st.elsewhere);
  return { std: s, outcome: 'not_found', candidates: [], why: new Map(), reasons: [], duplicateName: st.duplicateName };
}

/** The outcome at one tier, or null to try the next (looser) tier. */
function matchAtTier(st: RowState, tier: Tier, cands: IndexedRow[], ctx: BlockContext): BlockMatch | null {
  const s = st.s;
  const allCompetitors = ctx.std.byTier[tier].get(s.keys[tier]) ?? [s];
  // A name duplicated in the province is settled by district (or the old district it came from) or not at all.
  if (st.duplicateName && !ctx.useDistricts) {
    return (
      byFormerDistrict(st, tier, cands, allCompetitors, ctx) ??
      ambiguous(st, duplicateCandidates(s, ctx.tax, cands), sameWhy(cands, 'same_name'))
    );
  }
  const reasons: Reason[] = [];
  let survivors = cands;
  let competitors = allCompetitors;
  if (ctx.useDistricts && (st.duplicateName || cands.length > 1 || competitors.length > 1)) {
    const narrowed = narrowByDistrict(st, tier, cands, competitors, ctx, reasons);
    if (!narrowed) {
      // Same name, other districts only: a looser tier may still find this district's own spelling.
      for (const c of cands) st.elsewhere.set(c, 'same_name_other_district');
      return null;
    }
    [survivors, competitors] = narrowed;
  }
  if (survivors.length > 1 || competitors.length > 1) {
    const byUnit = unitTypeStep(st, tier, survivors, competitors);
    if (byUnit === 'later') return null;
    if (byUnit) {
      [survivors, competitors] = byUnit;
      reasons.push({ code: 'unit_type_preferred' });
    }
  }
  if (survivors.length === 1 && competitors.length === 1) return fill(st, tier, survivors[0], reasons, ctx);
  const list = survivors.length > 0 ? survivors : cands;
  return ambiguous(
    st,
    list,
    sameWhy(list, s.keys.unitType && !byUnitAgrees(s, list) ? 'other_unit_type' : 'same_name'),
  );
}

/**
 * The unit type decides when it agrees with exactly one candidate; when every candidate is another unit type
 * ("Xã Yên Viên" for "Thị trấn Yên Viên"), a looser tier may find this unit's own row ('later').
 */
function unitTypeStep(
  st: RowState,
  tier: Tier,
  survivors: IndexedRow[],
  competitors: IndexedRow[],
): [IndexedRow[], IndexedRow[]] | 'later' | null {
  const byUnit = narrowByUnitType(st.s, survivors, competitors);
  if (byUnit) return byUnit;
  if (tier === 'folded' || !allOtherUnitType(st.s, survivors)) return null;
  for (const c of survivors) st.elsewhere.set(c, 'other_unit_type');
  return 'later';
}

function byUnitAgrees(s: IndexedRow, list: readonly IndexedRow[]): boolean {
  return list.some((t) => t.keys.unitType === s.keys.unitType);
}

function allOtherUnitType(s: IndexedRow, survivors: readonly IndexedRow[]): boolean {
  return (
    s.keys.unitType !== null && survivors.every((t) => t.keys.unitType !== null && t.keys.unitType !== s.keys.unitType)
  );
}

/** Keeps the candidates of the std row's own district; null when none is left. */
function narrowByDistrict(
  st: RowState,
  tier: Tier,
  cands: IndexedRow[],
  competitors: IndexedRow[],
  ctx: BlockContext,
  reasons: Reason[],
): [IndexedRow[], IndexedRow[]] | null {
  const s = st.s;
  // A candidate in another paired district is a different commune with the same name; when the std district
  // itself has no counterpart (it was dissolved), its communes may be anywhere.
  const survivors = cands.filter(
    (t) => st.taxDistrict === undefined || t.district === st.taxDistrict || !ctx.pairedTaxDistricts.has(t.district!),
  );
  if (survivors.length === 0) return null;
  const own = st.taxDistrict !== undefined ? competitors.filter((c) => c.district === s.district) : competitors;
  const all = ctx.std.byTier[tier].get(s.keys[tier])?.length ?? 1;
  if (survivors.length === 1 && (cands.length > 1 || own.length < all)) {
    reasons.push({ code: 'district_disambiguated', params: { district: s.districtName ?? '' } });
  }
  return [survivors, own];
}

/** The unit type (written out, abbreviated or folded) agreeing with exactly one candidate decides. */
function narrowByUnitType(
  s: IndexedRow,
  survivors: IndexedRow[],
  competitors: IndexedRow[],
): [IndexedRow[], IndexedRow[]] | null {
  const byUnit = survivors.filter((t) => t.keys.unitType !== null && t.keys.unitType === s.keys.unitType);
  if (byUnit.length !== 1) return null;
  const rivals = competitors.filter((c) => sameUnit(c, s) && sameUnit(c, byUnit[0]));
  return rivals.length === 1 ? [byUnit, rivals] : null;
}

/**
 * A 2025 commune whose name is repeated in its province, against a tax sheet that carries the old district:
 * the merge table's old district(s) of this commune must select exactly one tax row, and no other std row of
 * the same name may claim that row's district.
 */
function byFormerDistrict(
  st: RowState,
  tier: Tier,
  cands: IndexedRow[],
  competitors: readonly IndexedRow[],
  ctx: BlockContext,
): BlockMatch | null {
  const formerOf = ctx.options.formerDistricts;
  const s = st.s;
  if (!formerOf || !ctx.tax.hasDistricts || s.district !== undefined) return null;
  const former = formerOf(s.code);
  if (!former?.length) return null;
  const hits = cands.filter((t) => inDistricts(t, former) && sameUnit(s, t));
  if (hits.length !== 1) return null;
  for (const c of competitors) {
    if (c === s) continue;
    const other = formerOf(c.code);
    if (!other?.length || (inDistricts(hits[0], other) && sameUnit(c, hits[0]))) return null;
  }
  const reason: Reason = { code: 'former_district', params: { district: hits[0].districtName ?? '' } };
  return fill(st, tier, hits[0], [reason], ctx);
}

function inDistricts(t: IndexedRow, districts: readonly string[]): boolean {
  if (!t.districtName) return false;
  const key = nameKeys(t.districtName, 'district').folded;
  return districts.some((d) => nameKeys(d, 'district').folded === key);
}

/** The rows of the std row's district and of the tax district paired with it, or the whole province. */
function foldScope(st: RowState, ctx: BlockContext): FoldScope {
  const taxDistrict = st.taxDistrict;
  if (taxDistrict === undefined) return { std: () => true, tax: () => true };
  const district = st.s.district;
  return {
    std: (x) => x.district === district,
    tax: (y) => y.district === taxDistrict || !ctx.pairedTaxDistricts.has(y.district!),
  };
}

function fill(st: RowState, tier: Tier, t: IndexedRow, reasons: Reason[], ctx: BlockContext): BlockMatch {
  const s = st.s;
  const stdFolded = ctx.std.byTier.folded.get(s.keys.folded) ?? [s];
  const taxFolded = ctx.tax.byTier.folded.get(t.keys.folded) ?? [t];
  // Nearly every row: one row of these letters on each side, nothing to weigh.
  if (stdFolded.length > 1 || taxFolded.length > 1) {
    const rivals = unmarkedRivals(s, t, stdFolded, taxFolded, foldScope(st, ctx));
    if (rivals.std.length > 0 || rivals.tax.length > 0) return unmarkedReview(st, t, rivals);
  }
  const text = explainKeyMatch(s.keys, t.keys, tier).map((code): Reason => ({ code }));
  if (tier === 'folded' && !foldingJoins(s.keys, t.keys)) {
    // Both names carry diacritics and differ: different names, unless both sheets give the row the same code or an
    // official list spells the std row's unit (its code) exactly as the tax sheet does.
    // With one code system on both sheets, a different code contradicts a likeness of spelling.
    const codesDiffer = codesContradict(s, t, ctx.options.sameCodeSystem === true);
    const official = codesDiffer ? undefined : officialSpelling(s, t, ctx);
    if (ctx.options.sameCodeSystem && t.code === s.code) {
      reasons.push({ code: 'code_confirms', params: { code: t.code } });
    } else if (official) {
      reasons.push({ code: 'official_spelling', params: { code: s.code, name: official.name, list: official.list } });
    } else {
      const why = new Map(st.elsewhere);
      why.set(t, 'similar_spelling');
      const candidates = [t, ...[...st.elsewhere.keys()].filter((c) => c !== t)];
      const reason: Reason = { code: 'diacritics_differ', params: { name: t.row.name, code: t.code } };
      return { std: s, outcome: 'not_found', candidates, why, reasons: [reason], duplicateName: st.duplicateName };
    }
  }
  return {
    std: s,
    outcome: 'filled',
    tier,
    tax: t,
    candidates: [],
    why: new Map(),
    reasons: [...text, ...reasons],
    duplicateName: st.duplicateName,
  };
}

/** A name without diacritics that may stand for several: every one of them is a candidate, none is filled. */
function unmarkedReview(st: RowState, t: IndexedRow, rivals: { std: IndexedRow[]; tax: IndexedRow[] }): BlockMatch {
  const s = st.s;
  const candidates = [t, ...rivals.tax];
  const [name, names] = rivals.tax.length > 0 ? [s, candidates] : [t, [s, ...rivals.std]];
  const reason: Reason = {
    code: 'unmarked_several',
    params: { name: name.row.name, names: names.map((r) => `${r.row.name} (${r.code})`).join(', ') },
  };
  const why = new Map(st.elsewhere);
  for (const c of candidates) why.set(c, 'same_name');
  return { std: s, outcome: 'ambiguous', candidates, why, reasons: [reason], duplicateName: st.duplicateName };
}

/** The official spelling of the std row's unit that is the tax row's name after normalisation, if any. */
function officialSpelling(s: IndexedRow, t: IndexedRow, ctx: BlockContext): { name: string; list: string } | undefined {
  const names = ctx.options.officialNames?.(s.code);
  return names?.find((n) => nameKeys(n.name, 'commune').compact === t.keys.compact);
}

/** Every tax row that shares the std row's name key at some tier. */
function duplicateCandidates(s: IndexedRow, tax: BlockIndex, cands: IndexedRow[]): IndexedRow[] {
  const all = new Set(cands);
  for (const t of tax.byTier.normalised.get(s.keys.normalised) ?? []) all.add(t);
  return [...all];
}

function sameWhy(list: readonly IndexedRow[], why: CandidateWhy): Map<IndexedRow, CandidateWhy> {
  return new Map(list.map((t) => [t, why]));
}

function ambiguous(st: RowState, cands: IndexedRow[], why: Map<IndexedRow, CandidateWhy>): BlockMatch {
  const all = new Map(why);
  for (const c of cands) if (!all.has(c)) all.set(c, 'same_name');
  return { std: st.s, outcome: 'ambiguous', candidates: cands, why: all, reasons: [], duplicateName: st.duplicateName };
}
