import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni, foldDiacritics, foldIY, nameKeys } from '../text/text.js';
import { matchCommunes } from './communes.js';
import { FIXTURE_LISTS, readList } from '../../test-support/accuracy-lists.js';
import type { UnitRow } from './communes-types.js';

/** The communes of each 2025 province, from the official list (fixtures/lists). */
function provinces(): Map<string, { code: string; name: string }[]> {
  const out = new Map<string, { code: string; name: string }[]>();
  for (const r of readList(FIXTURE_LISTS, 'gso-units-2025.csv')) {
    const list = out.get(r.province_name) ?? [];
    list.push({ code: r.commune_code, name: r.commune_name });
    out.set(r.province_name, list);
  }
  return out;
}

const PROVINCES = [...provinces()];
const abbreviations: Record<string, string> = { 'Xã ': 'X. ', 'Phường ': 'P. ', 'Đặc khu ': 'Đặc khu ' };
function oldTone(s: string): string {
  return s.replace(/\p{L}+/gu, (w) => {
    // The old style puts the tone on the second vowel of oa, oe and uy only ("Hoà", "Thuỷ"); "Khủa" has no old form.
    const m =
      /^(.*?)(?:([oO])([\u0300\u0301\u0303\u0309\u0323])([aAeE])|([uU])([\u0300\u0301\u0303\u0309\u0323])([yY]))$/u.exec(
        w.normalize('NFD'),
      );
    if (!m || /[qQ]$/.test(m[1])) return w;
    if (m[5]) return (m[1] + m[5] + m[7] + m[6]).normalize('NFC');
    return (m[1] + m[2] + m[4] + m[3]).normalize('NFC');
  });
}
const VARIANTS: [string, (s: string) => string][] = [
  ['tcvn3', encodeTcvn3],
  ['vni', encodeVni],
  ['nfd', (s) => s.normalize('NFD')],
  ['no diacritics', foldDiacritics],
  ['old tone', oldTone],
  ['abbreviated prefix', (s) => s.replace(/^(Xã |Phường |Đặc khu )/, (p) => abbreviations[p])],
  ['extra spaces', (s) => ` ${s.replace(/ /g, '  ')}\u00a0`],
  ['upper case', (s) => s.toUpperCase()],
];

describe('matchCommunes properties', () => {
  it('a commune written in any variant form resolves to its own code when that form is unique in its block', () => {
    fc.assert(
      fc.property(
        fc.nat(PROVINCES.length - 1),
        fc.nat(10_000),
        fc.constantFrom(...VARIANTS),
        (p, pick, [label, make]) => {
          const [province, communes] = PROVINCES[p];
          const target = communes[pick % communes.length];
          const variant = make(target.name);
          // The guarantee holds when the variant's folded key meets only its own commune in the province.
          const folded = foldIY(foldDiacritics(nameKeys(variant, 'commune').folded));
          const rivals = communes.filter((c) => foldIY(foldDiacritics(nameKeys(c.name, 'commune').folded)) === folded);
          fc.pre(rivals.length === 1);
          const std: UnitRow[] = [{ rowNumber: 2, provinceName: province, code: target.code, name: variant }];
          const tax: UnitRow[] = communes.map((c, i) => ({
            rowNumber: i + 2,
            provinceName: province,
            code: c.code,
            name: c.name,
          }));
          const r = matchCommunes({ std, tax, codeSystems: { std: 'gso', tax: 'tms' } });
          expect(r.rows[0].taxCode, `${label}: "${variant}" for ${target.name}`).toBe(target.code);
          expect(['exact', 'normalised']).toContain(r.rows[0].status);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding noise never turns a right match into a different code', () => {
    fc.assert(
      fc.property(fc.nat(PROVINCES.length - 1), fc.nat(10_000), fc.constantFrom(...VARIANTS), (p, pick, [, make]) => {
        const [province, communes] = PROVINCES[p];
        const target = communes[pick % communes.length];
        const std: UnitRow[] = [{ rowNumber: 2, provinceName: province, code: target.code, name: make(target.name) }];
        const tax: UnitRow[] = communes.map((c, i) => ({
          rowNumber: i + 2,
          provinceName: province,
          code: c.code,
          name: c.name,
        }));
        const row = matchCommunes({ std, tax, codeSystems: { std: 'gso', tax: 'tms' } }).rows[0];
        if (row.taxCode !== undefined) expect(row.taxCode).toBe(target.code);
      }),
      { numRuns: 300 },
    );
  });
});
