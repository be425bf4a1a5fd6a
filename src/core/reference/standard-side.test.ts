import { describe, expect, it } from 'vitest';
import type { UnitRow } from '../communes/communes-types.js';
import type { MergeTable, ReferenceList, RefUnit } from './reference-types.js';
import {
  codeSystemOf,
  editionsOfSystem,
  formerDistrictsOf,
  mergeHintOf,
  officialNamesOf,
  referenceUnits,
} from './standard-side.js';

const row = (o: Partial<UnitRow> & { code: string; name: string }): UnitRow => ({ rowNumber: 2, ...o });

const unit = (o: Partial<RefUnit> & { code: string; name: string }): RefUnit => ({
  provinceCode: '02',
  provinceName: 'Tỉnh Hà Giang',
  level: 'Xã',
  ...o,
});

const list = (edition: ReferenceList['edition'], units: RefUnit[]): ReferenceList => ({
  edition,
  effective: edition === 'gso-2025' ? '2025-07-01' : '2025-03-01',
  source: 'test',
  provinces: [],
  districts: [],
  units,
});

const TABLE: MergeTable = {
  source: 'test',
  size: 2,
  byOldCode: new Map([
    [
      '00001',
      {
        oldName: 'Phường Phúc Xá',
        targets: [{ code: '00004', name: 'Phường Ba Đình', provinceCode: '01', type: 'full' as const }],
      },
    ],
    [
      '00745',
      {
        oldName: 'Xã Phố Bảng',
        targets: [{ code: '00745', name: 'Xã Phố Bảng', provinceCode: '02', type: 'full' as const }],
      },
    ],
  ]),
};

describe('the code system of a standard sheet', () => {
  it('is the 2004 codes when a row names a district, the 2025 list when none does, nothing for no rows', () => {
    expect(codeSystemOf([row({ code: '00001', name: 'Phường Phúc Xá', districtName: 'Quận Ba Đình' })])).toBe(
      'gso-2004',
    );
    expect(codeSystemOf([row({ code: '00001', name: 'Phường Phúc Xá', districtCode: '001' })])).toBe('gso-2004');
    expect(codeSystemOf([row({ code: '00004', name: 'Phường Ba Đình', districtName: '  ' })])).toBe('gso-2025');
    expect(codeSystemOf([])).toBeUndefined();
  });

  it('has the shipped editions of its own system only', () => {
    expect(editionsOfSystem('gso-2004')).toEqual(['gso-2004', 'gso-2004-2021']);
    expect(editionsOfSystem('gso-2025')).toEqual(['gso-2025']);
  });
});

describe('a shipped list as standard rows', () => {
  const shipped = list('gso-2025', [
    unit({ provinceCode: '01', provinceName: 'Thành phố Hà Nội', code: '00004', name: 'Phường Ba Đình' }),
    unit({ code: '00745', name: 'Xã Phố Bảng' }),
  ]);

  it('numbers the rows of the sheet dvc writes, and keeps the level of each', () => {
    expect(referenceUnits(shipped)).toEqual({
      units: [
        {
          rowNumber: 2,
          provinceCode: '01',
          provinceName: 'Thành phố Hà Nội',
          districtCode: undefined,
          districtName: undefined,
          code: '00004',
          name: 'Phường Ba Đình',
        },
        {
          rowNumber: 3,
          provinceCode: '02',
          provinceName: 'Tỉnh Hà Giang',
          districtCode: undefined,
          districtName: undefined,
          code: '00745',
          name: 'Xã Phố Bảng',
        },
      ],
      levels: ['Xã', 'Xã'],
    });
  });

  it('keeps only the provinces of the tax sheet beside it', () => {
    const tax = [row({ provinceName: 'Hà Giang', code: '2010101', name: 'Xã Phố Bảng' })];
    const cut = referenceUnits(shipped, tax);
    expect(cut.units.map((u) => [u.rowNumber, u.code])).toEqual([[2, '00745']]);
  });
});

describe('what the code system calls for', () => {
  const old = [row({ code: '1', name: 'Phường Phúc Xá', districtName: 'Quận Ba Đình' })];
  const neu = [row({ code: '00745', name: 'Xã Phố Bảng' })];

  it('a merge hint for a 2004-coded side, a code typed as a number included; none for a 2025 side', () => {
    expect(mergeHintOf(old, TABLE)?.('1', 'Phường Phúc Xá')).toEqual({ newCode: '00004', newName: 'Phường Ba Đình' });
    expect(mergeHintOf(old, TABLE)?.('00002', 'Phường Trúc Bạch')).toBeUndefined();
    expect(mergeHintOf(neu, TABLE)).toBeUndefined();
  });

  it('former districts for a 2025 side, from the 2004-coded list; none for a 2004-coded side', () => {
    const list2004 = list('gso-2004', [
      unit({ provinceCode: '01', code: '00001', name: 'Phường Phúc Xá', districtName: 'Quận Ba Đình' }),
      unit({ code: '00745', name: 'Xã Phố Bảng', districtName: 'Huyện Đồng Văn' }),
    ]);
    const former = formerDistrictsOf(neu, TABLE, list2004);
    expect(former?.('745')).toEqual(['Huyện Đồng Văn']);
    expect(former?.('00004')).toEqual(['Quận Ba Đình']);
    expect(formerDistrictsOf(old, TABLE, list2004)).toBeUndefined();
  });
});

describe('official spellings of the standard side', () => {
  const lists = [
    list('gso-2025', [unit({ code: '00745', name: 'Xã Phố Bảng' }), unit({ code: '00748', name: 'Xã Lũng Cú' })]),
  ];

  it('names a spelling that differs only in diacritics, for a code and a province typed as numbers too', () => {
    const names = officialNamesOf([row({ provinceCode: '2', code: '745', name: 'Xã Phó Bảng' })], lists);
    expect(names?.('745')).toEqual([{ name: 'Xã Phố Bảng', list: 'gso-2025 (2025-07-01)' }]);
    expect(names?.('00745')).toEqual([{ name: 'Xã Phố Bảng', list: 'gso-2025 (2025-07-01)' }]);
  });

  it('none for the same spelling, another province, another name, or no rows', () => {
    expect(officialNamesOf([row({ provinceCode: '02', code: '00745', name: 'Xã Phố Bảng' })], lists)).toBeUndefined();
    expect(officialNamesOf([row({ provinceCode: '04', code: '00745', name: 'Xã Phó Bảng' })], lists)).toBeUndefined();
    expect(officialNamesOf([row({ provinceCode: '02', code: '00748', name: 'Xã Lũng Táo' })], lists)).toBeUndefined();
    expect(officialNamesOf([], lists)).toBeUndefined();
  });
});
