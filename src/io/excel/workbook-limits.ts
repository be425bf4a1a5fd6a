/**
 * The limits dvc puts on a workbook it reads, in one place (documented in docs/map-communes.md, "Giới hạn" /
 * "Limits"). Every input is treated as hostile: a file past one of these is refused with exit 2 and the limit
 * named, before it can take the memory or the time of the officer's computer.
 */

/** The workbook file itself. A whole-country list with every column is a few megabytes. */
export const MAX_WORKBOOK_BYTES = 200 * 1024 * 1024;

/** One part (a sheet, the shared strings…) once inflated: stops a zip bomb before it fills memory. */
export const MAX_PART_BYTES = 128 * 1024 * 1024;

/** Parts in the package. Excel writes a few dozen; a package of thousands is not a workbook. */
export const MAX_PARTS = 10_000;

/** Rows of one sheet (the last row number). Vietnam has about 10,000 communes. */
export const MAX_ROWS = 200_000;

/** Items of the shared-string table: several per cell at most, so 4 × the row limit × a dozen columns. */
export const MAX_SHARED_STRINGS = 4_000_000;

/** Characters in one cell, value or formula: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;

/** Bytes → whole megabytes, for messages. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
