import { describe, expect, it } from 'vitest';
import {
  decodeLegacy,
  encodeTcvn3,
  encodeVni,
  explainKeyMatch,
  firstMatchingTier,
  foldDiacritics,
  foldIY,
  nameKeys,
  normalisePunctuation,
  normaliseTonePlacement,
  normaliseWhitespace,
  parseUnitPrefix,
  restoreCodeZeros,
} from './text.js';

describe('legacy fonts', () => {
  it('decodes TCVN3 and VNI cells', () => {
    expect(decodeLegacy('Hµ Néi')).toEqual({ text: 'Hà Nội', encoding: 'tcvn3' });
    expect(decodeLegacy('Haø Noäi')).toEqual({ text: 'Hà Nội', encoding: 'vni' });
    expect(decodeLegacy('Ph\u00adêng Phóc X¸')).toEqual({ text: 'Phường Phúc Xá', encoding: 'tcvn3' });
    expect(decodeLegacy('Xaõ Baùc Aùi')).toEqual({ text: 'Xã Bác Ái', encoding: 'vni' });
  });
  it('leaves Unicode Vietnamese alone, even names made only of Latin-1 letters', () => {
    for (const s of ['Phường Hòa Bình', 'Xã Tân Hòa', 'Xã Cò Nòi', 'Thị trấn Ô Môn', 'Xã Ea Tíu', 'Hà Nội']) {
      expect(decodeLegacy(s)).toEqual({ text: s, encoding: null });
    }
  });
  it('round-trips through both encoders', () => {
    for (const s of ['Phường Nghĩa Đô', 'Huyện Quỳnh Lưu', 'Xã Ỵ Tý', 'Thị trấn Ẳng Nưa']) {
      expect(decodeLegacy(encodeVni(s)).text).toBe(s);
      expect(decodeLegacy(encodeTcvn3(s)).text.toLowerCase()).toBe(s.toLowerCase());
    }
  });
});

describe('normalisers', () => {
  it('normalises whitespace, invisible characters and punctuation', () => {
    expect(normaliseWhitespace(' Xã\u00a0Cò \t Nòi\u200b\n')).toBe('Xã Cò Nòi');
    expect(normalisePunctuation('Ea M’Droh')).toBe("Ea M'Droh");
    expect(normalisePunctuation('Chân Mây – Lăng Cô')).toBe('Chân Mây - Lăng Cô');
    expect(normalisePunctuation('Bà Rịa-Vũng Tàu')).toBe('Bà Rịa - Vũng Tàu');
  });
  it('moves the tone in open oa/oe/uy syllables only, never after q', () => {
    expect(normaliseTonePlacement('Hoà Bình Thuỷ Hoá khoẻ')).toBe('Hòa Bình Thủy Hóa khỏe');
    expect(normaliseTonePlacement('Quý Quỳnh Hoàng Thuyết')).toBe('Quý Quỳnh Hoàng Thuyết');
    expect(normaliseTonePlacement('HOÀ')).toBe('HÒA');
  });
  it('folds diacritics and i/y', () => {
    expect(foldDiacritics('Đắk Lắk Đường')).toBe('Dak Lak Duong');
    expect(foldIY('luc sy thanh')).toBe('luc si thanh');
    expect(foldIY('quy son')).toBe('qui son');
    expect(foldIY('thuy tay')).toBe('thuy tay');
  });
  it('splits prefixes and numbers', () => {
    expect(parseUnitPrefix('P.01', 'commune')).toMatchObject({ unitType: 'phuong', form: 'abbreviated', number: 1 });
    expect(parseUnitPrefix('F1', 'commune')).toMatchObject({ unitType: 'phuong', number: 1 });
    expect(parseUnitPrefix('TT. Xuân Mai', 'commune')).toMatchObject({ unitType: 'thi_tran', rest: 'Xuân Mai' });
    expect(parseUnitPrefix('Thi tran Xuan Mai', 'commune')).toMatchObject({ unitType: 'thi_tran', rest: 'Xuan Mai' });
    expect(parseUnitPrefix('Phương Liên', 'commune')).toMatchObject({ unitType: null, rest: 'Phương Liên' });
    expect(parseUnitPrefix('TP. Hồ Chí Minh', 'province')).toMatchObject({
      unitType: 'thanh_pho',
      rest: 'Hồ Chí Minh',
    });
    expect(parseUnitPrefix('Q.1', 'district')).toMatchObject({ unitType: 'quan', number: 1 });
  });
  it('restores GSO leading zeros but never pads TMS codes', () => {
    expect(restoreCodeZeros('1', 'commune', 'gso')).toEqual({ code: '00001', leadingZeroRestored: true });
    expect(restoreCodeZeros('2.0', 'province', 'gso')).toEqual({ code: '02', leadingZeroRestored: true });
    expect(restoreCodeZeros('00070', 'commune', 'gso')).toEqual({ code: '00070', leadingZeroRestored: false });
    expect(restoreCodeZeros('101', 'province', 'tms')).toEqual({ code: '101', leadingZeroRestored: false });
  });
});

describe('name keys and reasons', () => {
  const tier = (a: string, b: string) => firstMatchingTier(nameKeys(a, 'commune'), nameKeys(b, 'commune'));
  const why = (a: string, b: string) => {
    const ka = nameKeys(a, 'commune');
    const kb = nameKeys(b, 'commune');
    return explainKeyMatch(ka, kb, firstMatchingTier(ka, kb)!);
  };
  it('keeps the unit type of numbered units', () => {
    expect(tier('Phường 01', 'P.1')).toBe('normalised');
    expect(tier('Phường 1', 'F1')).toBe('normalised');
    expect(tier('Phường 1', 'Xã 1')).toBeNull();
    expect(nameKeys('Quận 1', 'district').normalised).toBe('quận 1');
  });
  it('puts each real variant at the expected tier', () => {
    expect(tier('Xã Lang Biang', 'Xã Langbiang')).toBe('compact');
    expect(tier('Xã Đinh Văn Lâm Hà', 'Xã Đinh Văn - Lâm Hà')).toBe('compact');
    expect(tier("Xã B'Lao", "Xã B' Lao")).toBe('compact');
    expect(tier('Xã Lục Sĩ Thành', 'Xã Lục Sỹ Thành')).toBe('folded');
    expect(tier('Xã Văn Lang', 'Xã Văn Lăng')).toBe('folded');
    expect(tier('Xã Thuận Hòa', 'Xã Thuận Ha')).toBeNull();
  });
  it('reports what differed between the two names, from both sides', () => {
    expect(why('Phường Hòa Bình', 'P. Hoà Bình')).toEqual(['tone_normalised', 'prefix_expanded']);
    expect(why('Phường Hoà Bình', 'Phường Hoà Bình ')).toEqual(['whitespace_normalised']);
    expect(why('Xã Hoà An', 'Hoà An')).toEqual(['prefix_stripped']);
    expect(why('Hµ Néi', 'Hà Nội')).toEqual(['tcvn3_decoded']);
    expect(why('Thị trấn Sa Pa', 'Phường Sa Pa')).toEqual(['unit_type_changed']);
    expect(why('Phường 01', 'Phường 1')).toEqual(['number_normalised']);
    expect(why('Xã Phúc Xá', 'Xã Phúc Xá'.normalize('NFD'))).toEqual(['nfc_normalised']);
  });
});
