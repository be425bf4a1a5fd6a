/**
 * Reading a worksheet part into rows of raw cell values. A purpose-made scan of the XML, not a DOM: a sheet of
 * ten thousand rows is a few megabytes of very regular markup, and only rows, cells, values and formulas matter.
 * The scan is linear in the size of the part whatever its content (see xml-scan.ts), and a cell past Excel's
 * 32,767 characters or holding an invalid character reference is an input error naming the cell.
 */
import { DvcError, ExitCode } from '../../errors.js';
import { cellRef, columnIndex, type Cell, type SheetRow } from '../../core/workbook/cell.js';
import { MAX_CELL_CHARS, MAX_ROWS } from './workbook-limits.js';
import { InvalidCharRefError, decodeXml, stringItemText } from './xml-text.js';
import { UnclosedElementError, elements, firstElement } from './xml-scan.js';

export { MAX_ROWS } from './workbook-limits.js';

export interface SheetReadContext {
  sheet: string;
  sharedStrings: readonly string[];
  /** Shared strings that could not be decoded, by index → the invalid reference (refused when a cell uses one). */
  invalidSharedStrings?: ReadonlyMap<number, string>;
  dateStyles: ReadonlySet<number>;
  maxRows?: number;
}

// Attribute values and element content never contain "<", so every pattern stops at the next tag: linear.
const VALUE = /<(?:\w+:)?v(?:\s[^<>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b[^<>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?f>)/;
const ATTR = { r: /(?:^|\s)r="([^"]*)"/, t: /(?:^|\s)t="([^"]*)"/, s: /(?:^|\s)s="([^"]*)"/ };

function attr(text: string, name: keyof typeof ATTR): string | undefined {
  return ATTR[name].exec(text)?.[1];
}

/** The raw parts of one `<c>` element, before typing. */
interface RawCell {
  ref: string;
  type: string;
  style: number;
  inner: string | undefined;
}

function cellError(
  key: string,
  raw: RawCell,
  ctx: SheetReadContext,
  params: Record<string, string | number>,
): DvcError {
  return new DvcError(key, { sheet: ctx.sheet, cell: raw.ref, ...params }, ExitCode.Usage);
}

/** Decodes cell text, refusing an invalid character reference or a text longer than Excel allows. */
function cellString(raw: RawCell, ctx: SheetReadContext, decode: () => string): string {
  let text: string;
  try {
    text = decode();
  } catch (e) {
    if (e instanceof InvalidCharRefError) throw cellError('excel.xml.charRef', raw, ctx, { ref: e.ref });
    throw e;
  }
  if (text.length > MAX_CELL_CHARS)
    throw cellError('excel.limit.cellLength', raw, ctx, { length: text.length, limit: MAX_CELL_CHARS });
  return text;
}

function sharedString(raw: RawCell, v: string, ctx: SheetReadContext): string {
  const index = Number(v);
  const bad = ctx.invalidSharedStrings?.get(index);
  if (bad !== undefined) throw cellError('excel.xml.charRef', raw, ctx, { ref: bad });
  return cellString(raw, ctx, () => ctx.sharedStrings[index] ?? '');
}

function typedValue(raw: RawCell, v: string, ctx: SheetReadContext): Cell | undefined {
  switch (raw.type) {
    case 's':
      return { kind: 'string', value: sharedString(raw, v, ctx) };
    case 'str':
      return { kind: 'string', value: cellString(raw, ctx, () => decodeXml(v)) };
    case 'b':
      return { kind: 'boolean', value: v === '1' || v === 'true' };
    case 'e':
      return { kind: 'error', value: cellString(raw, ctx, () => decodeXml(v)) };
    case 'd':
      return { kind: 'date', value: cellString(raw, ctx, () => decodeXml(v)) };
    default: {
      if (v.trim() === '') return undefined;
      const n = Number(v);
      return { kind: ctx.dateStyles.has(raw.style) ? 'date' : 'number', value: Number.isNaN(n) ? v : n };
    }
  }
}

/** A formula cell without a usable cached value keeps its kind with a null value. */
function emptyKind(type: string): Cell['kind'] {
  return type === 's' || type === 'str' || type === 'inlineStr' ? 'string' : 'number';
}

function readCell(raw: RawCell, ctx: SheetReadContext): Cell | undefined {
  const f = raw.inner ? FORMULA.exec(raw.inner) : null;
  const formula = f ? cellString(raw, ctx, () => decodeXml(f[1] ?? '')) : undefined;
  let cell: Cell | undefined;
  if (raw.type === 'inlineStr') {
    const is = raw.inner ? firstElement(raw.inner, 'is') : undefined;
    if (is?.inner !== undefined)
      cell = { kind: 'string', value: cellString(raw, ctx, () => stringItemText(is.inner!)) };
  } else {
    const v = raw.inner ? VALUE.exec(raw.inner)?.[1] : undefined;
    if (v !== undefined) cell = typedValue(raw, v, ctx);
  }
  if (formula === undefined) return cell;
  return { ...(cell ?? { kind: emptyKind(raw.type), value: null }), formula };
}

/** The cells of one row's content, by 0-based column. */
function readRowCells(inner: string, rowNumber: number, ctx: SheetReadContext): (Cell | undefined)[] {
  const cells: (Cell | undefined)[] = [];
  let nextCol = 0;
  for (const c of elements(inner, 'c')) {
    const ref = attr(c.attrs, 'r');
    const col = ref ? columnIndex(ref.replace(/\d+$/, '')) : nextCol;
    nextCol = col + 1;
    if (col < 0) continue;
    const raw: RawCell = {
      ref: ref ?? cellRef(col, rowNumber),
      type: attr(c.attrs, 't') ?? 'n',
      style: Number(attr(c.attrs, 's') ?? 0),
      inner: c.inner,
    };
    const cell = readCell(raw, ctx);
    if (cell) cells[col] = cell;
  }
  return cells;
}

/** Every row that has at least one cell, in sheet order, 1-based. More than maxRows rows is an input error. */
export function readSheetRows(xml: string, ctx: SheetReadContext): SheetRow[] {
  const max = ctx.maxRows ?? MAX_ROWS;
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return [];
  const rows: SheetRow[] = [];
  let nextRow = 1;
  try {
    for (const m of elements(xml, 'row', start)) {
      const r = attr(m.attrs, 'r');
      const rowNumber = r ? Number(r) : nextRow;
      nextRow = rowNumber + 1;
      if (rowNumber > max) throw new DvcError('excel.tooManyRows', { sheet: ctx.sheet, max }, ExitCode.Usage);
      if (!m.inner) continue;
      const cells = readRowCells(m.inner, rowNumber, ctx);
      if (cells.length > 0) rows.push({ row: rowNumber, cells });
    }
  } catch (e) {
    if (e instanceof UnclosedElementError) throw unclosedError(ctx.sheet, e);
    throw e;
  }
  return rows;
}

export function unclosedError(sheet: string, e: UnclosedElementError): DvcError {
  return new DvcError('excel.xml.unclosed', { sheet, element: e.element, offset: e.offset }, ExitCode.Usage, {
    cause: e,
  });
}

/**
 * The shared-string table: one text per `<si>`. An item with an invalid character reference is kept as "" and
 * recorded in `invalid` (index → reference), so that only a cell that uses it is refused, by its address.
 */
export function readSharedStrings(xml: string | undefined, invalid?: Map<number, string>): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of elements(xml, 'si')) {
    try {
      out.push(m.inner === undefined ? '' : stringItemText(m.inner));
    } catch (e) {
      if (!(e instanceof InvalidCharRefError) || !invalid) throw e;
      invalid.set(out.length, e.ref);
      out.push('');
    }
  }
  return out;
}
