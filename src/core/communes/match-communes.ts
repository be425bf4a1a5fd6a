/**
 * The engine's entry point: repairs codes, pairs provinces and districts, matches every province block,
 * applies the officer's decisions, unfills codes chosen twice, and counts the outcome per province.
 */
import { clearExplainCache, restoreCodeZeros, type CodeSystem, type NameKeys } from '../text/text.js';
import { buildBlockIndex, type BlockIndex, type IndexedRow } from './block-index.js';
import { matchBlock, type BlockMatch } from './match-block.js';
import { districtKey, pairDistricts, pairProvinces, provinceKeyOf, refKey } from './pair-units.js';
import { proposeCandidates } from './propose-candidates.js';
import type {
  Candidate,
  CandidateWhy,
  CodeConflict,
  CodeRepair,
  Decision,
  DuplicateCode,
  MatchInput,
  MatchResult,
  ProvincePair,
  ProvinceSummary,
  Reason,
  RowMatch,
  TaxUnused,
  UnitRow,
} from './communes-types.js';
import { statusCounts } from './status-counts.js';

function repairCodes(
  rows: readonly UnitRow[],
  side: 'std' | 'tax',
  system: CodeSystem,
  repairs: CodeRepair[],
): Map<UnitRow, string> {
  const out = new Map<UnitRow, string>();
  for (const row of rows) {
    const r = restoreCodeZeros(row.code, 'commune', system);
    if (r.leadingZeroRestored) repairs.push({ side, row: row.rowNumber, from: row.code.trim(), to: r.code });
    out.set(row, r.code);
  }
  return out;
}

function duplicates(
  rows: readonly UnitRow[],
  codes: ReadonlyMap<UnitRow, string>,
  side: 'std' | 'tax',
): DuplicateCode[] {
  const byCode = new Map<string, number[]>();
  for (const row of rows) {
    const code = codes.get(row)!;
    if (code === '') continue;
    const list = byCode.get(code);
    if (list) list.push(row.rowNumber);
    else byCode.set(code, [row.rowNumber]);
  }
  return [...byCode].filter(([, r]) => r.length > 1).map(([code, r]) => ({ side, code, rows: r }));
}

function groupByProvince(rows: readonly UnitRow[]): Map<string, UnitRow[]> {
  const m = new Map<string, UnitRow[]>();
  for (const row of rows) {
    const k = provinceKeyOf(row);
    const list = m.get(k);
    if (list) list.push(row);
    else m.set(k, [row]);
  }
  return m;
}

function candidateOf(r: IndexedRow, why?: CandidateWhy): Candidate {
  return {
    code: r.code,
    name: r.row.name,
    ...(r.districtName ? { district: r.districtName } : {}),
    ...(why ? { why } : {}),
  };
}

const NO_TAX_CODE = new Set(['', '-', '—', '–']);
/** At most this many candidates on a review row. */
const MAX_CANDIDATES = 8;

/** Everything a run computes once, before the provinces are matched. */
interface RunContext {
  input: MatchInput;
  systems: { std: CodeSystem; tax: CodeSystem };
  stdCodes: Map<UnitRow, string>;
  taxCodes: Map<UnitRow, string>;
  stdGroups: Map<string, UnitRow[]>;
  taxGroups: Map<string, UnitRow[]>;
  decisions: Map<string, Decision>;
  taxByCode: Map<string, UnitRow>;
  /** When both sheets use one code system, codes are evidence too (see filledRow). */
  codeEvidence?: { stdCodes: ReadonlySet<string>; taxCodes: ReadonlySet<string> };
  /** Unset: the process-wide memo of name keys, shared with the edition check that ran before. */
  keyCache?: Map<string, NameKeys>;
}

function prepare(input: MatchInput, codeRepairs: CodeRepair[]): RunContext {
  const systems = input.codeSystems ?? { std: 'gso', tax: 'tms' };
  const stdCodes = repairCodes(input.std, 'std', systems.std, codeRepairs);
  const taxCodes = repairCodes(input.tax, 'tax', systems.tax, codeRepairs);
  const decisions = new Map<string, Decision>();
  for (const d of input.decisions ?? []) decisions.set(restoreCodeZeros(d.stdCode, 'commune', systems.std).code, d);
  const taxByCode = new Map<string, UnitRow>();
  for (const row of input.tax) if (!taxByCode.has(taxCodes.get(row)!)) taxByCode.set(taxCodes.get(row)!, row);
  return {
    input,
    systems,
    stdCodes,
    taxCodes,
    stdGroups: groupByProvince(input.std),
    taxGroups: groupByProvince(input.tax),
    decisions,
    taxByCode,
    codeEvidence:
      systems.std === systems.tax
        ? { stdCodes: new Set(stdCodes.values()), taxCodes: new Set(taxCodes.values()) }
        : undefined,
  };
}

export function matchCommunes(input: MatchInput): MatchResult {
  clearExplainCache();
  const codeRepairs: CodeRepair[] = [];
  const ctx = prepare(input, codeRepairs);
  const duplicateCodes = [...duplicates(input.std, ctx.stdCodes, 'std'), ...duplicates(input.tax, ctx.taxCodes, 'tax')];
  const pairing = pairProvinces(input.std, input.tax);
  const pairs = input.provinces ?? pairing.pairs;
  const results = new Map<UnitRow, RowMatch>();
  const taxUnused: TaxUnused[] = [];
  const conflicts: CodeConflict[] = [];
  const summaries = pairs.map((pair, province) =>
    matchProvince(ctx, pair, province, { results, taxUnused, conflicts }),
  );
  if (input.provinces === undefined) addUnpairedRows(ctx, results);
  const rows = input.std.filter((r) => results.has(r)).map((r) => results.get(r)!);
  return { rows, provinces: summaries, pairing, taxUnused, conflicts, duplicateCodes, codeRepairs };
}

/** Std rows of provinces that paired with nothing: not found, with their code repairs. */
function addUnpairedRows(ctx: RunContext, results: Map<UnitRow, RowMatch>): void {
  for (const row of ctx.input.std) {
    if (results.has(row)) continue;
    results.set(row, {
      stdRow: row.rowNumber,
      stdCode: ctx.stdCodes.get(row)!,
      stdName: row.name,
      province: -1,
      status: 'not_found',
      reasons: codeReasonsOf(row, ctx.stdCodes.get(row)!),
      candidates: [],
      duplicateName: false,
    });
  }
}

interface RunOutputs {
  results: Map<UnitRow, RowMatch>;
  taxUnused: TaxUnused[];
  conflicts: CodeConflict[];
}

function matchProvince(ctx: RunContext, pair: ProvincePair, province: number, out: RunOutputs): ProvinceSummary {
  const stdRows = ctx.stdGroups.get(refKey(pair.std)) ?? [];
  const taxRows = ctx.taxGroups.get(refKey(pair.tax)) ?? [];
  const stdIndex = buildBlockIndex(stdRows, ctx.stdCodes, ctx.keyCache);
  const taxIndex = buildBlockIndex(taxRows, ctx.taxCodes, ctx.keyCache);
  const districtPairs =
    stdIndex.hasDistricts && taxIndex.hasDistricts
      ? new Map(pairDistricts(stdRows, taxRows).map((p) => [districtKey(p.std), districtKey(p.tax)]))
      : null;
  const matches = matchBlock(stdIndex, taxIndex, districtPairs, {
    sameCodeSystem: ctx.codeEvidence !== undefined,
    formerDistricts: ctx.input.formerDistricts,
    officialNames: ctx.input.officialNames,
  });
  const rows = matches.map((m) => {
    const row = toRowMatch(m, province, ctx);
    out.results.set(m.std.row, row);
    return row;
  });
  const conflictCount = unfillConflicts(rows, province, out.conflicts);
  const used = new Set<string>();
  for (const r of rows) if (r.taxCode !== undefined) used.add(r.taxCode);
  const unused = taxIndex.rows.filter((t) => !used.has(t.code));
  for (const t of unused) {
    out.taxUnused.push({
      province,
      taxRow: t.row.rowNumber,
      code: t.code,
      name: t.row.name,
      ...(t.districtName ? { district: t.districtName } : {}),
    });
  }
  addReviewCandidates(matches, rows, unused, districtPairs, taxIndex, ctx);
  return {
    pair,
    ...statusCounts(rows),
    taxUnused: unused.length,
    conflicts: conflictCount,
  };
}

/** A tax code chosen by two or more std rows is filled for none of them (a decision wins over a match). */
function unfillConflicts(rows: readonly RowMatch[], province: number, conflicts: CodeConflict[]): number {
  const chosen = new Map<string, RowMatch[]>();
  for (const row of rows) {
    if (row.taxCode === undefined) continue;
    const list = chosen.get(row.taxCode);
    if (list) list.push(row);
    else chosen.set(row.taxCode, [row]);
  }
  let count = 0;
  for (const [taxCode, list] of chosen) {
    if (list.length < 2) continue;
    const decided = list.filter((r) => r.status === 'decided');
    const losers = decided.length > 0 ? list.filter((r) => r.status !== 'decided') : list;
    if (losers.length === 0) continue;
    const taxName = list[0].taxName ?? '';
    conflicts.push({ province, taxCode, taxName, stdCodes: list.map((r) => r.stdCode) });
    count++;
    for (const r of losers) {
      const others = list
        .filter((o) => o !== r)
        .map((o) => o.stdCode)
        .join(', ');
      r.candidates = [{ code: taxCode, name: taxName, why: 'same_name' }];
      r.reasons = [...r.reasons, { code: 'code_conflict', params: { code: taxCode, others } }];
      r.status = 'ambiguous';
      r.conflict = true;
      delete r.taxCode;
      delete r.taxName;
      delete r.taxRow;
      delete r.method;
    }
  }
  return count;
}

/**
 * Every ambiguous or not-found row gets at least one reason and its candidates, ranked: the engine's own
 * (same name elsewhere, another unit type, other diacritics, the commune it was merged into), similar
 * spellings, then unused tax rows of its district.
 */
function addReviewCandidates(
  matches: readonly BlockMatch[],
  rows: RowMatch[],
  unused: readonly IndexedRow[],
  districtPairs: ReadonlyMap<string, string> | null,
  taxIndex: BlockIndex,
  ctx: RunContext,
): void {
  rows.forEach((row, i) => {
    if (row.status !== 'ambiguous' && row.status !== 'not_found') return;
    const m = matches[i];
    const list = [...row.candidates];
    const seen = new Set(list.map((c) => c.code));
    const add = (c: Candidate) => {
      if (list.length >= MAX_CANDIDATES || seen.has(c.code)) return;
      seen.add(c.code);
      list.push(c);
    };
    for (const c of proposeCandidates(m.std.keys.folded, taxIndex.rows, ctx.input.proposals ?? 3))
      add({ ...c, why: 'similar_spelling' });
    const district = m.std.district !== undefined ? districtPairs?.get(m.std.district) : undefined;
    if (district !== undefined) {
      for (const t of unused) if (t.district === district) add(candidateOf(t, 'unused_same_district'));
    }
    row.candidates = list;
    if (row.reasons.every((r) => r.code === 'leading_zero_restored')) {
      row.reasons.push(
        row.status === 'ambiguous'
          ? { code: 'same_name_candidates', params: { count: list.length } }
          : { code: 'no_same_name' },
      );
    }
  });
}

function codeReasonsOf(row: UnitRow, code: string): Reason[] {
  return code !== row.code.trim() && /^0/.test(code)
    ? [{ code: 'leading_zero_restored', params: { from: row.code.trim(), to: code } }]
    : [];
}

type RowBase = Pick<RowMatch, 'stdRow' | 'stdCode' | 'stdName' | 'province' | 'duplicateName'>;

function toRowMatch(m: BlockMatch, province: number, ctx: RunContext): RowMatch {
  const base: RowBase = {
    stdRow: m.std.row.rowNumber,
    stdCode: m.std.code,
    stdName: m.std.row.name,
    province,
    duplicateName: m.duplicateName,
  };
  const codeReason = codeReasonsOf(m.std.row, m.std.code);
  const decision = ctx.decisions.get(m.std.code);
  if (decision) return decidedRow(base, codeReason, decision, ctx);
  if (m.outcome === 'filled') return filledRow(m, base, codeReason, ctx);
  const candidates = m.candidates.map((c) => candidateOf(c, m.why.get(c)));
  if (m.outcome === 'ambiguous')
    return { ...base, status: 'ambiguous', reasons: [...codeReason, ...m.reasons], candidates };
  const reasons: Reason[] = [...codeReason, ...m.reasons];
  const hint = ctx.input.mergeHint?.(m.std.code, m.std.row.name);
  if (hint) reasons.push({ code: 'merged_into', params: { code: hint.newCode, name: hint.newName } });
  return { ...base, status: 'not_found', reasons, candidates };
}

function decidedRow(base: RowBase, codeReason: Reason[], decision: Decision, ctx: RunContext): RowMatch {
  const reasons: Reason[] = [
    ...codeReason,
    { code: 'decided_by_officer', params: decision.note ? { note: decision.note } : {} },
  ];
  const taxCode = decision.taxCode?.trim() ?? '';
  if (NO_TAX_CODE.has(taxCode)) {
    return {
      ...base,
      status: 'decided',
      method: 'decision',
      reasons: [...reasons, { code: 'no_tax_commune' }],
      candidates: [],
    };
  }
  const restored = restoreCodeZeros(taxCode, 'commune', ctx.systems.tax).code;
  const taxRow = ctx.taxByCode.get(restored);
  if (!taxRow) reasons.push({ code: 'decision_code_unknown', params: { code: restored } });
  return {
    ...base,
    status: 'decided',
    method: 'decision',
    taxCode: restored,
    reasons,
    candidates: [],
    ...(taxRow ? { taxName: taxRow.name, taxRow: taxRow.rowNumber } : {}),
  };
}

function filledRow(m: BlockMatch, base: RowBase, codeReason: Reason[], ctx: RunContext): RowMatch {
  const t = m.tax!;
  const ev = ctx.codeEvidence;
  // Same code system: the std code is gone from the tax sheet and the tax code is another std row's code, so
  // the std commune was merged into (or renamed to make room for) that tax commune.
  if (ev && t.code !== m.std.code && !ev.taxCodes.has(m.std.code) && ev.stdCodes.has(t.code)) {
    return {
      ...base,
      status: 'not_found',
      reasons: [...codeReason, { code: 'merged_into', params: { code: t.code, name: t.row.name } }],
      candidates: [candidateOf(t, 'merged_into')],
    };
  }
  // The commonest outcome, written out without spreads: it runs for nearly every row of a country.
  return {
    stdRow: base.stdRow,
    stdCode: base.stdCode,
    stdName: base.stdName,
    province: base.province,
    duplicateName: base.duplicateName,
    status: m.tier === 'exact' ? 'exact' : 'normalised',
    method: m.tier,
    taxCode: ctx.taxCodes.get(t.row) ?? t.code,
    taxName: t.row.name,
    taxRow: t.row.rowNumber,
    reasons: codeReason.length ? [...codeReason, ...m.reasons] : m.reasons,
    candidates: [],
  };
}
