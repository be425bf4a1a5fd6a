/** The workbook layer's pure part: cell values, header synonyms, header detection, column specs, target column. */
export { cellRef, columnIndex, columnLetter, type Cell, type CellKind, type SheetRow } from './cell.js';
export { cellText, numberText } from './cell-text.js';
export {
  CODE_FIELDS,
  COLUMN_FIELDS,
  COLUMN_SYNONYMS,
  TARGET_HEADER,
  fieldOfHeader,
  headerKey,
  type ColumnField,
} from './column-synonyms.js';
export { parseColumnSpec, type ColumnSpec, type SpecField } from './column-spec.js';
export {
  detectHeader,
  type ColumnRef,
  type DataRow,
  type DetectedColumns,
  type DetectedTable,
  type DetectHeaderOptions,
  type NumericCell,
} from './detect-header.js';
export { DEFAULT_TARGET_COLUMN, chooseTargetColumn, type TargetChoice } from './target-column.js';
