import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { parseEdition } from '../../core/reference/reference.js';
import { communesFind } from './communes-find.js';

describe('parseEdition', () => {
  it('takes the short and the full names of the editions', () => {
    expect(parseEdition('2025')).toBe('gso-2025');
    expect(parseEdition('GSO-2004')).toBe('gso-2004');
    expect(parseEdition('2004-2021')).toBe('gso-2004-2021');
    expect(parseEdition('gso 2004')).toBe('gso-2004');
    expect(() => parseEdition('2019')).toThrow(
      expect.objectContaining({ key: 'reference.badEdition', exitCode: ExitCode.Usage }),
    );
  });
});

describe('communesFind', () => {
  it('finds a 2025 commune by TMS province code and a name typed without diacritics', () => {
    const r = communesFind({ query: 'ba che', province: '225' });
    expect(r).toMatchObject({
      ok: true,
      edition: 'gso-2025',
      effective: '2025-07-01',
      total: 1,
      province: { code: '22', tmsCode: '225', matchedBy: 'tms_code' },
    });
    expect(r.candidates[0]).toMatchObject({ code: '06970', name: 'Xã Ba Chẽ', tier: 'folded', levelDiffers: false });
    expect(r.candidates[0]).not.toHaveProperty('mergedInto');
    expect(r.before2025).toEqual([]);
  });

  it('tells apart the same name in three districts of the 2021 edition, with where each went', () => {
    const r = communesFind({ query: 'Phường Quang Trung', province: 'Hà Nội', edition: '2004-2021' });
    expect(
      r.candidates.map((c) => `${c.districtName} ${c.code} ${c.tier}${c.levelDiffers ? ' other-type' : ''}`),
    ).toEqual([
      'Quận Đống Đa 00214 exact',
      'Quận Hà Đông 09550 exact',
      'Thị xã Sơn Tây 09583 exact',
      'Huyện Phú Xuyên 10306 normalised other-type',
    ]);
    // The merge table is keyed on the codes of 01/03/2025: a code retired between 2021 and 2025 has no hint.
    expect(r.candidates.map((c) => (c.mergedInto ?? []).length > 0)).toEqual([true, false, false, false]);
  });

  it('refuses a bad limit or an empty name as usage errors', () => {
    expect(() => communesFind({ query: 'Hòa Bình', limit: 0 })).toThrow(
      expect.objectContaining({ key: 'communes.badLimit', exitCode: ExitCode.Usage }),
    );
    expect(() => communesFind({ query: 'Hòa Bình', limit: 2.5 })).toThrow(
      expect.objectContaining({ key: 'communes.badLimit' }),
    );
    expect(() => communesFind({ query: '  ' })).toThrow(expect.objectContaining({ key: 'communes.emptyQuery' }));
  });
});

describe('communesFind: names gone in 2025', () => {
  it('finds a commune merged in 2025 in the list before, with the commune it went into', () => {
    const r = communesFind({ query: 'Đại Thịnh', province: '01' });
    expect(r.total).toBe(0);
    expect(r.before2025.length).toBeGreaterThan(0);
    expect(r.before2025[0]).toMatchObject({ code: '08974', name: 'Xã Đại Thịnh' });
    expect(r.before2025[0].mergedInto?.length).toBeGreaterThan(0);
  });

  it('refuses an empty query', () => {
    expect(() => communesFind({ query: '  ' })).toThrow(expect.objectContaining({ key: 'communes.emptyQuery' }));
  });
});
