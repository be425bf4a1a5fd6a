/**
 * The fast computation of name keys (one pass where the stages would change nothing, one fold for two uses, a table
 * for folding) against the definitions it replaces: the keys computed stage by stage (`computeNameKeys` with an
 * empty set of stages switched off) and diacritic folding code point by code point through NFD. Checked on every
 * name of the lists in fixtures/lists, on the same names as a tax office types them, and on random text.
 */
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeNameKeys } from './name-keys.js';
import { encodeTcvn3, encodeVni, foldDiacritics, foldIY, type NameKind } from './text.js';
import { FIXTURE_LISTS, readList } from '../../test-support/accuracy-lists.js';

/** Diacritic folding as first written: each code point through NFD, combining marks dropped, đ → d. */
function referenceFold(s: string): string {
  let out = '';
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x80) out += ch;
    else out += ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return out;
}

/** The y→i unification as first written (without the shortcut for a text with no y). */
function referenceFoldIY(s: string): string {
  return s.replace(/(^|[^a-z])([a-z]*)y(?![a-z])/gi, (whole, lead: string, onset: string) =>
    onset === '' || /qu$/i.test(onset) || !/[aeiou]$/i.test(onset) ? `${lead}${onset}i` : whole,
  );
}

const KINDS: readonly NameKind[] = ['commune', 'district', 'province'];
const NOTHING_OFF: ReadonlySet<never> = new Set();

function expectSameKeys(raw: string): void {
  for (const kind of KINDS) {
    expect(computeNameKeys(raw, kind), `${kind}: ${JSON.stringify(raw)}`).toEqual(
      computeNameKeys(raw, kind, NOTHING_OFF),
    );
  }
}

/** Every distinct name of every list in fixtures/lists (the columns ending in `_name`). */
const listNames = [
  ...new Set(
    readdirSync(FIXTURE_LISTS)
      .filter((f) => f.endsWith('.csv'))
      .flatMap((file) =>
        readList(FIXTURE_LISTS, file).flatMap((r) =>
          Object.entries(r)
            .filter(([k, v]) => k.endsWith('_name') && v !== '')
            .map(([, v]) => v),
        ),
      ),
  ),
];

/** How names reach a tax sheet: legacy fonts, NFD, no marks, odd case and spacing, dashes and apostrophes. */
const TYPED: readonly ((s: string) => string)[] = [
  encodeTcvn3,
  encodeVni,
  (s) => s.normalize('NFD'),
  foldDiacritics,
  (s) => s.toUpperCase(),
  (s) => ` ${s.replace(/ /g, '  ')}\u00a0`,
  (s) => s.replace(/ /g, '\t'),
  (s) => s.replace(/^(Phường|Xã|Thị trấn|Quận|Huyện|Thị xã|Thành phố|Tỉnh) /, (p) => `${p[0]}. `),
  (s) => s.replace(/ /, ' - '),
  (s) => s.replace(/ /, '\u2013'),
  (s) => s.replace(/ /g, "'"),
  (s) => s.replace(/ /, '\u2019'),
  (s) => `${s}\u200b`,
  (s) => s.replace(/\d+$/, (d) => `0${d}`),
];

/** Letters and marks of Vietnamese names, and the characters the whitespace and punctuation stages act on. */
const ALPHABET = [
  ..."aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊIOÔƠUƯY0123456789 .,-'",
  ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
  ...'\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b',
  ...'\u00a0\u00ad\u00b4\u02bc\u2009\u200b\u2013\u2019\u2212\u3000\ufeff\t\n',
  ...'¸µ¶·¹¨»¾¼½Æ¬ÇÊ¤',
];

describe('fast name keys', () => {
  it('fold every character as NFD does, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 24 }), (codes) => {
        const s = String.fromCharCode(...codes);
        expect(foldDiacritics(s)).toBe(referenceFold(s));
        expect(foldIY(s)).toBe(referenceFoldIY(s));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 24 }), (s) => {
        expect(foldDiacritics(s)).toBe(referenceFold(s));
      }),
      { numRuns: 2000 },
    );
    const long = listNames.join(' ');
    expect(long.length).toBeGreaterThan(4096);
    expect(foldDiacritics(long)).toBe(referenceFold(long));
  });

  it('are the staged keys of every name in fixtures/lists, as written and as a tax office types it', () => {
    // The distinct names of the eight lists (a list that failed to load would shrink this).
    expect(listNames.length).toBe(10_203);
    for (const n of listNames) {
      expect(foldDiacritics(n)).toBe(referenceFold(n));
      expectSameKeys(n);
    }
    for (const n of listNames.filter((_, i) => i % 7 === 0)) for (const typed of TYPED) expectSameKeys(typed(n));
  });

  it('are the staged keys of a name holding any one UTF-16 code unit, alone or beside a space', () => {
    // Each stage the fast path skips acts character by character: this covers every character it may skip over.
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const raw of [`Xã A${ch}b`, `Phường ${ch} 1`]) {
        const kind = c % 3 === 0 ? 'commune' : c % 3 === 1 ? 'district' : 'province';
        const fast = computeNameKeys(raw, kind);
        const staged = computeNameKeys(raw, kind, NOTHING_OFF);
        if (fast.normalised !== staged.normalised || fast.steps.normalised.join() !== staged.steps.normalised.join())
          expect(fast, JSON.stringify(raw)).toEqual(staged);
      }
    }
  });

  it('are the staged keys of random text made of Vietnamese letters, marks, spaces and punctuation', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...ALPHABET), { maxLength: 20 }), (chars) => expectSameKeys(chars.join(''))),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 16 }), (s) => expectSameKeys(s)),
      { numRuns: 2000 },
    );
  });
});
