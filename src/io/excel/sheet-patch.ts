/**
 * Rewriting one worksheet part in place: cells are replaced or inserted in the rows that need them, rows that
 * do not exist yet are inserted in order, and every other byte of the part is kept as it was. Only a part that
 * sheet-read.ts has read through the strict parser is patched (the writer reads the sheet first): it is then
 * well-formed and its sheetData holds no comment, CDATA or processing instruction, which is what the element scan
 * below relies on (xml-scan.ts skips quoted attribute values, where well-formed XML may hold ">").
 */
import { DvcError, ExitCode } from '../../errors.js';
import { cellRef, columnIndex } from '../../core/workbook/cell.js';
import {
  cellFormula,
  cellStyle,
  nameCells,
  nextRow,
  placeWrite,
  rowCells,
  rowTag,
  scanCells,
  type RowTag,
} from './row-scan.js';
import { escapeXml } from './xml-text.js';
import { isRegexSpace } from '../../core/text/whitespace.js';

/** A cell to write: `style` receives the existing style of that cell (or of its left neighbour) and returns the new one. */
export interface CellWrite {
  row: number;
  column: number;
  value: string | null;
  style: (existing: number) => number;
}

export interface SheetPatchResult {
  /**
   * The patched part as pieces to be joined (see encodeParts): the text before the rows, the rows, and last the text
   * from `</sheetData>` on, where the elements after the rows go.
   */
  parts: string[];
  /** The namespace prefix of the sheet's elements ("" or "x:"). */
  prefix: string;
  /** A replaced cell held a formula (the calculation chain must then be dropped). */
  removedFormula: boolean;
  /** The highest column index used anywhere in the sheet after the patch. */
  maxColumn: number;
}

const CELL_REF = /<(?:\w+:)?c\b[^<>]*?\sr="([A-Z]+)\d+"/g;

const ATTRS = new Map<string, RegExp>();

/** An attribute of a start tag's attribute text, either quote, spaces around "=" allowed (as XML allows). */
function attr(text: string, name: string): string | undefined {
  let re = ATTRS.get(name);
  if (!re) ATTRS.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(text);
  return m ? (m[1] ?? m[2]) : undefined;
}

/** What escapeXml changes: most texts (codes, names) have none of it and are written as they are. */
const NEEDS_ESCAPE = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

export function cellXml(p: string, ref: string, style: number, value: string | number | null): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (value === null || value === '') return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  // Text with white space at either end keeps it only when marked so.
  const space =
    isRegexSpace(value.charCodeAt(0)) || isRegexSpace(value.charCodeAt(value.length - 1))
      ? ' xml:space="preserve"'
      : '';
  const text = NEEDS_ESCAPE.test(value) ? escapeXml(value) : value;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${text}</${p}t></${p}is></${p}c>`;
}

const scratch = rowCells();

/** A row's content with its writes applied (a cell replaced, or inserted in column order). */
function patchRow(inner: string, p: string, rowNumber: number, writes: CellWrite[], state: PatchState): string {
  const cells = scratch;
  scanCells(inner, 0, inner.length, cells);
  state.maxColumn = Math.max(state.maxColumn, cells.maxRef);
  let out = cells.anyUnnamed ? nameCells(inner, 0, inner.length, rowNumber, cells) : inner;
  // Apply from the rightmost write so earlier offsets stay valid.
  for (const w of writes.length > 1 ? [...writes].sort((a, b) => b.column - a.column) : writes) {
    const { same, left, at } = placeWrite(cells, w.column, 0);
    // Styles and formulas are read in `inner`, where the scan found them (nameCells moves only the cells' bounds).
    const style = w.style(same >= 0 ? cellStyle(inner, cells, same) : left >= 0 ? cellStyle(inner, cells, left) : 0);
    const xml = cellXml(p, cellRef(w.column, rowNumber), style, w.value);
    if (same >= 0) {
      if (cellFormula(inner, cells, same)) state.removedFormula = true;
      out = out.slice(0, cells.start[same]) + xml + out.slice(cells.end[same]);
      continue;
    }
    out = out.slice(0, at) + xml + out.slice(at);
  }
  return out;
}

function updateDimension(xml: string, p: string, maxRow: number, maxColumn: number): string {
  return xml.replace(
    new RegExp(`(<${p}dimension\\b[^<>]*?\\sref=")([^"]*)(")`),
    (whole, a: string, ref: string, b: string) => {
      const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(ref);
      if (!m) return whole;
      const endCol = Math.max(columnIndex(m[3] ?? m[1]), maxColumn);
      const endRow = Math.max(Number(m[4] ?? m[2]), maxRow);
      return `${a}${m[1]}${m[2]}:${cellRef(endCol, endRow)}${b}`;
    },
  );
}

/** Adds a width for `column` when no `<col>` range covers it (a new column would otherwise be too narrow). */
function ensureColumnWidth(xml: string, p: string, column: number, width: number): string {
  const n = column + 1;
  const col = `<${p}col min="${n}" max="${n}" width="${width}" customWidth="1"/>`;
  const cols = new RegExp(`<${p}cols>([\\s\\S]*?)</${p}cols>`).exec(xml);
  if (!cols) {
    const at = xml.search(new RegExp(`<${p}sheetData\\b`));
    return at < 0 ? xml : `${xml.slice(0, at)}<${p}cols>${col}</${p}cols>${xml.slice(at)}`;
  }
  const ranges = [...cols[1].matchAll(new RegExp(`<${p}col\\b[^<>]*?/?>`, 'g'))].map((m) => ({
    tag: m[0],
    index: m.index,
    min: Number(attr(m[0], 'min')),
    max: Number(attr(m[0], 'max')),
  }));
  if (ranges.some((r) => r.min <= n && n <= r.max)) return xml;
  const after = ranges.find((r) => r.min > n);
  const innerStart = cols.index + `<${p}cols>`.length;
  const at = after ? innerStart + after.index : innerStart + cols[1].length;
  return xml.slice(0, at) + col + xml.slice(at);
}

export interface SheetPatchOptions {
  sheet: string;
  writes: CellWrite[];
  /** Give these columns a width when none is set. */
  widths?: { column: number; width: number }[];
}

interface SheetDataSpan {
  /** The namespace prefix of the sheet's elements ("" or "x:"). */
  p: string;
  /** `<sheetData …>` start offset, and where its content starts and ends. */
  open: number;
  bodyStart: number;
  bodyEnd: number;
  selfClosing: boolean;
}

function locateSheetData(xml: string, sheet: string): SheetDataSpan {
  const p = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const open = new RegExp(`<${p}sheetData\\b[^<>]*?(/?)>`).exec(xml);
  if (!open) throw new DvcError('excel.patchFailed', { sheet, reason: 'sheetData' }, ExitCode.Usage);
  const selfClosing = open[1] === '/';
  const bodyStart = open.index + open[0].length;
  const bodyEnd = selfClosing ? bodyStart : xml.indexOf(`</${p}sheetData>`, bodyStart);
  if (bodyEnd < 0) throw new DvcError('excel.patchFailed', { sheet, reason: '</sheetData>' }, ExitCode.Usage);
  return { p, open: open.index, bodyStart, bodyEnd, selfClosing };
}

function writesByRow(writes: readonly CellWrite[]): Map<number, CellWrite[]> {
  const byRow = new Map<number, CellWrite[]>();
  for (const w of writes) {
    const list = byRow.get(w.row) ?? [];
    list.push(w);
    byRow.set(w.row, list);
  }
  return byRow;
}

/** The highest column a row's cells name (for the dimension). */
function maxColumnOf(inner: string, max: number): number {
  let out = max;
  for (const c of inner.matchAll(CELL_REF)) out = Math.max(out, columnIndex(c[1]));
  return out;
}

/**
 * A patched text as pieces: slices of `text` up to `last`, and what is inserted. Pieces are gathered into chunks of
 * some 64 K characters: encoding 20,000 pieces one by one (two per patched row) costs more than the concatenation.
 */
class Splice {
  private readonly out: string[] = [];
  private chunk = '';
  last = 0;
  constructor(readonly text: string) {}

  add(s: string): void {
    this.chunk += s;
    if (this.chunk.length < 0x10000) return;
    this.out.push(this.chunk);
    this.chunk = '';
  }

  /** Keeps the text up to `at`. */
  keepTo(at: number): void {
    this.add(this.text.slice(this.last, at));
    this.last = at;
  }

  /** Keeps the text up to `at`, then puts `s` instead of the text up to `resume`. */
  replace(at: number, s: string, resume: number): void {
    this.keepTo(at);
    this.add(s);
    this.last = resume;
  }

  pieces(): string[] {
    if (this.chunk) this.out.push(this.chunk);
    this.chunk = '';
    return this.out;
  }
}

type PatchState = { removedFormula: boolean; maxColumn: number };

/**
 * The common case, in place: a numbered row of the sheet's prefix with one write loses its spans and gets the one
 * cell spliced in. False (nothing done) for any other row, which rewriteRow handles.
 */
function spliceRow(s: Splice, row: RowTag, rowNumber: number, w: CellWrite, p: string, state: PatchState): boolean {
  const body = s.text;
  const a = row.attrs;
  if (
    row.selfClosing ||
    a.rTo <= a.rFrom ||
    a.oddSpans ||
    row.prefix !== p.length ||
    !body.startsWith(p, row.start + 1)
  )
    return false;
  const cells = scratch;
  scanCells(body, row.innerFrom, row.innerTo, cells);
  state.maxColumn = Math.max(state.maxColumn, cells.maxRef);
  if (cells.anyUnnamed) return false;
  if (a.spansFrom >= 0) s.replace(a.spansFrom, '', a.spansTo);
  const { same, left, at } = placeWrite(cells, w.column, row.innerFrom);
  const style = w.style(same >= 0 ? cellStyle(body, cells, same) : left >= 0 ? cellStyle(body, cells, left) : 0);
  const xml = cellXml(p, cellRef(w.column, rowNumber), style, w.value);
  if (same >= 0 && cellFormula(body, cells, same)) state.removedFormula = true;
  s.replace(same >= 0 ? cells.start[same] : at, xml, same >= 0 ? cells.end[same] : at);
  return true;
}

/** A row with writes, written anew: numbered, without its spans, its cells patched (see patchRow). */
function rewriteRow(
  s: Splice,
  row: RowTag,
  rowNumber: number,
  writes: CellWrite[],
  p: string,
  state: PatchState,
): void {
  const body = s.text;
  const attrs = body.slice(row.attrsFrom, row.attrsTo);
  const named = row.attrs.rTo > row.attrs.rFrom;
  const rowAttrs = (named ? attrs : ` r="${rowNumber}"${attrs}`).replace(/\sspans="[^"]*"/, '');
  const inner = row.selfClosing ? '' : body.slice(row.innerFrom, row.innerTo);
  s.replace(row.start, `<${p}row${rowAttrs}>${patchRow(inner, p, rowNumber, writes, state)}</${p}row>`, row.end);
}

/** A row without writes: kept byte for byte (a row without a number is given one), its highest column noted. */
function keepRow(s: Splice, row: RowTag, rowNumber: number, p: string, state: PatchState): void {
  const body = s.text;
  if (!row.selfClosing) state.maxColumn = maxColumnOf(body.slice(row.innerFrom, row.innerTo), state.maxColumn);
  if (row.attrs.rTo <= row.attrs.rFrom)
    s.replace(row.start, `<${p}row r="${rowNumber}"${body.slice(row.attrsFrom, row.end)}`, row.end);
}

const scannedRow = rowTag();

/**
 * The new `<sheetData>` content, as pieces to join: existing rows patched or kept byte for byte, new rows inserted
 * in order. A row that is kept is not copied: it joins the slice of unchanged text before the next change.
 */
function patchBody(body: string, p: string, byRow: Map<number, CellWrite[]>, state: PatchState): string[] {
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let pi = 0;
  const newRow = (r: number) => `<${p}row r="${r}">${patchRow('', p, r, byRow.get(r) as CellWrite[], state)}</${p}row>`;
  const s = new Splice(body);
  const row = scannedRow;
  let nextNumber = 1;
  for (let from = 0; nextRow(body, from, row); from = row.end) {
    const a = row.attrs;
    const rowNumber = a.rTo > a.rFrom ? Number(body.slice(a.rFrom, a.rTo)) : nextNumber;
    nextNumber = rowNumber + 1;
    if (pi < pending.length && pending[pi] < rowNumber) {
      s.keepTo(row.start);
      while (pi < pending.length && pending[pi] < rowNumber) s.add(newRow(pending[pi++]));
    }
    const writes = pi < pending.length && pending[pi] === rowNumber ? byRow.get(rowNumber) : undefined;
    if (!writes) {
      keepRow(s, row, rowNumber, p, state);
      continue;
    }
    pi++;
    if (writes.length !== 1 || !spliceRow(s, row, rowNumber, writes[0], p, state))
      rewriteRow(s, row, rowNumber, writes, p, state);
  }
  s.keepTo(body.length);
  while (pi < pending.length) s.add(newRow(pending[pi++]));
  return s.pieces();
}

export function patchSheetXml(xml: string, o: SheetPatchOptions): SheetPatchResult {
  const d = locateSheetData(xml, o.sheet);
  const { p } = d;
  const byRow = writesByRow(o.writes);
  const state: PatchState = { removedFormula: false, maxColumn: o.writes.reduce((m, w) => Math.max(m, w.column), -1) };
  const body = patchBody(xml.slice(d.bodyStart, d.bodyEnd), p, byRow, state);
  const maxRow = [...byRow.keys()].reduce((m, r) => Math.max(m, r), 0);
  let head = xml.slice(0, d.open) + (d.selfClosing ? `<${p}sheetData>` : xml.slice(d.open, d.bodyStart));
  const tail = (d.selfClosing ? `</${p}sheetData>` : '') + xml.slice(d.bodyEnd);
  head = updateDimension(head, p, maxRow, state.maxColumn);
  for (const w of o.widths ?? []) head = ensureColumnWidth(head, p, w.column, w.width);
  body.unshift(head);
  body.push(tail);
  return { parts: body, prefix: p, removedFormula: state.removedFormula, maxColumn: state.maxColumn };
}

/**
 * The UTF-8 bytes of the pieces joined, written piece by piece into one buffer: most pieces are slices of the part
 * as read, and joining them first would copy the whole text once more (as two-byte text when one piece is not Latin-1).
 */
export function encodeParts(parts: readonly string[]): Buffer {
  let size = 0;
  for (const s of parts) size += Buffer.byteLength(s, 'utf8');
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const s of parts) at += out.write(s, at, 'utf8');
  return out;
}
