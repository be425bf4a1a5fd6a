/**
 * The limits dvc puts on a workbook it reads, in one place (documented in docs/map-communes.md, "Giới hạn" /
 * "Limits"). Every input is treated as hostile: a file past one of these is refused with exit 2 and the limit
 * named, before it can take the memory or the time of the officer's computer.
 */
import { ZIP_LIMITS } from '../zip/zip-limits.js';

/**
 * The limits are set so that a run stays under 600 MB of memory on any input they admit (measured: a 50,000-row
 * pair of sheets took 736 MB end to end, 40,000 rows about 590 MB; docs/map-communes.md).
 */

/** The workbook file itself (it is kept in memory to copy its parts). A whole-country list is about 1 MB. */
export const MAX_WORKBOOK_BYTES = 100 * 1024 * 1024;

/**
 * One part (a sheet, the shared strings…) once inflated, and the parts in the package: the `workbook` profile of
 * the one table of zip limits (io/zip/zip-limits.ts).
 */
export const MAX_PART_BYTES = ZIP_LIMITS.workbook.maxEntryBytes;
export const MAX_PARTS = ZIP_LIMITS.workbook.maxEntries;

/** Rows of one sheet (the last row number). Vietnam had 10,599 communes before 2025 and 3,321 since. */
export const MAX_ROWS = 30_000;

/** Cells of one sheet: 30,000 rows of 25 columns. Bounds a sheet of few rows but thousands of columns. */
export const MAX_CELLS = 750_000;

/** Items of the shared-string table: at most one per cell of two full sheets. */
export const MAX_SHARED_STRINGS = 2 * MAX_CELLS;

/** Characters in one cell, value or formula: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;

/** Bytes → whole megabytes, for messages. */
export function megabytes(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}
