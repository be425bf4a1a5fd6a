import { describe, expect, it } from 'vitest';
import { findCommunes } from './find-communes.js';
import type { RefUnit } from './reference-types.js';

const u = (
  provinceCode: string,
  districtCode: string,
  code: string,
  name: string,
  level: RefUnit['level'] = 'Xã',
): RefUnit => ({
  provinceCode,
  provinceName: provinceCode === '20' ? 'Tỉnh Lạng Sơn' : 'Thành phố Hồ Chí Minh',
  districtCode,
  districtName: `Huyện ${districtCode}`,
  code,
  name,
  level,
});

const UNITS: RefUnit[] = [
  u('20', '184', '06274', 'Xã Hòa Bình'),
  u('20', '181', '06103', 'Xã Hòa Bình'),
  u('20', '186', '06400', 'Xã Hòa Thắng'),
  u('79', '764', '26890', 'Phường 1', 'Phường'),
  u('79', '760', '26734', 'Phường Bến Nghé', 'Phường'),
  u('79', '783', '27496', 'Thị trấn Củ Chi', 'Thị trấn'),
  u('79', '785', '27595', 'Xã Hòa Bình'),
];

describe('findCommunes', () => {
  it('finds a name repeated in a province, in district order, best tier first', () => {
    const r = findCommunes(UNITS, 'Hoà Bình', { provinceCode: '20' });
    expect(r.candidates.map((c) => [c.unit.code, c.tier])).toEqual([
      ['06103', 'normalised'],
      ['06274', 'normalised'],
    ]);
    expect(r.total).toBe(2);
    expect(r.suggestions).toEqual([]);
  });

  it('ranks an exact full name before looser tiers and searches every province without a scope', () => {
    const r = findCommunes(UNITS, 'Xã Hòa Bình');
    expect(r.candidates.map((c) => c.tier)).toEqual(['exact', 'exact', 'exact']);
    expect(findCommunes(UNITS, 'hoa binh').candidates.map((c) => c.tier)).toEqual(['folded', 'folded', 'folded']);
  });

  it('reads numbered wards, abbreviations and NFD', () => {
    for (const q of ['phuong 1', 'P.01', 'Phường 01', 'P1'])
      expect(findCommunes(UNITS, q).candidates.map((c) => c.unit.code)).toEqual(['26890']);
    expect(findCommunes(UNITS, 'Bến Nghé'.normalize('NFD')).candidates.map((c) => c.unit.code)).toEqual(['26734']);
    expect(findCommunes(UNITS, 'TT Củ Chi').candidates.map((c) => c.unit.code)).toEqual(['27496']);
  });

  it('finds by code, with the leading zeros Excel dropped', () => {
    expect(findCommunes(UNITS, '6274').candidates).toEqual([
      expect.objectContaining({ tier: 'code', unit: expect.objectContaining({ code: '06274' }) }),
    ]);
  });

  it('marks a unit of another type than the query names, and puts it last', () => {
    const r = findCommunes(UNITS, 'Phường Hòa Bình', { provinceCode: '79' });
    expect(r.candidates).toEqual([
      expect.objectContaining({ levelDiffers: true, unit: expect.objectContaining({ code: '27595' }) }),
    ]);
  });

  it('limits the candidates but counts them all', () => {
    const r = findCommunes(UNITS, 'Hòa Bình', { limit: 1 });
    expect(r.candidates).toHaveLength(1);
    expect(r.total).toBe(3);
  });

  it('suggests the closest names within the scope when nothing matches', () => {
    const r = findCommunes(UNITS, 'Hòa Thắn', { provinceCode: '20' });
    expect(r.candidates).toEqual([]);
    expect(r.suggestions[0]).toMatchObject({ unit: { code: '06400' }, distance: 1 });
    expect(r.suggestions.every((s) => s.unit.provinceCode === '20')).toBe(true);
    expect(findCommunes(UNITS, 'Zzzzzzzzzzzzzzz').suggestions).toEqual([]);
  });
});
