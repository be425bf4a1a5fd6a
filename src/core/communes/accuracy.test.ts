/**
 * Accuracy against real lists committed in fixtures/lists (MIT; see fixtures/README.md). The same measurement
 * over the lists that may not be redistributed is `npm run accuracy` (docs/map-communes-accuracy.md).
 */
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_CASES,
  FIXTURE_LISTS,
  measureList,
  measureTaxList,
  readList,
  unitRows,
} from '../../test-support/accuracy-lists.js';
import { officialNamesFor } from '../../app/map-communes/reference-side.js';

describe('accuracy: a tax-authority-like list (real GSO 2025 names, synthetic codes) against GSO 2025', () => {
  it('fills 3,319 of 3,321 codes, every one of them right, and shows the right answer first for the other 2', async () => {
    const tax = readList(FIXTURE_LISTS, 'tax-synthetic-2025.csv');
    const expected = new Map(tax.map((r) => [r.gso_commune_code, r.commune_code]));
    const std = readList(FIXTURE_LISTS, 'gso-units-2025.csv');
    const f = measureTaxList(std, tax, expected, await officialNamesFor(unitRows(std)));
    expect(f.rows).toBe(3321);
    // Provinces are paired by name, cross-checked against the tax list's GSO province column.
    expect(f.provincesPaired).toBe(34);
    expect(f.provinceMismatches).toEqual([]);
    expect(f.wrong).toEqual([]);
    // The list plants the 28 spelling differences of the real tax list on the same communes (fixtures/README.md), so
    // these are the figures of the real list too (docs/map-communes-accuracy.md).
    expect(f.filled).toBe(3319);
    // "Xã Thuận Ha" for "Xã Thuận Hòa" is too far to fill without an officer; "Phường Đào Duy Tư" for "Phường Đào
    // Duy Từ" differs in marks, in a province without districts: both for review, the right row first.
    expect(f.unfilled).toEqual(['00922 Xã Thuận Hòa (not_found)', '16609 Phường Đào Duy Từ (not_found)']);
    expect([f.reviewRightFirst, f.reviewOther, f.notFound]).toEqual([2, 0, 0]);
    const variants = tax.filter((r) => r.variant !== '').length;
    expect(f.vlookupFilled).toBe(3321 - variants);
    expect(f.vlookupWrong).toBe(0);
  });
});

/** Filled right, filled wrong, to review with the right answer first, to review other, not found (as printed). */
const FIGURES: Record<string, [number, number, number, number, number]> = {
  // 861 communes of 2021 were merged or recoded by 2025. For review: 05851 "Xã Quân Chu", a thị trấn by 2025, with
  // its row first. Thừa Thiên Huế (renamed, code 46) and districts renamed under their code pair by code.
  'GSO ed. 01/11/2021': [9737, 0, 1, 0, 861],
  'GSO 2025 ed. 30/04/2026': [3321, 0, 0, 0, 0],
  'GSO 2025, CV 1027 transcription': [3321, 0, 0, 0, 0],
};

describe.each(FIXTURE_CASES)('accuracy: $label against $taxLabel', (c) => {
  it("fills no code that disagrees with the list, except where the list's code is not that commune's", () => {
    const f = measureList(FIXTURE_LISTS, c);
    // Thừa Thiên Huế became Thành phố Huế on 1 January 2025: the names do not meet, code 46 pairs them.
    expect(f.unpairedStd).toEqual([]);
    expect(f.unexplained).toEqual([]);
    expect([
      f.filled - f.unexplained.length,
      f.unexplained.length,
      f.reviewRightFirst,
      f.reviewOther,
      f.notFound,
    ]).toEqual(FIGURES[c.label]);
    // Names that differ from the official one only by NFC, spaces, case, tone placement, prefix or zeros.
    // Most communes are unchanged between these editions (the rest were merged, split or renamed).
    expect(f.pointFive).toBeGreaterThan(0.85 * f.rows);
    expect(f.pointFiveMissed).toEqual([]);
    expect(f.mergedFilled).toEqual([]);
    expect(f.filled).toBeGreaterThan(0.85 * f.rows);
  });
});
