/** A new worksheet part for the sheets dvc adds ("Rà soát", "Tóm tắt"): inline strings, no shared strings. */
import { cellRef, columnLetter } from '../../core/workbook/cell.js';
import { cellXml } from './sheet-patch.js';
import type { CellStatus } from './styles-patch.js';

export interface ExtraSheet {
  name: string;
  rows: (string | number | null)[][];
  /** Widths in Excel character units, per column from A. */
  columnWidths?: number[];
  /** Bold on grey for the first row. */
  headerStyle?: boolean;
  /** An AutoFilter over the whole table. */
  autoFilter?: boolean;
  /** Freeze the first row. */
  freezeHeader?: boolean;
  /** Colour single cells by status (0-based row and column within `rows`), e.g. for a legend. */
  cellStatus?: { row: number; column: number; status: CellStatus }[];
}

export interface BuiltSheet {
  xml: string;
  /** The used range ("A1:F20"), for the AutoFilter's defined name; undefined when the sheet is empty. */
  range?: string;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RNS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** What comes before the rows: the declaration, the used range, the frozen header and the column widths. */
function sheetHead(sheet: ExtraSheet, range: string | undefined): string[] {
  const parts: string[] = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS}" xmlns:r="${RNS}">`,
  ];
  parts.push(`<dimension ref="${range ?? 'A1'}"/>`);
  const pane =
    sheet.freezeHeader && sheet.rows.length > 1
      ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
      : '';
  parts.push(`<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`);
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.columnWidths?.length) {
    parts.push('<cols>');
    sheet.columnWidths.forEach((w, i) =>
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`),
    );
    parts.push('</cols>');
  }
  return parts;
}

/** The style of each cell: its status's, else the header's on the first row, else none. */
function cellStyles(
  sheet: ExtraSheet,
  width: number,
  styles: { header?: number; status: (s: CellStatus) => number },
): (r: number, c: number) => number {
  // Keyed by row * width + column; a status outside every row's cells is never looked up.
  const statusAt = new Map<number, CellStatus>();
  for (const c of sheet.cellStatus ?? [])
    if (Number.isInteger(c.row) && Number.isInteger(c.column) && c.column >= 0 && c.column < width)
      statusAt.set(c.row * width + c.column, c.status);
  const headerXf = sheet.headerStyle ? (styles.header ?? 0) : 0;
  /** The style of each status, asked for once, where it first occurs. */
  const statusXf = new Map<CellStatus, number>();
  return (r, c) => {
    const status = statusAt.size > 0 ? statusAt.get(r * width + c) : undefined;
    if (!status) return r === 0 ? headerXf : 0;
    let xf = statusXf.get(status);
    if (xf === undefined) statusXf.set(status, (xf = styles.status(status)));
    return xf;
  };
}

export function buildSheetXml(
  sheet: ExtraSheet,
  styles: { header?: number; status: (s: CellStatus) => number },
): BuiltSheet {
  const width = sheet.rows.reduce((m, r) => Math.max(m, r.length), 1);
  const range = sheet.rows.length ? `A1:${cellRef(width - 1, sheet.rows.length)}` : undefined;
  const parts = sheetHead(sheet, range);
  parts.push('<sheetData>');
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  const styleAt = cellStyles(sheet, width, styles);
  for (let r = 0; r < sheet.rows.length; r++) {
    const row = sheet.rows[r];
    // A hole in a sparse array is no row, and a hole in a row no cell (as forEach would skip them).
    if (row === undefined) continue;
    const n = r + 1;
    // A short list per row: one join of every cell of the sheet is slower than a join per row.
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value === undefined) continue;
      const style = styleAt(r, c);
      if (value === null && style === 0) continue;
      cells.push(cellXml('', letters[c] + n, style, value));
    }
    parts.push(`<row r="${n}">${cells.join('')}</row>`);
  }
  parts.push('</sheetData>');
  if (sheet.autoFilter && range) parts.push(`<autoFilter ref="${range}"/>`);
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return { xml: parts.join(''), range };
}
