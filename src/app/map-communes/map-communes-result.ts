import type { EditionReport } from './edition-check.js';
/**
 * The result of `dvc map-communes`, defined once: the JSON output, the HTML report's model and the workbook
 * writer all read these types.
 */
import type { MatchResult, ProvinceSummary, RowMatch } from '../../core/communes/communes.js';
import type { ExistingVerdict } from '../../core/communes/match-status.js';

export type { ExistingVerdict, MatchStatus } from '../../core/communes/match-status.js';
export { EXISTING_VERDICTS, MATCH_STATUSES } from '../../core/communes/match-status.js';

/** A reason as a code and its parameters; the renderer the command chooses words it. */
export interface ReportReason {
  code: string;
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
  /** Whether the existing code is a code of the tax sheet at all (set with existingCode). */
  existingInTaxSheet?: boolean;
  /** What is wrong with the existing code, for an officer: set when it differs or is not in the tax sheet. */
  existingReason?: ReportReason;
  /** The existing code was replaced by dvc's (only with --replace-existing, only when it differs). */
  existingReplaced?: boolean;
  /** A decision that replaced a confident match: the code and status dvc would have given. */
  overrides?: { taxCode: string; status: RowMatch['status'] };
  /** The code the outputs carry in the target column and the MAP table (the officer's when kept), or null. */
  mapCode?: string | null;
  /** What the MAP table says of mapCode: a match status only when dvc stands behind that code. */
  mapStatus?: MapStatus;
}

/**
 * The status of the code a MAP row carries: dvc's match status when the code is dvc's (or the officer's code that
 * dvc confirms), else what the audit says of the officer's kept code: never `exact` or `normalised` for a code that
 * dvc questions.
 */
export const MAP_STATUSES = [
  'exact',
  'normalised',
  'decided',
  'ambiguous',
  'not_found',
  'differs',
  'not_in_tax_sheet',
  'unchecked',
] as const;
export type MapStatus = (typeof MAP_STATUSES)[number];

/** Counts of existing codes by verdict. */
export interface ExistingCounts {
  confirmed: number;
  differs: number;
  unchecked: number;
  /** Existing codes (of any verdict) that are not in the tax sheet at all. */
  notInTaxSheet: number;
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
  /** The workbook written; null with --audit unless --out was given. */
  output: string | null;
  mapOut: string | null;
  /** --audit: the existing codes were checked; only the outputs asked for explicitly were written. */
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
  /** The same round decided in the browser (`dvc review …`, quoted as nextStep is); null when none is needed or safe. */
  reviewStep: string | null;
  /** The review sheet of the output to type decisions in ("Rà soát", or "Rà soát (2)" over an earlier output). */
  reviewSheet: string | null;
  /** The edition of each sheet, province by province. */
  editions?: EditionReport[];
}
