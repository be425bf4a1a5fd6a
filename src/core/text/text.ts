/**
 * Vietnamese text normalisation for administrative-unit names: legacy-font decoding (TCVN3, VNI),
 * Unicode normalisation, tone placement, prefixes, numbers, folding, and per-tier comparison keys.
 * Pure and synchronous.
 */
export type {
  NameKind,
  UnitType,
  Tier,
  LegacyEncoding,
  TextReason,
  PrefixForm,
  NameKeys,
  LegacyDecodeResult,
  CodeSystem,
  CodeLevel,
  CodeRepairResult,
} from './text-types.js';
export { TEXT_REASONS, TIERS } from './text-types.js';
export { decodeLegacy, decodeTcvn3, decodeVni } from './legacy-decode.js';
export { encodeTcvn3, encodeVni } from './legacy-encode.js';
export { normaliseWhitespace } from './whitespace.js';
export { normaliseTonePlacement } from './tone-placement.js';
export { normalisePunctuation } from './punctuation.js';
export { foldDiacritics, foldIY } from './fold-diacritics.js';
export { parseUnitPrefix, type ParsedPrefix } from './unit-prefix.js';
export { restoreCodeZeros } from './code-zeros.js';
export { nameKeys, foldingJoins, clearNameKeysMemo } from './name-keys.js';
export { explainKeyMatch, firstMatchingTier, clearExplainCache } from './explain-match.js';
