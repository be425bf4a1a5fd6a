/**
 * Finding the header row of a commune sheet and reading its table. The header is found, not assumed: title
 * rows, blank rows and merged cells may stand above it, so the first rows are scored by how many distinct
 * columns their cells name (column-synonyms.ts) and the best one wins.
 */
import { DvcError, ExitCode } from '../../errors.js';
import { cellRef, columnLetter, type Cell, type SheetRow } from './cell.js';
import { cellText } from './cell-text.js';
import { CODE_FIELDS, COLUMN_FIELDS, fieldOfHeader, type ColumnField } from './column-synonyms.js';
import type { ColumnSpec } from './column-spec.js';

export interface ColumnRef {
  /** 0-based column index. */
  index: number;
  letter: string;
  /** The header cell's text ("" when the column came from a spec and the header cell is empty). */
  header: string;
}

export type DetectedColumns = Partial<Record<ColumnField, ColumnRef>> & { code: ColumnRef; name: ColumnRef };

export interface DataRow {
  /** 1-based row number in the sheet. */
  row: number;
  /** Raw text per recognised column (the target column is not read). */
  values: Partial<Record<ColumnField, string>>;
}

/** A code cell that Excel stored as a number: its leading zeros may be lost. */
export interface NumericCell {
  row: number;
  ref: string;
  field: ColumnField;
}

export interface DetectedTable {
  sheet: string;
  /** 1-based; 0 when a column spec was given and no header row could be found (data starts at the top). */
  headerRow: number;
  columns: DetectedColumns;
  dataRows: DataRow[];
  numericCells: NumericCell[];
}

export interface DetectHeaderOptions {
  sheet: string;
  spec?: ColumnSpec;
  /** How many non-empty rows to scan for the header (default 30). */
  scanRows?: number;
}

function headerTextOf(cell: Cell | undefined): string {
  return cell && typeof cell.value === 'string' ? cell.value : '';
}

function isNonEmpty(row: SheetRow): boolean {
  for (const c of row.cells) if (c !== undefined && c.value !== null && c.value !== '') return true;
  return false;
}

/** The first `count` rows that hold a value: the rows the header is looked for in. */
function firstNonEmpty(rows: readonly SheetRow[], count: number): SheetRow[] {
  const out: SheetRow[] = [];
  for (let i = 0; i < rows.length && out.length < count; i++) if (isNonEmpty(rows[i])) out.push(rows[i]);
  return out;
}

function scoreRow(row: SheetRow): Map<ColumnField, number> {
  const found = new Map<ColumnField, number>();
  row.cells.forEach((cell, i) => {
    const field = fieldOfHeader(headerTextOf(cell));
    if (field && !found.has(field)) found.set(field, i);
  });
  return found;
}

function seenHeaders(candidates: readonly SheetRow[]): string {
  return candidates
    .slice(0, 5)
    .map((r) => {
      const texts = r.cells.map((c) => (c && c.value !== null ? String(c.value).trim() : '')).filter((t) => t !== '');
      const line = texts.join(' | ');
      return `${r.row}: ${line.length > 160 ? `${line.slice(0, 157)}…` : line}`;
    })
    .join('; ');
}

/** A spec's `province=`/`district=`: a column of digits holds codes, anything else names. */
function looksLikeCodes(rows: readonly SheetRow[], from: number, col: number): boolean {
  let digits = 0;
  let total = 0;
  for (const r of rows) {
    if (r.row <= from) continue;
    const c = r.cells[col];
    if (!c || c.value === null || c.value === '') continue;
    total++;
    if (c.kind === 'number' || /^\s*\d+\s*$/.test(String(c.value))) digits++;
    if (total >= 200) break;
  }
  return total > 0 && digits / total >= 0.8;
}

function pickHeader(
  rows: readonly SheetRow[],
  o: DetectHeaderOptions,
  candidates: readonly SheetRow[],
): { headerRow: number; found: Map<ColumnField, number> } {
  if (o.spec?.headerRow !== undefined) {
    const r = rows.find((x) => x.row === o.spec?.headerRow);
    return { headerRow: o.spec.headerRow, found: r ? scoreRow(r) : new Map() };
  }
  let best: { headerRow: number; found: Map<ColumnField, number> } = { headerRow: 0, found: new Map() };
  for (const r of candidates) {
    const found = scoreRow(r);
    if (found.size > best.found.size) best = { headerRow: r.row, found };
  }
  return best;
}

function resolveColumns(
  rows: readonly SheetRow[],
  o: DetectHeaderOptions,
  headerRow: number,
  found: Map<ColumnField, number>,
): Map<ColumnField, number> {
  const cols = new Map(found);
  for (const [key, idx] of Object.entries(o.spec?.columns ?? {})) {
    if (idx === undefined) continue;
    let field: ColumnField;
    if (key === 'province') field = looksLikeCodes(rows, headerRow, idx) ? 'provinceCode' : 'provinceName';
    else if (key === 'district') field = looksLikeCodes(rows, headerRow, idx) ? 'districtCode' : 'districtName';
    else field = key as ColumnField;
    for (const [f, i] of cols) if (i === idx && f !== field) cols.delete(f);
    cols.set(field, idx);
  }
  // A tax sheet may call its own code column "Mã xã CQT": without another code column, that is the code.
  if (!cols.has('code') && cols.has('target')) {
    cols.set('code', cols.get('target') as number);
    cols.delete('target');
  }
  return cols;
}

/** Finds the header row and reads every data row below it as raw text. Throws a DvcError (exit 2). */
export function detectHeader(rows: readonly SheetRow[], o: DetectHeaderOptions): DetectedTable {
  const scan = o.scanRows ?? 30;
  // One non-empty row at least, to tell an empty sheet from one without a header.
  const first = firstNonEmpty(rows, Math.max(scan, 1));
  if (first.length === 0) throw new DvcError('excel.sheetEmpty', { sheet: o.sheet }, ExitCode.Usage);
  const candidates = first.length > scan ? first.slice(0, scan) : first;
  const { headerRow, found } = pickHeader(rows, o, candidates);
  const cols = resolveColumns(rows, o, headerRow, found);
  const missing = (['code', 'name'] as const).filter((f) => !cols.has(f));
  if (missing.length > 0) {
    throw new DvcError(
      'excel.headerNotFound',
      { sheet: o.sheet, missing: missing.join(', '), seen: seenHeaders(candidates) },
      ExitCode.Usage,
    );
  }
  const header = rows.find((r) => r.row === headerRow);
  const columns = {} as DetectedColumns;
  for (const [field, index] of cols) {
    columns[field] = { index, letter: columnLetter(index), header: headerTextOf(header?.cells[index]).trim() };
  }
  const dataRows: DataRow[] = [];
  const numericCells: NumericCell[] = [];
  // Per field read, its column and the options of cellText; only `row` changes from row to row.
  const reads = COLUMN_FIELDS.filter((f) => f !== 'target' && cols.has(f)).map((field) => ({
    field,
    o: { sheet: o.sheet, row: 0, column: cols.get(field) as number, isCode: CODE_FIELDS.has(field) },
  }));
  for (const r of rows) {
    if (r.row <= headerRow) continue;
    const values: Partial<Record<ColumnField, string>> = {};
    let any = false;
    for (const { field, o: read } of reads) {
      read.row = r.row;
      const cell = r.cells[read.column];
      const text = cellText(cell, read);
      if (text !== '') any = true;
      values[field] = text;
      if (cell?.kind === 'number' && read.isCode)
        numericCells.push({ row: r.row, ref: cellRef(read.column, r.row), field });
    }
    if (any) dataRows.push({ row: r.row, values });
  }
  return { sheet: o.sheet, headerRow, columns, dataRows, numericCells };
}
