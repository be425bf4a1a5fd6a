import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  hideNamedNumbers,
  makeRedactor,
  maskEmails,
  maskKnownPhones,
  maskNameNumbers,
  maskNames,
  redactPersonalNumbers,
} from './personal-data.js';
import * as oracle from '../../test-support/masker-oracle.js';

/**
 * The masker scans character codes instead of running one regular expression per kind with a callback per match;
 * it must mask exactly what the regular expressions did. The oracle is the previous masker, kept verbatim.
 */

const digit = fc.constantFrom(...'0123456789');
const digits = (min: number, max: number) => fc.array(digit, { minLength: min, maxLength: max }).map((d) => d.join(''));
/** Mostly the separators a phone may hold; now and then one only a known phone may hold, or none may. */
const sep = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('', '', '', ' ', '.', '-') },
  { weight: 1, arbitrary: fc.constantFrom('(', ')', '\u00a0', '\t', '\n', '\r', '\v', '\f', '\u3000', '\u2028', '/') },
);

/** A phone as people write it: a prefix, a leading digit, eight more digits, separators here and there. */
const phone = fc
  .tuple(
    fc.constantFrom('0', '84', '+84', '+8', '8', '00', '+084'),
    fc.constantFrom('3', '5', '7', '8', '9', '1', '4'),
    fc.array(fc.tuple(sep, digit), { minLength: 7, maxLength: 10 }),
  )
  .map(([p, lead, rest]) => p + lead + rest.map(([s, d]) => s + d).join(''));

const mailboxChar = fc.constantFrom(...'abcXYZ019._%+-');
const labelChar = fc.constantFrom(...'abcQR09-');
const email = fc
  .tuple(
    fc.array(mailboxChar, { minLength: 0, maxLength: 6 }),
    fc.array(fc.array(labelChar, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 4 }),
    fc.constantFrom('', 'vn', 'com', 'c', 'com9', 'x1', 'gov.vn'),
  )
  .map(([local, labels, tld]) => `${local.join('')}@${labels.map((l) => l.join('')).join('.')}.${tld}`);

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'An', 'Lê Hoa', 'Đỗ Đức', 'K Ω', 'Văn An'];
/** A known name written another way: folded, upper case, NFD, its words joined by dots, hyphens, underscores. */
const nameForm = fc
  .tuple(
    fc.constantFrom(...NAMES),
    fc.constantFrom('same', 'upper', 'ascii', 'nfd', 'lower'),
    fc.constantFrom(' ', '.', '-', '_', '  ', '\n', ' - '),
  )
  .map(([n, how, joiner]) => {
    const words = n.split(' ');
    const w =
      how === 'upper'
        ? words.map((x) => x.toUpperCase())
        : how === 'ascii'
          ? words.map((x) => x.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D'))
          : how === 'nfd'
            ? words.map((x) => x.normalize('NFD'))
            : how === 'lower'
              ? words.map((x) => x.toLowerCase())
              : words;
    return w.join(joiner);
  });

/** Anything else a note holds: Vietnamese words, signs that sit next to numbers, odd code units. */
const filler = fc.constantFrom(
  ' ',
  '\n',
  ', ',
  'ĐT ',
  'CCCD: ',
  'số ',
  'x',
  '*',
  '@',
  '+',
  '.',
  '-',
  'a',
  'Ă',
  'hồ sơ',
  'İ',
  '\u212a',
  '\u212b',
  '\u0301',
  '😀',
  '\ud800',
  '\udc00',
  '①',
  '٣',
  'ß',
  '\u00a0',
);

const text = fc
  .array(fc.oneof({ weight: 4, arbitrary: filler }, digits(1, 13), phone, email, nameForm), { maxLength: 40 })
  .map((parts) => parts.join(''));

const runs = { numRuns: 600 };

describe('the masker masks exactly what the regular expressions did', () => {
  it('personal numbers', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(redactPersonalNumbers(s)).toBe(oracle.redactPersonalNumbers(s));
        expect(maskNameNumbers(s)).toBe(oracle.maskNameNumbers(s));
      }),
      runs,
    );
  });

  it('e-mail mailboxes', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(maskEmails(s)).toBe(oracle.maskEmails(s));
      }),
      runs,
    );
  });

  it('known phones, however separated', () => {
    // The known phone's digits written into the text with any separators between them, amid other phones.
    const written = fc
      .tuple(digits(4, 11), fc.array(fc.array(sep, { maxLength: 2 }), { minLength: 11, maxLength: 11 }))
      .map(([d, seps]) => ({ digits: d, text: [...d].map((c, i) => (i === 0 ? '' : seps[i]!.join('')) + c).join('') }));
    fc.assert(
      fc.property(text, written, text, fc.array(fc.oneof(phone, digits(3, 11)), { maxLength: 2 }), (a, w, b, more) => {
        const s = a + w.text + b;
        const ps = [w.digits.replace(/^(\d{3})/, '$1 '), ...more];
        expect(maskKnownPhones(s, ps)).toBe(oracle.maskKnownPhones(s, ps));
      }),
      runs,
    );
  });

  it('known names, in any order, overlapping ones included', () => {
    fc.assert(
      fc.property(text, fc.shuffledSubarray(NAMES), (s, names) => {
        expect(maskNames(s, names)).toBe(oracle.maskNames(s, names));
      }),
      runs,
    );
  });

  it('the whole redactor, and the numbers hidden in file names before it', () => {
    fc.assert(
      fc.property(
        text,
        fc.shuffledSubarray(NAMES),
        fc.array(phone, { maxLength: 2 }),
        fc.array(fc.oneof(phone, digits(9, 9), digits(12, 12)), { maxLength: 3 }),
        fc.constantFrom('', ' ', '_'),
        (s, names, phones, named, glue) => {
          const r = makeRedactor(names, phones);
          const o = oracle.makeRedactor(names, phones);
          expect(r.text(hideNamedNumbers(s, named))).toBe(o.text(oracle.hideNamedNumbers(s, named)));
          // The named numbers written into the text, touching other digits or not.
          const withNamed = [...named, s].join(glue);
          expect(hideNamedNumbers(withNamed, named)).toBe(oracle.hideNamedNumbers(withNamed, named));
          expect(r.text(hideNamedNumbers(withNamed, named))).toBe(o.text(oracle.hideNamedNumbers(withNamed, named)));
          expect(r.name(s)).toBe(o.name(s));
        },
      ),
      runs,
    );
  });

  it('masks what it must on a plain line (the oracle is not alone in saying so)', () => {
    const r = makeRedactor(['Nguyễn Văn An'], ['024 3825 1234']);
    expect(
      r.text(
        'Ông NGUYEN-VAN-AN, ĐT 0912 345 678, +84912345678, CCCD 001203004567, CMND 123456789, an.nguyen@hn.vn, 024.3825.1234',
      ),
    ).toBe('Ông N.V.A., ĐT 091* *** *78, +8491*****78, CCCD *********567, CMND ******789, a***@hn.vn, 024.****.**34');
  });
});
