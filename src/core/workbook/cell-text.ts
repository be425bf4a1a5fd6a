/** Turning one cell into the raw text the matching engine reads, refusing values that would lose a code. */
import { DvcError, ExitCode } from '../../errors.js';
import { cellRef, type Cell } from './cell.js';

/**
 * A number as a person typed it: 1 → "1", 10101 → "10101", 0.1+0.2 → "0.3", never "1e+21"-style or
 * "1.0000000000000002". Excel stores at most 15 significant digits, so rounding to 15 removes float noise.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const rounded = Number(n.toPrecision(15));
  if (Number.isInteger(rounded)) {
    if (Math.abs(rounded) < 1e21) return rounded.toFixed(0);
    return BigInt(rounded).toString();
  }
  const s = String(rounded);
  if (!/e/i.test(s)) return s;
  // Very small fractions: write them out in full.
  return rounded.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

export interface CellTextOptions {
  sheet: string;
  row: number;
  column: number;
  /** A code column: a date or an error there is an input error, not a value. */
  isCode: boolean;
}

/**
 * The raw text of a cell ("" when empty). A formula gives its cached value; a formula without one, a date in
 * a code column or an error value in a code column is a DvcError naming the cell (exit 2).
 */
export function cellText(cell: Cell | undefined, o: CellTextOptions): string {
  if (!cell) return '';
  // The cell's reference is built only for a message (this runs for every cell read).
  if (cell.value === null) {
    if (cell.formula !== undefined)
      throw new DvcError(
        'excel.formulaNoValue',
        { sheet: o.sheet, cell: cellRef(o.column, o.row), formula: cell.formula || '…' },
        ExitCode.Usage,
      );
    return '';
  }
  switch (cell.kind) {
    case 'string':
      return String(cell.value);
    case 'number':
      return typeof cell.value === 'number' ? numberText(cell.value) : String(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'date':
      if (o.isCode)
        throw new DvcError('excel.codeIsDate', { sheet: o.sheet, cell: cellRef(o.column, o.row) }, ExitCode.Usage);
      return typeof cell.value === 'number' ? numberText(cell.value) : String(cell.value);
    case 'error':
      if (o.isCode)
        throw new DvcError(
          'excel.codeIsError',
          { sheet: o.sheet, cell: cellRef(o.column, o.row), value: String(cell.value) },
          ExitCode.Usage,
        );
      return '';
  }
}
