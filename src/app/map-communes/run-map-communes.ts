/**
 * `dvc map-communes` as a use case: read the workbook, check the officer's decisions, match the standard sheet
 * against the tax sheet province by province, audit the codes already in the target column, and write the
 * outputs (the filled workbook, the MAP CSV). Returns a plain result that the CLI renders as text, JSON or HTML.
 */
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { matchCommunes, pairProvinces, type MatchResult, type UnitRow } from '../../core/communes/communes.js';
import type { SheetRow } from '../../core/workbook/cell.js';
import { parseColumnSpec } from '../../core/workbook/column-spec.js';
import type { DetectedTable } from '../../core/workbook/detect-header.js';
import { chooseTargetColumn, type TargetChoice } from '../../core/workbook/target-column.js';
import { assertDistinctOutputs, checkOutputPath, writeFileAtomic } from '../../io/atomic-write.js';
import { readWorkbook, findSheetEntry, type WorkbookData } from '../../io/excel/read-workbook.js';
import { readDecisions, type DecisionEntry } from '../../io/decisions-file.js';
import { readSide } from './read-sides.js';
import { filterProvincePairs } from './province-filter.js';
import { mapTableRows, needsDecision, setMapFields, summarise, toProvinceReports, toReportRows } from './present.js';
import { formerDistrictsFor, mergeHintFor, officialNamesFor, referenceSide } from './reference-side.js';
import { checkEditions, markCrossEditionFills, refuseMismatch, type EditionReport } from './edition-check.js';
import { checkDecisions } from './check-decisions.js';
import { markOverrides } from './mark-overrides.js';
import { carriedDecisions } from './carried-decisions.js';
import { applyDecisions } from '../../core/decisions/apply-decisions.js';
import { auditExisting } from './audit-existing.js';
import { nextStepCommand, reviewStepCommand } from './next-step.js';
import { currentHintShell, type HintShell } from '../../core/shell/shell-arg.js';
import { latestReviewSheet } from '../../io/decisions-file.js';
import type { MapCommunesResult, Note, ReportRow } from './map-communes-result.js';
import type { MapCommunesTexts } from './map-communes-texts.js';

export type { MapCommunesResult, Note, ReportRow } from './map-communes-result.js';

export const DEFAULT_STD_SHEET = 'MX Bo TTTT';
export const DEFAULT_TAX_SHEET = 'MX CQT';

export interface MapCommunesOptions {
  input: string;
  out?: string;
  mapOut?: string;
  force?: boolean;
  stdSheet?: string;
  taxSheet?: string;
  stdCols?: string;
  taxCols?: string;
  provinces?: string[];
  reference?: 'gso-2025' | 'gso-2004';
  decisions?: string;
  /** 2004-coded standard sheet, 2025 tax sheet: map each old commune through the shipped merge table. */
  viaMerges?: boolean;
  /** Match sheets of different editions anyway; every fill across editions is marked. */
  allowMixedEditions?: boolean;
  /** Check the codes already in the target column; write only the outputs asked for (no default workbook). */
  audit?: boolean;
  /** A code already in the target column that dvc is confident is wrong is replaced (default: kept, marked). */
  replaceExisting?: boolean;
  /** The shell the next-step command is quoted for (default: this machine's). */
  hintShell?: HintShell;
  /** Further outputs written by the caller (--html): checked up front so a run never fails at the end. */
  otherOutputs?: string[];
  /** The words of the workbook's sheets and of the errors, in the officer's language (chosen by the command). */
  texts: MapCommunesTexts;
  /** Called between phases, for a spinner. */
  onProgress?: (key: string, params: Record<string, string | number>) => void;
}

export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.doi-chieu.xlsx`);
}

/** The standard side: a sheet of the workbook, or the shipped GSO list when the workbook has none. */
interface StdSide {
  units: UnitRow[];
  /** Label of the standard rows in reports and the review sheet. */
  label: string;
  sheet?: { name: string; rows: readonly SheetRow[]; table: DetectedTable };
  levels?: string[];
}

export interface Sides {
  wb: WorkbookData;
  std: StdSide;
  tax: { name: string; units: UnitRow[] };
  notes: Note[];
}

/** Refuse a bad output before the long part of the work. */
async function checkOutputs(o: MapCommunesOptions, output: string | null): Promise<void> {
  const inputs = [o.input, ...(o.decisions ? [o.decisions] : [])];
  await assertDistinctOutputs([
    { option: '--out', path: output },
    { option: '--map-out', path: o.mapOut },
    ...(o.otherOutputs ?? []).map((p) => ({ option: '--html', path: p })),
  ]);
  if (output) await checkOutputPath(output, { force: o.force, inputs });
  const extras = [
    { option: '--map-out', file: o.mapOut },
    ...(o.otherOutputs ?? []).map((file) => ({ option: '--html', file })),
  ];
  for (const { option, file } of extras) {
    if (file) await checkOutputPath(file, { force: o.force, inputs: output ? [...inputs, output] : inputs, option });
  }
}

export async function readSidesOf(o: MapCommunesOptions): Promise<Sides> {
  const stdSpec = o.stdCols ? parseColumnSpec(o.stdCols) : undefined;
  const taxSpec = o.taxCols ? parseColumnSpec(o.taxCols) : undefined;
  const wb = await readWorkbook(o.input);
  const stdSheetName = o.stdSheet ?? DEFAULT_STD_SHEET;
  const taxSheet = wb.sheet(o.taxSheet ?? DEFAULT_TAX_SHEET);
  const notes: Note[] = [];
  const stdEntry = findSheetEntry(wb.sheets, stdSheetName);
  if (!stdEntry && !o.reference) {
    throw new DvcError(
      'mc.err.stdMissing',
      { sheet: stdSheetName, found: wb.sheets.map((s) => `"${s.name}"`).join(', ') },
      ExitCode.Usage,
    );
  }
  const tax = { name: taxSheet.name, units: readSide(taxSheet.rows(), taxSheet.name, taxSpec).units };
  if (stdEntry && !o.reference) {
    const rows = stdEntry.rows();
    const side = readSide(rows, stdEntry.name, stdSpec);
    return {
      wb,
      tax,
      notes,
      std: { units: side.units, label: stdEntry.name, sheet: { name: stdEntry.name, rows, table: side.table } },
    };
  }
  const edition = o.reference as 'gso-2025' | 'gso-2004';
  // The list is cut to the tax sheet's provinces: the standard sheet built for a workbook of one province is that
  // province's list, not the country's. A tax sheet that pairs with no province keeps the whole list, so the
  // editions check can say why.
  const cut = await referenceSide(edition, tax.units);
  const ref = cut.units.length > 0 || stdEntry ? cut : await referenceSide(edition);
  notes.push({ key: 'mc.note.reference', params: { edition } });
  return { wb, tax, notes, std: { units: ref.units, levels: ref.levels, label: edition } };
}

function pairingNotes(match: MatchResult, notes: Note[]): void {
  for (const p of match.pairing.unpairedStd) notes.push({ key: 'mc.note.unpairedStd', params: { name: p.name } });
  // A tax sheet of the whole country beside one province's standard sheet is normal: one line, not 62.
  const unpairedTax = match.pairing.unpairedTax;
  if (unpairedTax.length > 3) {
    const names = unpairedTax
      .slice(0, 5)
      .map((p) => p.name)
      .join(', ');
    notes.push({ key: 'mc.note.unpairedTaxMany', params: { count: unpairedTax.length, names } });
  } else for (const p of unpairedTax) notes.push({ key: 'mc.note.unpairedTax', params: { name: p.name } });
}

/** Reads and checks the decisions; exit 2 naming every bad line before anything is written. */
async function loadDecisions(o: MapCommunesOptions, s: Sides): Promise<DecisionEntry[] | undefined> {
  if (!o.decisions) return undefined;
  const decisions = await readDecisions(o.decisions, { stdSheet: s.std.label, taxSheet: s.tax.name });
  checkDecisions({
    decisions,
    std: s.std.units,
    tax: s.tax.units,
    pairs: pairProvinces(s.std.units, s.tax.units).pairs,
    stdSheet: s.std.label,
    taxSheet: s.tax.name,
    texts: o.texts,
    viaMerges: o.viaMerges === true,
  });
  return decisions;
}

interface Matched {
  match: MatchResult;
  rows: ReportRow[];
  editions: EditionReport[];
  /** Decisions for communes this run left out (--province), carried unchanged to the review sheet. */
  carried: ReportRow[];
}

async function matchSides(o: MapCommunesOptions, s: Sides, decisions: DecisionEntry[] | undefined): Promise<Matched> {
  const mergeHint = await mergeHintFor(s.std.units);
  const pairing = pairProvinces(s.std.units, s.tax.units);
  const provinces = filterProvincePairs(pairing.pairs, o.provinces ?? [], pairing.unpairedStd);
  const leftOut = pairing.pairs.filter((p) => !provinces.includes(p));
  const editions = await checkEditions(s.std.units, s.tax.units, provinces, leftOut);
  refuseMismatch(editions, o);
  const formerDistricts = await formerDistrictsFor(s.std.units);
  const officialNames = await officialNamesFor(s.std.units);
  const input = { std: s.std.units, tax: s.tax.units, provinces, mergeHint, formerDistricts, officialNames };
  const matched = o.viaMerges
    ? await (
        await import('./via-merges.js')
      ).matchViaMerges({
        ...input,
        pairs: provinces,
        ...(o.provinces?.length ? { chosen: provinces } : {}),
        editions,
        notes: s.notes,
        texts: o.texts,
      })
    : matchCommunes(input);
  // The one ledger: whichever matcher ran, the officer's decisions are applied here, after it.
  const match = applyDecisions({
    match: matched,
    decisions: decisions ?? [],
    tax: s.tax.units,
    sharedCodes: o.viaMerges === true,
  });
  if (o.allowMixedEditions && !o.viaMerges) markCrossEditionFills(match, editions, s.notes);
  if (!o.provinces?.length) pairingNotes(match, s.notes);
  const rows = toReportRows(match, s.std.units, s.std.label);
  // What dvc answered without the decisions, to show a decision that replaces a confident match.
  if (decisions?.length) markOverrides(rows, matched);
  const carried = carriedDecisions({
    decisions: o.provinces?.length ? (decisions ?? []) : [],
    matched: new Set(match.rows.map((r) => r.stdCode)),
    std: s.std.units,
    tax: s.tax.units,
    stdLabel: s.std.label,
  });
  return { match, rows, editions, carried };
}

function targetOf(s: Sides): TargetChoice | undefined {
  if (!s.std.sheet) return undefined;
  const target = chooseTargetColumn(s.std.sheet.rows, s.std.sheet.table);
  if (target.note) s.notes.push({ key: target.note.key, params: target.note.params });
  return target;
}

export async function mapCommunes(o: MapCommunesOptions): Promise<MapCommunesResult> {
  const progress = o.onProgress ?? (() => {});
  // --audit writes only what was asked for by name: no default workbook beside the input.
  const output = o.audit ? (o.out ?? null) : (o.out ?? defaultOutputPath(o.input));
  await checkOutputs(o, output);
  progress('mc.progress.read', { file: path.basename(o.input) });
  const sides = await readSidesOf(o);
  const decisions = await loadDecisions(o, sides);
  progress('mc.progress.match', { rows: sides.std.units.length });
  const { match, rows, editions, carried } = await matchSides(o, sides, decisions);
  const target = targetOf(sides);
  if (target && sides.std.sheet) {
    const audit = { sheetRows: sides.std.sheet.rows, targetIndex: target.index, tax: sides.tax.units };
    auditExisting({ ...audit, rows, match, replace: o.replaceExisting === true });
  }
  setMapFields(rows);
  const summary = summarise(rows, match);
  const provinces = toProvinceReports(match, rows);
  let reviewSheet: string | null = null;
  if (output) {
    progress('mc.progress.write', { file: path.basename(output) });
    // The workbook writer (a dozen modules) is loaded only by a run that writes one: not by a plain --audit.
    const { writeOutputs } = await import('./write-outputs.js');
    const written = await writeOutputs({
      wb: sides.wb,
      output,
      force: o.force,
      rows,
      carried,
      match,
      provinces,
      summary,
      taxSheet: sides.tax.name,
      texts: o.texts,
      editions,
      ...(sides.std.sheet && target
        ? { stdSheet: sides.std.sheet.name, headerRow: sides.std.sheet.table.headerRow, target }
        : {
            referenceSheet: {
              units: sides.std.units,
              levels: sides.std.levels ?? [],
              name: referenceSheetName(o, sides),
            },
          }),
    });
    reviewSheet = latestReviewSheet(written.sheetNames);
  }
  if (carried.length)
    sides.notes.push(
      reviewSheet
        ? { key: 'mc.note.decisionsCarried', params: { count: carried.length, sheet: reviewSheet } }
        : { key: 'mc.note.decisionsNotApplied', params: { count: carried.length } },
    );
  if (o.mapOut) {
    const inputs = [o.input, ...(o.decisions ? [o.decisions] : [])];
    const { toCsv } = await import('../../io/csv-out.js');
    await writeFileAtomic(o.mapOut, toCsv(mapTableRows(rows)), { force: o.force, inputs, option: '--map-out' });
  }
  // The rows the review sheet opens with: a differing code the officer has decided is settled.
  const review = rows.filter(needsDecision).length;
  return {
    ok: true,
    input: o.input,
    output,
    mapOut: o.mapOut ?? null,
    audit: o.audit === true,
    summary,
    provinces,
    notes: sides.notes,
    targetColumn: target?.letter ?? 'I',
    rows,
    taxUnused: match.taxUnused,
    conflicts: match.conflicts,
    duplicateCodes: match.duplicateCodes,
    codeRepairs: match.codeRepairs,
    ...nextStepOf(o, output, review),
    reviewSheet,
    editions,
  };
}

/** The command for the next round, or the reason none is printed; only when rows wait for a decision. */
function nextStepOf(
  o: MapCommunesOptions,
  output: string | null,
  review: number,
): Pick<MapCommunesResult, 'nextStep' | 'nextStepRefused' | 'reviewStep'> {
  if (!output || review === 0) return { nextStep: null, nextStepRefused: null, reviewStep: null };
  const shell = o.hintShell ?? currentHintShell();
  const step = nextStepCommand({ ...o, output }, shell);
  const browser = reviewStepCommand({ ...o, output }, shell);
  const reviewStep = 'command' in browser ? browser.command : null;
  return 'command' in step
    ? { nextStep: step.command, nextStepRefused: null, reviewStep }
    : { nextStep: null, nextStepRefused: step.refused, reviewStep };
}

/** The sheet built from a shipped list; beside the officer's own standard sheet it gets a name of its own. */
function referenceSheetName(o: MapCommunesOptions, s: Sides): string {
  const name = o.stdSheet ?? DEFAULT_STD_SHEET;
  if (!findSheetEntry(s.wb.sheets, name)) return name;
  return `${name} ${o.reference === 'gso-2004' ? '2004' : '2025'}`;
}
