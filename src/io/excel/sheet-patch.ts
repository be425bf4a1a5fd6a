/**
 * Rewriting one worksheet part in place: cells are replaced or inserted in the rows that need them, rows that
 * do not exist yet are inserted in order, and every other byte of the part is kept as it was.
 */
import { DvcError, ExitCode } from '../../errors.js';
import { cellRef, columnIndex } from '../../core/workbook/cell.js';
import { escapeXml } from './xml-text.js';

/** A cell to write: `style` receives the existing style of that cell (or of its left neighbour) and returns the new one. */
export interface CellWrite {
  row: number;
  column: number;
  value: string | null;
  style: (existing: number) => number;
}

export interface SheetPatchResult {
  xml: string;
  /** A replaced cell held a formula (the calculation chain must then be dropped). */
  removedFormula: boolean;
  /** The highest column index used anywhere in the sheet after the patch. */
  maxColumn: number;
}

interface CellSpan {
  start: number;
  end: number;
  column: number;
  style: number;
  hasFormula: boolean;
}

const ROW_RE = (p: string) => new RegExp(`<${p}row\\b([^>]*?)(/>|>([\\s\\S]*?)</${p}row>)`, 'g');
const CELL_RE = (p: string) => new RegExp(`<${p}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${p}c>)`, 'g');

function attr(text: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(text)?.[1];
}

export function cellXml(p: string, ref: string, style: number, value: string | number | null): string {
  const s = style > 0 ? ` s="${style}"` : '';
  if (value === null || value === '') return `<${p}c r="${ref}"${s}/>`;
  if (typeof value === 'number') return `<${p}c r="${ref}"${s}><${p}v>${value}</${p}v></${p}c>`;
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${escapeXml(value)}</${p}t></${p}is></${p}c>`;
}

function cellsOf(inner: string, p: string, rowNumber: number): { spans: CellSpan[]; inner: string } {
  const spans: CellSpan[] = [];
  let next = 0;
  let fixed = '';
  let last = 0;
  const re = CELL_RE(p);
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    const ref = attr(m[1], 'r');
    let column = next;
    let text = m[0];
    if (ref) column = columnIndex(ref.replace(/\d+$/, ''));
    else text = text.replace(new RegExp(`^<${p}c\\b`), `<${p}c r="${cellRef(column, rowNumber)}"`); // a position-only cell must name itself once cells are inserted before it
    next = column + 1;
    fixed += inner.slice(last, m.index);
    const start = fixed.length;
    fixed += text;
    last = m.index + m[0].length;
    spans.push({
      start,
      end: fixed.length,
      column,
      style: Number(attr(m[1], 's') ?? 0),
      hasFormula: m[2] !== undefined && new RegExp(`<${p}f\\b`).test(m[2]),
    });
  }
  fixed += inner.slice(last);
  return { spans, inner: fixed };
}

function patchRow(
  inner: string,
  p: string,
  rowNumber: number,
  writes: CellWrite[],
  state: { removedFormula: boolean },
): string {
  const { spans, inner: fixed } = cellsOf(inner, p, rowNumber);
  let out = fixed;
  // Apply from the rightmost write so earlier offsets stay valid.
  for (const w of [...writes].sort((a, b) => b.column - a.column)) {
    const same = spans.find((s) => s.column === w.column);
    const left = [...spans].reverse().find((s) => s.column < w.column);
    const style = w.style(same ? same.style : (left?.style ?? 0));
    const xml = cellXml(p, cellRef(w.column, rowNumber), style, w.value);
    if (same) {
      if (same.hasFormula) state.removedFormula = true;
      out = out.slice(0, same.start) + xml + out.slice(same.end);
      continue;
    }
    const after = spans.find((s) => s.column > w.column);
    const at = after ? after.start : left ? left.end : 0;
    out = out.slice(0, at) + xml + out.slice(at);
  }
  return out;
}

function updateDimension(xml: string, p: string, maxRow: number, maxColumn: number): string {
  return xml.replace(
    new RegExp(`(<${p}dimension\\b[^>]*?\\sref=")([^"]*)(")`),
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
  const ranges = [...cols[1].matchAll(new RegExp(`<${p}col\\b[^>]*?/?>`, 'g'))].map((m) => ({
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

export function patchSheetXml(xml: string, o: SheetPatchOptions): SheetPatchResult {
  const p = /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  const open = new RegExp(`<${p}sheetData\\b[^>]*?(/?)>`).exec(xml);
  if (!open) throw new DvcError('excel.patchFailed', { sheet: o.sheet, reason: 'sheetData' }, ExitCode.Usage);
  const selfClosing = open[1] === '/';
  const bodyStart = open.index + open[0].length;
  const bodyEnd = selfClosing ? bodyStart : xml.indexOf(`</${p}sheetData>`, bodyStart);
  if (bodyEnd < 0) throw new DvcError('excel.patchFailed', { sheet: o.sheet, reason: '</sheetData>' }, ExitCode.Usage);
  const body = xml.slice(bodyStart, bodyEnd);

  const byRow = new Map<number, CellWrite[]>();
  for (const w of o.writes) {
    const list = byRow.get(w.row) ?? [];
    list.push(w);
    byRow.set(w.row, list);
  }
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let pi = 0;
  const state = { removedFormula: false };
  let maxColumn = Math.max(-1, ...o.writes.map((w) => w.column));
  const newRow = (r: number) => `<${p}row r="${r}">${patchRow('', p, r, byRow.get(r) as CellWrite[], state)}</${p}row>`;

  let out = '';
  let last = 0;
  let nextRow = 1;
  const re = ROW_RE(p);
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) {
    const r = attr(m[1], 'r');
    const rowNumber = r ? Number(r) : nextRow;
    nextRow = rowNumber + 1;
    out += body.slice(last, m.index);
    last = m.index + m[0].length;
    while (pi < pending.length && pending[pi] < rowNumber) out += newRow(pending[pi++]);
    for (const c of (m[3] ?? '').matchAll(new RegExp(`<${p}c\\b[^>]*?\\sr="([A-Z]+)\\d+"`, 'g')))
      maxColumn = Math.max(maxColumn, columnIndex(c[1]));
    const attrs = r ? m[1] : ` r="${rowNumber}"${m[1]}`;
    if (pi < pending.length && pending[pi] === rowNumber) {
      const writes = byRow.get(rowNumber) as CellWrite[];
      pi++;
      const rowAttrs = attrs.replace(/\sspans="[^"]*"/, '');
      out += `<${p}row${rowAttrs}>${patchRow(m[3] ?? '', p, rowNumber, writes, state)}</${p}row>`;
    } else {
      out += r ? m[0] : `<${p}row${attrs}${m[2]}`;
    }
  }
  out += body.slice(last);
  while (pi < pending.length) out += newRow(pending[pi++]);

  const maxRow = pending.length ? pending[pending.length - 1] : 0;
  let head = xml.slice(0, open.index) + (selfClosing ? `<${p}sheetData>` : xml.slice(open.index, bodyStart));
  const tail = (selfClosing ? `</${p}sheetData>` : '') + xml.slice(bodyEnd);
  head = updateDimension(head, p, maxRow, maxColumn);
  for (const w of o.widths ?? []) head = ensureColumnWidth(head, p, w.column, w.width);
  return { xml: head + out + tail, removedFormula: state.removedFormula, maxColumn };
}
