/**
 * The personal-data masker as it was before the single-pass rewrite (src/core/evidence/personal-data.ts and
 * maskInPieces in src/app/evidence/pack-privacy.ts), kept as the oracle of the property test that the fast masker
 * masks exactly what this one did. Slow by design: each pass is a regular expression with a callback
 * that spreads every match into an array. Not shipped (test-support). The two small helpers that did not change
 * (initials, escaping a name for a regular expression) are the shipped ones.
 */
import { escapeRe, initials } from '../core/evidence/personal-data.js';

const PHONE = /(?<![0-9])(?:\+?84|0)[ .-]?[35789](?:[ .-]?[0-9]){8}(?![0-9])/g;
const DIGIT_RUN = /(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

function maskDigits(s: string, keepFirst: number, keepLast: number): string {
  const digits = [...s].filter((c) => c >= '0' && c <= '9').length;
  let seen = 0;
  return [...s]
    .map((c) => {
      if (c < '0' || c > '9') return c;
      seen++;
      return seen <= keepFirst || seen > digits - keepLast ? c : '*';
    })
    .join('');
}

export function redactPersonalNumbers(text: string): string {
  return text
    .replace(PHONE, (m) => maskDigits(m, m.startsWith('+') || m.startsWith('84') ? 4 : 3, 2))
    .replace(DIGIT_RUN, (m) => maskDigits(m, 0, 3));
}

// These two are the shipped ones' logic written another way (the same results for the non-empty numbers pack
// finds), so that they rest on the oracle's own regular expressions and do not restate the shipped code.
export function maskNameNumbers(name: string): string {
  return redactPersonalNumbers(name).replaceAll('*', 'x');
}

export function hideNamedNumbers(text: string, numbers: readonly string[]): string {
  return numbers.reduce((out, n) => out.replaceAll(n, () => maskNameNumbers(n)), text);
}

export function maskEmails(text: string): string {
  return text.replace(EMAIL, (m) => `${m[0]}***${m.slice(m.indexOf('@'))}`);
}

function foldChar(c: string): string {
  const f = c.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return f.length === c.length ? f : c;
}

const folded = new Map<string, string>();

function fold(s: string): string {
  return s
    .replace(/[^\x00-\x7f]/g, (c) => {
      let f = folded.get(c);
      if (f === undefined) folded.set(c, (f = foldChar(c)));
      return f;
    })
    .replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

export function maskNames(text: string, names: readonly string[]): string {
  let out = text.normalize('NFC');
  for (const raw of names) {
    const words = fold(raw.normalize('NFC'))
      .split(/[\s._-]+/)
      .filter(Boolean);
    if (words.length === 0 || words.join('').length < 3) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRe).join('[\\s._-]+')}(?![\\p{L}\\p{N}])`, 'gu');
    const foldedText = fold(out);
    let result = '';
    let last = 0;
    for (const m of foldedText.matchAll(re)) {
      result += out.slice(last, m.index) + initials(raw.normalize('NFC'));
      last = m.index + m[0].length;
    }
    out = result + out.slice(last);
  }
  return out;
}

export function maskKnownPhones(text: string, phones: readonly string[]): string {
  let out = text;
  for (const p of phones) {
    const digits = p.replace(/\D/g, '');
    if (digits.length < 6) continue;
    const re = new RegExp(`(?<![0-9])${[...digits].join('[\\s.()-]*')}(?![0-9])`, 'g');
    out = out.replace(re, (m) => maskDigits(m, 3, 2));
  }
  return out;
}

export function makeRedactor(
  knownNames: readonly string[],
  knownPhones: readonly string[] = [],
): { text(s: string): string; name(s: string): string } {
  const names = [...new Set(knownNames.map((n) => n.trim()).filter((n) => n.length >= 3))];
  const text = (s: string) => maskNames(maskEmails(maskKnownPhones(redactPersonalNumbers(s), knownPhones)), names);
  return {
    text,
    name: (s) => maskNames(maskEmails(maskNameNumbers(s)), names).replace(/\*/g, 'x'),
  };
}

const PIECE = 32 * 1024;

export function maskInPieces(text: string, mask: (s: string) => string): string {
  if (text.length <= PIECE) return mask(text);
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(from + PIECE, text.length);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to);
      const cut = nl > from ? nl : text.lastIndexOf(' ', to);
      if (cut <= from) return mask(text);
      to = cut + 1;
    }
    out.push(mask(text.slice(from, to)));
    from = to;
  }
  return out.join('');
}

/** What pack masked a payload text with: the numbers hidden in file names, then the redactor. */
export function oraclePackMask(
  names: readonly string[],
  phones: readonly string[],
  nameNumbers: readonly string[],
): (s: string) => string {
  const r = makeRedactor(names, phones);
  return (s) => maskInPieces(s, (p) => r.text(hideNamedNumbers(p, nameNumbers)));
}
