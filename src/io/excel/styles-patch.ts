/**
 * Adding the status fills to a workbook's styles part without touching its existing styles: new `<fill>`s,
 * a bold `<font>` for new sheets' headers, and new `<xf>`s appended to `<cellXfs>`. A status cell's style is a
 * copy of the style the cell (or its left neighbour) already had, with the status fill and the Text format, so
 * borders, fonts and alignment of the officer's table are kept.
 */
import { DvcError, ExitCode } from '../../errors.js';
import type { ExistingVerdict, MatchStatus } from '../../core/communes/match-status.js';
import { elements } from './xml-scan.js';

/** A match status, or the verdict on a code the officer had already put in the target column. */
export type CellStatus = MatchStatus | ExistingVerdict;

/**
 * ARGB fill per status: green exact, light green normalised, blue decided, orange ambiguous, red not found;
 * for existing codes: olive confirmed, purple differs, pale yellow unchecked.
 */
export const STATUS_FILLS: Readonly<Record<CellStatus, string>> = {
  exact: 'FF63BE7B',
  normalised: 'FFC6EFCE',
  decided: 'FF9DC3E6',
  ambiguous: 'FFFFC000',
  not_found: 'FFFF7C80',
  confirmed: 'FFA9D08E',
  differs: 'FFCC99FF',
  unchecked: 'FFFFF2CC',
};

const HEADER_FILL = 'FFD9D9D9';
const TEXT_FORMAT = 49; // "@"

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

interface Block {
  start: number;
  end: number;
  inner: string;
  children: string[];
}

function findBlock(xml: string, p: string, name: string, child: string): Block | undefined {
  const open = new RegExp(`<${p}${name}\\b[^<>]*?(/?)>`).exec(xml);
  if (!open) return undefined;
  if (open[1] === '/') return { start: open.index, end: open.index + open[0].length, inner: '', children: [] };
  const close = xml.indexOf(`</${p}${name}>`, open.index);
  if (close < 0) return undefined;
  const inner = xml.slice(open.index + open[0].length, close);
  const children = [...elements(inner, child)].map((m) => inner.slice(m.start, m.end));
  return { start: open.index, end: close + `</${p}${name}>`.length, inner, children };
}

function setAttr(tag: string, name: string, value: string | number): string {
  const re = new RegExp(`(\\s${name}=)"[^"]*"`);
  if (re.test(tag)) return tag.replace(re, `$1"${value}"`);
  return tag.replace(/^(<[\w:]+)/, `$1 ${name}="${value}"`);
}

/** The styles part being extended; call `xf()` for every style needed, then `toXml()`. */
export class StylesPatch {
  private xml: string;
  private readonly p: string;
  private readonly fills: string[];
  private readonly fonts: string[];
  private readonly xfs: string[];
  private readonly added = new Map<string, number>();
  private readonly fillIds = new Map<string, number>();
  private boldFont?: number;
  readonly created: boolean;

  constructor(stylesXml: string | undefined) {
    this.created = stylesXml === undefined;
    this.xml = stylesXml ?? MINIMAL_STYLES;
    this.p = /<(\w+:)?styleSheet\b/.exec(this.xml)?.[1] ?? '';
    const fills = findBlock(this.xml, this.p, 'fills', 'fill');
    const fonts = findBlock(this.xml, this.p, 'fonts', 'font');
    const xfs = findBlock(this.xml, this.p, 'cellXfs', 'xf');
    if (!fills || !fonts || !xfs)
      throw new DvcError('excel.patchFailed', { sheet: 'styles.xml', reason: 'fonts/fills/cellXfs' }, ExitCode.Usage);
    this.fills = fills.children;
    this.fonts = fonts.children;
    this.xfs = xfs.children;
    this.originalXfCount = xfs.children.length;
    this.originalFillCount = fills.children.length;
    this.originalFontCount = fonts.children.length;
  }

  private readonly originalXfCount: number;
  private readonly originalFillCount: number;
  private readonly originalFontCount: number;

  private fill(argb: string): number {
    let id = this.fillIds.get(argb);
    if (id === undefined) {
      const p = this.p;
      this.fills.push(
        `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`,
      );
      id = this.fills.length - 1;
      this.fillIds.set(argb, id);
    }
    return id;
  }

  /** The styles made by statusXf, by status and base: asked once per written cell, without a key string each time. */
  private readonly statusIds = new Map<CellStatus, Map<number, number>>();

  /** The style index of a status cell based on the existing style `base` (a cellXfs index). */
  statusXf(base: number, status: CellStatus): number {
    let byBase = this.statusIds.get(status);
    if (!byBase) this.statusIds.set(status, (byBase = new Map()));
    let id = byBase.get(base);
    if (id !== undefined) return id;
    const key = `${base}|${status}`;
    const baseXf =
      this.xfs[base] ?? this.xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const startTag = /^<[^<>]*?\/?>/.exec(baseXf)?.[0] ?? baseXf;
    let tag = startTag;
    tag = setAttr(tag, 'fillId', this.fill(STATUS_FILLS[status]));
    tag = setAttr(tag, 'applyFill', 1);
    tag = setAttr(tag, 'numFmtId', TEXT_FORMAT);
    tag = setAttr(tag, 'applyNumberFormat', 1);
    this.xfs.push(baseXf.replace(startTag, tag));
    id = this.xfs.length - 1;
    this.added.set(key, id);
    byBase.set(base, id);
    return id;
  }

  /** Bold on grey, for the header row of a new sheet. */
  headerXf(): number {
    const key = 'header';
    let id = this.added.get(key);
    if (id !== undefined) return id;
    const p = this.p;
    if (this.boldFont === undefined) {
      this.fonts.push(`<${p}font><${p}b/><${p}sz val="11"/><${p}name val="Calibri"/><${p}family val="2"/></${p}font>`);
      this.boldFont = this.fonts.length - 1;
    }
    this.xfs.push(
      `<${p}xf numFmtId="0" fontId="${this.boldFont}" fillId="${this.fill(HEADER_FILL)}" borderId="0" xfId="0" applyFont="1" applyFill="1"/>`,
    );
    id = this.xfs.length - 1;
    this.added.set(key, id);
    return id;
  }

  get changed(): boolean {
    return this.added.size > 0 || this.created;
  }

  toXml(): string {
    let xml = this.xml;
    // Replace the later block first so earlier offsets stay valid; the order in styles.xml is fonts, fills, …, cellXfs.
    const replace = (name: string, child: string, list: string[], original: number) => {
      if (list.length === original) return;
      const b = findBlock(xml, this.p, name, child) as Block;
      const open = new RegExp(`<${this.p}${name}\\b[^<>]*?/?>`).exec(xml.slice(b.start))?.[0] ?? '';
      const tag = setAttr(open.replace(/\/>$/, '>'), 'count', list.length);
      const tail = b.inner === '' && open.endsWith('/>') ? list.join('') : b.inner + list.slice(original).join('');
      xml = `${xml.slice(0, b.start)}${tag}${tail}</${this.p}${name}>${xml.slice(b.end)}`;
    };
    replace('cellXfs', 'xf', this.xfs, this.originalXfCount);
    replace('fills', 'fill', this.fills, this.originalFillCount);
    replace('fonts', 'font', this.fonts, this.originalFontCount);
    return xml;
  }
}
