/** Cell values as read from a sheet, before any interpretation (pure types shared by io/excel and core). */

export type CellKind = 'string' | 'number' | 'date' | 'boolean' | 'error';

export interface Cell {
  kind: CellKind;
  /**
   * The text of a string cell, the number of a numeric or date-formatted cell (a date keeps its serial
   * number), the boolean, or the error text ("#N/A"). null for a formula cell that has no cached value.
   */
  value: string | number | boolean | null;
  /** Present when the cell holds a formula ("" for a shared-formula follower whose text lives elsewhere). */
  formula?: string;
}

/** One sheet row: `row` is 1-based; `cells[0]` is column A. Absent cells are `undefined`. */
export interface SheetRow {
  row: number;
  cells: (Cell | undefined)[];
}

/** "A" → 0, "I" → 8, "AA" → 26. Returns -1 for anything that is not 1–3 letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** 0 → "A", 8 → "I", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "I12" for column index 8, row 12. */
export function cellRef(columnIdx: number, row: number): string {
  return `${columnLetter(columnIdx)}${row}`;
}
