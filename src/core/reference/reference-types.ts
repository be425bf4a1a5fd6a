/**
 * Public types of the shipped reference lists (GSO administrative units, the official conversion links of 2025,
 * the derived 2025 merge table).
 */

/** The shipped GSO lists: 2025 (34 provinces, no districts) and the 2004 code system, editions 01/03/2025 and 01/11/2021. */
/** The one list of shipped editions; everything that names or walks the editions reads it. */
export const EDITIONS = ['gso-2025', 'gso-2004', 'gso-2004-2021'] as const;
export type Edition = (typeof EDITIONS)[number];

/** Commune level as the lists write it: Xã, Phường, Thị trấn (before 2025) or Đặc khu (from 2025). */
export type UnitLevel = 'Xã' | 'Phường' | 'Thị trấn' | 'Đặc khu';

/** One commune-level unit with its province and (before 2025) district. Codes keep their leading zeros. */
export interface RefUnit {
  provinceCode: string;
  provinceName: string;
  districtCode?: string;
  districtName?: string;
  code: string;
  name: string;
  level: UnitLevel;
}

export interface RefProvince {
  code: string;
  name: string;
  /** The tax authority's (TMS) province code; known for the 34 provinces of 2025 only. */
  tmsCode?: string;
}

export interface RefDistrict {
  code: string;
  name: string;
  provinceCode: string;
}

/** One decoded edition. */
export interface ReferenceList {
  edition: Edition;
  /** Effective date of the edition, ISO yyyy-mm-dd. */
  effective: string;
  source: string;
  provinces: readonly RefProvince[];
  districts: readonly RefDistrict[];
  units: readonly RefUnit[];
}

/** A row of the generated province table: [GSO code, name] or [GSO code, name, TMS code]. */
export type ProvinceRow = readonly [string, string] | readonly [string, string, string];

/** The new (2025) commune an old one went into; `partial` when only part of the old commune did. */
export interface MergeTarget {
  code: string;
  name: string;
  provinceCode: string;
  type: 'full' | 'partial';
}

/** The decoded merge table: old GSO commune code → its name and the new commune(s). Derived data, not official. */
export interface MergeTable {
  source: string;
  byOldCode: ReadonlyMap<string, { oldName: string; targets: readonly MergeTarget[] }>;
  size: number;
}

/** What `mergeHint` tells about one old commune. */
export interface MergeHint {
  oldCode: string;
  oldName: string;
  targets: readonly MergeTarget[];
}

/**
 * One official link of an old commune: the new (2025) commune it went into, with the note of the statistics
 * office's conversion table ("Nhập toàn bộ", "Nhập một phần", "Giữ nguyên", …). `whole` is false when the note
 * says only part of the old commune went there.
 */
export interface ConversionLink {
  code: string;
  note: string;
  whole: boolean;
}

/**
 * The decoded conversion table of the statistics office ("Bảng chuyển đổi ĐVHC mới – cũ"): old GSO commune
 * code → its links, one per new commune it went into. Official data; codes and notes only.
 */
export interface ConversionLinks {
  source: string;
  byOldCode: ReadonlyMap<string, readonly ConversionLink[]>;
  size: number;
}
