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

/** The rows of a list in fixtures/lists, as both sheets would carry them (districts where the list has them). */
function listRows(file: string): UnitRow[] {
  return readList(FIXTURE_LISTS, file).map((r, i) => ({
    rowNumber: i + 2,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    ...(r.district_name ? { districtCode: r.district_code, districtName: r.district_name } : {}),
    code: r.commune_code,
    name: r.commune_name,
  }));
}

/**
 * Communes of one district (or province, in a list without districts) whose names are the same letters with other
 * diacritics ("Phường Sa Pa" / "Phường Sa Pả", "Xã Thanh An" / "Xã Thạnh An"), with the other rows of their provinces.
 */
function foldGroups(file: string): { rows: UnitRow[]; groups: UnitRow[][] } {
  const all = listRows(file);
  const byKey = new Map<string, UnitRow[]>();
  for (const r of all) {
    const k = nameKeys(r.name, 'commune');
    const key = `${r.provinceName}|${r.districtName ?? ''}|${k.folded}|${k.unitType ?? ''}`;
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const groups = [...byKey.values()].filter((g) => g.length > 1);
  const provinces = new Set(groups.map((g) => g[0].provinceName));
  return { rows: all.filter((r) => provinces.has(r.provinceName)), groups };
}

const plain = (r: UnitRow): UnitRow => ({ ...r, name: foldDiacritics(r.name) });
/** Tax codes of another system, so that only names (never a shared code) can join two rows. */
const taxSide = (rows: readonly UnitRow[]) => rows.map((r) => ({ ...r, code: `9${r.code}` }));

describe('matchCommunes on real lists: evidence, not luck', () => {
  const LISTS = ['gso-units-2004.csv', 'gso-units-2025.csv'].map((file) => ({ file, ...foldGroups(file) }));

  it('finds communes whose names differ only in marks, one of them with none (Sa Pa / Sa Pả, Thanh An / Thạnh An)', () => {
    const names = LISTS.flatMap((l) => l.groups.map((g) => g.map((r) => r.name).join(' / ')));
    expect(names).toContain('Phường Sa Pa / Phường Sa Pả');
    expect(names).toContain('Xã Thanh An / Xã Thạnh An');
  });

  it('a sheet typed without diacritics, one member of each such pair missing: nothing is filled for the missing one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LISTS),
        fc.constantFrom('std' as const, 'tax' as const),
        fc.array(fc.nat(5), { minLength: 40, maxLength: 40 }),
        ({ rows, groups }, folded, picks) => {
          const removed = new Set(groups.map((g, i) => g[picks[i % picks.length] % g.length]));
          const kept = rows.filter((r) => !removed.has(r));
          // The sheet typed without diacritics lacks the removed rows; the other sheet is the whole list.
          const std = folded === 'std' ? kept.map(plain) : rows;
          const tax = taxSide(folded === 'tax' ? kept.map(plain) : rows);
          const result = matchCommunes({ std, tax, codeSystems: { std: 'gso', tax: 'tms' } });
          const removedCodes = new Set([...removed].map((r) => r.code));
          for (const row of result.rows) {
            if (row.taxCode === undefined) continue;
            expect(row.taxCode, `${row.stdCode} ${row.stdName} → ${row.taxName}`).toBe(`9${row.stdCode}`);
            expect(removedCodes.has(row.stdCode)).toBe(false);
          }
          // Every removed one's partner is shown for review with the removed one's letters, never filled.
          for (const g of groups) {
            const left = g.filter((r) => !removed.has(r));
            for (const r of left) {
              const out = result.rows.find((x) => x.stdCode === r.code);
              if (out) expect(out.taxCode).toBeUndefined();
            }
          }
        },
      ),
      { numRuns: 8 },
    );
  });

  it('tax rows left out at random: nothing is filled for them, nothing is filled wrong', () => {
    const { rows } = LISTS[0];
    fc.assert(
      fc.property(fc.array(fc.nat(rows.length - 1), { minLength: 1, maxLength: 200 }), (gone) => {
        const missing = new Set(gone.map((i) => rows[i].code));
        const result = matchCommunes({
          std: rows,
          tax: taxSide(rows.filter((r) => !missing.has(r.code))),
          codeSystems: { std: 'gso', tax: 'tms' },
        });
        for (const row of result.rows) {
          if (row.taxCode === undefined) continue;
          expect(missing.has(row.stdCode), `${row.stdCode} ${row.stdName} → ${row.taxName}`).toBe(false);
          expect(row.taxCode).toBe(`9${row.stdCode}`);
        }
      }),
      { numRuns: 8 },
    );
  });
});
