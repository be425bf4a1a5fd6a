import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { chooseTargetColumn, detectHeader } from '../../core/workbook/workbook.js';
import { tempDir } from '../../test-support/excel-workbooks.js';
import { readWorkbook } from './read-workbook.js';
import { writeMappedWorkbook } from './write-mapped-workbook.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures');

describe('the sample workbooks in fixtures/', () => {
  it('mau-63-tinh.xlsx: header under a title, Ba Đình codes stored as numbers, target column I', async () => {
    const wb = await readWorkbook(path.join(fixtures, 'mau-63-tinh.xlsx'));
    const rows = wb.sheet('MX Bo TTTT').rows();
    const std = detectHeader(rows, { sheet: 'MX Bo TTTT' });
    expect(std.headerRow).toBe(3);
    expect(std.dataRows).toHaveLength(698);
    expect(std.dataRows[0].values).toMatchObject({
      provinceCode: '01',
      districtCode: '1',
      code: '1',
      name: 'Phường Phúc Xá',
    });
    expect(std.numericCells.filter((c) => c.field === 'code')).toHaveLength(13); // the 13 communes of Quận Ba Đình
    expect(chooseTargetColumn(rows, std)).toMatchObject({ letter: 'I', hasHeader: true });
    const tax = detectHeader(wb.sheet('MX CQT').rows(), { sheet: 'MX CQT' });
    expect(tax.headerRow).toBe(1);
    expect(tax.dataRows).toHaveLength(697);
    expect(tax.dataRows.every((r) => /^\d{7}$/.test(r.values.code ?? ''))).toBe(true);
  });

  it('mau-34-tinh.xlsx: no district columns, the target named by its header in column G', async () => {
    const wb = await readWorkbook(path.join(fixtures, 'mau-34-tinh.xlsx'));
    const rows = wb.sheet('MX Bo TTTT').rows();
    const std = detectHeader(rows, { sheet: 'MX Bo TTTT' });
    expect(std.columns.districtCode).toBeUndefined();
    expect(std.dataRows).toHaveLength(342);
    expect(chooseTargetColumn(rows, std)).toMatchObject({ letter: 'G', note: { key: 'excel.note.targetByHeader' } });
    const tax = detectHeader(wb.sheet('MX CQT').rows(), { sheet: 'MX CQT' });
    expect(tax.dataRows.every((r) => /^\d{8}$/.test(r.values.code ?? ''))).toBe(true);
  });

  it('mau-34-tinh.xlsx round-trips through the writer and opens in exceljs', async () => {
    const input = path.join(fixtures, 'mau-34-tinh.xlsx');
    const output = path.join(await tempDir(), 'ra.xlsx');
    await writeMappedWorkbook(input, output, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 3,
      targetColumn: 'G',
      cells: [{ row: 4, value: '10105001', status: 'exact' }],
      extraSheets: [{ name: 'Rà soát', rows: [['a']] }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet('MX Bo TTTT') as ExcelJS.Worksheet;
    expect(ws.getCell('G3').value).toBe('Mã phường/xã CQT');
    expect(ws.getCell('G4').value).toBe('10105001');
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('D3').font?.bold).toBe(true);
  });
});
