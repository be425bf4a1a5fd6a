/**
 * Point of principle: two real names that differ only in diacritics ("Quán Triều", "Quan Triều") are two
 * communes. Whatever form one of them is typed in, the folded tier never fills it with the other's code.
 * The names come from the lists shipped in data/ (GSO 2004 editions 2021-11-01 and 2025-03-01, GSO 2025).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadReferenceList } from '../../io/reference-data.js';
import { encodeTcvn3, encodeVni, nameKeys } from '../text/text.js';
import { matchCommunes } from './communes.js';
import type { UnitRow } from './communes-types.js';

interface Named {
  code: string;
  name: string;
  province: string;
}

/** Every pair of distinct communes with marked names whose folded keys are equal and whose spellings still differ. */
function diacriticPairs(): [Named, Named][] {
  const byFolded = new Map<string, Named[]>();
  for (const edition of ['gso-2004', 'gso-2004-2021', 'gso-2025'] as const) {
    for (const u of loadReferenceList(edition).units) {
      const k = nameKeys(u.name, 'commune');
      if (!k.marked) continue;
      const list = byFolded.get(k.folded) ?? [];
      if (!list.some((x) => x.name === u.name)) list.push({ code: u.code, name: u.name, province: u.provinceName });
      byFolded.set(k.folded, list);
    }
  }
  const pairs: [Named, Named][] = [];
  for (const list of byFolded.values()) {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = nameKeys(list[i].name, 'commune');
        const b = nameKeys(list[j].name, 'commune');
        // One code under two spellings is one commune renamed between editions ("Đăk Môn" → "Đắk Môn").
        if (a.spelled !== b.spelled && a.unitType === b.unitType && list[i].code !== list[j].code)
          pairs.push([list[i], list[j]]);
      }
  }
  return pairs;
}

const PAIRS = diacriticPairs();
const FORMS: [string, (s: string) => string][] = [
  ['as is', (s) => s],
  ['nfd', (s) => s.normalize('NFD')],
  ['upper case', (s) => s.toUpperCase()],
  ['tcvn3', encodeTcvn3],
  ['vni', encodeVni],
  ['extra spaces', (s) => ` ${s.replace(/ /g, '  ')} `],
  ['abbreviated prefix', (s) => s.replace(/^Xã /, 'X. ').replace(/^Phường /, 'P. ')],
  ['old tone', (s) => s.replace(/òa/g, 'oà').replace(/óa/g, 'oá').replace(/ủy/g, 'uỷ')],
];

describe('folding never joins two marked names', () => {
  it('finds real pairs to test (e.g. Quán Triều / Quan Triều)', () => {
    expect(PAIRS.length).toBeGreaterThan(100);
    expect(PAIRS.some(([a, b]) => [a.name, b.name].sort().join('|') === 'Phường Quan Triều|Phường Quán Triều')).toBe(
      true,
    );
  });

  it('for two real names that differ only in diacritics, neither is filled with the other’s code', () => {
    fc.assert(
      fc.property(
        fc.nat(PAIRS.length - 1),
        fc.boolean(),
        fc.constantFrom(...FORMS),
        fc.constantFrom('gso' as const, 'tms' as const),
        fc.boolean(),
        (i, swap, [label, form], taxSystem, withDistrict) => {
          const [a, b] = swap ? [PAIRS[i][1], PAIRS[i][0]] : PAIRS[i];
          const place = { provinceName: 'Tỉnh Thử', ...(withDistrict ? { districtName: 'Huyện Một' } : {}) };
          const taxCode = taxSystem === 'gso' ? b.code : `9${b.code}`;
          // Inside a district, a lone pair that differs only in marks is a typo (sole_close_pair); two real names are
          // two communes when the other name is a commune of the std list too.
          const std: UnitRow[] = [
            { rowNumber: 2, ...place, code: a.code, name: form(a.name) },
            ...(withDistrict ? [{ rowNumber: 3, ...place, code: b.code, name: b.name }] : []),
          ];
          const tax: UnitRow[] = [{ rowNumber: 2, ...place, code: taxCode, name: b.name }];
          const row = matchCommunes({ std, tax, codeSystems: { std: 'gso', tax: taxSystem } }).rows[0];
          expect(row.taxCode, `${label}: "${a.name}" filled with "${b.name}"`).toBeUndefined();
          // The other name is still shown to the officer, as a similar spelling.
          expect(row.candidates.map((c) => c.code)).toContain(taxCode);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a name written without diacritics is still filled by the folded tier', () => {
    fc.assert(
      fc.property(fc.nat(PAIRS.length - 1), (i) => {
        const [a] = PAIRS[i];
        const plain = a.name
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .replace(/đ/g, 'd')
          .replace(/Đ/g, 'D');
        const std: UnitRow[] = [{ rowNumber: 2, provinceName: 'P', code: '00001', name: plain }];
        const tax: UnitRow[] = [{ rowNumber: 2, provinceName: 'P', code: '101', name: a.name }];
        const row = matchCommunes({ std, tax }).rows[0];
        expect(row.taxCode).toBe('101');
        expect(row.reasons.map((r) => r.code)).toContain('diacritics_folded');
      }),
      { numRuns: 100 },
    );
  });
});
