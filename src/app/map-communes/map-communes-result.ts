import type { EditionReport } from './edition-check.js';
/**
 * The result of `dvc map-communes`, defined once: the JSON output, the HTML report's model and the workbook
 * writer all read these types.
 */
import type { MatchResult, ProvinceSummary, RowMatch } from '../../core/communes/communes.js';
import type { ExistingVerdict } from '../../core/communes/match-status.js';

export type { ExistingVerdict, MatchStatus } from '../../core/communes/match-status.js';
export { EXISTING_VERDICTS, MATCH_STATUSES } from '../../core/communes/match-status.js';

export interface ReportReason {
  code: string;
  text: string;
  params?: Record<string, string | number>;
}

/** One standard row as reported in JSON, HTML and the review sheet. */
export interface ReportRow {
  sheet: string;
  rowNumber: number;
  provinceCode?: string;
  provinceName?: string;
  districtName?: string;
  code: string;
  name: string;
  status: RowMatch['status'];
  method?: string;
  reasons: ReportReason[];
  taxCode?: string;
  taxName?: string;
  candidates: RowMatch['candidates'];
  duplicateName: boolean;
  conflict?: boolean;
  /** The code the target column already held (typed by the officer or a VLOOKUP), when it held one. */
  existingCode?: string;
  /** Name of the tax row that the existing code names, when the tax sheet has it. */
  existingName?: string;
  /** What dvc makes of the existing code. */
  existingVerdict?: ExistingVerdict;
  /** The existing code was replaced by dvc's (only with --replace-existing, only when it differs). */
  existingReplaced?: boolean;
  /** A decision that replaced a confident match: the code and status dvc would have given. */
  overrides?: { taxCode: string; status: RowMatch['status'] };
}

/** Counts of existing codes by verdict. */
export interface ExistingCounts {
  confirmed: number;
  differs: number;
  unchecked: number;
}

/** Counts per status, for a province or the whole run. */
export interface Summary extends Omit<ProvinceSummary, 'pair'> {
  /** Decisions that replaced a confident match. */
  overrides: number;
  /** Codes found in the target column, by verdict. */
  existing: ExistingCounts;
}

export interface ProvinceReport extends Summary {
  provinceCode?: string;
  provinceName: string;
  taxProvinceName: string;
}

export interface Note {
  key: string;
  params: Record<string, string | number>;
}

export interface MapCommunesResult {
  ok: true;
  input: string;
  /** The workbook written; null with --audit. */
  output: string | null;
  mapOut: string | null;
  /** --audit: the existing codes were checked and no workbook was written. */
  audit: boolean;
  summary: Summary;
  provinces: ProvinceReport[];
  notes: Note[];
  targetColumn: string;
  rows: ReportRow[];
  taxUnused: MatchResult['taxUnused'];
  conflicts: MatchResult['conflicts'];
  duplicateCodes: MatchResult['duplicateCodes'];
  codeRepairs: MatchResult['codeRepairs'];
  /** The command for the next round of decisions (arguments quoted for the machine's shell); null when none is needed or none is safe. */
  nextStep: string | null;
  /** Why no next-step command is printed although rows wait for a decision (a name no shell quoting keeps safe). */
  nextStepRefused: Note | null;
  /** The review sheet of the output to type decisions in ("Rà soát", or "Rà soát (2)" over an earlier output). */
  reviewSheet: string | null;
  /** The edition of each sheet, province by province. */
  editions?: EditionReport[];
}
