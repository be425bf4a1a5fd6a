/**
 * The ledger of the officer's decisions: one place where a checked list of decisions is applied to the result of
 * whichever matcher ran (the engine, `--via-merges`, a shipped reference list). Every mode therefore decides,
 * shows and counts a decision the same way.
 *
 * A decision may take a tax code that the matcher gave to another commune. That is allowed (the officer knows the
 * ground): the decided row says which commune held the code, and that commune goes back to review with a reason
 * that names the decision, so no code is written for two communes. A code a decided row gave up is listed among
 * the unused tax rows again.
 */
import { restoreCodeZeros, type CodeSystem } from '../text/text.js';
import type {
  CodeConflict,
  Decision,
  MatchResult,
  ProvinceSummary,
  Reason,
  RowMatch,
  TaxUnused,
  UnitRow,
} from '../communes/communes-types.js';
import { statusCounts } from '../communes/status-counts.js';

const NO_TAX_CODE = new Set(['', '-', '—', '–']);

export interface ApplyDecisionsInput {
  /** The matcher's result, without decisions; it is not changed. */
  match: MatchResult;
  /** Decisions already checked (known communes, codes of the right province, no code decided twice). */
  decisions: readonly Decision[];
  /** The tax rows, to name a decided code and to list a code given up as unused. */
  tax: readonly UnitRow[];
  codeSystems?: { std: CodeSystem; tax: CodeSystem };
  /**
   * Many communes may share one tax code (`--via-merges`: old communes merged into one new commune), so a
   * decision takes a code from no one.
   */
  sharedCodes?: boolean;
}

function copyRow(r: RowMatch): RowMatch {
  return { ...r, reasons: [...r.reasons], candidates: [...r.candidates] };
}

function unfill(r: RowMatch): void {
  delete r.taxCode;
  delete r.taxName;
  delete r.taxRow;
  delete r.method;
}

/** The row as the officer decided it; the leading-zero reasons of the row are kept. */
function decide(r: RowMatch, d: Decision, taxByCode: ReadonlyMap<string, UnitRow>, system: CodeSystem): void {
  const kept = r.reasons.filter((x) => x.code === 'leading_zero_restored');
  const reasons: Reason[] = [...kept, { code: 'decided_by_officer', params: d.note ? { note: d.note } : {} }];
  unfill(r);
  delete r.conflict;
  r.status = 'decided';
  r.method = 'decision';
  r.candidates = [];
  const text = d.taxCode?.trim() ?? '';
  if (NO_TAX_CODE.has(text)) {
    r.reasons = [...reasons, { code: 'no_tax_commune' }];
    return;
  }
  const code = restoreCodeZeros(text, 'commune', system).code;
  const row = taxByCode.get(code);
  if (!row) reasons.push({ code: 'decision_code_unknown', params: { code } });
  r.reasons = reasons;
  r.taxCode = code;
  if (row) {
    r.taxName = row.name;
    r.taxRow = row.rowNumber;
  }
}

/** A commune whose code a decision took: back to review, the reason naming the decision. */
function giveUp(r: RowMatch, code: string, by: RowMatch): void {
  const name = r.taxName ?? by.taxName ?? '';
  unfill(r);
  delete r.conflict;
  r.status = 'ambiguous';
  r.reasons = [
    ...r.reasons.filter((x) => x.code !== 'code_conflict'),
    { code: 'code_taken_by_decision', params: { code, by: by.stdCode, byName: by.stdName } },
  ];
  r.candidates = [{ code, name, why: 'same_name' }, ...r.candidates.filter((c) => c.code !== code)];
}

function countsOf(
  p: ProvinceSummary,
  province: number,
  rows: readonly RowMatch[],
  unused: readonly TaxUnused[],
  conflicts: readonly CodeConflict[],
  perProvince: boolean,
): ProvinceSummary {
  return {
    ...p,
    ...statusCounts(rows.filter((r) => r.province === province)),
    // A matcher that lists unused rows without a province (province -1) keeps its own figure.
    taxUnused: perProvince ? unused.filter((u) => u.province === province).length : p.taxUnused,
    conflicts: conflicts.filter((c) => c.province === province).length,
  };
}

interface Ledger {
  rows: RowMatch[];
  /** Decided rows by the tax code they took. */
  given: Map<string, RowMatch>;
  decided: Set<RowMatch>;
  /** Codes decided rows held before and gave up. */
  freed: { code: string; province: number }[];
}

function codeMaps(i: ApplyDecisionsInput, systems: { std: CodeSystem; tax: CodeSystem }) {
  const byStd = new Map<string, Decision>();
  for (const d of i.decisions) byStd.set(restoreCodeZeros(d.stdCode, 'commune', systems.std).code, d);
  const taxByCode = new Map<string, UnitRow>();
  for (const row of i.tax) {
    const code = restoreCodeZeros(row.code, 'commune', systems.tax).code;
    if (!taxByCode.has(code)) taxByCode.set(code, row);
  }
  return { byStd, taxByCode };
}

function decideRows(
  rows: RowMatch[],
  byStd: ReadonlyMap<string, Decision>,
  taxByCode: ReadonlyMap<string, UnitRow>,
  system: CodeSystem,
): Ledger {
  const ledger: Ledger = { rows, given: new Map(), decided: new Set(), freed: [] };
  for (const r of rows) {
    const d = byStd.get(r.stdCode);
    if (!d) continue;
    const before = r.taxCode;
    decide(r, d, taxByCode, system);
    ledger.decided.add(r);
    if (before !== undefined && before !== r.taxCode) ledger.freed.push({ code: before, province: r.province });
    if (r.taxCode !== undefined) ledger.given.set(r.taxCode, r);
  }
  return ledger;
}

/** Communes that held (or shared, in a conflict) a code a decision took go back to review. */
function takeCodes(l: Ledger, conflicts: readonly CodeConflict[]): void {
  const conflictCodes = new Set(conflicts.map((c) => c.taxCode));
  for (const r of l.rows) {
    if (l.decided.has(r)) continue;
    const held = r.taxCode ?? (r.conflict ? r.candidates[0]?.code : undefined);
    const by = held !== undefined ? l.given.get(held) : undefined;
    if (!by || held === undefined) continue;
    if (r.taxCode === undefined && !conflictCodes.has(held)) continue;
    by.reasons.push({ code: 'decision_takes_code', params: { code: held, other: r.stdCode, otherName: r.stdName } });
    giveUp(r, held, by);
  }
}

/** The unused tax rows after the decisions: less the codes now held, plus the codes given up. */
function unusedAfter(
  l: Ledger,
  before: readonly TaxUnused[],
  taxByCode: ReadonlyMap<string, UnitRow>,
  perProvince: boolean,
) {
  const held = new Set(l.rows.map((r) => r.taxCode).filter((c) => c !== undefined));
  const taxUnused = before.filter((u) => !held.has(u.code));
  const listed = new Set(taxUnused.map((u) => u.code));
  for (const f of l.freed) {
    const row = taxByCode.get(f.code);
    if (held.has(f.code) || listed.has(f.code) || !row) continue;
    listed.add(f.code);
    taxUnused.push({
      province: perProvince ? f.province : -1,
      taxRow: row.rowNumber,
      code: f.code,
      name: row.name,
      ...(row.districtName ? { district: row.districtName } : {}),
    });
  }
  return taxUnused;
}

export function applyDecisions(i: ApplyDecisionsInput): MatchResult {
  if (i.decisions.length === 0) return i.match;
  const systems = i.codeSystems ?? { std: 'gso', tax: 'tms' };
  const { byStd, taxByCode } = codeMaps(i, systems);
  const ledger = decideRows(i.match.rows.map(copyRow), byStd, taxByCode, systems.tax);
  if (!i.sharedCodes) takeCodes(ledger, i.match.conflicts);
  const conflicts = i.match.conflicts.filter((c) => !ledger.given.has(c.taxCode));
  const perProvince = !i.match.taxUnused.some((u) => u.province < 0);
  const taxUnused = unusedAfter(ledger, i.match.taxUnused, taxByCode, perProvince);
  const rows = ledger.rows;
  const provinces = i.match.provinces.map((p, k) => countsOf(p, k, rows, taxUnused, conflicts, perProvince));
  return { ...i.match, rows, provinces, taxUnused, conflicts };
}
