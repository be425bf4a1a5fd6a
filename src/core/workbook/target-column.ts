/**
 * Where the tax code goes. The procedure (3252/VPCP-KSTT, appendix 1, §2.1) names column I, "Mã phường/xã
 * CQT". A column whose header already says so wins; otherwise column I when it holds nothing else; otherwise
 * the first column right of everything used, with a note so the officer knows where to look.
 */
import { columnIndex, columnLetter, type SheetRow } from './cell.js';
import { TARGET_HEADER, fieldOfHeader } from './column-synonyms.js';
import type { DetectedTable } from './detect-header.js';

export const DEFAULT_TARGET_COLUMN = 'I';

export interface TargetChoice {
  /** 0-based column index. */
  index: number;
  letter: string;
  /** The header cell of that column already names the target (do not rewrite it). */
  hasHeader: boolean;
  /** The header text to write when there is none. */
  headerText: string;
  /** Set when the choice is not the default column I: a catalogue key and its parameters. */
  note?: { key: string; params: Record<string, string> };
}

function cellIsEmpty(row: SheetRow | undefined, col: number): boolean {
  const c = row?.cells[col];
  return c === undefined || c.value === null || (typeof c.value === 'string' && c.value.trim() === '');
}

function columnHoldsData(rows: readonly SheetRow[], col: number, headerRow: number): boolean {
  return rows.some((r) => r.row > headerRow && !cellIsEmpty(r, col));
}

export function chooseTargetColumn(
  rows: readonly SheetRow[],
  table: Pick<DetectedTable, 'headerRow' | 'columns'>,
): TargetChoice {
  const header = rows.find((r) => r.row === table.headerRow);
  const named = table.columns.target;
  const def = columnIndex(DEFAULT_TARGET_COLUMN);
  if (named) {
    const note =
      named.index === def
        ? undefined
        : { key: 'excel.note.targetByHeader', params: { column: named.letter, header: named.header } };
    return { index: named.index, letter: named.letter, hasHeader: true, headerText: named.header, note };
  }
  const usedByTable = Object.values(table.columns).some((c) => c?.index === def);
  const headerCell = header?.cells[def];
  const headerFree = cellIsEmpty(header, def) || fieldOfHeader(String(headerCell?.value ?? '')) === 'target';
  if (!usedByTable && headerFree && !columnHoldsData(rows, def, table.headerRow)) {
    return {
      index: def,
      letter: DEFAULT_TARGET_COLUMN,
      hasHeader: !cellIsEmpty(header, def),
      headerText: TARGET_HEADER,
    };
  }
  let last = -1;
  for (const r of rows) {
    for (let i = r.cells.length - 1; i > last; i--) {
      if (!cellIsEmpty(r, i)) {
        last = i;
        break;
      }
    }
  }
  const index = last + 1;
  const letter = columnLetter(index);
  return {
    index,
    letter,
    hasHeader: false,
    headerText: TARGET_HEADER,
    note: { key: 'excel.note.targetMoved', params: { column: letter, default: DEFAULT_TARGET_COLUMN } },
  };
}
