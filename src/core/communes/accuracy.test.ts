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
  it('fills at least 3,315 of 3,321 codes, every one of them right, where VLOOKUP fills only the exact names', async () => {
    const tax = readList(FIXTURE_LISTS, 'tax-synthetic-2025.csv');
    const expected = new Map(tax.map((r) => [r.gso_commune_code, r.commune_code]));
    const std = readList(FIXTURE_LISTS, 'gso-units-2025.csv');
    const f = measureTaxList(std, tax, expected, await officialNamesFor(unitRows(std)));
    expect(f.rows).toBe(3321);
    // Provinces are paired by name, cross-checked against the tax list's GSO province column.
    expect(f.provincesPaired).toBe(34);
    expect(f.provinceMismatches).toEqual([]);
    expect(f.wrong).toEqual([]);
    expect(f.filled).toBeGreaterThanOrEqual(3315);
    // "Xã Thuận Ha" for "Xã Thuận Hòa" is too far to fill without an officer.
    expect(f.unfilled).toContain('00922 Xã Thuận Hòa (not_found)');
    const variants = tax.filter((r) => r.variant !== '').length;
    expect(f.vlookupFilled).toBe(3321 - variants);
    expect(f.vlookupWrong).toBe(0);
  });
});

describe.each(FIXTURE_CASES)('accuracy: $label against $taxLabel', (c) => {
  it("fills no code that disagrees with the list, except where the list's code is not that commune's", () => {
    const f = measureList(FIXTURE_LISTS, c);
    // Thừa Thiên Huế became Thành phố Huế on 1 January 2025: the names do not meet, the officer pairs them.
    expect(f.unpairedStd).toEqual(c.std.includes('ed2021') ? ['Tỉnh Thừa Thiên Huế'] : []);
    expect(f.unexplained).toEqual([]);
    // Names that differ from the official one only by NFC, spaces, case, tone placement, prefix or zeros.
    // Most communes are unchanged between these editions (the rest were merged, split or renamed).
    expect(f.pointFive).toBeGreaterThan(0.85 * f.rows);
    expect(f.pointFiveMissed).toEqual([]);
    expect(f.mergedFilled).toEqual([]);
    expect(f.filled).toBeGreaterThan(0.85 * f.rows);
  });
});
