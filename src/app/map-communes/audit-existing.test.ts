import { existingReasonText } from '../../cli/render/map-communes/map-communes-words.js';
import { describe, expect, it } from 'vitest';
import type { UnitRow } from '../../core/communes/communes.js';
import { existingReasonOf, looksLikeTypo } from './audit-existing.js';
import { encodeTcvn3 } from '../../core/text/text.js';
import type { ExistingVerdict, ReportRow } from './map-communes-result.js';
import { mapCellOf } from './present.js';

const row = (over: Partial<ReportRow>): ReportRow => ({
  sheet: 'MX Bo TTTT',
  rowNumber: 10,
  provinceName: 'Thành phố Hà Nội',
  districtName: 'Quận Hà Đông',
  code: '09538',
  name: 'Phường Quang Trung',
  status: 'exact',
  reasons: [],
  taxCode: '1011701',
  taxName: 'Phường Quang Trung',
  candidates: [],
  duplicateName: false,
  ...over,
});

const tax = (over: Partial<UnitRow>): UnitRow => ({
  rowNumber: 2,
  provinceCode: '101',
  provinceName: 'Hà Nội',
  districtName: 'Quận Đống Đa',
  code: '1010611',
  name: 'Phường Quang Trung',
  ...over,
});

const HANOI = { code: '101', name: 'Hà Nội' };

describe('looksLikeTypo', () => {
  it('takes one digit changed or two neighbouring digits swapped, nothing else', () => {
    expect(looksLikeTypo('1010220', '1010202')).toBe(true);
    expect(looksLikeTypo('1010203', '1010202')).toBe(true);
    expect(looksLikeTypo('1010213', '1010202')).toBe(false); // two neighbouring digits changed, not swapped
    expect(looksLikeTypo('1012200', '1010202')).toBe(false); // a swap of digits that are not neighbours
    expect(looksLikeTypo('101020', '1010202')).toBe(false);
    expect(looksLikeTypo('1010202', '1010202')).toBe(false);
  });
});

describe('existingReasonOf: what is wrong with the code already in column I', () => {
  // The reason carries codes and parameters; the Vietnamese renderer words it.
  const reason = (r: ReportRow, code: string, taxRow: UnitRow | undefined, verdict: ExistingVerdict = 'differs') => {
    const found = existingReasonOf({ r, code, verdict, taxRow, ownProvince: HANOI });
    return found && { ...found, text: existingReasonText('vi', found) };
  };

  it('a code in no row of the tax sheet, and one that is dvc’s code mistyped', () => {
    expect(reason(row({}), '1019999', undefined)).toMatchObject({
      code: 'not_in_tax_sheet',
      text: 'mã 1019999 không có trong sheet thuế',
    });
    expect(reason(row({}), '1011710', undefined)?.code).toBe('typo');
    // Not in the tax sheet is said even when dvc cannot check the row.
    expect(reason(row({ status: 'not_found', taxCode: undefined }), '1019999', undefined, 'unchecked')?.code).toBe(
      'not_in_tax_sheet',
    );
  });

  it('the code of the commune of the same name in another district, with that district decoded', () => {
    const r = reason(row({}), '1010611', tax({ districtName: encodeTcvn3('Quận Đống Đa') }));
    expect(r).toMatchObject({ code: 'same_name' });
    expect(r?.text).toBe(
      'mã 1010611 là của Phường Quang Trung ở Quận Đống Đa: cùng tên nhưng là đơn vị khác (VLOOKUP theo tên lấy dòng đầu)',
    );
  });

  it('names the other province, leaves out a district that is the row’s own', () => {
    const other = reason(
      row({}),
      '2150101',
      tax({
        provinceCode: '215',
        provinceName: 'Thái Nguyên',
        name: 'P. Hoàng Văn Thụ',
        districtName: 'TP Thái Nguyên',
      }),
    );
    expect(other?.text).toBe('mã 2150101 là của P. Hoàng Văn Thụ ở TP Thái Nguyên, Thái Nguyên, không phải của xã này');
    const here = reason(row({}), '1011702', tax({ districtName: 'Quận Hà Đông', name: 'Phường Mộ Lao' }));
    expect(here).toMatchObject({
      code: 'other_commune_here',
      text: 'mã 1011702 là của Phường Mộ Lao, không phải của xã này',
    });
  });

  it('an officer’s decision of "no tax commune" says so in words', () => {
    const r = reason(row({ status: 'decided', taxCode: undefined, taxName: undefined }), '1010611', tax({}));
    expect(r?.text).toBe('mã 1010611 là của Phường Quang Trung; cán bộ đã quyết định không có xã tương ứng');
  });

  it('nothing for a code dvc cannot check that is in the tax sheet', () => {
    expect(reason(row({ status: 'ambiguous' }), '1010611', tax({}), 'unchecked')).toBeUndefined();
  });
});

describe('mapCellOf: the status a MAP row gives the code it carries', () => {
  it('never a match status for an officer’s code that is kept and questioned', () => {
    const base = { existingCode: '1010611', existingInTaxSheet: true } as const;
    expect(mapCellOf(row({ ...base, existingVerdict: 'differs' }))).toEqual({ code: '1010611', status: 'differs' });
    expect(mapCellOf(row({ ...base, existingVerdict: 'differs', existingReplaced: true }))).toEqual({
      code: '1011701',
      status: 'exact',
    });
    expect(mapCellOf(row({ existingCode: '1010220', existingInTaxSheet: false, existingVerdict: 'differs' }))).toEqual({
      code: '1010220',
      status: 'not_in_tax_sheet',
    });
    expect(mapCellOf(row({ status: 'ambiguous', taxCode: undefined, ...base, existingVerdict: 'unchecked' }))).toEqual({
      code: '1010611',
      status: 'unchecked',
    });
    expect(mapCellOf(row({ taxCode: '1010611', ...base, existingVerdict: 'confirmed' }))).toEqual({
      code: '1010611',
      status: 'exact',
    });
    expect(mapCellOf(row({ status: 'normalised' }))).toEqual({ code: '1011701', status: 'normalised' });
  });
});
