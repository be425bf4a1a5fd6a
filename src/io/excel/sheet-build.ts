/** A new worksheet part for the sheets dvc adds ("Rà soát", "Tóm tắt"): inline strings, no shared strings. */
import { cellRef } from '../../core/workbook/cell.js';
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

export function buildSheetXml(
  sheet: ExtraSheet,
  styles: { header?: number; status: (s: CellStatus) => number },
): BuiltSheet {
  const width = sheet.rows.reduce((m, r) => Math.max(m, r.length), 1);
  const range = sheet.rows.length ? `A1:${cellRef(width - 1, sheet.rows.length)}` : undefined;
  const statusAt = new Map((sheet.cellStatus ?? []).map((c) => [`${c.row}:${c.column}`, c.status]));
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
  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((value, c) => {
      const status = statusAt.size > 0 ? statusAt.get(`${r}:${c}`) : undefined;
      const style = status ? styles.status(status) : r === 0 && sheet.headerStyle ? (styles.header ?? 0) : 0;
      if (value === null && style === 0) return;
      cells.push(cellXml('', cellRef(c, r + 1), style, value));
    });
    parts.push(`<row r="${r + 1}">${cells.join('')}</row>`);
  });
  parts.push('</sheetData>');
  if (sheet.autoFilter && range) parts.push(`<autoFilter ref="${range}"/>`);
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
  return { xml: parts.join(''), range };
}
