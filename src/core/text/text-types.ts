/** Public types of the Vietnamese text normaliser. */

/** What kind of administrative unit a name belongs to; decides which prefixes are recognised. */
export type NameKind = 'commune' | 'district' | 'province';

/** The unit type carried by a prefix ("Phường", "P.", "TT", "Q.", "TP" …), kept apart from the bare name. */
export type UnitType = 'xa' | 'phuong' | 'thi_tran' | 'dac_khu' | 'quan' | 'huyen' | 'thi_xa' | 'thanh_pho' | 'tinh';

/** Comparison tiers, from strictest to loosest. */
export type Tier = 'exact' | 'normalised' | 'compact' | 'folded';
export const TIERS: readonly Tier[] = ['exact', 'normalised', 'compact', 'folded'];

export type LegacyEncoding = 'tcvn3' | 'vni';

/**
 * A transformation a name went through; each has a catalogue text under `reason.<code>`. The order is the order in
 * which reasons are shown.
 */
export const TEXT_REASONS = [
  'tcvn3_decoded',
  'vni_decoded',
  'nfc_normalised',
  'whitespace_normalised',
  'punctuation_normalised',
  'case_normalised',
  'tone_normalised',
  'prefix_expanded',
  'prefix_stripped',
  'unit_type_changed',
  'number_normalised',
  'spacing_normalised',
  'diacritics_folded',
  'iy_normalised',
] as const;
export type TextReason = (typeof TEXT_REASONS)[number];

/** How the prefix was written in the raw text. */
export type PrefixForm = 'full' | 'abbreviated' | 'none';

/** The keys of one name for every tier, and what was done to the raw text to reach each of them. */
export interface NameKeys {
  raw: string;
  /** Trimmed NFC text as typed. */
  exact: string;
  /** Decoded, NFC, whitespace/case/tone/punctuation normalised, prefix split off (kept for numbered units). */
  normalised: string;
  /** `normalised` without spaces, hyphens and apostrophes. */
  compact: string;
  /** `compact` with diacritics folded (đ→d) and i/y unified. */
  folded: string;
  /** Unit type read from the prefix, or null when there was none. */
  unitType: UnitType | null;
  prefixForm: PrefixForm;
  /** Number of a numbered unit ("Phường 01" → 1), else null. */
  number: number | null;
  /** The legacy encoding the cell was decoded from, if any. */
  encoding: LegacyEncoding | null;
  /**
   * The bare name (after decoding and normalisation) carries Vietnamese diacritics. Two marked names that differ
   * only in diacritics are different names: the folded tier may join them only when one side is unmarked.
   */
  marked: boolean;
  /**
   * `compact` with the i/y spelling unified but every diacritic kept ("Sĩ"/"Sỹ", "Quí"/"Quý"): two marked names
   * with equal `spelled` keys are the same name written in two conventions.
   */
  spelled: string;
  /** Transformations applied to the raw text to reach each tier (cumulative, in pipeline order). */
  steps: Record<Tier, readonly TextReason[]>;
}

/** Result of detecting and decoding a legacy-font cell. */
export interface LegacyDecodeResult {
  text: string;
  encoding: LegacyEncoding | null;
}

/** Code systems: GSO codes are zero-padded (2/3/5); TMS codes are 3/5/8 digits and never padded. */
export type CodeSystem = 'gso' | 'tms';
export type CodeLevel = 'province' | 'district' | 'commune';

export interface CodeRepairResult {
  code: string;
  /** True when leading zeros lost by Excel were put back. */
  leadingZeroRestored: boolean;
}
