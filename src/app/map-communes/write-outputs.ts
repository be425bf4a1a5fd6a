import type { MatchResult, UnitRow } from '../../core/communes/communes.js';
import type { TargetChoice } from '../../core/workbook/target-column.js';
import type { WorkbookData } from '../../io/excel/read-workbook.js';
import { writeMappedWorkbook, type ExtraSheet, type MappedCell } from '../../io/excel/write-mapped-workbook.js';
import { isFilled, targetCellOf, type ProvinceReport, type ReportRow, type Summary } from './present.js';
import type { MapCommunesTexts } from './map-communes-texts.js';
import type { EditionReport } from './edition-check.js';
import { REFERENCE_HEADER, REFERENCE_TARGET_COLUMN } from '../../core/workbook/reference-sheet.js';

export interface WriteOutputsInput {
  wb: WorkbookData;
  output: string;
  force?: boolean;
  rows: ReportRow[];
  /** Decisions for communes this run left out (--province): listed among the decided rows of the review sheet. */
  carried?: ReportRow[];
  match: MatchResult;
  provinces: ProvinceReport[];
  summary: Summary;
  taxSheet: string;
  /** The words of the sheets, the legend and the cell notes, in the officer's language. */
  texts: MapCommunesTexts;
  /** The standard sheet of the workbook, when it has one. */
  stdSheet?: string;
  headerRow?: number;
  target?: TargetChoice;
  /** No standard sheet: one is built from the shipped list and added to the workbook. */
  referenceSheet?: { units: UnitRow[]; levels: string[]; name: string };
  /** The editions of the sheets, for the summary sheet. */
  editions?: readonly EditionReport[];
}

function cellOf(r: ReportRow, texts: MapCommunesTexts): MappedCell {
  const cell = targetCellOf(r);
  const prompt = texts.cellNote(r);
  return { row: r.rowNumber, value: cell.value, status: cell.status, ...(prompt ? { prompt } : {}) };
}

/** A standard sheet built from the shipped list, its target column filled and coloured like a real one. */
function referenceStdSheet(i: WriteOutputsInput, ref: NonNullable<WriteOutputsInput['referenceSheet']>): ExtraSheet {
  const byRow = new Map(i.rows.map((r) => [r.rowNumber, r]));
  const rows: (string | number | null)[][] = [REFERENCE_HEADER];
  const cellStatus: NonNullable<ExtraSheet['cellStatus']> = [];
  ref.units.forEach((u, idx) => {
    const r = byRow.get(u.rowNumber);
    const filled = r && isFilled(r) ? (r.taxCode ?? null) : null;
    rows.push([
      u.provinceCode ?? '',
      u.provinceName ?? '',
      u.districtCode ?? '',
      u.districtName ?? '',
      u.code,
      u.name,
      ref.levels[idx] ?? '',
      filled,
    ]);
    if (r) cellStatus.push({ row: idx + 1, column: REFERENCE_TARGET_COLUMN, status: r.status });
  });
  return {
    name: ref.name,
    rows,
    columnWidths: [7, 24, 7, 24, 9, 28, 10, 18],
    headerStyle: true,
    autoFilter: true,
    freezeHeader: true,
    cellStatus,
  };
}

/** Writes the output workbook: filled and coloured target column with a legend, plus "Rà soát" and "Tóm tắt". */
export async function writeOutputs(i: WriteOutputsInput): Promise<{ sheetNames: string[] }> {
  const e = i.summary.existing;
  // The verdicts join the legend when the target column held codes.
  const legend = i.texts.legend(e.confirmed + e.differs + e.unchecked > 0);
  const extra = [
    i.texts.reviewSheet(i.rows, i.match, i.taxSheet, i.carried ?? []),
    i.texts.summarySheet(i.provinces, i.summary, i.match, i.editions ?? []),
  ];
  if (i.stdSheet && i.headerRow !== undefined && i.target) {
    const result = await writeMappedWorkbook(
      i.wb.path,
      i.output,
      {
        stdSheet: i.stdSheet,
        headerRow: i.headerRow,
        targetColumn: i.target.letter,
        headerText: i.target.headerText,
        cells: i.rows.map((r) => cellOf(r, i.texts)),
        legend,
        extraSheets: extra,
      },
      { force: i.force, source: i.wb.package },
    );
    return { sheetNames: result.sheetNames };
  }
  const ref = i.referenceSheet!;
  // The shipped list becomes the standard sheet; the legend goes on the summary sheet.
  const summary = extra[1];
  summary.rows.push([], [legend.title], ...legend.rows.map((l) => [l.label]));
  const base = summary.rows.length - legend.rows.length;
  summary.cellStatus = legend.rows.map((l, k) => ({ row: base + k, column: 0, status: l.status }));
  const result = await writeWithoutStdSheet(i, [referenceStdSheet(i, ref), ...extra]);
  return { sheetNames: result };
}

async function writeWithoutStdSheet(i: WriteOutputsInput, sheets: ExtraSheet[]): Promise<string[]> {
  const { writeWorkbookWithSheets } = await import('../../io/excel/write-mapped-workbook.js');
  const r = await writeWorkbookWithSheets(i.wb.path, i.output, sheets, { force: i.force, source: i.wb.package });
  return r.sheetNames;
}
