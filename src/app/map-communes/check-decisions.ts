/**
 * The officer's decisions are checked before anything is matched or written: a decision that names a commune
 * the standard sheet does not have, a tax code the tax sheet of that commune's province does not have, or a tax
 * code given to two communes stops the run (exit 2) with every bad line named, so nothing half-right is written.
 */
import { DvcError, ExitCode } from '../../errors.js';
import type { ProvincePair, UnitRow } from '../../core/communes/communes.js';
import { provinceRefOf, refKey } from '../../core/communes/pair-units.js';
import { restoreCodeZeros } from '../../core/text/text.js';
import type { DecisionEntry } from '../../io/decisions-file.js';
import type { DecisionProblem, MapCommunesTexts } from './map-communes-texts.js';

export interface DecisionCheckInput {
  decisions: readonly DecisionEntry[];
  std: readonly UnitRow[];
  tax: readonly UnitRow[];
  /** Every province pair of the two sheets (not only those chosen with --province). */
  pairs: readonly ProvincePair[];
  stdSheet: string;
  taxSheet: string;
  /** Words for the error that names the bad lines. */
  texts: Pick<MapCommunesTexts, 'decisionProblem'>;
  /**
   * `--via-merges`: an old commune may take a code of another province of the tax sheet (provinces merged), and
   * several old communes may take one code (they were merged into one new commune).
   */
  viaMerges?: boolean;
}

interface TaxSide {
  byProvince: Map<string, Set<string>>;
  provinceOfCode: Map<string, string>;
}

const stdCodeOf = (code: string) => restoreCodeZeros(code, 'commune', 'gso').code;
const taxCodeOf = (code: string) => restoreCodeZeros(code, 'commune', 'tms').code;

function taxSide(tax: readonly UnitRow[]): TaxSide {
  const byProvince = new Map<string, Set<string>>();
  const provinceOfCode = new Map<string, string>();
  for (const row of tax) {
    const ref = provinceRefOf(row);
    const key = refKey(ref);
    const code = taxCodeOf(row.code);
    let set = byProvince.get(key);
    if (!set) byProvince.set(key, (set = new Set()));
    set.add(code);
    if (!provinceOfCode.has(code)) provinceOfCode.set(code, ref.name);
  }
  return { byProvince, provinceOfCode };
}

interface Lookups {
  stdByCode: Map<string, UnitRow>;
  pairOf: Map<string, ProvincePair>;
  tax: TaxSide;
}

function lookupsOf(i: DecisionCheckInput): Lookups {
  const stdByCode = new Map<string, UnitRow>();
  for (const u of i.std) if (!stdByCode.has(stdCodeOf(u.code))) stdByCode.set(stdCodeOf(u.code), u);
  return { stdByCode, pairOf: new Map(i.pairs.map((p) => [refKey(p.std), p])), tax: taxSide(i.tax) };
}

/** The problem of a decision's tax code against the tax rows of its commune's province, if any. */
function taxProblem(
  i: DecisionCheckInput,
  k: Lookups,
  d: DecisionEntry,
  unit: UnitRow,
  taxCode: string,
): DecisionProblem | null {
  const pair = k.pairOf.get(refKey(provinceRefOf(unit)));
  if (pair && k.tax.byProvince.get(refKey(pair.tax))?.has(taxCode)) return null;
  if (i.viaMerges && k.tax.provinceOfCode.has(taxCode)) return null;
  const province = pair?.std.name ?? unit.provinceName ?? '';
  const elsewhere = k.tax.provinceOfCode.get(taxCode);
  const params = {
    taxCode,
    code: d.stdCode,
    name: unit.name,
    province,
    taxSheet: i.taxSheet,
    other: elsewhere ?? '',
  };
  return { key: elsewhere ? 'mc.decision.taxOtherProvince' : 'mc.decision.taxUnknown', params, at: d.source };
}

/** One tax code decided for two communes: each of the lines is named, with the others. */
function twiceProblems(byTax: Map<string, DecisionEntry[]>): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  for (const [taxCode, list] of byTax) {
    if (list.length < 2) continue;
    for (const d of list) {
      const others = list.filter((o) => o !== d).map((o) => ({ code: stdCodeOf(o.stdCode), source: o.source }));
      problems.push({ key: 'mc.decision.taxTwice', params: { taxCode, code: d.stdCode }, at: d.source, others });
    }
  }
  return problems;
}

const taxOf = (d: DecisionEntry) => (d.taxCode === null ? null : taxCodeOf(d.taxCode));

/** Every problem of the decisions, one per bad line (empty when all can be used). */
export function decisionProblems(i: DecisionCheckInput): DecisionProblem[] {
  const k = lookupsOf(i);
  const problems: DecisionProblem[] = [];
  const byTax = new Map<string, DecisionEntry[]>();
  const byStd = new Map<string, DecisionEntry>();
  for (const d of i.decisions) {
    const at = d.source;
    const code = stdCodeOf(d.stdCode);
    const unit = k.stdByCode.get(code);
    if (!unit) {
      // Typed on an unused tax row, the code in the decision column is the commune's: said so.
      const key = at.taxRow !== undefined ? 'mc.decision.stdUnknownOnTaxRow' : 'mc.decision.stdUnknown';
      const params = { code: d.stdCode, sheet: i.stdSheet, ...(at.taxRow !== undefined ? { taxCode: at.taxRow } : {}) };
      problems.push({ key, params, at });
      continue;
    }
    const taxCode = taxOf(d);
    const earlier = byStd.get(code);
    if (earlier && taxOf(earlier) !== taxCode)
      problems.push({ key: 'mc.decision.stdTwice', params: { code }, at, other: earlier.source });
    byStd.set(code, d);
    if (taxCode === null) continue;
    const problem = taxProblem(i, k, d, unit, taxCode);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const list = byTax.get(taxCode) ?? [];
    if (!list.some((e) => stdCodeOf(e.stdCode) === code)) list.push(d);
    byTax.set(taxCode, list);
  }
  return i.viaMerges ? problems : [...problems, ...twiceProblems(byTax)];
}

/** Throws exit 2 naming every bad line; returns quietly when every decision can be used. */
export function checkDecisions(i: DecisionCheckInput): void {
  const problems = decisionProblems(i);
  if (problems.length === 0) return;
  throw new DvcError(
    'mc.err.decisionsInvalid',
    { count: problems.length, lines: problems.map((p) => `  - ${i.texts.decisionProblem(p)}`).join('\n') },
    ExitCode.Usage,
  );
}
