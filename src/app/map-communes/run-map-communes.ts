/**
 * `dvc map-communes` as a use case: read the workbook, match the standard sheet against the tax sheet
 * province by province, and write the outputs (the filled workbook, the MAP CSV). Returns a plain result that
 * the CLI renders as text, JSON or HTML.
 */
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import type { Lang } from '../../i18n/i18n.js';
import {
  matchCommunes,
  pairProvinces,
  type MatchResult,
  type MergeHint,
  type UnitRow,
} from '../../core/communes/communes.js';
import { parseColumnSpec } from '../../core/workbook/column-spec.js';
import { chooseTargetColumn } from '../../core/workbook/target-column.js';
import { checkOutputPath } from '../../io/atomic-write.js';
import { readWorkbook, findSheetEntry } from '../../io/excel/read-workbook.js';
import { readDecisions } from '../../io/decisions-file.js';
import { readSide } from './read-sides.js';
import { filterProvincePairs } from './province-filter.js';
import {
  mapTableRows,
  summarise,
  toProvinceReports,
  toReportRows,
  type ProvinceReport,
  type ReportRow,
  type Summary,
} from './present.js';
import { writeOutputs } from './write-outputs.js';
import { formerDistrictsFor, mergeHintFor, referenceSide } from './reference-side.js';
import { checkEditions, markCrossEditionFills, refuseMismatch, type EditionReport } from './edition-check.js';

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
  /** Further outputs written by the caller (e.g. --html): checked up front so a run never fails at the end. */
  otherOutputs?: string[];
  lang: Lang;
  /** Called between phases, for a spinner. */
  onProgress?: (key: string, params: Record<string, string | number>) => void;
}

export interface Note {
  key: string;
  params: Record<string, string | number>;
}

export interface MapCommunesResult {
  ok: true;
  input: string;
  output: string;
  mapOut: string | null;
  summary: Summary;
  provinces: ProvinceReport[];
  notes: Note[];
  targetColumn: string;
  rows: ReportRow[];
  taxUnused: MatchResult['taxUnused'];
  conflicts: MatchResult['conflicts'];
  duplicateCodes: MatchResult['duplicateCodes'];
  codeRepairs: MatchResult['codeRepairs'];
  /** The edition of each sheet, province by province. */
  editions?: EditionReport[];
}

export function defaultOutputPath(input: string): string {
  const parsed = path.parse(input);
  return path.join(parsed.dir, `${parsed.name}.doi-chieu.xlsx`);
}

export async function mapCommunes(o: MapCommunesOptions): Promise<MapCommunesResult> {
  const progress = o.onProgress ?? (() => {});
  const output = o.out ?? defaultOutputPath(o.input);
  const inputs = [o.input, ...(o.decisions ? [o.decisions] : [])];
  // Refuse a bad output before the long part of the work.
  await checkOutputPath(output, { force: o.force, inputs });
  for (const extra of [o.mapOut, ...(o.otherOutputs ?? [])]) {
    if (extra) await checkOutputPath(extra, { force: o.force, inputs: [...inputs, output] });
  }
  const stdSpec = o.stdCols ? parseColumnSpec(o.stdCols) : undefined;
  const taxSpec = o.taxCols ? parseColumnSpec(o.taxCols) : undefined;

  progress('mc.progress.read', { file: path.basename(o.input) });
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
  const tax = readSide(taxSheet.rows(), taxSheet.name, taxSpec);
  let std: {
    units: UnitRow[];
    sheetRows?: ReturnType<typeof taxSheet.rows>;
    table?: ReturnType<typeof readSide>['table'];
    levels?: string[];
  };
  if (stdEntry && !o.reference) {
    const rows = stdEntry.rows();
    const side = readSide(rows, stdEntry.name, stdSpec);
    std = { units: side.units, sheetRows: rows, table: side.table };
  } else {
    const ref = await referenceSide(o.reference!, stdEntry ? tax.units : undefined);
    std = { units: ref.units, levels: ref.levels };
    notes.push({ key: 'mc.note.reference', params: { edition: o.reference! } });
  }
  const mergeHint: MergeHint | undefined = await mergeHintFor(std.units);

  const decisions = o.decisions ? await readDecisions(o.decisions, { stdSheet: stdEntry?.name }) : undefined;
  progress('mc.progress.match', { rows: std.units.length });
  const pairing = pairProvinces(std.units, tax.units);
  const pairs = filterProvincePairs(pairing.pairs, o.provinces ?? []);
  const editions = await checkEditions(std.units, tax.units, pairs, o.lang);
  refuseMismatch(editions, o);
  const match = o.viaMerges
    ? await (await import('./via-merges.js')).matchViaMerges({ std: std.units, tax: tax.units, pairs, editions, notes })
    : matchCommunes({
        std: std.units,
        tax: tax.units,
        decisions,
        provinces: pairs,
        mergeHint,
        formerDistricts: await formerDistrictsFor(std.units),
      });
  if (o.allowMixedEditions && !o.viaMerges) markCrossEditionFills(match, editions, o.lang, notes);
  if (!o.provinces?.length) {
    for (const p of match.pairing.unpairedStd) notes.push({ key: 'mc.note.unpairedStd', params: { name: p.name } });
    // A tax sheet of the whole country beside one province's standard sheet is normal: one line, not 62.
    const unpairedTax = match.pairing.unpairedTax;
    if (unpairedTax.length > 3)
      notes.push({
        key: 'mc.note.unpairedTaxMany',
        params: {
          count: unpairedTax.length,
          names: unpairedTax
            .slice(0, 5)
            .map((p) => p.name)
            .join(', '),
        },
      });
    else for (const p of unpairedTax) notes.push({ key: 'mc.note.unpairedTax', params: { name: p.name } });
  }

  const sheetLabel = stdEntry && !o.reference ? stdEntry.name : o.reference!;
  const rows = toReportRows(match, std.units, sheetLabel, o.lang);
  const summary = summarise(rows, match);
  const provinces = toProvinceReports(match);

  progress('mc.progress.write', { file: path.basename(output) });
  let targetColumn = 'I';
  if (std.sheetRows && std.table && stdEntry) {
    const target = chooseTargetColumn(std.sheetRows, std.table);
    targetColumn = target.letter;
    if (target.note) notes.push({ key: target.note.key, params: target.note.params });
    await writeOutputs({
      wb,
      output,
      force: o.force,
      stdSheet: stdEntry.name,
      headerRow: std.table.headerRow,
      target,
      rows,
      match,
      provinces,
      summary,
      taxSheet: taxSheet.name,
      lang: o.lang,
      editions,
    });
  } else {
    // Beside the officer's own standard sheet, the rebuilt one gets a name of its own.
    const name = stdEntry ? `${stdEntry.name} ${o.reference === 'gso-2025' ? '2025' : '2004'}` : stdSheetName;
    const referenceSheet = { units: std.units, levels: std.levels ?? [], name };
    await writeOutputs({
      wb,
      output,
      force: o.force,
      rows,
      match,
      provinces,
      summary,
      taxSheet: taxSheet.name,
      lang: o.lang,
      referenceSheet,
      editions,
    });
  }
  if (o.mapOut) {
    const { toCsv } = await import('../../io/csv-out.js');
    const { writeFileAtomic } = await import('../../io/atomic-write.js');
    await writeFileAtomic(o.mapOut, toCsv(mapTableRows(rows)), { force: o.force, inputs });
  }
  return {
    ok: true,
    input: o.input,
    output,
    mapOut: o.mapOut ?? null,
    summary,
    provinces,
    notes,
    targetColumn,
    rows,
    taxUnused: match.taxUnused,
    conflicts: match.conflicts,
    duplicateCodes: match.duplicateCodes,
    codeRepairs: match.codeRepairs,
    editions,
  };
}
