/**
 * Reading a worksheet part into rows of raw cell values. A purpose-made scan of the XML, not a DOM: a sheet of
 * ten thousand rows is a few megabytes of very regular markup, and only rows, cells, values and formulas matter.
 */
import { DvcError, ExitCode } from '../../errors.js';
import { columnIndex, type Cell, type SheetRow } from '../../core/workbook/cell.js';
import { decodeXml, stringItemText } from './xml-text.js';

export const MAX_ROWS = 200_000;

export interface SheetReadContext {
  sheet: string;
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  maxRows?: number;
}

const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const FORMULA = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([^<]*)<\/(?:\w+:)?f>)/;
const INLINE = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;

function attr(text: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(text);
  return m?.[1];
}

function readCell(attrs: string, inner: string | undefined, ctx: SheetReadContext): Cell | undefined {
  const t = attr(attrs, 't') ?? 'n';
  const f = inner ? FORMULA.exec(inner) : null;
  const formula = f ? decodeXml(f[1] ?? '') : undefined;
  const vMatch = inner ? VALUE.exec(inner) : null;
  const v = vMatch ? vMatch[1] : undefined;
  const withFormula = (cell: Cell): Cell => (formula !== undefined ? { ...cell, formula } : cell);
  if (t === 'inlineStr') {
    const is = inner ? INLINE.exec(inner) : null;
    if (!is) return formula !== undefined ? withFormula({ kind: 'string', value: null }) : undefined;
    return withFormula({ kind: 'string', value: stringItemText(is[1]) });
  }
  if (v === undefined)
    return formula !== undefined
      ? withFormula({ kind: t === 's' || t === 'str' ? 'string' : 'number', value: null })
      : undefined;
  switch (t) {
    case 's': {
      const s = ctx.sharedStrings[Number(v)];
      return withFormula({ kind: 'string', value: s ?? '' });
    }
    case 'str':
      return withFormula({ kind: 'string', value: decodeXml(v) });
    case 'b':
      return withFormula({ kind: 'boolean', value: v === '1' || v === 'true' });
    case 'e':
      return withFormula({ kind: 'error', value: decodeXml(v) });
    case 'd':
      return withFormula({ kind: 'date', value: decodeXml(v) });
    default: {
      if (v.trim() === '') return formula !== undefined ? withFormula({ kind: 'number', value: null }) : undefined;
      const n = Number(v);
      const s = Number(attr(attrs, 's') ?? 0);
      return withFormula({ kind: ctx.dateStyles.has(s) ? 'date' : 'number', value: Number.isNaN(n) ? v : n });
    }
  }
}

/** Every row that has at least one cell, in sheet order, 1-based. More than maxRows rows is an input error. */
export function readSheetRows(xml: string, ctx: SheetReadContext): SheetRow[] {
  const max = ctx.maxRows ?? MAX_ROWS;
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return [];
  const rows: SheetRow[] = [];
  let nextRow = 1;
  ROW.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = ROW.exec(xml))) {
    const r = attr(m[1], 'r');
    const rowNumber = r ? Number(r) : nextRow;
    nextRow = rowNumber + 1;
    if (rowNumber > max) throw new DvcError('excel.tooManyRows', { sheet: ctx.sheet, max }, ExitCode.Usage);
    const inner = m[2];
    if (!inner) continue;
    const cells: (Cell | undefined)[] = [];
    let nextCol = 0;
    CELL.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = CELL.exec(inner))) {
      const ref = attr(c[1], 'r');
      const col = ref ? columnIndex(ref.replace(/\d+$/, '')) : nextCol;
      nextCol = col + 1;
      const cell = readCell(c[1], c[2], ctx);
      if (cell && col >= 0) cells[col] = cell;
    }
    if (cells.length > 0) rows.push({ row: rowNumber, cells });
  }
  return rows;
}

/** The shared-string table: one text per `<si>`. */
export function readSharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g))
    out.push(m[1] === undefined ? '' : stringItemText(m[1]));
  return out;
}
