/**
 * Reading the shared strings and a worksheet into rows of raw cell values, through the strict parser of
 * xml-part.ts. Only rows, cells, values, formulas and inline strings matter; everything else is passed over, but
 * still parsed, so a malformed part anywhere is refused. Beyond XML itself, a sheet whose rows or cells are out of
 * order or whose references are not references is refused (Excel never writes one; a reader that took the last
 * of two "A5" cells would read a different sheet from the one Excel shows), and so is a text past Excel's 32,767
 * characters — checked while the text is read, so a huge text never fills memory.
 */
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { cellRef, type Cell, type SheetRow } from '../../core/workbook/cell.js';
import { quoteInput } from '../../core/text/terminal-safe.js';
import { MAX_CELLS, MAX_CELL_CHARS, MAX_ROWS, MAX_SHARED_STRINGS } from './workbook-limits.js';
import { readXmlPart, type PartSource } from './xml-part.js';
import type { LeanListener, LeanTag } from './xml-lean.js';
import { decodeOoxmlEscapes } from './xml-text.js';

export { MAX_ROWS } from './workbook-limits.js';

/**
 * A copy of `s` that does not keep the parser's slice of the part alive: V8 makes a substring of 13 characters or
 * more a view into its parent, so without this every name read would keep its whole 1 MB slice of the part in
 * memory for as long as the rows live (measured: the text of a 50 MB sheet held twice over).
 */
function detached(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** Excel's last row. */
const EXCEL_ROWS = 1_048_576;

export interface SheetReadContext {
  sheet: string;
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  maxRows?: number;
}

/** The shared-string table: one text per `<si>`, the `<t>` runs joined, phonetic runs (`<rPh>`) left out. */
export function readSharedStrings(data: Buffer | string | undefined, src: PartSource): string[] {
  if (data === undefined) return [];
  return readXmlPart(data, src, () => new SharedStringsReader(src)).out;
}

/** The listener that collects the shared strings. */
class SharedStringsReader implements LeanListener {
  readonly out: string[] = [];
  private inItem = false;
  private phonetic = 0;
  private collecting = false;
  private item = '';

  constructor(private readonly src: PartSource) {}

  open(name: string): void {
    if (name === 'si') {
      if (this.out.length >= MAX_SHARED_STRINGS)
        throw new DvcError(
          'excel.limit.sharedStrings',
          { path: path.basename(this.src.file), part: this.src.part, limit: MAX_SHARED_STRINGS },
          ExitCode.Usage,
        );
      this.inItem = true;
      this.item = '';
    } else if (name === 'rPh') this.phonetic++;
    else if (name === 't' && this.inItem && this.phonetic === 0) this.collecting = true;
  }

  openTag(name: string): void {
    this.open(name);
  }

  close(name: string): void {
    if (name === 't') this.collecting = false;
    else if (name === 'rPh') this.phonetic--;
    else if (name === 'si') {
      this.inItem = false;
      const text = this.item;
      this.out.push(detached(text.includes('_x') ? decodeOoxmlEscapes(text) : text));
    }
  }

  textAt(xml: string, start: number, end: number): void {
    if (this.collecting) this.text(xml.slice(start, end));
  }

  text(t: string): void {
    if (!this.collecting) return;
    this.item += t;
    if (this.item.length > MAX_CELL_CHARS)
      throw new DvcError(
        'excel.limit.sharedString',
        { path: path.basename(this.src.file), part: this.src.part, index: this.out.length, limit: MAX_CELL_CHARS },
        ExitCode.Usage,
      );
  }
}

function cellError(key: string, ctx: SheetReadContext, cell: string, params: Record<string, string | number> = {}) {
  return new DvcError(key, { sheet: ctx.sheet, cell: quoteInput(cell, 20), ...params }, ExitCode.Usage);
}

/** A cell's `t`, as a number: the types read apart; any other value reads as a number, as 'n' does. */
const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOLEAN = 4;
const T_ERROR = 5;
const T_DATE = 6;

function typeOf(t: string | undefined): number {
  switch (t) {
    case 's':
      return T_SHARED;
    case 'str':
      return T_STR;
    case 'inlineStr':
      return T_INLINE;
    case 'b':
      return T_BOOLEAN;
    case 'e':
      return T_ERROR;
    case 'd':
      return T_DATE;
    default:
      return T_NUMBER;
  }
}

/** typeOf the text `xml[from, end)`, without taking it out of the part. */
function typeAt(xml: string, from: number, end: number): number {
  const length = end - from;
  if (length === 1) {
    switch (xml.charCodeAt(from)) {
      case 115: // s
        return T_SHARED;
      case 98: // b
        return T_BOOLEAN;
      case 101: // e
        return T_ERROR;
      case 100: // d
        return T_DATE;
      default:
        return T_NUMBER;
    }
  }
  if (length === 3 && xml.startsWith('str', from)) return T_STR;
  if (length === 9 && xml.startsWith('inlineStr', from)) return T_INLINE;
  return T_NUMBER;
}

/** A formula cell without a usable cached value keeps its kind with a null value. */
function emptyKind(type: number): Cell['kind'] {
  return type === T_SHARED || type === T_STR || type === T_INLINE ? 'string' : 'number';
}

const ROW_NUMBER = /^[1-9]\d{0,6}$/;

/** The number `xml[from, end)` when it matches ROW_NUMBER, else -1. */
function rowNumberAt(xml: string, from: number, end: number): number {
  if (end - from < 1 || end - from > 7) return -1;
  let n = 0;
  for (let i = from; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && i === from)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The number written `xml[from, end)` when it is one or more ASCII digits (as /^\d+$/ then Number() read it), else
 * -1. Past 2^53 the figure is not exact, but it is then far past any index it is used for.
 */
function digitsAt(xml: string, from: number, end: number): number {
  if (end <= from) return -1;
  let n = 0;
  for (let i = from; i < end; i++) {
    const d = xml.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** A cell's style index `s`: digits read in place, anything else as Number() reads it (NaN is no date style). */
function styleAt(xml: string, from: number, end: number): number {
  if (end > from && end - from <= 9) {
    const n = digitsAt(xml, from, end);
    if (n >= 0) return n;
  }
  return Number(xml.slice(from, end));
}

/**
 * The 0-based column of a cell reference of row `row` ("C12" → 2 when row is 12), or -1 when it is not one: 1–3
 * capital letters, then the row's number without leading zeros. A loop, not a regular expression: it runs for
 * every cell. The reference is `r[from, end)`.
 */
function columnOfRef(r: string, row: number, from = 0, end = r.length): number {
  let i = from;
  let col = 0;
  for (; i < end && i < from + 3; i++) {
    const c = r.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === from || i === end || r.charCodeAt(i) === 48) return -1;
  let n = 0;
  for (; i < end; i++) {
    const c = r.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
    if (n > row) return -1;
  }
  return n === row ? col - 1 : -1;
}

const NO_ATTRS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * The listener that turns a worksheet part into rows: the state of the row and the cell being read. saxes gives it
 * attribute objects and texts (`open`, `text`); the fast scanner gives it offsets into the part (`openTag`,
 * `textAt`), read in place: both read the same cells.
 */
class SheetRowsReader implements LeanListener {
  readonly rows: SheetRow[] = [];
  private readonly max: number;
  private inData = false;
  private rowNumber = 0;
  private cells: (Cell | undefined)[] = [];
  private cellCount = 0;
  // The cell being read (refRow: the row of the last cell read, -1 before any).
  private refRow = -1;
  private refCol = 0;
  private col = -1;
  private type = T_NUMBER;
  private style = 0;
  private value: string | undefined;
  /**
   * A shared-string cell's `<v>` read by the fast scanner: its text is `valueXml[valueStart, valueEnd)`, kept as
   * offsets (value is then ""), taken out of the part only if more text follows or for a message. -1: none.
   */
  private valueXml = '';
  private valueStart = -1;
  private valueEnd = -1;
  private formula: string | undefined;
  private inline: string | undefined;
  /** Where text goes: 0 nowhere, 1 value, 2 formula, 3 inline string. */
  private sink = 0;
  private inInline = false;
  private phonetic = 0;
  /**
   * One cell per shared string, shared by every cell that refers to it (cells are read-only once read): a province
   * or district name repeated on every row is one object, not one per row.
   */
  private readonly stringCells: Cell[];

  constructor(private readonly ctx: SheetReadContext & PartSource) {
    this.max = ctx.maxRows ?? MAX_ROWS;
    this.stringCells = new Array<Cell>(ctx.sharedStrings.length);
  }

  open(name: string, a: Readonly<Record<string, string>>): void {
    if (!this.inData) {
      if (name === 'sheetData') this.inData = true;
      return;
    }
    switch (name) {
      case 'row':
        return this.openRow(a.r);
      case 'c':
        return this.openCell(a);
      case 'v':
        this.sink = 1;
        this.value = '';
        this.valueStart = -1;
        return;
      case 'f':
        this.sink = 2;
        this.formula = '';
        return;
      case 'is':
        this.inInline = true;
        this.inline = '';
        return;
      case 'rPh':
        this.phonetic++;
        return;
      case 't':
        if (this.inInline && this.phonetic === 0) this.sink = 3;
        return;
    }
  }

  openTag(name: string, tag: LeanTag): void {
    if (!this.inData) {
      if (name === 'sheetData') this.inData = true;
      return;
    }
    if (name === 'row') this.openRowAt(tag);
    else if (name === 'c') this.openCellAt(tag);
    // Only rows and cells have attributes that are read.
    else this.open(name, NO_ATTRS);
  }

  close(name: string): void {
    if (!this.inData) return;
    switch (name) {
      case 'sheetData':
        this.inData = false;
        return;
      case 'row':
        if (this.cells.length > 0) this.rows.push({ row: this.rowNumber, cells: this.cells });
        return;
      case 'c':
        return this.closeCell();
      case 'v':
      case 'f':
      case 't':
        this.sink = 0;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'rPh':
        this.phonetic--;
        return;
    }
  }

  markup(): void {
    // Excel writes no comment, CDATA or processing instruction among the rows; the writer could not splice one.
    if (this.inData) throw cellError('excel.sheet.markup', this.ctx, this.ref() || String(this.rowNumber));
  }

  /** The reference of the last cell read, "" before any: built only for a message. */
  private ref(): string {
    return this.refRow < 0 ? '' : cellRef(this.refCol, this.refRow);
  }

  textAt(xml: string, start: number, end: number): void {
    if (this.sink === 0) return;
    if (this.sink === 1 && this.type === T_SHARED && this.value === '' && this.valueStart < 0) {
      this.valueXml = xml;
      this.valueStart = start;
      this.valueEnd = end;
      if (end - start <= MAX_CELL_CHARS) return;
      this.takeValue();
      return;
    }
    this.text(xml.slice(start, end));
  }

  /** The value kept as offsets becomes a string (more text follows, or it is too long). */
  private takeValue(): void {
    if (this.valueStart < 0) return;
    const start = this.valueStart;
    this.valueStart = -1;
    this.value = this.grow('', this.valueXml.slice(start, this.valueEnd));
  }

  text(t: string): void {
    if (this.sink === 1) {
      this.takeValue();
      this.value = this.grow(this.value, t);
    } else if (this.sink === 2) this.formula = this.grow(this.formula, t);
    else if (this.sink === 3) this.inline = this.grow(this.inline, t);
  }

  private openRowAt(tag: LeanTag): void {
    const i = tag.find('r');
    if (i < 0) return this.startRow(this.rowNumber + 1);
    const n = rowNumberAt(tag.xml, tag.valueStart(i), tag.valueEnd(i));
    if (n < 0) return this.openRow(tag.value(i));
    this.startRow(n);
  }

  private openRow(r: string | undefined): void {
    if (r !== undefined && !ROW_NUMBER.test(r)) throw cellError('excel.sheet.badRow', this.ctx, r);
    this.startRow(r === undefined ? this.rowNumber + 1 : Number(r));
  }

  private startRow(n: number): void {
    if (n <= this.rowNumber || n > EXCEL_ROWS) throw cellError('excel.sheet.badRow', this.ctx, String(n));
    if (n > this.max) throw new DvcError('excel.tooManyRows', { sheet: this.ctx.sheet, max: this.max }, ExitCode.Usage);
    this.rowNumber = n;
    this.cells = [];
    this.col = -1;
  }

  private openCell(a: Readonly<Record<string, string>>): void {
    const r = a.r;
    let next = this.col + 1;
    if (r !== undefined) {
      next = columnOfRef(r, this.rowNumber);
      if (next < 0) throw cellError('excel.sheet.badCell', this.ctx, r);
    }
    this.startCell(next, r, typeOf(a.t), a.s === undefined ? 0 : Number(a.s));
  }

  /** openCell on the fast scanner's offsets: the same checks, the attributes read in place. */
  private openCellAt(tag: LeanTag): void {
    const { xml, offsets } = tag;
    // One pass for "r", "s" and "t" (a tag holds no attribute twice); each found as the offset of its 4 numbers.
    let r = -1;
    let s = -1;
    let t = -1;
    for (let o = 0; o < tag.count * 4; o += 4) {
      if (offsets[o + 1] - offsets[o] !== 1) continue;
      const c = xml.charCodeAt(offsets[o]);
      if (c === 114) r = o;
      else if (c === 115) s = o;
      else if (c === 116) t = o;
    }
    let next = this.col + 1;
    if (r >= 0) {
      next = columnOfRef(xml, this.rowNumber, offsets[r + 2], offsets[r + 3]);
      if (next < 0) throw cellError('excel.sheet.badCell', this.ctx, tag.value(r / 4));
    }
    this.startCell(
      next,
      undefined,
      t < 0 ? T_NUMBER : typeAt(xml, offsets[t + 2], offsets[t + 3]),
      s < 0 ? 0 : styleAt(xml, offsets[s + 2], offsets[s + 3]),
    );
  }

  /**
   * The cell at column `next` (its reference `r` as written, when it has one, for a message: a reference that
   * passed columnOfRef is the one cellRef builds).
   */
  private startCell(next: number, r: string | undefined, type: number, style: number): void {
    if (next <= this.col || next > 16_383)
      throw cellError('excel.sheet.badCell', this.ctx, r ?? cellRef(next, this.rowNumber));
    if (++this.cellCount > MAX_CELLS)
      throw new DvcError('excel.limit.cells', { sheet: this.ctx.sheet, limit: MAX_CELLS }, ExitCode.Usage);
    this.col = next;
    this.refRow = this.rowNumber;
    this.refCol = next;
    this.type = type;
    this.style = style;
    this.value = this.formula = this.inline = undefined;
    this.valueStart = -1;
    this.inInline = false;
  }

  private closeCell(): void {
    let cell: Cell | undefined;
    if (this.type === T_INLINE) {
      const inline = this.inline;
      if (inline !== undefined)
        cell = { kind: 'string', value: detached(inline.includes('_x') ? decodeOoxmlEscapes(inline) : inline) };
    } else if (this.value !== undefined) cell = this.typed(this.value);
    if (this.formula !== undefined)
      cell = { ...(cell ?? { kind: emptyKind(this.type), value: null }), formula: detached(this.formula) };
    if (cell) this.cells[this.col] = cell;
  }

  private typed(v: string): Cell | undefined {
    switch (this.type) {
      case T_SHARED: {
        const kept = this.valueStart >= 0;
        const index = kept ? digitsAt(this.valueXml, this.valueStart, this.valueEnd) : digitsAt(v, 0, v.length);
        const known = this.stringCells[index];
        if (known) return known;
        const s = index >= 0 ? this.ctx.sharedStrings[index] : undefined;
        if (s === undefined) {
          const text = kept ? this.valueXml.slice(this.valueStart, this.valueEnd) : v;
          throw cellError('excel.sheet.sharedIndex', this.ctx, this.ref(), { index: quoteInput(text, 20) });
        }
        return (this.stringCells[index] = { kind: 'string', value: s });
      }
      case T_STR:
        return { kind: 'string', value: detached(v) };
      case T_BOOLEAN:
        return { kind: 'boolean', value: v === '1' || v === 'true' };
      case T_ERROR:
        return { kind: 'error', value: detached(v) };
      case T_DATE:
        return { kind: 'date', value: detached(v) };
      default: {
        if (v.trim() === '') return undefined;
        const n = Number(v);
        const kind = this.ctx.dateStyles.has(this.style) ? 'date' : 'number';
        return { kind, value: Number.isNaN(n) ? detached(v) : n };
      }
    }
  }

  private grow(s: string | undefined, t: string): string {
    const out = (s ?? '') + t;
    if (out.length > MAX_CELL_CHARS)
      throw cellError('excel.limit.cellLength', this.ctx, this.ref(), { length: out.length, limit: MAX_CELL_CHARS });
    return out;
  }
}

/** Every row that has at least one cell, in sheet order, 1-based. More than maxRows rows is an input error. */
export function readSheetRows(data: Buffer | string, ctx: SheetReadContext & PartSource): SheetRow[] {
  return readXmlPart(data, ctx, () => new SheetRowsReader(ctx)).rows;
}
