/** Public types of the commune matching engine (pure; no I/O). */
import { TEXT_REASONS, type CodeSystem, type Tier } from '../text/text.js';
import type { MatchStatus } from './match-status.js';

/** One unit row as read from a sheet; every value is the raw cell text. */
export interface UnitRow {
  /** 1-based row number in the source sheet, for messages. */
  rowNumber: number;
  provinceCode?: string;
  provinceName?: string;
  districtCode?: string;
  districtName?: string;
  code: string;
  name: string;
  /** A GSO province code column on the tax side, if the sheet has one (used to pair provinces). */
  gsoProvinceCode?: string;
}

/** An officer's saved decision: the tax code for a std code; null means "no tax commune". */
export interface Decision {
  stdCode: string;
  taxCode: string | null;
  note?: string;
}

/** Reasons produced by the engine on top of the text reasons. */
export const ENGINE_REASONS = [
  'district_disambiguated',
  'unit_type_preferred',
  'decided_by_officer',
  'no_tax_commune',
  'merged_into',
  'leading_zero_restored',
  'code_conflict',
  'code_taken_by_decision',
  'decision_takes_code',
  'decision_carried',
  'duplicate_code',
  'decision_code_unknown',
  'code_confirms',
  'official_spelling',
  'diacritics_differ',
  'unmarked_several',
  'sole_close_pair',
  'same_province_code',
  'former_district',
  'same_name_candidates',
  'no_same_name',
  'via_merge',
  'via_merge_partial',
  'via_merge_none',
  'via_merge_no_tax',
  'via_official',
  'via_official_no_tax',
  'via_official_split',
  'via_official_none',
  'via_tables_disagree',
  'via_tables_disagree_partial',
  'cross_edition',
] as const;
export type EngineReason = (typeof ENGINE_REASONS)[number];

/** Every reason code the engine can give a row, text reasons first; each has a catalogue text. */
export const REASON_CODES = [...TEXT_REASONS, ...ENGINE_REASONS] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** The catalogue key of a reason's text, and of a status's name. */
export type ReasonMessageKey = `reason.${ReasonCode}`;
export type StatusMessageKey = `status.${MatchStatus}`;
export const reasonMessageKey = (code: ReasonCode): ReasonMessageKey => `reason.${code}`;
export const statusMessageKey = (status: MatchStatus): StatusMessageKey => `status.${status}`;

/** A reason with optional message parameters; its text is the catalogue entry `reason.<code>`. */
export interface Reason {
  code: ReasonCode;
  params?: Record<string, string | number>;
}

export type { MatchStatus };
export { MATCH_STATUSES } from './match-status.js';
/**
 * `official_links`: filled through the official conversion table (`--via-merges`); `merge_table`: through the
 * shipped derived merge table, where the official table is silent.
 */
export type MatchMethod = Tier | 'decision' | 'official_links' | 'merge_table';

/** Why a tax row is offered as a candidate for a std row that was not filled. */
export type CandidateWhy =
  /** Same name in the std row's district or province; the engine could not choose. */
  | 'same_name'
  /** Same name, but in another district. */
  | 'same_name_other_district'
  /** Same name with another unit type (Thị trấn/Xã/Phường). */
  | 'other_unit_type'
  /** The commune the std commune was merged into or renamed to (shipped merge table or the codes). */
  | 'merged_into'
  /** Similar spelling by edit distance, or the same letters with other diacritics. */
  | 'similar_spelling'
  /** A tax row of the same province and district that no std row took. */
  | 'unused_same_district';

export interface Candidate {
  code: string;
  name: string;
  district?: string;
  /** Similarity 0..1 for edit-distance proposals; absent for key-equal candidates. */
  score?: number;
  /** Why this row is a candidate; candidates are ranked, best first. */
  why?: CandidateWhy;
}

/** The result for one std row. */
export interface RowMatch {
  stdRow: number;
  /** Std code after leading-zero restoration. */
  stdCode: string;
  stdName: string;
  /** Index into MatchResult.provinces. */
  province: number;
  status: MatchStatus;
  method?: MatchMethod;
  taxCode?: string;
  taxName?: string;
  taxRow?: number;
  reasons: Reason[];
  candidates: Candidate[];
  /** The std name's key occurs more than once in the province (on either sheet). */
  duplicateName: boolean;
  /** The tax code was chosen by another std row too; neither is filled. */
  conflict?: boolean;
}

/** One side of a province pair. */
export interface ProvinceRef {
  code?: string;
  name: string;
}

export interface ProvincePair {
  std: ProvinceRef;
  tax: ProvinceRef;
  /**
   * Tier at which the names agreed, 'gso_code' when the tax side carried the GSO code, 'same_code' when both sheets
   * share one province code system and the province was renamed between them.
   */
  method: Tier | 'gso_code' | 'same_code';
  reasons: Reason[];
}

export interface ProvincePairing {
  pairs: ProvincePair[];
  /** Provinces found on one side only, or whose name matched several on the other side. */
  unpairedStd: ProvinceRef[];
  unpairedTax: ProvinceRef[];
  ambiguous: { std: ProvinceRef; candidates: ProvinceRef[] }[];
}

/** A district pair inside one province pair. */
export interface DistrictPair {
  std: ProvinceRef;
  tax: ProvinceRef;
  method: Tier;
}

/** A tax row that no std row was matched to. */
export interface TaxUnused {
  province: number;
  taxRow: number;
  code: string;
  name: string;
  district?: string;
}

/** A tax code chosen by two or more std rows: none of them is filled. */
export interface CodeConflict {
  province: number;
  taxCode: string;
  taxName: string;
  stdCodes: string[];
}

/** A code that occurs on more than one row of one sheet. */
export interface DuplicateCode {
  side: 'std' | 'tax';
  code: string;
  rows: number[];
}

/** A code whose leading zeros were restored. */
export interface CodeRepair {
  side: 'std' | 'tax';
  row: number;
  from: string;
  to: string;
}

export interface ProvinceSummary {
  pair: ProvincePair;
  rows: number;
  exact: number;
  normalised: number;
  decided: number;
  ambiguous: number;
  notFound: number;
  taxUnused: number;
  conflicts: number;
}

/** Optional hook: the unit a std commune was merged into, if known. */
export type MergeHint = (stdCode: string, stdName: string) => { newCode: string; newName: string } | undefined;

export interface MatchInput {
  std: UnitRow[];
  tax: UnitRow[];
  decisions?: Decision[];
  /** Restrict to these province pairs (already resolved, e.g. from --province); default: pair all. */
  provinces?: ProvincePair[];
  mergeHint?: MergeHint;
  /** Code systems of each side, for leading-zero restoration. Default std 'gso', tax 'tms'. */
  codeSystems?: { std: CodeSystem; tax: CodeSystem };
  /** How many edit-distance proposals to attach to not_found rows (default 3). */
  proposals?: number;
  /** For a std sheet of the 2025 list: the old districts (names) each commune came from, from the merge table. */
  formerDistricts?: (stdCode: string) => readonly string[] | undefined;
  /**
   * Other spellings an official list gives the unit a std code names (same code, same name but for diacritics):
   * a tax name equal to one of them is that unit's name, not a similar one. From the lists dvc ships.
   */
  officialNames?: OfficialNames;
}

/** The official spellings of a std unit other than its own, with the list each comes from. */
export type OfficialNames = (stdCode: string) => readonly { name: string; list: string }[] | undefined;

export interface MatchResult {
  rows: RowMatch[];
  provinces: ProvinceSummary[];
  pairing: ProvincePairing;
  taxUnused: TaxUnused[];
  conflicts: CodeConflict[];
  duplicateCodes: DuplicateCode[];
  codeRepairs: CodeRepair[];
}
