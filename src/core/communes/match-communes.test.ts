import { describe, expect, it } from 'vitest';
import { matchCommunes, pairDistricts, pairProvinces } from './communes.js';
import { MATCH_STATUSES, REASON_CODES, reasonMessageKey, statusMessageKey, type UnitRow } from './communes-types.js';

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
  it('has a text for every reason code and status the engine can give, in both languages', async () => {
    const { CATALOG } = await import('../../i18n/catalog.js');
    const codes = REASON_CODES.map(reasonMessageKey);
    const statuses = MATCH_STATUSES.map(statusMessageKey);
    expect(codes.length).toBe(new Set(codes).size);
    for (const key of [...codes, ...statuses]) {
      expect(CATALOG.vi[key], key).toBeTruthy();
      expect(CATALOG.en[key], key).toBeTruthy();
      const ph = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(CATALOG.vi[key])).toEqual(ph(CATALOG.en[key]));
      expect(CATALOG.vi[key]).toBe(CATALOG.vi[key].normalize('NFC'));
    }
  });
});

describe('matchCommunes: diacritics, unit types and review candidates', () => {
  const P = 'Tỉnh Thái Nguyên';
  it('never fills across two marked names that differ in diacritics; lists the other as a similar spelling', () => {
    const r = matchCommunes({
      std: [row(P, undefined, '05431', 'Phường Quán Triều')],
      tax: [row(P, undefined, '21501006', 'Phường Quan Triều'), row(P, undefined, '21501007', 'Phường Gia Sàng')],
    });
    const x = r.rows[0];
    expect(x.taxCode).toBeUndefined();
    expect(x.status).toBe('not_found');
    expect(x.reasons.map((y) => y.code)).toEqual(['diacritics_differ']);
    expect(x.candidates[0]).toMatchObject({ code: '21501006', why: 'similar_spelling' });
  });

  it('still folds when one side has no diacritics, and joins i/y spellings of marked names', () => {
    const r = matchCommunes({
      std: [row(P, undefined, '05431', 'Phường Quán Triều'), row(P, undefined, '29857', 'Xã Lục Sĩ Thành')],
      tax: [row(P, undefined, '21501006', 'Phuong Quan Trieu'), row(P, undefined, '80911020', 'Xã Lục Sỹ Thành')],
    });
    expect(r.rows.map((x) => x.taxCode)).toEqual(['21501006', '80911020']);
    expect(r.rows[0].reasons.map((y) => y.code)).toContain('diacritics_folded');
  });

  it("fills a marked spelling difference that an official list gives the std row's own code, and says which list", () => {
    const std = [row('Tỉnh Tuyên Quang', undefined, '00745', 'Xã Phó Bảng')];
    const tax = [row('Tỉnh Tuyên Quang', undefined, '20103055', 'Xã Phố Bảng')];
    const official = [{ name: 'Xã Phố Bảng', list: 'gso-2025 (2025-07-01)' }];
    const linked = matchCommunes({ std, tax, officialNames: (c) => (c === '00745' ? official : undefined) });
    expect(linked.rows[0].taxCode).toBe('20103055');
    expect(linked.rows[0].reasons).toContainEqual({
      code: 'official_spelling',
      params: { code: '00745', name: 'Xã Phố Bảng', list: 'gso-2025 (2025-07-01)' },
    });
    // An official spelling of ANOTHER code, or none at all, leaves the two marked names apart.
    for (const officialNames of [(c: string) => (c === '00746' ? official : undefined), undefined]) {
      const apart = matchCommunes({ std, tax, officialNames });
      expect(apart.rows[0].taxCode).toBeUndefined();
      expect(apart.rows[0].candidates[0]).toMatchObject({ code: '20103055', why: 'similar_spelling' });
    }
    // An official spelling that is not the tax sheet's name links nothing.
    const other = matchCommunes({
      std,
      tax,
      officialNames: () => [{ name: 'Xã Phó Bang', list: 'gso-2004 (2021-11-01)' }],
    });
    expect(other.rows[0].taxCode).toBeUndefined();
  });

  it('fills a marked spelling difference when both sheets carry the same code of one code system', () => {
    const r = matchCommunes({
      std: [row(P, undefined, '00517', 'Xã Tầm Xá')],
      tax: [row(P, undefined, '00517', 'Xã Tàm Xá')],
      codeSystems: { std: 'gso', tax: 'gso' },
    });
    expect(r.rows[0].taxCode).toBe('00517');
    expect(r.rows[0].reasons.map((y) => y.code)).toContain('code_confirms');
  });

  it('lets the unit type decide between folded candidates that differ only in unit type', () => {
    const r = matchCommunes({
      std: [row(P, undefined, '28249', 'Phường Mỹ Tho')],
      tax: [row(P, undefined, '80101001', 'Phuong My Tho'), row(P, undefined, '80101002', 'Xa My Tho')],
    });
    expect(r.rows[0].taxCode).toBe('80101001');
    expect(r.rows[0].reasons.map((y) => y.code)).toContain('unit_type_preferred');
    // No unit type on the std side: the evidence does not decide.
    const none = matchCommunes({
      std: [row(P, undefined, '28249', 'Mỹ Tho')],
      tax: [row(P, undefined, '80101001', 'Phuong My Tho'), row(P, undefined, '80101002', 'Xa My Tho')],
    });
    expect(none.rows[0].taxCode).toBeUndefined();
    expect(none.rows[0].candidates.map((c) => c.code)).toEqual(['80101001', '80101002']);
  });

  it('finds "Thi tran Yen Vien" for Thị trấn Yên Viên past the Xã of the same name', () => {
    const D = 'Huyện Gia Lâm';
    const r = matchCommunes({
      std: [row('Hà Nội', D, '00526', 'Thị trấn Yên Viên'), row('Hà Nội', D, '00565', 'Xã Yên Viên')],
      tax: [row('Hà Nội', D, '1011801', 'Thi tran Yen Vien'), row('Hà Nội', D, '1011802', 'X. Yên Viên')],
    });
    expect(r.rows.map((x) => x.taxCode)).toEqual(['1011801', '1011802']);
    expect(r.rows[0].reasons.map((y) => y.code)).toContain('unit_type_preferred');
  });

  it('settles a repeated 2025 name by the old district of the merge table, never when it conflicts', () => {
    const std = [row(P, undefined, '06000', 'Xã Tân Thành'), row(P, undefined, '06001', 'Xã Tân Thành')];
    const tax = [
      row(P, 'Huyện Phú Bình', '21511001', 'Xã Tân Thành'),
      row(P, 'Huyện Định Hóa', '21503001', 'Xã Tân Thành'),
    ];
    const former: Record<string, string[]> = { '06000': ['Huyện Định Hóa'], '06001': ['Huyện Phú Bình'] };
    const r = matchCommunes({ std, tax, formerDistricts: (c) => former[c] });
    expect(r.rows.map((x) => x.taxCode)).toEqual(['21503001', '21511001']);
    expect(r.rows[0].reasons).toContainEqual({ code: 'former_district', params: { district: 'Huyện Định Hóa' } });
    // Both new communes came (in part) from Định Hóa: the evidence conflicts, nothing is filled.
    const both = matchCommunes({
      std,
      tax,
      formerDistricts: (c) => (c === '06000' ? ['Huyện Định Hóa'] : ['Huyện Định Hóa', 'Huyện Phú Bình']),
    });
    expect(both.rows.map((x) => x.taxCode)).toEqual([undefined, undefined]);
  });

  it('gives every ambiguous and not-found row a reason and ranked candidates with why', () => {
    const D = 'Huyện A';
    const r = matchCommunes({
      std: [row(P, D, '1', 'Xã Hòa Bình'), row(P, D, '2', 'Xã Hòa Bình'), row(P, D, '3', 'Xã Đại Thịnh')],
      tax: [row(P, 'Huyện A', '11', 'Xã Hòa Bình'), row(P, D, '12', 'Xã Đại Thịnh Mới'), row(P, D, '13', 'Xã Kim Lũ')],
    });
    for (const x of r.rows.filter((y) => y.status === 'ambiguous' || y.status === 'not_found')) {
      expect(x.reasons.length, x.stdName).toBeGreaterThan(0);
      expect(x.candidates.length, x.stdName).toBeGreaterThan(0);
      expect(x.candidates.every((c) => c.why !== undefined)).toBe(true);
    }
    const dai = r.rows[2];
    expect(dai.candidates[0]).toMatchObject({ code: '12', why: 'similar_spelling' });
    expect(dai.candidates.map((c) => [c.code, c.why])).toContainEqual(['13', 'unused_same_district']);
  });
});

describe('matchCommunes: evidence for names without diacritics and for typos', () => {
  const P = 'Tỉnh Quảng Nam';
  const D = 'Huyện Thăng Bình';
  const codes = (r: ReturnType<typeof matchCommunes>) => r.rows.map((x) => x.taxCode);

  it('a name typed without diacritics stands for every name it folds from: review with all of them', () => {
    // "Xa Tam Anh" may be Tam Anh or Tâm Anh; the sheet lacks one of them, and the letters do not say which.
    const std = [row(P, D, '20401', 'Xã Tam Anh'), row(P, D, '20402', 'Xã Tâm Anh')];
    const r = matchCommunes({ std, tax: [row(P, D, '501', 'Xa Tam Anh')] });
    expect(codes(r)).toEqual([undefined, undefined]);
    expect(r.rows[0].status).toBe('ambiguous');
    expect(r.rows[0].candidates.map((c) => c.code)).toEqual(['501']);
    expect(r.rows[0].reasons[0]).toEqual({
      code: 'unmarked_several',
      params: { name: 'Xa Tam Anh', names: 'Xã Tam Anh (20401), Xã Tâm Anh (20402)' },
    });
    // The other way round: a std sheet without diacritics against both names.
    const back = matchCommunes({
      std: [row(P, D, '20401', 'Xa Tam Anh')],
      tax: [row(P, D, '501', 'Xã Tam Anh'), row(P, D, '502', 'Xã Tâm Anh')],
    });
    expect(codes(back)).toEqual([undefined]);
    expect(back.rows[0].candidates.map((c) => c.code)).toEqual(['501', '502']);
    // Both names on both sheets: the marked one settles its own, the unaccented one is left a single choice.
    const full = matchCommunes({ std, tax: [row(P, D, '501', 'Xa Tam Anh'), row(P, D, '502', 'Xã Tâm Anh')] });
    expect(codes(full)).toEqual(['501', '502']);
    // A cell whose prefix carries marks was typed with diacritics: its name really has none.
    const typed = matchCommunes({ std, tax: [row(P, D, '501', 'Xã Tam Anh'), row(P, D, '503', 'Xã Bình Dương')] });
    expect(codes(typed)).toEqual(['501', undefined]);
    // Another district's Tâm Anh is another commune and no rival.
    const apart = matchCommunes({
      std: [row(P, D, '20401', 'Xã Tam Anh'), row(P, 'Huyện Núi Thành', '20402', 'Xã Tâm Anh')],
      tax: [row(P, D, '501', 'Xa Tam Anh'), row(P, 'Huyện Núi Thành', '601', 'Xa Tam Hai')],
    });
    expect(codes(apart)).toEqual(['501', undefined]);
  });

  it('fills a pair that differs only in marks when it is the only pair of its district that could be each other', () => {
    const std = [row(P, D, '20401', 'Phường Đào Duy Từ'), row(P, D, '20402', 'Xã Bình Minh')];
    const tax = [row(P, D, '501', 'Phường Đào Duy Tư'), row(P, D, '502', 'Xã Bình Minh')];
    const r = matchCommunes({ std, tax });
    expect(codes(r)).toEqual(['501', '502']);
    expect(r.rows[0].status).toBe('normalised');
    expect(r.rows[0].reasons).toContainEqual({
      code: 'sole_close_pair',
      params: { name: 'Phường Đào Duy Tư', district: D },
    });
    // Without districts a province is too wide: review, the other spelling first.
    const flat = (rows: UnitRow[]) => rows.map((x) => ({ ...x, districtName: undefined }));
    const wide = matchCommunes({ std: flat(std), tax: flat(tax) });
    expect(codes(wide)).toEqual([undefined, '502']);
    expect(wide.rows[0].candidates[0]).toMatchObject({ code: '501', why: 'similar_spelling' });
    // A tone neighbour on either side (a real "Đào Duy Tú" here) means two real names: never filled.
    for (const extra of [
      { std: [row(P, D, '20403', 'Phường Đào Duy Tú')], tax: [] },
      { std: [], tax: [row(P, D, '503', 'Phường Đào Duy Tú')] },
    ]) {
      const n = matchCommunes({ std: [...std, ...extra.std], tax: [...tax, ...extra.tax] });
      expect(n.rows[0].taxCode).toBeUndefined();
    }
    // Another unmatched name of the district spelt close to it: the officer chooses.
    const near = matchCommunes({ std, tax: [...tax, row(P, D, '504', 'Phường Đào Duy Anh')] });
    expect(near.rows[0].taxCode).toBeUndefined();
    // Two codes of one system that differ say these are two units.
    const coded = matchCommunes({ std, tax: tax.map((x, i) => ({ ...x, code: `2050${i}` })) });
    expect(coded.rows[0].taxCode).toBeUndefined();
  });

  it('an official spelling never overrides a contradicting code of the same system', () => {
    const std = [row('Tỉnh Tuyên Quang', undefined, '00745', 'Xã Phó Bảng')];
    const official = () => [{ name: 'Xã Phố Bảng', list: 'gso-2025 (2025-07-01)' }];
    const other = matchCommunes({
      std,
      tax: [row('Tỉnh Tuyên Quang', undefined, '00748', 'Xã Phố Bảng')],
      officialNames: official,
    });
    expect(other.rows[0].taxCode).toBeUndefined();
    const same = matchCommunes({
      std,
      tax: [row('Tỉnh Tuyên Quang', undefined, '00745', 'Xã Phố Bảng')],
      officialNames: official,
    });
    expect(same.rows[0].taxCode).toBe('00745');
  });
});

describe('pairing districts and provinces by evidence', () => {
  it('one district written two ways on one sheet is one district', () => {
    const P = 'Tỉnh Lào Cai';
    const std = [
      { ...row(P, 'Thị Xã Sa Pa', '03001', 'Phường Sa Pa'), districtCode: '088' },
      { ...row(P, 'Thị xã  Sa Pa', '03004', 'Xã Tả Phìn'), districtCode: '089' },
      { ...row(P, 'Huyện Bát Xát', '02680', 'Xã Tả Phìn'), districtCode: '082' },
    ];
    const tax = [
      { ...row(P, 'Thị xã Sa Pa', '1', 'Phường Sa Pa'), districtCode: '20509' },
      { ...row(P, 'Thị xã Sa Pa', '2', 'Xã Tả Phìn'), districtCode: '20509' },
      { ...row(P, 'Huyện Bát Xát', '3', 'Xã Tả Phìn'), districtCode: '20503' },
    ];
    const r = matchCommunes({ std, tax });
    expect(r.rows.map((x) => x.taxCode)).toEqual(['1', '2', '3']);
  });

  it('old districts of one name inside a new province are told apart by their old province', () => {
    const P = 'Thành phố Cần Thơ';
    const d = (name: string, code: string) => ({ districtName: name, districtCode: code });
    // The std sheet names the old districts with their old province's tax code prefix, as the tax list does.
    const std = [
      { ...row(P, undefined, '1', 'Xã Phú Tân'), ...d('Huyện Châu Thành', '81605') },
      { ...row(P, undefined, '2', 'Xã Phú Tân'), ...d('Huyện Châu Thành', '81915') },
      { ...row(P, undefined, '3', 'Phường 1'), ...d('Thành phố Vị Thanh', '81601') },
    ];
    const tax = [
      { ...row(P, undefined, '81605049', 'Xã Phú Tân'), ...d('Huyện Châu Thành', '81605') },
      { ...row(P, undefined, '81915078', 'Xã Phú Tân'), ...d('Huyện Châu Thành', '81915') },
      { ...row(P, undefined, '81601001', 'Phường 1'), ...d('Thành phố Vị Thanh', '81601') },
    ];
    expect(matchCommunes({ std, tax }).rows.map((x) => x.taxCode)).toEqual(['81605049', '81915078', '81601001']);
    // A std sheet of old GSO district codes: the old province whose other districts paired decides.
    const gso = [
      { ...row(P, undefined, '31471', 'Xã Phú Tân'), ...d('Huyện Châu Thành', '936') },
      { ...row(P, undefined, '31300', 'Phường 1'), ...d('Thành phố Vị Thanh', '930') },
    ];
    expect(pairDistricts(gso, tax).map((x) => [x.std.code, x.tax.code])).toEqual([
      ['930', '81601'],
      ['936', '81605'],
    ]);
    // No other district paired to tell the old province: none is chosen.
    expect(pairDistricts(gso.slice(0, 1), tax)).toEqual([]);
  });

  it('pairs a province renamed between editions by its code when the sheets share one code system', () => {
    const std = [
      { ...row('Tỉnh Thừa Thiên Huế', undefined, '19750', 'Phường Tây Lộc'), provinceCode: '46' },
      { ...row('Thành phố Hà Nội', undefined, '00001', 'Phường Phúc Xá'), provinceCode: '01' },
    ];
    const tax = [
      { ...row('Thành phố Huế', undefined, '19750', 'Phường Tây Lộc'), provinceCode: '46' },
      { ...row('Thành phố Hà Nội', undefined, '00001', 'Phường Phúc Xá'), provinceCode: '01' },
    ];
    const p = pairProvinces(std, tax);
    expect(p.unpairedStd).toEqual([]);
    expect(p.pairs.find((x) => x.method === 'same_code')).toMatchObject({
      std: { name: 'Tỉnh Thừa Thiên Huế' },
      tax: { name: 'Thành phố Huế' },
      reasons: [{ code: 'same_province_code', params: { code: '46' } }],
    });
    expect(matchCommunes({ std, tax }).rows.map((x) => x.taxCode)).toEqual(['19750', '00001']);
    // A district renamed under its code (Huyện Tĩnh Gia → Thị xã Nghi Sơn, 407) pairs by it the same way.
    const T = 'Tỉnh Thanh Hóa';
    const d = (district: string, code: string, c: string, name: string) => ({
      ...row(T, district, c, name),
      districtCode: code,
    });
    const dStd = [
      d('Huyện Tĩnh Gia', '407', '16600', 'Xã Định Hải'),
      d('Huyện Nga Sơn', '399', '15475', 'Xã Định Hải'),
    ];
    const dTax = [
      d('Thị xã Nghi Sơn', '407', '16600', 'Xã Định Hải'),
      d('Huyện Nga Sơn', '399', '15475', 'Xã Định Hải'),
    ];
    expect(matchCommunes({ std: dStd, tax: dTax }).rows.map((x) => x.taxCode)).toEqual(['16600', '15475']);
    // Codes of another system (the tax authority's 101 for Hà Nội): a code says nothing about the renamed one.
    const tms = tax.map((x) => ({ ...x, provinceCode: x.provinceCode === '01' ? '101' : '46' }));
    expect(pairProvinces(std, tms).unpairedStd.map((x) => x.name)).toEqual(['Tỉnh Thừa Thiên Huế']);
  });
});
