import { describe, expect, it } from 'vitest';
import { matchCommunes, pairProvinces } from './communes.js';
import type { UnitRow } from './communes-types.js';

let n = 1;
function row(province: string, district: string | undefined, code: string, name: string): UnitRow {
  return { rowNumber: n++, provinceName: province, districtName: district, code, name };
}

describe('pairProvinces', () => {
  it('pairs by name across prefixes, tone style and legacy fonts', () => {
    const std = [row('Thành phố Hà Nội', undefined, '00004', 'a'), row('Tỉnh Thanh Hóa', undefined, '1', 'b')];
    const tax = [row('Hµ Néi', undefined, '1', 'a'), row('Thanh Hoá', undefined, '2', 'b')];
    const p = pairProvinces(std, tax);
    expect(p.pairs.map((x) => [x.std.name, x.tax.name])).toEqual([
      ['Thành phố Hà Nội', 'Hµ Néi'],
      ['Tỉnh Thanh Hóa', 'Thanh Hoá'],
    ]);
    expect(p.unpairedStd).toEqual([]);
  });
});

describe('matchCommunes', () => {
  const P = 'Tỉnh Lạng Sơn';
  it('fills unique names and explains the tier', () => {
    const r = matchCommunes({
      std: [row(P, undefined, '06103', 'Xã Hòa Bình'), row(P, undefined, '06104', 'Phường 01')],
      tax: [row(P, undefined, '20101001', 'Xã Hoà Bình'), row(P, undefined, '20101002', 'P.1')],
    });
    expect(r.rows.map((x) => [x.status, x.method, x.taxCode])).toEqual([
      ['normalised', 'normalised', '20101001'],
      ['normalised', 'normalised', '20101002'],
    ]);
    expect(r.rows[0].reasons).toEqual([{ code: 'tone_normalised' }]);
  });

  it("looks past an exact same-name commune of another district to this district's own spelling", () => {
    const std = [row(P, 'Huyện A', '06103', 'Xã Hòa Bình'), row(P, 'Huyện B', '06274', 'Xã Hòa Bình')];
    const tax = [row(P, 'Huyện A', '20101001', 'Xã Hoà  Bình'), row(P, 'Huyện B', '20102001', 'Xã Hòa Bình')];
    const r = matchCommunes({ std, tax });
    expect(r.rows.map((x) => [x.status, x.taxCode])).toEqual([
      ['normalised', '20101001'],
      ['exact', '20102001'],
    ]);
    expect(r.rows[0].reasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['tone_normalised', 'district_disambiguated']),
    );
  });

  it('resolves a name duplicated in the province by district, and lists every candidate otherwise', () => {
    const std = [row(P, 'Huyện A', '06103', 'Xã Hòa Bình'), row(P, 'Huyện B', '06274', 'Xã Hòa Bình')];
    const tax = [row(P, 'Huyện A', '20101001', 'Xã Hòa Bình'), row(P, 'Huyện B', '20102001', 'Xã Hòa Bình')];
    const r = matchCommunes({ std, tax });
    expect(r.rows.map((x) => x.taxCode)).toEqual(['20101001', '20102001']);
    expect(r.rows[0].reasons.map((x) => x.code)).toContain('district_disambiguated');
    expect(r.rows.every((x) => x.duplicateName)).toBe(true);

    const noDistricts = matchCommunes({
      std: [row(P, undefined, '06103', 'Xã Hòa Bình')],
      tax: [row(P, undefined, '20101001', 'Xã Hòa Bình'), row(P, undefined, '20102001', 'Xã Hoà Bình')],
    });
    expect(noDistricts.rows[0].status).toBe('ambiguous');
    expect(noDistricts.rows[0].candidates.map((c) => c.code)).toEqual(['20101001', '20102001']);
  });

  it('does not fill a folded match that is not unique, nor one std rows compete for', () => {
    const r = matchCommunes({
      std: [row(P, undefined, '1', 'Xã Văn Lắng')],
      tax: [row(P, undefined, '20101001', 'Xã Văn Lang'), row(P, undefined, '20101002', 'Xã Văn Lăng')],
    });
    expect(r.rows[0].status).toBe('ambiguous');
    const both = matchCommunes({
      std: [row(P, undefined, '1', 'Xã Văn Lang'), row(P, undefined, '2', 'Xã Văn Lăng')],
      tax: [row(P, undefined, '20101001', 'Xã Văn Lang')],
    });
    expect(both.rows.map((x) => x.status)).toEqual(['exact', 'ambiguous']);
  });

  it('never fills a tax code chosen by two std rows; a decision keeps it', () => {
    const r = matchCommunes({
      std: [row(P, undefined, '1', 'Xã Tân Lập'), row(P, undefined, '2', 'Xã Tân Lập Mới')],
      tax: [row(P, undefined, '20101001', 'Xã Tân Lập')],
      decisions: [{ stdCode: '00002', taxCode: '20101001' }],
    });
    expect(r.rows.map((x) => [x.status, x.conflict, x.taxCode])).toEqual([
      ['ambiguous', true, undefined],
      ['decided', undefined, '20101001'],
    ]);
    expect(r.conflicts).toEqual([
      { province: 0, taxCode: '20101001', taxName: 'Xã Tân Lập', stdCodes: ['00001', '00002'] },
    ]);
    expect(r.provinces[0].conflicts).toBe(1);
  });

  it('applies decisions, proposes candidates for not_found rows and reports codes', () => {
    const r = matchCommunes({
      std: [
        row(P, undefined, '1', 'Xã Thuận Hòa'),
        row(P, undefined, '00002', 'Xã Mới'),
        row(P, undefined, '00003', 'Xã Cũ'),
      ],
      tax: [
        row(P, undefined, '20101001', 'Xã Thuận Ha'),
        row(P, undefined, '20101002', 'Xã Khác'),
        row(P, undefined, '20101002', 'Xã Khác 2'),
      ],
      decisions: [
        { stdCode: '2', taxCode: '20101002', note: 'checked' },
        { stdCode: '00003', taxCode: '-' },
      ],
      mergeHint: (code) => (code === '00001' ? { newCode: '00009', newName: 'Xã Hợp Nhất' } : undefined),
    });
    const [a, b, c] = r.rows;
    expect(a.status).toBe('not_found');
    expect(a.candidates[0]).toMatchObject({ code: '20101001', name: 'Xã Thuận Ha' });
    expect(a.candidates[0].score).toBeGreaterThan(0.8);
    expect(a.reasons).toEqual([
      { code: 'leading_zero_restored', params: { from: '1', to: '00001' } },
      { code: 'merged_into', params: { code: '00009', name: 'Xã Hợp Nhất' } },
    ]);
    expect(b).toMatchObject({ status: 'decided', method: 'decision', taxCode: '20101002', taxName: 'Xã Khác' });
    expect(c).toMatchObject({ status: 'decided', method: 'decision' });
    expect(c.taxCode).toBeUndefined();
    expect(r.duplicateCodes).toEqual([
      { side: 'tax', code: '20101002', rows: [expect.any(Number), expect.any(Number)] },
    ]);
    expect(r.codeRepairs).toEqual([{ side: 'std', row: expect.any(Number), from: '1', to: '00001' }]);
    expect(r.taxUnused.map((t) => t.name)).toEqual(['Xã Thuận Ha']);
    expect(r.provinces[0]).toMatchObject({ rows: 3, decided: 2, notFound: 1, taxUnused: 1 });
  });
});

describe('catalogue', () => {
  it('has a text for every reason code and status in both languages', async () => {
    const { CATALOG } = await import('../../i18n/catalog.js');
    const codes = [
      'tcvn3_decoded',
      'vni_decoded',
      'nfc_normalised',
      'whitespace_normalised',
      'case_normalised',
      'tone_normalised',
      'punctuation_normalised',
      'prefix_expanded',
      'prefix_stripped',
      'unit_type_changed',
      'number_normalised',
      'spacing_normalised',
      'diacritics_folded',
      'iy_normalised',
      'district_disambiguated',
      'unit_type_preferred',
      'decided_by_officer',
      'no_tax_commune',
      'merged_into',
      'leading_zero_restored',
      'code_conflict',
      'duplicate_code',
      'decision_code_unknown',
    ].map((c) => `reason.${c}`);
    const statuses = ['exact', 'normalised', 'decided', 'ambiguous', 'not_found'].map((s) => `status.${s}`);
    for (const key of [...codes, ...statuses]) {
      expect(CATALOG.vi[key], key).toBeTruthy();
      expect(CATALOG.en[key], key).toBeTruthy();
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(CATALOG.vi[key])).toEqual(ph(CATALOG.en[key]));
      expect(CATALOG.vi[key]).toBe(CATALOG.vi[key].normalize('NFC'));
    }
  });
});
