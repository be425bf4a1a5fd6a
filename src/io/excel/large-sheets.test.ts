/**
 * Sheets at the documented row limit (MAX_ROWS): read, patched and given a review sheet of the same size without
 * "Maximum call stack size exceeded" (no spread of a row array into a function call anywhere on the way).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/excel-workbooks.js';
import { hostileWorkbook, inlineRow, worksheetXml, writeBytes } from '../../test-support/hostile-workbooks.js';
import { readWorkbook } from './read-workbook.js';
import { MAX_ROWS } from './workbook-limits.js';
import { writeMappedWorkbook, type MappedCell } from './write-mapped-workbook.js';

function rowsXml(count: number): string {
  const out: string[] = [inlineRow(1, ['Mã xã', 'Tên xã'])];
  for (let r = 2; r <= count; r++)
    out.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="inlineStr"><is><t>Xã ${r}</t></is></c></row>`);
  return out.join('');
}

describe('sheets at the row limit', () => {
  it(`reads a sheet whose last row is row ${MAX_ROWS} and refuses one row more`, { timeout: 180_000 }, async () => {
    const dir = await tempDir('dvc-large-');
    const file = await writeBytes(
      path.join(dir, 'a.xlsx'),
      hostileWorkbook([{ name: 'MX CQT', xml: worksheetXml(rowsXml(MAX_ROWS)) }]),
    );
    const rows = (await readWorkbook(file)).sheet('MX CQT').rows();
    expect(rows).toHaveLength(MAX_ROWS);
    expect(rows[MAX_ROWS - 1].cells[1]).toEqual({ kind: 'string', value: `Xã ${MAX_ROWS}` });

    const over = await writeBytes(
      path.join(dir, 'b.xlsx'),
      hostileWorkbook([{ name: 'MX CQT', xml: worksheetXml(rowsXml(MAX_ROWS + 1)) }]),
    );
    const wb = await readWorkbook(over);
    expect(() => wb.sheet('MX CQT').rows()).toThrow(expect.objectContaining({ key: 'excel.tooManyRows', exitCode: 2 }));
  });

  it(`patches ${MAX_ROWS - 1} rows and adds a review sheet of as many rows`, { timeout: 180_000 }, async () => {
    const dir = await tempDir('dvc-large-');
    const n = MAX_ROWS - 1;
    const input = await writeBytes(
      path.join(dir, 'in.xlsx'),
      hostileWorkbook([{ name: 'MX Bo TTTT', xml: worksheetXml(rowsXml(n + 1)) }]),
    );
    const cells: MappedCell[] = [];
    for (let r = 2; r <= n + 1; r++) cells.push({ row: r, value: `9${r}`, status: r % 2 ? 'exact' : 'normalised' });
    const review = [['Dòng', 'Mã'], ...cells.map((c) => [c.row, c.value])];
    const out = path.join(dir, 'out.xlsx');
    const res = await writeMappedWorkbook(input, out, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 1,
      targetColumn: 'I',
      cells,
      legend: { rows: [{ status: 'exact', label: 'Khớp' }] },
      extraSheets: [{ name: 'Rà soát', rows: review, headerStyle: true }],
    });
    expect(res.sheetNames).toEqual(['Rà soát']);
    const wb = await readWorkbook(out);
    const std = wb.sheet('MX Bo TTTT').rows();
    expect(std[n].cells[8]).toEqual({ kind: 'string', value: `9${n + 1}` });
    expect(wb.sheet('Rà soát').rows()).toHaveLength(n + 1);
  });
});
