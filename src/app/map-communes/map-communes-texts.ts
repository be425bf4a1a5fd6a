/**
 * Every word a map-communes run puts into its outputs comes from a renderer that the command chooses (Vietnamese
 * or English) and hands down: the use case keeps codes and parameters, and asks this interface for the review
 * sheets, the cell notes and the words of the errors that stop a run.
 */
import type { MatchResult } from '../../core/communes/communes.js';
import type { CellStatus, ExtraSheet } from '../../io/excel/write-mapped-workbook.js';
import type { DecisionSource } from '../../io/decisions-file.js';
import type { EditionReport } from './edition-check.js';
import type { ProvinceReport, ReportRow, Summary } from './map-communes-result.js';

/** One bad decision: a message key, its parameters, and the lines of the decisions file it names. */
export interface DecisionProblem {
  key: string;
  params: Record<string, string | number>;
  /** The line of the bad decision. */
  at: DecisionSource;
  /** Another line the problem names (a second decision for the same commune). */
  other?: DecisionSource;
  /** The other decisions that took the same tax code. */
  others?: { code: string; source: DecisionSource }[];
}

export interface MapCommunesTexts {
  /**
   * The review sheet: the rows that need a decision, the decided and the normalised ones, the unused tax rows.
   * `carried`: decisions for communes this run left out (--province), listed with the decided rows.
   */
  reviewSheet(
    rows: readonly ReportRow[],
    match: MatchResult,
    taxSheet: string,
    carried?: readonly ReportRow[],
  ): ExtraSheet;
  /** The summary sheet: counts per province, the total, the editions, conflicts and duplicate codes. */
  summarySheet(
    provinces: readonly ProvinceReport[],
    summary: Summary,
    match: MatchResult,
    editions: readonly EditionReport[],
  ): ExtraSheet;
  /** The legend of the target column's colours; the verdicts on existing codes only when there were any. */
  legend(withVerdicts: boolean): { title: string; rows: { status: CellStatus; label: string }[] };
  /** The note shown on a target cell that held a code dvc questions or replaced; none on a confirmed one. */
  cellNote(r: ReportRow): { title: string; text: string } | undefined;
  /** The editions of the sheets, one line per province, for the error that refuses a mismatch. */
  editionLines(editions: readonly EditionReport[]): string;
  /** One line of the error that names every bad decision. */
  decisionProblem(p: DecisionProblem): string;
}
