/**
 * Finding the rows of a worksheet's sheetData and the cells of a row in place, for the writer (sheet-patch.ts): by
 * offsets into the part's text, character by character, without a substring or a regular expression per row or per
 * cell. The national list's standard sheet has 10,599 rows of nine cells; slicing each cell's name, attributes and
 * content and running a regular expression per attribute was most of the writer's time and garbage.
 *
 * Like xml-scan.ts, it is used on parts the strict parser has already read: well-formed, no comment, CDATA or
 * processing instruction among the rows. Elements are found as xml-scan.ts finds them (a quoted attribute value may
 * hold ">"), attributes are read one by one (either quote, spaces around "=").
 */
import { cellRef, columnIndex } from '../../core/workbook/cell.js';
import { startTagEnd, UnclosedElementError } from './xml-scan.js';

/** A character of a regular expression's `\w`: [A-Za-z0-9_]. */
function isWordChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

function isXmlSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipSpace(text: string, i: number, to: number): number {
  while (i < to && isXmlSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Whether text[from, to) is a run of word characters (at least one). */
function isWordRun(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let i = from; i < to; i++) if (!isWordChar(text.charCodeAt(i))) return false;
  return true;
}

/** The offset after the element name that starts at `from` (at a space, "/", ">" or `to`). */
function nameEnd(text: string, from: number, to: number): number {
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x2f || c === 0x3e || c === 0x09 || c === 0x0a || c === 0x0d) break;
  }
  return i;
}

/** Whether the name text[from, to) is "c" or "x:c" (any word prefix): the name of a cell element. */
function isCellName(text: string, from: number, to: number): boolean {
  if (text.charCodeAt(to - 1) !== 0x63) return false;
  if (to - from === 1) return true;
  return to - from >= 3 && text.charCodeAt(to - 2) === 0x3a && isWordRun(text, from, to - 2);
}

/**
 * The column of the cell reference text[from, to) ("I12" → 8): columnIndex of the reference without its row
 * number. The references Excel writes (capital letters, then digits) are read in place; anything else goes through
 * columnIndex.
 */
function refColumn(text: string, from: number, to: number): number {
  let n = 0;
  let i = from;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  let digits = i < to && i > from && i - from <= 3;
  for (let k = i; digits && k < to; k++) digits = text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  return digits ? n - 1 : columnIndex(text.slice(from, to).replace(/\d+$/, ''));
}

/** A style index attribute's value text[from, to): plain digits in place, anything else as Number reads it. */
function styleValue(text: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return Number(text.slice(from, to));
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number(text.slice(from, to));
    n = n * 10 + c;
  }
  return n;
}

/**
 * Whether text[from, to) holds a formula element: `<f` or `<x:f` (any word prefix) not followed by a word
 * character, as the pattern `<(?:\w+:)?f\b` finds it.
 */
function hasFormulaElement(text: string, from: number, to: number): boolean {
  for (let lt = text.indexOf('<', from); lt >= 0 && lt < to; lt = text.indexOf('<', lt + 1)) {
    let i = lt + 1;
    if (i < to && text.charCodeAt(i) === 0x66 && (i + 1 >= to || !isWordChar(text.charCodeAt(i + 1)))) return true;
    while (i < to && isWordChar(text.charCodeAt(i))) i++;
    const prefixed = i > lt + 1 && i + 1 < to && text.charCodeAt(i) === 0x3a && text.charCodeAt(i + 1) === 0x66;
    if (prefixed && (i + 2 >= to || !isWordChar(text.charCodeAt(i + 2)))) return true;
  }
  return false;
}

/** The attributes of a start tag that the writer needs, as offsets of their values (-1 when absent). */
export interface TagAttrs {
  rFrom: number;
  rTo: number;
  sFrom: number;
  sTo: number;
  /**
   * The `spans` attribute written as `spans="…"` (Excel's hint of a row's cell range, dropped from a patched row):
   * from the white space before it to its closing quote.
   */
  spansFrom: number;
  spansTo: number;
  /** A `spans` attribute written otherwise (kept as it is). */
  oddSpans: boolean;
}

export function tagAttrs(): TagAttrs {
  return { rFrom: -1, rTo: -1, sFrom: -1, sTo: -1, spansFrom: -1, spansTo: -1, oddSpans: false };
}

/** Notes the attribute named text[ns, ne) whose value is text[vs, ve), if it is one of TagAttrs. */
function noteAttr(text: string, ns: number, ne: number, vs: number, ve: number, out: TagAttrs): void {
  const len = ne - ns;
  const c0 = text.charCodeAt(ns);
  if (len === 1 && c0 === 0x72) {
    if (out.rFrom >= 0) return;
    out.rFrom = vs;
    out.rTo = ve;
  } else if (len === 1 && c0 === 0x73) {
    if (out.sFrom >= 0) return;
    out.sFrom = vs;
    out.sTo = ve;
  } else if (len === 5 && text.startsWith('spans', ns)) {
    if (vs !== ns + 7 || text.charCodeAt(vs - 1) !== 0x22 || out.spansFrom >= 0) {
      out.oddSpans = true;
      return;
    }
    out.spansFrom = ns - 1;
    out.spansTo = ve + 1;
  }
}

/** Reads the attributes in text[from, to) (a start tag after its name, before "/>" or ">") into `out`. */
export function readAttrs(text: string, from: number, to: number, out: TagAttrs): void {
  out.rFrom = out.rTo = out.sFrom = out.sTo = out.spansFrom = out.spansTo = -1;
  out.oddSpans = false;
  let i = skipSpace(text, from, to);
  while (i < to) {
    const ns = i;
    while (i < to && !isXmlSpace(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x3d) i++;
    const ne = i;
    i = skipSpace(text, i, to);
    if (text.charCodeAt(i) !== 0x3d) return;
    i = skipSpace(text, i + 1, to);
    const q = text.charCodeAt(i);
    if (q !== 0x22 && q !== 0x27) return;
    const ve = text.indexOf(q === 0x22 ? '"' : "'", i + 1);
    if (ve < 0 || ve >= to) return;
    noteAttr(text, ns, ne, i + 1, ve, out);
    i = skipSpace(text, ve + 1, to);
  }
}

/**
 * The cells of one row, found in place: offsets into the scanned text and the column, one array per field (no object
 * per cell). The style and whether a cell holds a formula are read when a write needs them (cellStyle,
 * cellFormula). One instance is reused from row to row.
 */
export interface RowCells {
  n: number;
  start: number[];
  end: number[];
  /** Where the cell's element name ends (its attributes start). */
  nameEnd: number[];
  column: number[];
  /** Where the attributes end (before "/>" or ">"); the style is read from them when needed. */
  attrsTo: number[];
  /** The cell's content (-1 for a self-closing cell). */
  contentFrom: number[];
  contentTo: number[];
  /** The cell had no reference and was given the column after its left neighbour's. */
  unnamed: boolean[];
  anyUnnamed: boolean;
  /** The highest column named by a reference (-1 if none). */
  maxRef: number;
}

export function rowCells(): RowCells {
  return {
    n: 0,
    start: [],
    end: [],
    nameEnd: [],
    column: [],
    attrsTo: [],
    contentFrom: [],
    contentTo: [],
    unnamed: [],
    anyUnnamed: false,
    maxRef: -1,
  };
}

const cellAttrs = tagAttrs();

/**
 * Records the cell text[lt, cellEnd) as the next of `cells` (its name ends at `end`, its start tag at `tagEnd`, its
 * close tag starts at `closeAt`, -1 when self-closing); returns its column. The reference is read where Excel
 * writes it, first (` r="…"`), else among all the attributes.
 */
function addCell(
  text: string,
  cells: RowCells,
  lt: number,
  end: number,
  tagEnd: number,
  closeAt: number,
  cellEnd: number,
  next: number,
): number {
  const attrsTo = closeAt < 0 ? tagEnd - 1 : tagEnd;
  let rFrom = -1;
  let rTo = -1;
  if (text.startsWith(' r="', end)) {
    rFrom = end + 4;
    rTo = text.indexOf('"', rFrom);
  } else {
    readAttrs(text, end, attrsTo, cellAttrs);
    rFrom = cellAttrs.rFrom;
    rTo = cellAttrs.rTo;
  }
  const named = rTo > rFrom;
  const column = named ? refColumn(text, rFrom, rTo) : next;
  if (named) cells.maxRef = Math.max(cells.maxRef, column);
  else cells.anyUnnamed = true;
  const k = cells.n++;
  cells.start[k] = lt;
  cells.end[k] = cellEnd;
  cells.nameEnd[k] = end;
  cells.column[k] = column;
  cells.attrsTo[k] = attrsTo;
  cells.contentFrom[k] = closeAt < 0 ? -1 : tagEnd + 1;
  cells.contentTo[k] = closeAt;
  cells.unnamed[k] = !named;
  return column;
}

/**
 * The cells of a row's content text[from, to), in order, into `cells`: each `<c …/>` or `<c …>…</c>` (any namespace
 * prefix). A cell without a reference takes the column after its left neighbour's. Offsets in errors are from
 * `from`.
 */
export function scanCells(text: string, from: number, to: number, cells: RowCells): void {
  cells.n = 0;
  cells.maxRef = -1;
  cells.anyUnnamed = false;
  let next = 0;
  for (let lt = text.indexOf('<', from); lt >= 0 && lt < to;) {
    const end = nameEnd(text, lt + 1, to);
    if (end >= to || !isCellName(text, lt + 1, end)) {
      lt = text.indexOf('<', lt + 1);
      continue;
    }
    const tagEnd = startTagEnd(text, end);
    if (tagEnd < 0 || tagEnd >= to) throw new UnclosedElementError('c', lt - from);
    const selfClosing = text.charCodeAt(tagEnd - 1) === 0x2f;
    let closeAt = -1;
    let cellEnd = tagEnd + 1;
    if (!selfClosing) {
      const close = end - lt === 2 ? '</c>' : `</${text.slice(lt + 1, end)}>`;
      closeAt = text.indexOf(close, tagEnd + 1);
      if (closeAt < 0 || closeAt + close.length > to) throw new UnclosedElementError('c', lt - from);
      cellEnd = closeAt + close.length;
    }
    next = addCell(text, cells, lt, end, tagEnd, closeAt, cellEnd, next) + 1;
    lt = text.indexOf('<', cellEnd);
  }
}

/** The style index of cell k of `cells`, as scanned in `text` (0 when it has none). */
export function cellStyle(text: string, cells: RowCells, k: number): number {
  readAttrs(text, cells.nameEnd[k], cells.attrsTo[k], cellAttrs);
  return cellAttrs.sFrom < 0 ? 0 : styleValue(text, cellAttrs.sFrom, cellAttrs.sTo);
}

/** Whether cell k of `cells`, as scanned in `text`, holds a formula. */
export function cellFormula(text: string, cells: RowCells, k: number): boolean {
  return cells.contentFrom[k] >= 0 && hasFormulaElement(text, cells.contentFrom[k], cells.contentTo[k]);
}

/**
 * The row content text[from, to) with a reference given to each cell that had none (a position-only cell must name
 * itself once cells are inserted before it); the cells' bounds are moved to the returned text (their style and
 * content offsets stay those of `text`).
 */
export function nameCells(text: string, from: number, to: number, rowNumber: number, cells: RowCells): string {
  const pieces: string[] = [];
  let last = from;
  let delta = -from;
  for (let k = 0; k < cells.n; k++) {
    const start = cells.start[k];
    const end = cells.end[k];
    cells.start[k] = start + delta;
    if (cells.unnamed[k]) {
      const name = text.slice(start + 1, cells.nameEnd[k]);
      const named = `<${name} r="${cellRef(cells.column[k], rowNumber)}"${text.slice(cells.nameEnd[k], end)}`;
      pieces.push(text.slice(last, start), named);
      last = end;
      delta += named.length - (end - start);
    }
    cells.end[k] = end + delta;
  }
  pieces.push(text.slice(last, to));
  return pieces.join('');
}

/**
 * Where a write to `column` goes among a row's cells: the first cell of that column it replaces (`same`), the
 * last cell left of it (`left`, whose style a new cell takes), and the offset a new cell is inserted at.
 */
export function placeWrite(
  cells: RowCells,
  column: number,
  innerStart: number,
): { same: number; left: number; at: number } {
  let same = -1;
  let left = -1;
  let after = -1;
  for (let k = 0; k < cells.n; k++) {
    const c = cells.column[k];
    if (c === column) {
      if (same < 0) same = k;
    } else if (c < column) left = k;
    else if (after < 0) after = k;
  }
  const at = after >= 0 ? cells.start[after] : left >= 0 ? cells.end[left] : innerStart;
  return { same, left, at };
}

/** A row element of a sheetData: its bounds and the attributes the writer needs. */
export interface RowTag {
  start: number;
  /** The length of the namespace prefix of its name ("x:" → 2). */
  prefix: number;
  /** Where the attributes start (after the name) and end (before "/>" or ">"). */
  attrsFrom: number;
  attrsTo: number;
  selfClosing: boolean;
  /** The content (empty for a self-closing row) and the end of the element. */
  innerFrom: number;
  innerTo: number;
  end: number;
  attrs: TagAttrs;
}

export function rowTag(): RowTag {
  return {
    start: 0,
    prefix: 0,
    attrsFrom: 0,
    attrsTo: 0,
    selfClosing: false,
    innerFrom: 0,
    innerTo: 0,
    end: 0,
    attrs: tagAttrs(),
  };
}

/**
 * The length of the namespace prefix of the row element that starts at `lt` (a "<"), or -1 when the tag there is
 * not `<row` or `<x:row` (any word prefix) followed by a space, "/" or ">".
 */
function rowPrefixAt(text: string, lt: number): number {
  let i = lt + 1;
  while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
  const prefix = i > lt + 1 && text.charCodeAt(i) === 0x3a ? i - lt : 0;
  const name = lt + 1 + prefix;
  if (!text.startsWith('row', name)) return -1;
  const c = text.charCodeAt(name + 3);
  return isXmlSpace(c) || c === 0x2f || c === 0x3e ? prefix : -1;
}

/**
 * The next row element of `body` from offset `from`, into `row`; false when there is none. Rows must not nest
 * (they do not); an unclosed one throws UnclosedElementError with its offset.
 */
export function nextRow(body: string, from: number, row: RowTag): boolean {
  for (let lt = body.indexOf('<', from); lt >= 0; lt = body.indexOf('<', lt + 1)) {
    const prefix = rowPrefixAt(body, lt);
    if (prefix < 0) continue;
    const attrsFrom = lt + 1 + prefix + 3;
    const tagEnd = startTagEnd(body, attrsFrom);
    if (tagEnd < 0) throw new UnclosedElementError('row', lt);
    row.start = lt;
    row.prefix = prefix;
    row.attrsFrom = attrsFrom;
    row.selfClosing = body.charCodeAt(tagEnd - 1) === 0x2f;
    row.attrsTo = row.selfClosing ? tagEnd - 1 : tagEnd;
    row.innerFrom = row.innerTo = row.end = tagEnd + 1;
    if (!row.selfClosing) {
      const close = prefix === 0 ? '</row>' : `</${body.slice(lt + 1, lt + 1 + prefix)}row>`;
      row.innerTo = body.indexOf(close, tagEnd + 1);
      if (row.innerTo < 0) throw new UnclosedElementError('row', lt);
      row.end = row.innerTo + close.length;
    }
    readAttrs(body, attrsFrom, row.attrsTo, row.attrs);
    return true;
  }
  return false;
}
