/**
 * `dvc review` as a use case: the review of one map-communes output, decided commune by commune. The model lists
 * the rows that need a decision first (ambiguous, not found, an existing code that differs), then the decided rows,
 * per province; every decision is checked as `--decisions` checks it and saved at once to the store beside the
 * workbook; "finish" runs the next round exactly as the printed next step would, with the store as `--decisions`.
 */
import path from 'node:path';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';
import { pairProvinces, type UnitRow } from '../../core/communes/communes.js';
import { provinceRefOf, refKey } from '../../core/communes/pair-units.js';
import { nameKeys } from '../../core/text/name-keys.js';
import { restoreCodeZeros } from '../../core/text/text.js';
import { readDecisions, type DecisionEntry } from '../../io/decisions-file.js';
import { fileExists, readStore, ReviewStore, storePathFor, type StoredDecision } from '../../io/review-store.js';
import { mapCommunes, readSidesOf, type Sides } from '../map-communes/run-map-communes.js';
import type { ReportReason, ReportRow, Summary } from '../map-communes/map-communes-result.js';
import { displayName, isFilled, needsDecision } from '../map-communes/present.js';
import { decisionProblems } from '../map-communes/check-decisions.js';
import type { DecisionProblem, MapCommunesTexts } from '../map-communes/map-communes-texts.js';
import { nextRoundPath } from '../map-communes/next-step.js';
import { choicesOf, type MatchChoices } from '../map-communes/run-choices.js';

export interface ReviewSetup extends MatchChoices {
  /** The map-communes output to review (any round). */
  workbook: string;
  /** The workbook map-communes read; found beside the output by its name when not given. */
  input?: string;
  /** The words of the review and of the rounds it runs, from the renderer the command chose. */
  texts: ReviewTexts;
  /** The clock of the decisions' times (tests fix it). */
  now?: () => Date;
}

/** Every word the review puts into its model, produced by a renderer in cli (Vietnamese or English). */
export interface ReviewTexts {
  /** The language the words are in, as the page declares it. */
  lang: string;
  /** The words of the map-communes rounds the review runs. */
  mapCommunes: MapCommunesTexts;
  /** Why a row is listed: a match status, or `differs` for an existing code dvc questions. */
  kind(kind: string): string;
  /** A reason of the matcher or the decisions. */
  reason(r: ReportReason): string;
  /** What is wrong with a code already in the target column. */
  existingReason(r: ReportReason): string;
  /** Why a candidate is offered. */
  why(why: string): string;
  /** A refused decision, without the place ("file, line N") the page does not need. */
  problem(p: DecisionProblem): string;
  /** A decision for a commune the review does not list. */
  unknownRow(code: string): string;
}

export interface ReviewCandidate {
  code: string;
  name: string;
  district?: string;
  /** Score as the workbook shows it, a whole percentage; absent for a name that is equal after normalisation. */
  percent?: number;
  why?: string;
  whyText?: string;
}

export interface ReviewDecision {
  /** The tax code chosen, or null for "no tax commune". */
  taxCode: string | null;
  taxName?: string;
  note: string;
  decidedAt: string;
  source: string;
}

export interface ReviewRow {
  code: string;
  name: string;
  district: string;
  rowNumber: number;
  /** Why the row is here: `ambiguous`, `not_found`, `differs`, or the status dvc gave a row that was decided. */
  kind: string;
  kindText: string;
  reasons: { code: string; params: Record<string, string | number>; text: string }[];
  candidates: ReviewCandidate[];
  /** For an existing code that differs: the officer's code, and dvc's. */
  existing?: { code: string; name: string };
  dvc?: { code: string; name: string };
  decision?: ReviewDecision;
}

export interface ReviewProvince {
  id: number;
  name: string;
  taxName: string;
  toDecide: number;
  decided: number;
  rows: ReviewRow[];
}

export interface ReviewModel {
  lang: string;
  workbook: string;
  input: string;
  store: string;
  toDecide: number;
  decided: number;
  provinces: ReviewProvince[];
}

export interface TaxOption {
  code: string;
  name: string;
  district?: string;
  /** The standard code that holds the tax code now (a match or a decision); absent for an unused row. */
  usedBy?: string;
}

export type DecideResult =
  { ok: true; row: ReviewRow; toDecide: number; decided: number } | { ok: false; problems: string[] };

export interface FinishResult {
  output: string;
  summary: Summary;
  next: ReviewSession;
}

const stdKey = (code: string) => restoreCodeZeros(code, 'commune', 'gso').code;
const taxKey = (code: string) => restoreCodeZeros(code, 'commune', 'tms').code;

/** `tinh.doi-chieu.xlsx`, `tinh.doi-chieu-3.xlsx` → `tinh.xlsx` beside it, when that file is there. */
export function inferInput(workbook: string): string {
  const parsed = path.parse(workbook);
  const m = /^(.*)\.doi-chieu(?:-\d{1,3})?$/.exec(parsed.name);
  if (m) {
    for (const ext of ['.xlsx', '.xlsm']) {
      const candidate = path.join(parsed.dir, `${m[1]}${ext}`);
      if (fileExists(candidate)) return candidate;
    }
  }
  throw new DvcError('review.err.inputUnknown', { workbook: path.basename(workbook) }, ExitCode.Usage);
}

/** The next output beside the last one, never over an existing file. */
export function freeNextPath(workbook: string): string {
  let next = nextRoundPath(workbook);
  for (let k = 0; k < 1000 && fileExists(next); k++) next = nextRoundPath(next);
  return next;
}

async function workbookDecisions(workbook: string, sides: Sides): Promise<DecisionEntry[]> {
  try {
    return await readDecisions(workbook, { stdSheet: sides.std.label, taxSheet: sides.tax.name });
  } catch (e) {
    if (isDvcError(e) && e.key === 'mc.err.decisionsEmpty') return [];
    throw e;
  }
}

interface ProvinceIndex {
  /** Province id of each standard row number. */
  ofRow: Map<number, number>;
  /** Tax rows of each province, by id. */
  taxOf: Map<number, UnitRow[]>;
  pairs: ReturnType<typeof pairProvinces>['pairs'];
  names: { name: string; taxName: string }[];
}

function provinceIndex(sides: Sides): ProvinceIndex {
  const pairs = pairProvinces(sides.std.units, sides.tax.units).pairs;
  const byStd = new Map(pairs.map((p, k) => [refKey(p.std), k]));
  const byTax = new Map(pairs.map((p, k) => [refKey(p.tax), k]));
  const ofRow = new Map<number, number>();
  for (const u of sides.std.units) {
    const id = byStd.get(refKey(provinceRefOf(u)));
    if (id !== undefined) ofRow.set(u.rowNumber, id);
  }
  const taxOf = new Map<number, UnitRow[]>();
  for (const u of sides.tax.units) {
    const id = byTax.get(refKey(provinceRefOf(u)));
    if (id === undefined) continue;
    const list = taxOf.get(id) ?? [];
    list.push(u);
    taxOf.set(id, list);
  }
  return { ofRow, taxOf, pairs, names: pairs.map((p) => ({ name: p.std.name, taxName: p.tax.name })) };
}

export class ReviewSession {
  private readonly byCode: Map<string, ReportRow>;
  private readonly taxByCode: Map<string, UnitRow>;
  private readonly taxRowsByCode = new Map<string, UnitRow[]>();
  private readonly stdByCode = new Map<string, UnitRow>();
  private readonly searchKeys = new Map<string, string>();

  private constructor(
    readonly setup: ReviewSetup & { input: string },
    private readonly sides: Sides,
    private readonly base: ReportRow[],
    private readonly provinces: ProvinceIndex,
    /** The decisions, by standard code, in the order of the file. */
    private readonly decisions: Map<string, StoredDecision>,
    readonly store: ReviewStore,
  ) {
    this.byCode = new Map(base.map((r) => [stdKey(r.code), r]));
    this.taxByCode = new Map();
    for (const u of sides.tax.units) {
      const code = taxKey(u.code);
      if (!this.taxByCode.has(code)) this.taxByCode.set(code, u);
      this.taxRowsByCode.set(code, [...(this.taxRowsByCode.get(code) ?? []), u]);
    }
    for (const u of sides.std.units) if (!this.stdByCode.has(stdKey(u.code))) this.stdByCode.set(stdKey(u.code), u);
  }

  static async open(setup: ReviewSetup): Promise<ReviewSession> {
    // A workbook that is not there is named as such, not as a workbook whose input is unknown.
    if (!fileExists(setup.workbook)) throw new DvcError('fs.notFound', { path: setup.workbook }, ExitCode.Usage);
    const input = setup.input ?? inferInput(setup.workbook);
    const options = { ...choicesOf(setup), input, texts: setup.texts.mapCommunes };
    const sides = await readSidesOf(options);
    // What dvc answers without any decision: the candidates of every row, decided or not.
    const base = await mapCommunes({ ...options, audit: true });
    const storeFile = storePathFor(setup.workbook);
    const stored = await readStore(storeFile);
    const decisions = new Map<string, StoredDecision>();
    if (stored) for (const d of stored) decisions.set(stdKey(d.stdCode), d);
    else {
      // A first review of this workbook starts from the decisions its review sheet carries.
      for (const d of await workbookDecisions(setup.workbook, sides))
        decisions.set(stdKey(d.stdCode), {
          stdCode: d.stdCode,
          taxCode: d.taxCode,
          note: d.note ?? '',
          decidedAt: '',
          source: 'workbook',
        });
    }
    const session = new ReviewSession(
      { ...setup, input },
      sides,
      base.rows,
      provinceIndex(sides),
      decisions,
      new ReviewStore(storeFile),
    );
    return session;
  }

  private rowOf(r: ReportRow): ReviewRow {
    const texts = this.setup.texts;
    const decision = this.decisions.get(stdKey(r.code));
    const kind = r.existingVerdict === 'differs' ? 'differs' : r.status;
    const row: ReviewRow = {
      code: r.code,
      name: r.name,
      district: r.districtName ?? '',
      rowNumber: r.rowNumber,
      kind,
      kindText: texts.kind(kind),
      reasons: [
        ...(r.existingReason ? [{ r: r.existingReason, text: texts.existingReason(r.existingReason) }] : []),
        ...r.reasons.map((x) => ({ r: x, text: texts.reason(x) })),
      ].map(({ r: x, text }) => ({ code: x.code, params: x.params ?? {}, text })),
      candidates: r.candidates.map((c) => ({
        code: c.code,
        name: c.name,
        ...(c.district ? { district: c.district } : {}),
        ...(c.score !== undefined ? { percent: Math.round(c.score * 100) } : {}),
        ...(c.why ? { why: c.why, whyText: texts.why(c.why) } : {}),
      })),
    };
    if (r.existingVerdict === 'differs' && r.existingCode) {
      row.existing = { code: r.existingCode, name: r.existingName ?? '' };
      if (r.taxCode) row.dvc = { code: r.taxCode, name: r.taxName ?? '' };
    }
    if (decision) {
      const tax = decision.taxCode === null ? undefined : this.taxByCode.get(taxKey(decision.taxCode));
      row.decision = {
        taxCode: decision.taxCode === null ? null : taxKey(decision.taxCode),
        ...(tax ? { taxName: tax.name } : {}),
        note: decision.note,
        decidedAt: decision.decidedAt,
        source: decision.source,
      };
    }
    return row;
  }

  private listed(r: ReportRow): boolean {
    return needsDecision(r) || this.decisions.has(stdKey(r.code));
  }

  private counts(): { toDecide: number; decided: number } {
    let toDecide = 0;
    for (const r of this.base) if (needsDecision(r) && !this.decisions.has(stdKey(r.code))) toDecide++;
    return { toDecide, decided: this.decisions.size };
  }

  /** The page's data: per province, the rows to decide first, then the decided rows. */
  model(): ReviewModel {
    const provinces: ReviewProvince[] = this.provinces.names.map((p, id) => ({
      id,
      ...p,
      toDecide: 0,
      decided: 0,
      rows: [],
    }));
    const later: [ReviewProvince, ReviewRow][] = [];
    for (const r of this.base) {
      if (!this.listed(r)) continue;
      const p = provinces[this.provinces.ofRow.get(r.rowNumber) ?? -1];
      if (!p) continue;
      const row = this.rowOf(r);
      if (row.decision) {
        p.decided++;
        later.push([p, row]);
      } else {
        p.toDecide++;
        p.rows.push(row);
      }
    }
    for (const [p, row] of later) p.rows.push(row);
    return {
      lang: this.setup.texts.lang,
      workbook: path.basename(this.setup.workbook),
      input: path.basename(this.setup.input),
      store: path.basename(this.store.file),
      ...this.counts(),
      provinces: provinces.filter((p) => p.rows.length > 0),
    };
  }

  /** Tax codes held now: dvc's fills that no decision replaced, and the decided codes. */
  private held(): Map<string, string> {
    const held = new Map<string, string>();
    for (const r of this.base) {
      // The code the row's cell carries: dvc's, or the officer's existing code that dvc kept.
      const code = r.mapCode !== undefined ? r.mapCode : isFilled(r) ? r.taxCode : undefined;
      if (code && !this.decisions.has(stdKey(r.code))) held.set(taxKey(code), r.code);
    }
    for (const d of this.decisions.values()) if (d.taxCode !== null) held.set(taxKey(d.taxCode), d.stdCode);
    return held;
  }

  /** The province's tax rows whose name (folded as the engine folds it) or code contains the query; unused first. */
  search(province: number, query: string, limit = 20): TaxOption[] {
    const rows = this.provinces.taxOf.get(province) ?? [];
    const q = query.trim();
    const digits = /^\d+$/.test(q);
    const key = q === '' || digits ? '' : nameKeys(q, 'commune').folded;
    const held = this.held();
    const hits: TaxOption[] = [];
    for (const u of rows) {
      if (digits ? !u.code.includes(q) : !this.foldedOf(u.name).includes(key)) continue;
      const usedBy = held.get(taxKey(u.code));
      hits.push({
        code: taxKey(u.code),
        name: displayName(u.name),
        ...(u.districtName ? { district: u.districtName } : {}),
        ...(usedBy ? { usedBy } : {}),
      });
    }
    hits.sort((a, b) => Number(a.usedBy !== undefined) - Number(b.usedBy !== undefined));
    return hits.slice(0, limit);
  }

  private foldedOf(name: string): string {
    let k = this.searchKeys.get(name);
    if (k === undefined) this.searchKeys.set(name, (k = nameKeys(name, 'commune').folded));
    return k;
  }

  /** The decisions as the checker reads them from the store: line 2 onwards, in the order of the file. */
  private entries(list: readonly StoredDecision[]): DecisionEntry[] {
    return list.map((d, k) => ({
      stdCode: d.stdCode,
      taxCode: d.taxCode,
      ...(d.note ? { note: d.note } : {}),
      source: { file: this.store.file, line: k + 2 },
    }));
  }

  /**
   * What `--decisions` would say of the decision of `key` among `list` (the store as it would be written): the
   * checker runs on that decision, the decisions that took the same tax code, the standard rows they name and the
   * tax rows of the province and of the code, which is all its verdict on that line depends on. Each problem is
   * given without the place ("file, line N: "), as the page shows it beside the row.
   */
  private problemsOf(key: string, list: readonly StoredDecision[]): string[] {
    const entries = this.entries(list);
    const k = list.findIndex((d) => stdKey(d.stdCode) === key);
    const mine = entries[k];
    const code = mine.taxCode === null ? null : taxKey(mine.taxCode);
    const related = entries.filter(
      (e, j) => j === k || (code !== null && e.taxCode !== null && taxKey(e.taxCode) === code),
    );
    const std = related.map((e) => this.stdByCode.get(stdKey(e.stdCode))).filter((u) => u !== undefined);
    const unit = this.stdByCode.get(key);
    const province = unit ? this.provinces.ofRow.get(unit.rowNumber) : undefined;
    const tax = [
      ...(province !== undefined ? (this.provinces.taxOf.get(province) ?? []) : []),
      ...(code !== null ? (this.taxRowsByCode.get(code) ?? []) : []),
    ];
    return decisionProblems({
      decisions: related,
      std,
      tax,
      pairs: this.provinces.pairs,
      stdSheet: this.sides.std.label,
      taxSheet: this.sides.tax.name,
      texts: this.setup.texts.mapCommunes,
      viaMerges: this.setup.viaMerges === true,
    })
      .filter((p) => p.at.file === mine.source.file && p.at.line === mine.source.line)
      .map((p) => this.setup.texts.problem(p));
  }

  /**
   * Decides one commune (`taxCode` a tax code, `-` for none) or, with `taxCode` null, clears its decision. A
   * decision `--decisions` would refuse is refused here with the checker's own reason, and nothing is saved.
   */
  async decide(code: string, taxCode: string | null, source = 'review'): Promise<DecideResult> {
    const key = stdKey(code.trim());
    const base = this.byCode.get(key);
    if (!base) return { ok: false, problems: [this.setup.texts.unknownRow(code)] };
    const next = new Map(this.decisions);
    if (taxCode === null) next.delete(key);
    else {
      const none = taxCode.trim() === '-';
      next.set(key, {
        stdCode: key,
        taxCode: none ? null : taxKey(taxCode.trim()),
        note: path.basename(this.setup.workbook),
        decidedAt: (this.setup.now ?? (() => new Date()))().toISOString(),
        source,
      });
      const problems = this.problemsOf(key, [...next.values()]);
      if (problems.length) return { ok: false, problems };
    }
    this.decisions.clear();
    for (const [k, d] of next) this.decisions.set(k, d);
    await this.store.save([...this.decisions.values()]);
    return { ok: true, row: this.rowOf(base), ...this.counts() };
  }

  /**
   * The next round: map-communes on the same input with the same choices, the store as `--decisions`, the output
   * beside this workbook under the next free round name. Returns the new summary and the review of that output.
   */
  async finish(): Promise<FinishResult> {
    await this.store.save([...this.decisions.values()]);
    const output = freeNextPath(this.setup.workbook);
    const result = await mapCommunes({
      ...choicesOf(this.setup),
      input: this.setup.input,
      decisions: this.store.file,
      out: output,
      texts: this.setup.texts.mapCommunes,
    });
    const next = await ReviewSession.open({ ...this.setup, workbook: output });
    return { output, summary: result.summary, next };
  }
}
