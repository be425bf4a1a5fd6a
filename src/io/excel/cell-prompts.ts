/**
 * A note on a cell that Excel shows when the cell is selected: a data validation of type "none" with an input
 * message ("Thông báo nhập liệu"). It needs no extra package part (a comment would need a comments part and a
 * VML drawing) and restricts nothing. A cell that already has a validation of the officer's keeps it and gets
 * no note: two validations on one cell would make Excel repair the file.
 */
import { cellRef, columnIndex } from '../../core/workbook/cell.js';
import { escapeXml } from './xml-text.js';

export interface CellPrompt {
  /** 1-based row, 0-based column. */
  row: number;
  column: number;
  title: string;
  text: string;
}

/** Excel's own limits for an input message. */
const TITLE_MAX = 32;
const TEXT_MAX = 255;

/** Elements that come after <dataValidations> in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER = [
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

interface Area {
  c1: number;
  r1: number;
  c2: number;
  r2: number;
}

function areasOf(sqref: string): Area[] {
  const out: Area[] = [];
  for (const part of sqref.trim().split(/\s+/)) {
    const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(part);
    if (!m) continue;
    const [c1, r1] = [columnIndex(m[1]), Number(m[2])];
    const [c2, r2] = m[3] ? [columnIndex(m[3]), Number(m[4])] : [c1, r1];
    out.push({ c1: Math.min(c1, c2), r1: Math.min(r1, r2), c2: Math.max(c1, c2), r2: Math.max(r1, r2) });
  }
  return out;
}

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

function validationXml(p: string, c: CellPrompt): string {
  const title = escapeXml(clip(c.title, TITLE_MAX));
  const text = escapeXml(clip(c.text, TEXT_MAX));
  return `<${p}dataValidation allowBlank="1" showInputMessage="1" promptTitle="${title}" prompt="${text}" sqref="${cellRef(c.column, c.row)}"/>`;
}

/**
 * The sheet XML with an input message on each prompted cell that has no validation of its own. `xml` may also be
 * the part from `</sheetData>` on, where the validations are (they follow the rows in a worksheet), with the
 * sheet's namespace `prefix`.
 */
export function addCellPrompts(
  xml: string,
  prompts: readonly CellPrompt[],
  prefix?: string,
): { xml: string; added: number } {
  if (prompts.length === 0) return { xml, added: 0 };
  const p = prefix ?? /<(\w+:)?worksheet\b/.exec(xml)?.[1] ?? '';
  // An empty, self-closing list is dropped and written anew below.
  xml = xml.replace(new RegExp(`<${p}dataValidations\\b[^>]*/>`), '');
  const taken = [...xml.matchAll(new RegExp(`<${p}dataValidation\\b[^>]*?\\ssqref="([^"]*)"`, 'g'))].flatMap((m) =>
    areasOf(m[1]),
  );
  const free = prompts.filter(
    (c) => !taken.some((a) => a.c1 <= c.column && c.column <= a.c2 && a.r1 <= c.row && c.row <= a.r2),
  );
  if (free.length === 0) return { xml, added: 0 };
  const items = free.map((c) => validationXml(p, c)).join('');
  const block = new RegExp(`<${p}dataValidations\\b([^>]*?)>([\\s\\S]*?)</${p}dataValidations>`).exec(xml);
  if (block) {
    const count = (block[2].match(new RegExp(`<${p}dataValidation\\b`, 'g')) ?? []).length + free.length;
    const attrs = /\scount="/.test(block[1])
      ? block[1].replace(/\scount="[^"]*"/, ` count="${count}"`)
      : `${block[1]} count="${count}"`;
    const replaced = `<${p}dataValidations${attrs}>${block[2]}${items}</${p}dataValidations>`;
    return { xml: xml.slice(0, block.index) + replaced + xml.slice(block.index + block[0].length), added: free.length };
  }
  const dataEnd = xml.search(new RegExp(`</${p}sheetData>|<${p}sheetData\\b[^>]*/>`));
  const from = dataEnd < 0 ? 0 : dataEnd;
  const rest = xml.slice(from);
  const positions = AFTER.map((name) => rest.search(new RegExp(`<${p}${name}\\b`))).filter((i) => i >= 0);
  const closing = rest.search(new RegExp(`</${p}worksheet>`));
  const at = from + (positions.length ? Math.min(...positions) : closing);
  const inserted = `<${p}dataValidations count="${free.length}">${items}</${p}dataValidations>`;
  return { xml: xml.slice(0, at) + inserted + xml.slice(at), added: free.length };
}
