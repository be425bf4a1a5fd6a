import type { UnitRow } from '../../core/communes/communes.js';
import type { SheetRow } from '../../core/workbook/cell.js';
import type { ColumnSpec } from '../../core/workbook/column-spec.js';
import { detectHeader, type DetectedTable } from '../../core/workbook/detect-header.js';

/** A cell left empty takes the value of the cell above. */
function inherit(value: string | undefined, above: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : above;
}

/**
 * Turns a detected table into the engine's rows. Province and district cells left empty under a filled one
 * (vertically merged cells, or "same as above" in hand-made sheets) inherit the value above.
 */
export function unitRowsOf(table: DetectedTable): UnitRow[] {
  const out: UnitRow[] = [];
  let prev: UnitRow | undefined;
  for (const r of table.dataRows) {
    const v = r.values;
    const code = (v.code ?? '').trim();
    const name = (v.name ?? '').trim();
    if (code === '' && name === '') continue;
    const row: UnitRow = {
      rowNumber: r.row,
      provinceCode: inherit(v.provinceCode, prev?.provinceCode),
      provinceName: inherit(v.provinceName, prev?.provinceName),
      districtCode: inherit(v.districtCode, prev?.districtCode),
      districtName: inherit(v.districtName, prev?.districtName),
      gsoProvinceCode: inherit(v.gsoProvinceCode, prev?.gsoProvinceCode),
      code: v.code ?? '',
      name: v.name ?? '',
    };
    out.push(row);
    prev = row;
  }
  return out;
}

export function readSide(
  rows: readonly SheetRow[],
  sheet: string,
  spec: ColumnSpec | undefined,
): { table: DetectedTable; units: UnitRow[] } {
  const table = detectHeader(rows, { sheet, spec });
  return { table, units: unitRowsOf(table) };
}
