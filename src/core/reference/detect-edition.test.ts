import { describe, expect, it } from 'vitest';
import { loadReferenceList } from '../../io/reference-data.js';
import { encodeTcvn3, foldDiacritics, nameKeys } from '../text/text.js';
import { buildEditionIndex, detectEdition, editionsMismatch, listNameKey } from './detect-edition.js';
import type { RefUnit } from './reference-types.js';

const lists = (['gso-2004', 'gso-2004-2021', 'gso-2025'] as const).map((e) => loadReferenceList(e));
const INDEXES = lists.map((l) => buildEditionIndex(l));
const [l04, l21, l25] = lists;
const of = (units: readonly RefUnit[], province: string) => units.filter((u) => u.provinceCode === province);
/** A tax sheet: the names only, with codes of another system. */
const taxLike = (units: readonly RefUnit[]) => units.map((u, i) => ({ code: `${21500000 + i}`, name: u.name }));

describe('detectEdition', () => {
  it('knows the 2004-coded list of Thái Nguyên by its codes, and the 2025 list of the new province by its names', () => {
    const old = detectEdition(of(l04.units, '19'), INDEXES);
    expect(old.kind).toBe('gso-2004');
    const neu = detectEdition(taxLike(of(l25.units, '19')), INDEXES);
    expect(neu).toEqual({ kind: 'gso-2025' });
    expect(editionsMismatch(old, neu)).toBe(true);
  });

  it('tells the 2021 edition from the 2025-03 one where communes were merged in between', () => {
    // Provinces with communes merged between 2021-11 and 2025-03 (Hà Giang, Cao Bằng and others).
    const changed = l21.provinces.find((p) => {
      const a = new Set(of(l21.units, p.code).map((u) => u.code));
      const b = new Set(of(l04.units, p.code).map((u) => u.code));
      return a.size !== b.size;
    })!;
    expect(detectEdition(of(l21.units, changed.code), INDEXES)).toEqual({ kind: 'gso-2004', dates: ['2021-11-01'] });
    expect(detectEdition(of(l04.units, changed.code), INDEXES)).toEqual({ kind: 'gso-2004', dates: ['2025-03-01'] });
  });

  it('reads names through noise (no diacritics, TCVN3) on a tax sheet', () => {
    const noisy = taxLike(of(l04.units, '19')).map((r, i) => ({
      ...r,
      name: i % 3 === 0 ? foldDiacritics(r.name) : i % 3 === 1 ? encodeTcvn3(r.name) : r.name,
    }));
    expect(detectEdition(noisy, INDEXES).kind).toBe('gso-2004');
  });

  it('calls a sheet that holds both lists mixed, and an unrelated list unknown', () => {
    // With GSO codes: a code with its name belongs to one edition. (By names alone a 2025 row that kept an old
    // commune's name cannot be told apart.)
    const mixed = [...of(l04.units, '19').slice(0, 60), ...of(l25.units, '19').slice(0, 60)];
    const r = detectEdition(mixed, INDEXES);
    expect(r.kind).toBe('mixed');
    expect(editionsMismatch(r, { kind: 'gso-2004', dates: [] })).toBe(true);
    const made = Array.from({ length: 20 }, (_, i) => ({ code: String(i), name: `Xã Không Có ${i} Thật` }));
    expect(detectEdition(made, INDEXES)).toEqual({ kind: 'unknown' });
    expect(editionsMismatch({ kind: 'unknown' }, { kind: 'gso-2025' })).toBe(false);
    expect(detectEdition([], INDEXES)).toEqual({ kind: 'unknown' });
  });

  it('finds the same edition on every 2025 province and every 2004 province of the shipped lists', () => {
    for (const p of l25.provinces)
      expect(detectEdition(taxLike(of(l25.units, p.code)), INDEXES).kind, p.name).toBe('gso-2025');
    for (const p of l04.provinces) expect(detectEdition(of(l04.units, p.code), INDEXES).kind, p.name).toBe('gso-2004');
    for (const p of l04.provinces)
      expect(detectEdition(taxLike(of(l04.units, p.code)), INDEXES).kind, p.name).toBe('gso-2004');
  });

  it('keys the shipped names exactly as the matcher folds them', () => {
    const differ = new Set<string>();
    for (const l of lists)
      for (const u of l.units) if (listNameKey(u.name) !== nameKeys(u.name, 'commune').folded) differ.add(u.name);
    expect([...differ]).toEqual([]);
  });
});
