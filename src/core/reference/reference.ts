/**
 * The reference lists shipped with dvc, pure side: types, decoding of the compact format, province tables
 * and lookups. Loading the files is src/io/reference-data.ts.
 */
export type {
  Edition,
  UnitLevel,
  RefUnit,
  RefProvince,
  RefDistrict,
  ReferenceList,
  ProvinceRow,
  MergeTarget,
  MergeTable,
  MergeHint,
  ConversionLink,
  ConversionLinks,
} from './reference-types.js';
export { EDITIONS } from './reference-types.js';
export { parseEdition } from './edition.js';
export { decodeReferenceList, decodeMergeTable, decodeConversionLinks } from './decode.js';
export { decodeEditionIndexes, encodeEditionIndexes } from './edition-index-file.js';
export {
  resolveProvince,
  provincesOf,
  provinceIn2025,
  type ResolvedProvince,
  type ProvinceMatch,
} from './provinces.js';
export { mergeHint } from './merge-hint.js';
export { officialLinks, noteIsWhole } from './conversion-links.js';
export {
  findCommunes,
  type FindTier,
  type FindOptions,
  type FindResult,
  type CommuneCandidate,
  type Suggestion,
} from './find-communes.js';
export {
  buildEditionIndex,
  detectEdition,
  editionsMismatch,
  type SheetEdition,
  type EditionIndex,
  type DetectRow,
} from './detect-edition.js';
