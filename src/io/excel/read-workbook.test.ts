import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DvcError } from '../../errors.js';
import {
  buildFeatureWorkbook,
  buildMinimalWorkbook,
  buildWorkbook,
  ole2File,
  STD_HEADER,
  tempDir,
} from '../../test-support/excel-workbooks.js';
import { readWorkbook, sheetNames } from './read-workbook.js';
import { dvcErrorOf } from '../../test-support/rejection.js';

const rejection = (p: Promise<unknown>) => dvcErrorOf(p);

describe('readWorkbook', () => {
  it('lists sheets with their hidden state and reads raw cell values with 1-based rows', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.xlsx');
    await buildFeatureWorkbook(file);
    const wb = await readWorkbook(file);
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
      ['MX Bo TTTT', 'visible'],
      ['MX CQT', 'visible'],
      ['Tham số', 'hidden'],
    ]);
    const rows = wb.sheet('mx bo  tttt').rows();
    expect(rows[0]).toMatchObject({ row: 1, cells: [{ kind: 'string', value: 'DANH MỤC ĐƠN VỊ HÀNH CHÍNH' }] });
    const header = rows.find((r) => r.row === 3);
    expect(header?.cells.map((c) => c?.value)).toEqual(STD_HEADER);
    const r4 = rows.find((r) => r.row === 4);
    expect(r4?.cells[0]).toEqual({ kind: 'number', value: 1 });
    expect(r4?.cells[5]).toEqual({ kind: 'string', value: '00001' });
    expect(r4?.cells[10]).toEqual({ kind: 'number', value: 4, formula: 'COUNTA(F4:F7)' });
    expect(await sheetNames(file)).toEqual([
      { name: 'MX Bo TTTT', state: 'visible' },
      { name: 'MX CQT', state: 'visible' },
      { name: 'Tham số', state: 'hidden' },
    ]);
  });

  it('reads a hand-assembled package with prefixed elements, inline strings and cells without references', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'm.xlsx');
    await buildMinimalWorkbook(
      file,
      '<x:row r="2"><x:c t="inlineStr"><x:is><x:t>Mã xã</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:t>Tên </x:t></x:r><x:r><x:t>xã &amp; phường</x:t></x:r></x:is></x:c></x:row>' +
        '<x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c><x:c r="C3" t="str"><x:f>A3&amp;"x"</x:f><x:v>1x</x:v></x:c></x:row>',
    );
    const rows = (await readWorkbook(file)).sheet('MX Bo TTTT').rows();
    expect(rows).toEqual([
      {
        row: 2,
        cells: [
          { kind: 'string', value: 'Mã xã' },
          { kind: 'string', value: 'Tên xã & phường' },
        ],
      },
      { row: 3, cells: [{ kind: 'number', value: 1 }, undefined, { kind: 'string', value: '1x', formula: 'A3&"x"' }] },
    ]);
  });

  it('marks date-formatted numbers as dates and keeps a formula without a cached value as null', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'd.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = new Date(Date.UTC(2020, 0, 1));
    ws.getCell('B1').value = { formula: 'A1+1' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(file);
    const [row] = (await readWorkbook(file)).sheet('S').rows();
    expect(row.cells[0]?.kind).toBe('date');
    expect(row.cells[1]).toMatchObject({ value: null, formula: 'A1+1' });
  });

  it('names the sheets that exist when a sheet is missing', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'a.xlsx');
    await buildWorkbook(file, { 'Sheet A': [['x']], 'Trang tính 2': [['y']] });
    const wb = await readWorkbook(file);
    let err: unknown;
    try {
      wb.sheet('MX CQT');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DvcError);
    expect((err as DvcError).key).toBe('excel.sheetMissing');
    expect((err as DvcError).params.found).toBe('"Sheet A", "Trang tính 2"');
    expect((err as DvcError).exitCode).toBe(2);
  });

  it('refuses more rows than the limit', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'big.xlsx');
    await buildWorkbook(file, { S: Array.from({ length: 30 }, (_, i) => [i]) });
    const wb = await readWorkbook(file, { maxRows: 20 });
    expect(() => wb.sheet('S').rows()).toThrow(expect.objectContaining({ key: 'excel.tooManyRows', exitCode: 2 }));
  });
});

describe('readWorkbook on bad inputs', () => {
  it.each([
    ['an encrypted workbook', ole2File(['EncryptionInfo', 'EncryptedPackage']), 'excel.encrypted'],
    ['an old .xls', ole2File(['Workbook', 'SummaryInformation']), 'excel.oldXls'],
    ['a text file renamed .xlsx', Buffer.from('STT,Mã xã\n1,00001\n'), 'excel.notWorkbook'],
    ['an empty file', Buffer.alloc(0), 'excel.notWorkbook'],
  ])('refuses %s with exit 2', async (_, bytes, key) => {
    const dir = await tempDir();
    const file = path.join(dir, 'in.xlsx');
    await writeFile(file, bytes);
    const e = await rejection(readWorkbook(file));
    expect(e.key).toBe(key);
    expect(e.exitCode).toBe(2);
    expect(e.params.path).toBe('in.xlsx');
  });

  it('refuses a zip that is not a workbook and a truncated zip', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'z.xlsx');
    await buildWorkbook(file, { S: [['x']] });
    const { readFile } = await import('node:fs/promises');
    const whole = await readFile(file);
    await writeFile(file, whole.subarray(0, 200));
    expect((await rejection(readWorkbook(file))).key).toBe('excel.corrupt');
  });

  it('says the file is not found', async () => {
    const e = await rejection(readWorkbook(path.join(await tempDir(), 'nope.xlsx')));
    expect(e.key).toBe('fs.notFound');
    expect(e.exitCode).toBe(2);
  });
});
