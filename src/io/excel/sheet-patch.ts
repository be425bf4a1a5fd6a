/**
 * Rewriting one worksheet part in place: cells are replaced or inserted in the rows that need them, rows that
 * do not exist yet are inserted in order, and every other byte of the part is kept as it was. Only a part that
 * sheet-read.ts has read through the strict parser is patched (the writer reads the sheet first): it is then
 * well-formed and its sheetData holds no comment, CDATA or processing instruction, which is what the element scan
 * below relies on (xml-scan.ts skips quoted attribute values, where well-formed XML may hold ">").
 */
import { DvcError, ExitCode } from '../../errors.js';
import { cellRef, columnIndex } from '../../core/workbook/cell.js';
import { elements, startTagEnd, UnclosedElementError } from './xml-scan.js';
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

const FORMULA_START = /<(?:\w+:)?f\b/;
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
  const space = /^\s|\s$/.test(value) ? ' xml:space="preserve"' : '';
  const text = NEEDS_ESCAPE.test(value) ? escapeXml(value) : value;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is><${p}t${space}>${text}</${p}t></${p}is></${p}c>`;
}

/**
 * The column of a cell reference ("I12" → 8): columnIndex of the reference without its row number. The references
 * Excel writes (capital letters, then digits) are read by a loop; anything else goes through columnIndex.
 */
function refColumn(ref: string): number {
  let n = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  let digits = i < ref.length && i > 0 && i <= 3;
  for (let k = i; digits && k < ref.length; k++) digits = ref.charCodeAt(k) >= 48 && ref.charCodeAt(k) <= 57;
  return digits ? n - 1 : columnIndex(ref.replace(/\d+$/, ''));
}

/** The offset after the element name that starts at `from` (at a space, "/", ">" or the end). */
function nameEnd(xml: string, from: number): number {
  let i = from;
  for (; i < xml.length; i++) {
    const c = xml.charCodeAt(i);
    if (c === 0x20 || c === 0x2f || c === 0x3e || c === 0x09 || c === 0x0a || c === 0x0d) break;
  }
  return i;
}

/** "c" or "x:c" (any word prefix): the name of a cell element. */
function isCellName(name: string): boolean {
  if (name === 'c') return true;
  return name.endsWith(':c') && /^\w+:c$/.test(name);
}

/**
 * The cells of a row's content, in order: each `<c …/>` or `<c …>…</c>` (any namespace prefix), as xml-scan.ts
 * finds elements, in one pass without a regular expression per row. A cell without a reference gets one (a
 * position-only cell must name itself once cells are inserted before it); `maxRef` is the highest column named by
 * a reference.
 */
function cellsOf(inner: string, rowNumber: number): { spans: CellSpan[]; inner: string; maxRef: number } {
  const spans: CellSpan[] = [];
  let next = 0;
  let maxRef = -1;
  /** Pieces of the rewritten content, when a cell had to be given a reference. */
  let pieces: string[] | undefined;
  let last = 0;
  let delta = 0;
  for (let lt = inner.indexOf('<'); lt >= 0;) {
    const end = nameEnd(inner, lt + 1);
    const name = inner.slice(lt + 1, end);
    if (end >= inner.length || !isCellName(name)) {
      lt = inner.indexOf('<', lt + 1);
      continue;
    }
    const tagEnd = startTagEnd(inner, end);
    if (tagEnd < 0) throw new UnclosedElementError('c', lt);
    const selfClosing = inner.charCodeAt(tagEnd - 1) === 0x2f;
    let cellEnd = tagEnd + 1;
    let hasFormula = false;
    if (!selfClosing) {
      const close = `</${name}>`;
      const closeAt = inner.indexOf(close, tagEnd + 1);
      if (closeAt < 0) throw new UnclosedElementError('c', lt);
      cellEnd = closeAt + close.length;
      hasFormula = FORMULA_START.test(inner.slice(tagEnd + 1, closeAt));
    }
    const attrs = inner.slice(end, selfClosing ? tagEnd - 1 : tagEnd);
    const ref = attr(attrs, 'r');
    let column = next;
    const start = lt + delta;
    let length = cellEnd - lt;
    if (ref) {
      column = refColumn(ref);
      maxRef = Math.max(maxRef, column);
    } else {
      const named = `<${name} r="${cellRef(column, rowNumber)}"${inner.slice(end, cellEnd)}`;
      pieces ??= [];
      pieces.push(inner.slice(last, lt), named);
      last = cellEnd;
      delta += named.length - length;
      length = named.length;
    }
    next = column + 1;
    spans.push({ start, end: start + length, column, style: Number(attr(attrs, 's') ?? 0), hasFormula });
    lt = inner.indexOf('<', cellEnd);
  }
  if (!pieces) return { spans, inner, maxRef };
  pieces.push(inner.slice(last));
  return { spans, inner: pieces.join(''), maxRef };
}

function patchRow(
  inner: string,
  p: string,
  rowNumber: number,
  writes: CellWrite[],
  state: { removedFormula: boolean; maxColumn: number },
): string {
  const { spans, inner: fixed, maxRef } = cellsOf(inner, rowNumber);
  state.maxColumn = Math.max(state.maxColumn, maxRef);
  let out = fixed;
  // Apply from the rightmost write so earlier offsets stay valid.
  for (const w of writes.length > 1 ? [...writes].sort((a, b) => b.column - a.column) : writes) {
    const same = spans.find((s) => s.column === w.column);
    let left: CellSpan | undefined;
    for (let k = spans.length - 1; k >= 0 && !left; k--) if (spans[k].column < w.column) left = spans[k];
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

/** The new `<sheetData>` content: existing rows patched or kept byte for byte, new rows inserted in order. */
function patchBody(
  body: string,
  p: string,
  byRow: Map<number, CellWrite[]>,
  state: { removedFormula: boolean; maxColumn: number },
): string {
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let pi = 0;
  const newRow = (r: number) => `<${p}row r="${r}">${patchRow('', p, r, byRow.get(r) as CellWrite[], state)}</${p}row>`;
  let out = '';
  let last = 0;
  let nextRow = 1;
  for (const m of elements(body, 'row')) {
    const r = attr(m.attrs, 'r');
    const rowNumber = r ? Number(r) : nextRow;
    nextRow = rowNumber + 1;
    out += body.slice(last, m.start);
    last = m.end;
    while (pi < pending.length && pending[pi] < rowNumber) out += newRow(pending[pi++]);
    const attrs = r ? m.attrs : ` r="${rowNumber}"${m.attrs}`;
    if (pi < pending.length && pending[pi] === rowNumber) {
      // patchRow reads the row's cells, and with them its highest column.
      pi++;
      const rowAttrs = attrs.replace(/\sspans="[^"]*"/, '');
      const cells = patchRow(m.inner ?? '', p, rowNumber, byRow.get(rowNumber) as CellWrite[], state);
      out += `<${p}row${rowAttrs}>${cells}</${p}row>`;
    } else {
      state.maxColumn = maxColumnOf(m.inner ?? '', state.maxColumn);
      out += r
        ? body.slice(m.start, m.end)
        : `<${p}row${attrs}${body.slice(m.start, m.end).replace(/^<[^<>]*?(?=\/?>)/, '')}`;
    }
  }
  out += body.slice(last);
  while (pi < pending.length) out += newRow(pending[pi++]);
  return out;
}

export function patchSheetXml(xml: string, o: SheetPatchOptions): SheetPatchResult {
  const d = locateSheetData(xml, o.sheet);
  const { p } = d;
  const byRow = writesByRow(o.writes);
  const state = { removedFormula: false, maxColumn: o.writes.reduce((m, w) => Math.max(m, w.column), -1) };
  const out = patchBody(xml.slice(d.bodyStart, d.bodyEnd), p, byRow, state);
  const maxRow = [...byRow.keys()].reduce((m, r) => Math.max(m, r), 0);
  let head = xml.slice(0, d.open) + (d.selfClosing ? `<${p}sheetData>` : xml.slice(d.open, d.bodyStart));
  const tail = (d.selfClosing ? `</${p}sheetData>` : '') + xml.slice(d.bodyEnd);
  head = updateDimension(head, p, maxRow, state.maxColumn);
  for (const w of o.widths ?? []) head = ensureColumnWidth(head, p, w.column, w.width);
  return { xml: head + out + tail, removedFormula: state.removedFormula, maxColumn: state.maxColumn };
}
