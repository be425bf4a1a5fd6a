import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DvcError } from '../../errors.js';
import {
  chooseTargetColumn,
  columnIndex,
  columnLetter,
  detectHeader,
  fieldOfHeader,
  numberText,
  parseColumnSpec,
  type Cell,
  type SheetRow,
} from './workbook.js';

const s = (value: string): Cell => ({ kind: 'string', value });
const n = (value: number): Cell => ({ kind: 'number', value });
const row = (r: number, ...cells: (Cell | string | number | undefined)[]): SheetRow => ({
  row: r,
  cells: cells.map((c) => (typeof c === 'string' ? s(c) : typeof c === 'number' ? n(c) : c)),
});

function thrown(f: () => unknown): DvcError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(DvcError);
    return e as DvcError;
  }
  throw new Error('expected a DvcError');
}

const STD = [
  row(1, 'DANH MỤC MÃ ĐƠN VỊ HÀNH CHÍNH VIỆT NAM'),
  row(3, 'STT', 'Mã TP', 'Tỉnh / Thành Phố', 'Mã QH', 'Quận Huyện', 'Mã PX', 'Phường Xã', 'Cấp', 'Mã phường/xã CQT'),
  row(4, 1, '01', 'Thành phố Hà Nội', '001', 'Quận Ba Đình', '00001', 'Phường Phúc Xá', 'Phường'),
  row(5, 2, 1, 'Thành phố Hà Nội', 1, 'Quận Ba Đình', 4, 'Phường Trúc Bạch', 'Phường'),
  row(6),
  row(7, 3, '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05431', 'Phường Quán Triều', 'Phường'),
];

describe('column synonyms', () => {
  it.each([
    ['Mã TP', 'provinceCode'],
    ['MA TINH/TP', 'provinceCode'],
    ['Mã  Tỉnh / Thành phố', 'provinceCode'],
    ['tinh / thanh pho', 'provinceName'],
    ['Tỉnh thành', 'provinceName'],
    ['Mã quận/huyện', 'districtCode'],
    ['QUẬN HUYỆN', 'districtName'],
    ['Mã ĐVHC', 'code'],
    ['ma dvhc', 'code'],
    ['Ten phuong/xa', 'name'],
    ['Loại', 'level'],
    ['Mã phường/xã CQT', 'target'],
    ['Ma phuong/xa CQT', 'target'],
    ['Mã phường/xã', 'code'],
    ['Ghi chú', undefined],
  ])('"%s" names %s', (header, field) => {
    expect(fieldOfHeader(header)).toBe(field);
  });

  it('reads an NFD header like its NFC form', () => {
    expect(fieldOfHeader('Phường Xã'.normalize('NFD'))).toBe('name');
  });
});

describe('detectHeader', () => {
  it('finds the header below a title and a blank row and reads data rows as raw text', () => {
    const t = detectHeader(STD, { sheet: 'MX Bo TTTT' });
    expect(t.headerRow).toBe(3);
    expect(Object.fromEntries(Object.entries(t.columns).map(([k, v]) => [k, v?.letter]))).toEqual({
      provinceCode: 'B',
      provinceName: 'C',
      districtCode: 'D',
      districtName: 'E',
      code: 'F',
      name: 'G',
      level: 'H',
      target: 'I',
    });
    expect(t.dataRows.map((r) => r.row)).toEqual([4, 5, 7]);
    expect(t.dataRows[1].values).toEqual({
      provinceCode: '1',
      provinceName: 'Thành phố Hà Nội',
      districtCode: '1',
      districtName: 'Quận Ba Đình',
      code: '4',
      name: 'Phường Trúc Bạch',
      level: 'Phường',
    });
    expect(t.numericCells).toEqual([
      { row: 5, ref: 'B5', field: 'provinceCode' },
      { row: 5, ref: 'D5', field: 'districtCode' },
      { row: 5, ref: 'F5', field: 'code' },
    ]);
  });

  it('uses "Mã xã CQT" as the code column of a tax sheet that has no other code column', () => {
    const t = detectHeader([row(1, 'Mã xã CQT', 'Tên xã'), row(2, '1010101', 'Phúc Xá')], { sheet: 'MX CQT' });
    expect(t.columns.code.letter).toBe('A');
    expect(t.columns.target).toBeUndefined();
    expect(t.dataRows[0].values.code).toBe('1010101');
  });

  it('lists the rows it saw when there is no header', () => {
    const e = thrown(() => detectHeader([row(1, 'Danh sách'), row(2, 'a', 'b')], { sheet: 'MX CQT' }));
    expect(e.key).toBe('excel.headerNotFound');
    expect(e.exitCode).toBe(2);
    expect(e.params).toMatchObject({ sheet: 'MX CQT', missing: 'code, name', seen: '1: Danh sách; 2: a | b' });
  });

  it('refuses an empty sheet', () => {
    expect(thrown(() => detectHeader([row(1), row(2, '')], { sheet: 'S' })).key).toBe('excel.sheetEmpty');
  });

  it('takes columns from a spec, deciding province code or name by content', () => {
    const rows = [row(1, 'x', 'y', 'z'), row(2, '01', 'Hà Nội', '00001'), row(3, '01', 'Hà Nội', '00004')];
    const t = detectHeader(rows, { sheet: 'S', spec: parseColumnSpec('code=C,name=2,province=A,header=1') });
    expect(t.columns.provinceCode?.letter).toBe('A');
    expect(t.columns.name.letter).toBe('B');
    expect(t.dataRows.map((r) => r.values)).toEqual([
      { provinceCode: '01', code: '00001', name: 'Hà Nội' },
      { provinceCode: '01', code: '00004', name: 'Hà Nội' },
    ]);
    const byName = detectHeader(rows, { sheet: 'S', spec: parseColumnSpec('code=C,name=A,province=B,header=1') });
    expect(byName.columns.provinceName?.letter).toBe('B');
  });

  it('names the cell of a code stored as a date, a formula without a value and an error value', () => {
    const head = row(1, 'Mã xã', 'Tên xã');
    const date = thrown(() => detectHeader([head, row(2, { kind: 'date', value: 43831 }, 'A')], { sheet: 'S' }));
    expect(date).toMatchObject({ key: 'excel.codeIsDate', params: { sheet: 'S', cell: 'A2' } });
    const f = thrown(() =>
      detectHeader([head, row(2, '1', { kind: 'string', value: null, formula: 'VLOOKUP(A2,X!A:B,2,0)' })], {
        sheet: 'S',
      }),
    );
    expect(f).toMatchObject({ key: 'excel.formulaNoValue', params: { cell: 'B2', formula: 'VLOOKUP(A2,X!A:B,2,0)' } });
    const err = thrown(() =>
      detectHeader([head, row(2, { kind: 'error', value: '#N/A', formula: 'X' }, 'A')], { sheet: 'S' }),
    );
    expect(err).toMatchObject({ key: 'excel.codeIsError', params: { cell: 'A2', value: '#N/A' } });
  });

  it('uses the cached value of a formula in a code column', () => {
    const t = detectHeader(
      [row(1, 'Mã xã', 'Tên xã'), row(2, { kind: 'string', value: '00001', formula: 'TEXT(1,"00000")' }, 'A')],
      { sheet: 'S' },
    );
    expect(t.dataRows[0].values.code).toBe('00001');
  });
});

describe('parseColumnSpec', () => {
  it('reads letters and 1-based numbers', () => {
    expect(parseColumnSpec('code=F,name=E,province=B,district=D')).toEqual({
      columns: { code: 5, name: 4, province: 1, district: 3 },
    });
    expect(parseColumnSpec(' code = 6 ; name=aa ')).toEqual({ columns: { code: 5, name: 26 } });
  });

  it.each([
    ['', 'excel.colSpec.empty', ''],
    ['code=F,name', 'excel.colSpec.form', 'name'],
    ['code=F,ten=E', 'excel.colSpec.key', 'ten=E'],
    ['code=F,name=0', 'excel.colSpec.column', 'name=0'],
    ['code=F,name=F1', 'excel.colSpec.column', 'name=F1'],
    ['code=F,code=G', 'excel.colSpec.twice', 'code=G'],
    ['code=F,name=F', 'excel.colSpec.sameColumn', 'name=F'],
    ['code=F,header=x', 'excel.colSpec.row', 'header=x'],
  ])('names the bad part of "%s"', (spec, key, part) => {
    const e = thrown(() => parseColumnSpec(spec));
    expect(e.key).toBe(key);
    expect(e.exitCode).toBe(2);
    if (part) expect(e.params.part).toBe(part);
  });
});

describe('chooseTargetColumn', () => {
  it('takes column I when it is free or already headed "Mã phường/xã CQT"', () => {
    const t = detectHeader(STD, { sheet: 'S' });
    expect(chooseTargetColumn(STD, t)).toMatchObject({ letter: 'I', hasHeader: true, note: undefined });
    const noHeader = STD.map((r) => (r.row === 3 ? { ...r, cells: r.cells.slice(0, 8) } : r));
    expect(chooseTargetColumn(noHeader, detectHeader(noHeader, { sheet: 'S' }))).toMatchObject({
      letter: 'I',
      hasHeader: false,
      headerText: 'Mã phường/xã CQT',
    });
  });

  it('uses the column headed "Mã phường/xã CQT" elsewhere, with a note', () => {
    const rows = [row(1, 'Mã PX', 'Phường Xã', 'Mã phường/xã CQT'), row(2, '00001', 'Phúc Xá')];
    expect(chooseTargetColumn(rows, detectHeader(rows, { sheet: 'S' }))).toMatchObject({
      letter: 'C',
      hasHeader: true,
      note: { key: 'excel.note.targetByHeader' },
    });
  });

  it('moves to the first free column when I holds other data', () => {
    const rows = [
      row(1, 'Mã PX', 'Phường Xã', '', '', '', '', '', '', 'Ghi chú'),
      row(2, '00001', 'Phúc Xá', '', '', '', '', '', '', 'x', 'y'),
    ];
    expect(chooseTargetColumn(rows, detectHeader(rows, { sheet: 'S' }))).toMatchObject({
      letter: 'K',
      hasHeader: false,
      note: { key: 'excel.note.targetMoved', params: { column: 'K', default: 'I' } },
    });
  });
});

describe('numberText and column letters', () => {
  it.each([
    [1, '1'],
    [10101, '10101'],
    [1010101, '1010101'],
    [1e21, '1000000000000000000000'],
    [0.1 + 0.2, '0.3'],
    [1.0000000000000002, '1'],
    [-5, '-5'],
    [1e-7, '0.0000001'],
  ])('%s → "%s"', (v, text) => {
    expect(numberText(v)).toBe(text);
  });

  it('never writes an exponent for integers Excel can hold', () => {
    fc.assert(fc.property(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), (i) => /^-?\d+$/.test(numberText(i))));
  });

  it('converts letters and indexes both ways', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (i) => columnIndex(columnLetter(i)) === i));
    expect(columnLetter(8)).toBe('I');
    expect(columnIndex('xfd')).toBe(16383);
  });
});
