import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { decodeConversionLinks, decodeMergeTable, decodeReferenceList } from './decode.js';

const list2004 = {
  format: 1,
  edition: 'gso-2004',
  effective: '2025-03-01',
  source: 'test',
  levels: ['Phường', 'Xã'],
  provinces: [
    ['01', 'Thành phố Hà Nội'],
    ['20', 'Tỉnh Lạng Sơn'],
  ],
  districts: [
    ['001', 'Quận Ba Đình', 0],
    ['178', 'Huyện Văn Quan', 1],
  ],
  communes: [
    ['00001', 'Phường Phúc Xá', 0, 0],
    ['06103', 'Xã Hòa Bình', 1, 1],
  ],
};

const list2025 = {
  format: 1,
  edition: 'gso-2025',
  effective: '2025-07-01',
  source: 'test',
  levels: ['Phường', 'Đặc khu'],
  provinces: [
    ['01', 'Thành phố Hà Nội'],
    ['22', 'Tỉnh Quảng Ninh'],
  ],
  districts: [],
  communes: [
    ['00070', 'Phường Hoàn Kiếm', 0, 0],
    ['07192', 'Đặc khu Vân Đồn', 1, 1],
  ],
};

describe('decodeReferenceList', () => {
  it('resolves districts and provinces of the 2004 code system by index', () => {
    const list = decodeReferenceList(list2004, 'gso-2004');
    expect(list.units[1]).toEqual({
      provinceCode: '20',
      provinceName: 'Tỉnh Lạng Sơn',
      districtCode: '178',
      districtName: 'Huyện Văn Quan',
      code: '06103',
      name: 'Xã Hòa Bình',
      level: 'Xã',
    });
    expect(list.districts).toEqual([
      { code: '001', name: 'Quận Ba Đình', provinceCode: '01' },
      { code: '178', name: 'Huyện Văn Quan', provinceCode: '20' },
    ]);
  });

  it('refers communes straight to their province when the edition has no districts', () => {
    const list = decodeReferenceList(list2025);
    expect(list.edition).toBe('gso-2025');
    expect(list.units[1]).toEqual({
      provinceCode: '22',
      provinceName: 'Tỉnh Quảng Ninh',
      code: '07192',
      name: 'Đặc khu Vân Đồn',
      level: 'Đặc khu',
    });
    expect(list.units[1]).not.toHaveProperty('districtCode');
  });

  it('rejects a file of another edition, a dangling index and an unknown level as internal errors', () => {
    expect(() => decodeReferenceList(list2025, 'gso-2004')).toThrow(
      expect.objectContaining({ key: 'reference.corrupt', exitCode: ExitCode.Internal }),
    );
    const dangling = { ...list2004, communes: [['00001', 'Phường Phúc Xá', 0, 7]] };
    expect(() => decodeReferenceList(dangling)).toThrow(
      expect.objectContaining({
        key: 'reference.corrupt',
        params: expect.objectContaining({ detail: expect.stringContaining('bad index 7') }),
      }),
    );
    expect(() => decodeReferenceList({ ...list2004, levels: ['Ấp'] })).toThrow(
      expect.objectContaining({ key: 'reference.corrupt' }),
    );
    expect(() => decodeReferenceList({ ...list2004, format: 2 })).toThrow(
      expect.objectContaining({ key: 'reference.corrupt' }),
    );
  });
});

describe('decodeMergeTable', () => {
  it('groups the new communes of one old code, with full and partial', () => {
    const table = decodeMergeTable({
      format: 1,
      source: 'test',
      newUnits: [
        ['06799', 'Xã Hải Hòa', '22'],
        ['06970', 'Xã Ba Chẽ', '22'],
      ],
      rows: [
        ['06886', 'Xã Hải Lạng', 0, 1],
        ['06886', 'Xã Hải Lạng', 1, 1],
        ['06970', 'Thị trấn Ba Chẽ', 1, 0],
      ],
    });
    expect(table.size).toBe(3);
    expect(table.byOldCode.get('06886')?.targets.map((t) => [t.code, t.type])).toEqual([
      ['06799', 'partial'],
      ['06970', 'partial'],
    ]);
    expect(table.byOldCode.get('06970')).toEqual({
      oldName: 'Thị trấn Ba Chẽ',
      targets: [{ code: '06970', name: 'Xã Ba Chẽ', provinceCode: '22', type: 'full' }],
    });
  });

  it('rejects an unknown merge type', () => {
    expect(() =>
      decodeMergeTable({ format: 1, source: 't', newUnits: [['1', 'a', '01']], rows: [['2', 'b', 0, 5]] }),
    ).toThrow(expect.objectContaining({ key: 'reference.corrupt' }));
  });
});

describe('decodeConversionLinks', () => {
  it('groups the links of one old code in table order and tells whole from partial by the note', () => {
    const table = decodeConversionLinks({
      format: 1,
      source: 'test',
      notes: ['Nhập toàn bộ', 'Nhập một phần', 'Giữ nguyên', 'Nhập một phần diện tích, toàn bộ dân số'],
      rows: [
        ['06886', '06970', 1],
        ['06886', '06799', 3],
        ['06970', '06970', 0],
        ['23938', '23737', 2],
      ],
    });
    expect(table.size).toBe(4);
    expect(table.byOldCode.get('06886')).toEqual([
      { code: '06970', note: 'Nhập một phần', whole: false },
      { code: '06799', note: 'Nhập một phần diện tích, toàn bộ dân số', whole: false },
    ]);
    expect(table.byOldCode.get('06970')).toEqual([{ code: '06970', note: 'Nhập toàn bộ', whole: true }]);
    expect(table.byOldCode.get('23938')?.[0].whole).toBe(true);
  });

  it('rejects a note index out of range and a table without notes', () => {
    expect(() => decodeConversionLinks({ format: 1, source: 't', notes: ['a'], rows: [['1', '2', 1]] })).toThrow(
      expect.objectContaining({ key: 'reference.corrupt' }),
    );
    expect(() => decodeConversionLinks({ format: 1, source: 't', rows: [] })).toThrow(
      expect.objectContaining({ key: 'reference.corrupt' }),
    );
  });
});
