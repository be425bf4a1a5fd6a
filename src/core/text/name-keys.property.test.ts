import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeLegacy,
  encodeTcvn3,
  encodeVni,
  firstMatchingTier,
  foldDiacritics,
  foldIY,
  nameKeys,
  normaliseTonePlacement,
} from './text.js';
import { FIXTURE_LISTS, readList } from '../../test-support/accuracy-lists.js';

/** Every name of a list in fixtures/lists (the columns ending in `_name`). */
function names(file: string): string[] {
  return readList(FIXTURE_LISTS, file).flatMap((r) =>
    Object.entries(r)
      .filter(([k, v]) => (k.endsWith('_name') || k === 'commune_name_alt_release') && v !== '')
      .map(([, v]) => v),
  );
}

const syllables = [
  ...new Set(
    [...names('gso-units-2025.csv'), ...names('gso-units-2004.csv')]
      .map((n) => n.normalize('NFC'))
      .flatMap((n) => n.split(/[\s\-']+/))
      // A word that is itself a unit word, with or without diacritics ("Xa" reads as "Xã" in a name written
      // without diacritics), makes "no prefix" forms ambiguous by nature: such names are left out here.
      .filter(
        (w) =>
          /^\p{L}+$/u.test(w) &&
          !/^(xa|phuong|thi|tran|dac|khu|quan|huyen|tinh|p|x|f|tt|tx|tp|q|h)$/iu.test(foldDiacritics(w)),
      ),
  ),
];

const prefixes = ['Xã', 'Phường', 'Thị trấn'];
const abbreviations: Record<string, string[]> = {
  Xã: ['X.', 'x. ', 'xã '],
  Phường: ['P.', 'P ', 'Ph.', 'F.'],
  'Thị trấn': ['TT ', 'T.T.', 'TT.', 'Thị Trấn '],
};
const name = fc.record({
  prefix: fc.constantFrom(...prefixes),
  words: fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 3 }),
});
const full = ({ prefix, words }: { prefix: string; words: string[] }) => `${prefix} ${words.join(' ')}`;

function meets(a: string, b: string): boolean {
  return firstMatchingTier(nameKeys(a, 'commune'), nameKeys(b, 'commune')) !== null;
}

/** Old tone placement: the inverse of normaliseTonePlacement for open oa/oe/uy syllables. */
function oldTone(s: string): string {
  return s.replace(/\p{L}+/gu, (w) => {
    const nfd = w.normalize('NFD');
    const m = /^(.*?)([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])$/u.exec(nfd);
    if (!m || /[qQ]$/.test(m[1])) return w;
    return (m[1] + m[2] + m[4] + m[3]).normalize('NFC');
  });
}

describe('text normaliser properties', () => {
  it('folding is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom(...syllables)), (s) => {
        const once = foldIY(foldDiacritics(s));
        expect(foldIY(foldDiacritics(once))).toBe(once);
        const k = nameKeys(s, 'commune');
        expect(foldIY(foldDiacritics(k.folded))).toBe(k.folded);
      }),
    );
  });

  it('every variant of a real name meets the original at some tier', () => {
    const variants: [string, (s: string, p: { prefix: string; words: string[] }) => string][] = [
      ['tcvn3', (s) => encodeTcvn3(s)],
      ['vni', (s) => encodeVni(s)],
      ['nfd', (s) => s.normalize('NFD')],
      ['no diacritics', (s) => foldDiacritics(s)],
      ['old tone', (s) => oldTone(s)],
      ['lower case', (s) => s.toLowerCase()],
      ['extra spaces', (s) => `  ${s.replace(/ /g, '\u00a0 ')}\t`],
      [
        'abbreviated prefix',
        (_s, p) => `${abbreviations[p.prefix][p.words.length % abbreviations[p.prefix].length]}${p.words.join(' ')}`,
      ],
      ['no prefix', (_s, p) => p.words.join(' ')],
    ];
    fc.assert(
      fc.property(name, fc.constantFrom(...variants), (p, [label, make]) => {
        const original = full(p);
        const variant = make(original, p);
        expect(meets(original, variant), `${label}: ${original} / ${variant}`).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('tone placement is idempotent and only moves tones', () => {
    fc.assert(
      fc.property(name, (p) => {
        const s = normaliseTonePlacement(oldTone(full(p)));
        expect(normaliseTonePlacement(s)).toBe(s);
        expect(foldDiacritics(s)).toBe(foldDiacritics(full(p)));
      }),
    );
  });

  it('never decodes a real Unicode name in any list of fixtures/lists', () => {
    const files = readdirSync(FIXTURE_LISTS).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(7);
    let checked = 0;
    const decoded: string[] = [];
    for (const file of files) {
      for (const n of names(file)) {
        checked++;
        if (decodeLegacy(n).encoding !== null) decoded.push(`${file}: ${n}`);
      }
    }
    expect(checked).toBeGreaterThan(50_000);
    expect(decoded).toEqual([]);
  });
});
