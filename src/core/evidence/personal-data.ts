/**
 * Personal data that must never end up in a file name dvc creates, and that texts dvc writes mask on
 * `--redact`: a CMND (9 digits) or CCCD (12 digits) number, a Vietnamese mobile number (0[35789] + 8 digits)
 * or the same in international form (+84 / 84 followed by [35789] and 8 digits), an e-mail address, and the
 * personal names dvc knows of (the contact person, names in the API test dumps). Separators (space, dot,
 * hyphen) inside a phone number are tolerated.
 */
import { isRegexSpace } from '../text/whitespace.js';

export type PersonalNumberKind = 'cccd' | 'cmnd' | 'phone';

const PHONE = /(?<![0-9])(?:\+?84|0)[ .-]?[35789](?:[ .-]?[0-9]){8}(?![0-9])/g;
const DIGIT_RUN = /(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])/g;

export function findPersonalNumbers(text: string): PersonalNumberKind[] {
  const found = new Set<PersonalNumberKind>();
  for (const _ of text.matchAll(PHONE)) found.add('phone');
  const withoutPhones = text.replace(PHONE, ' ');
  for (const m of withoutPhones.matchAll(DIGIT_RUN)) found.add(m[1].length === 12 ? 'cccd' : 'cmnd');
  return [...found].sort();
}

/** The personal numbers written in a text, exactly as written (separators included). */
export function personalNumberStrings(text: string): string[] {
  const phones = [...text.matchAll(PHONE)].map((m) => m[0]);
  const ids = [...text.replace(PHONE, ' ').matchAll(DIGIT_RUN)].map((m) => m[0]);
  return [...phones, ...ids];
}

const ZERO = 48;
const NINE = 57;
const STAR = 42;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Separators tolerated inside a phone number: space, dot, hyphen. */
function isPhoneSep(c: number): boolean {
  return c === 32 || c === 46 || c === 45;
}

function isPhoneLead(c: number): boolean {
  return c === 51 || c === 53 || c === 55 || c === 56 || c === 57;
}

/**
 * A text's UTF-16 code units, to mask in place: masking a number keeps its length, so the personal numbers are
 * masked with no string built per match. Buffer copies the units both ways (lone surrogates included).
 */
/** The buffer unitsOf copies into, grown as needed and reused. */
let scratch = new Uint16Array(0);

/**
 * The code units of `s`, in a buffer reused from one call to the next (valid until the next call: each caller masks
 * them and makes its text before another is asked for). Masking every name and message of a folder of ten thousand
 * files then allocates no buffer per string.
 */
function unitsOf(s: string): Uint16Array {
  if (scratch.length < s.length) scratch = new Uint16Array(Math.max(s.length, 2 * scratch.length, 4096));
  const u = scratch.subarray(0, s.length);
  Buffer.from(u.buffer, u.byteOffset, u.byteLength).write(s, 0, 'ucs2');
  return u;
}

function textOf(u: Uint16Array): string {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString('ucs2');
}

/** The unit at `i`, or -1 past the end. */
function unit(u: Uint16Array, i: number): number {
  return i < u.length ? u[i]! : -1;
}

/** Masks (`*`) the digits of `u[from, to)` but for the first `keepFirst` and the last `keepLast` of them. */
function maskDigitsIn(u: Uint16Array, from: number, to: number, keepFirst: number, keepLast: number): void {
  let digits = 0;
  for (let i = from; i < to; i++) if (isDigit(u[i]!)) digits++;
  let seen = 0;
  for (let i = from; i < to; i++) {
    if (!isDigit(u[i]!)) continue;
    seen++;
    if (seen > keepFirst && seen <= digits - keepLast) u[i] = STAR;
  }
}

/**
 * The end of the phone number starting at `p` (PHONE's match there), or -1. The separators are optional but
 * never ambiguous (each must be followed by a digit), so one path decides, as the regular expression does.
 */
function phoneEnd(u: Uint16Array, p: number): number {
  let q = p;
  const c = u[q]!;
  if (c === 43 /* + */) {
    if (unit(u, q + 1) !== 56 || unit(u, q + 2) !== 52) return -1;
    q += 3;
  } else if (c === 56 && unit(u, q + 1) === 52) q += 2;
  else if (c === ZERO) q += 1;
  else return -1;
  if (isPhoneSep(unit(u, q)) && isPhoneLead(unit(u, q + 1))) q += 2;
  else if (isPhoneLead(unit(u, q))) q += 1;
  else return -1;
  for (let k = 0; k < 8; k++) {
    if (isPhoneSep(unit(u, q)) && isDigit(unit(u, q + 1))) q += 2;
    else if (isDigit(unit(u, q))) q += 1;
    else return -1;
  }
  return isDigit(unit(u, q)) ? -1 : q;
}

/**
 * Masks the personal numbers of `u` in place; true if any. One scan: a phone starts after a non-digit and ends
 * before one, so a run of digits lies wholly inside a phone or wholly outside, and the runs outside of exactly 9
 * or 12 digits are the CMND/CCCD numbers: the same as PHONE then DIGIT_RUN applied in turn.
 */
function maskNumbersIn(u: Uint16Array): boolean {
  const n = u.length;
  let any = false;
  let i = 0;
  while (i < n) {
    const c = u[i]!;
    if ((c !== 43 && !isDigit(c)) || (i > 0 && isDigit(u[i - 1]!))) {
      i++;
      continue;
    }
    const end = phoneEnd(u, i);
    if (end >= 0) {
      maskDigitsIn(u, i, end, c === 43 || c === 56 ? 4 : 3, 2);
      any = true;
      i = end;
      continue;
    }
    if (c === 43) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isDigit(u[j]!)) j++;
    if (j - i === 9 || j - i === 12) {
      u.fill(STAR, i, j - 3);
      any = true;
    }
    i = j;
  }
  return any;
}

/**
 * Masks personal numbers in a text: phones keep their first 3 and last 2 digits (4 and 2 in the +84 form),
 * CCCD/CMND their last 3 (the property test holds it to the regular expressions PHONE and DIGIT_RUN).
 */
export function redactPersonalNumbers(text: string): string {
  const u = unitsOf(text);
  return maskNumbersIn(u) ? textOf(u) : text;
}

/** A file name with every personal number masked (digits become `x`), for names of files dvc creates. */
export function maskNameNumbers(name: string): string {
  return redactPersonalNumbers(name).replace(/\*/g, 'x');
}

/**
 * Replaces, in a text dvc writes, each personal number that was masked in a file name by its masked form: the
 * bundle never shows a number it hid in a name, even without `--redact`.
 */
export function hideNamedNumbers(text: string, numbers: readonly string[]): string {
  let out = text;
  for (const n of numbers) out = out.split(n).join(maskNameNumbers(n));
  return out;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A character of a domain label: [A-Za-z0-9-]. */
function isLabelChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 45;
}

/** A character of a mailbox: [A-Za-z0-9._%+-]. */
function isMailboxChar(c: number): boolean {
  return isLabelChar(c) || c === 46 || c === 95 || c === 37 || c === 43;
}

/**
 * The end of an e-mail address's domain part starting at `p`, or -1: labels separated by dots, the match ending with the
 * letters that begin the last label that begins with two letters or more (`b.com9` ends after `com`).
 */
function domainEnd(s: string, p: number): number {
  let q = p;
  if (!isLabelChar(s.charCodeAt(q))) return -1;
  while (isLabelChar(s.charCodeAt(q))) q++;
  let end = -1;
  while (s.charCodeAt(q) === 46 && isLabelChar(s.charCodeAt(q + 1))) {
    let r = q + 1;
    while (isAsciiLetter(s.charCodeAt(r))) r++;
    if (r - (q + 1) >= 2) end = r;
    while (isLabelChar(s.charCodeAt(r))) r++;
    q = r;
  }
  return end;
}

/**
 * `m***@example.vn`: the mailbox is personal, the domain names the organisation. A scan from one `@` to the next
 * (the mailbox is the run of mailbox characters before it, never reaching back into the previous match), the same
 * matches as the pattern `[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`.
 */
export function maskEmails(text: string): string {
  let out = '';
  let copied = 0;
  let from = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', from)) {
    let start = at;
    while (start > from && isMailboxChar(text.charCodeAt(start - 1))) start--;
    const end = start < at ? domainEnd(text, at + 1) : -1;
    if (end < 0) {
      from = at + 1;
      continue;
    }
    out += text.slice(copied, start) + text[start] + '***' + text.slice(at, end);
    copied = from = end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** One character folded to its base letter (Vietnamese diacritics and đ removed, lower case), same length. */
function foldChar(c: string): string {
  const f = c.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return f.length === c.length ? f : c;
}

/**
 * The fold of each UTF-16 code unit: ASCII filled in at once (lower case), any other unit computed when first met
 * (0: not yet).
 */
let foldTable: Uint16Array | undefined;

function newFoldTable(): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x80; c++) t[c] = c >= 65 && c <= 90 ? c + 32 : c;
  return t;
}

function foldUnit(table: Uint16Array, c: number): number {
  const s = foldChar(String.fromCharCode(c));
  const f = s.length === 1 ? s.charCodeAt(0) : c;
  table[c] = f;
  return f;
}

/**
 * The text folded code unit by code unit, its length kept (indices in it are indices in the text, and the fold
 * of a concatenation is the concatenation of the folds): ASCII is only lower-cased, each other unit is folded
 * once and remembered in a table.
 */
function fold(s: string): string {
  const table = (foldTable ??= newFoldTable());
  const u = unitsOf(s);
  for (let i = 0; i < u.length; i++) {
    const c = u[i]!;
    const f = table[c]!;
    u[i] = f !== 0 || c === 0 ? f : foldUnit(table, c);
  }
  return textOf(u);
}

export function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => `${[...w][0].toUpperCase()}.`)
      .join('') || '*'
  );
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A known name ready to search for: its first folded word (found with indexOf), the rest of its pattern
 * anchored where that word starts (sticky), and its initials.
 */
interface NamePattern {
  first: string;
  /** The initials, folded: what the folded text holds where a match was replaced. */
  foldedInitials: string;
  /** `(?<![\p{L}\p{N}])` + words + `(?![\p{L}\p{N}])`, for a first word that is not plain (see nextName). */
  re: RegExp;
  sticky: RegExp;
  initials: string;
}

function namePattern(raw: string): NamePattern | undefined {
  const words = fold(raw.normalize('NFC'))
    .split(/[\s._-]+/)
    .filter(Boolean);
  if (words.length === 0 || words.join('').length < 3) return undefined;
  const body = `${words.map(escapeRe).join('[\\s._-]+')}(?![\\p{L}\\p{N}])`;
  return {
    first: words[0]!,
    re: new RegExp(`(?<![\\p{L}\\p{N}])${body}`, 'gu'),
    sticky: new RegExp(body, 'uy'),
    initials: initials(raw.normalize('NFC')),
    foldedInitials: fold(initials(raw.normalize('NFC'))),
  };
}

const LETTER_OR_NUMBER = /[\p{L}\p{N}]/u;

/** Whether the code point that ends just before `i` is a letter or a number (the pattern's look-behind). */
function letterOrNumberBefore(s: string, i: number): boolean {
  if (i === 0) return false;
  const lo = s.charCodeAt(i - 1);
  const hi = i >= 2 ? s.charCodeAt(i - 2) : 0;
  const cp = lo >= 0xdc00 && lo <= 0xdfff && hi >= 0xd800 && hi <= 0xdbff ? s.slice(i - 2, i) : s[i - 1]!;
  return LETTER_OR_NUMBER.test(cp);
}

/**
 * The next match of the name in the folded text from `from` on: [start, end], or undefined. The first word is
 * looked for with indexOf, the look-behind checked by hand and the rest matched where the word starts: the same
 * matches as the whole pattern, at a fraction of its cost. A first word that begins with a surrogate (a malformed
 * name) goes through the whole pattern, which never starts a match inside a surrogate pair.
 */
function nextName(folded: string, p: NamePattern, from: number): [number, number] | undefined {
  const c = p.first.charCodeAt(0);
  if (c >= 0xd800 && c <= 0xdfff) {
    p.re.lastIndex = from;
    const m = p.re.exec(folded);
    return m ? [m.index, m.index + m[0].length] : undefined;
  }
  for (let at = folded.indexOf(p.first, from); at >= 0; at = folded.indexOf(p.first, at + 1)) {
    if (letterOrNumberBefore(folded, at)) continue;
    p.sticky.lastIndex = at;
    const m = p.sticky.exec(folded);
    if (m) return [at, at + m[0].length];
  }
  return undefined;
}

/**
 * Replaces each name, in turn, by its initials wherever it appears in the folded text. The text is folded once;
 * a replacement is made in the folded text too (folding keeps positions), so no name folds the text again.
 */
function maskNamePatterns(text: string, patterns: readonly NamePattern[]): string {
  let out = text.normalize('NFC');
  let folded: string | undefined;
  for (const p of patterns) {
    folded ??= fold(out);
    let result = '';
    let foldedResult = '';
    let last = 0;
    for (let m = nextName(folded, p, 0); m; m = nextName(folded, p, m[1])) {
      result += out.slice(last, m[0]) + p.initials;
      foldedResult += folded.slice(last, m[0]) + p.foldedInitials;
      last = m[1];
    }
    if (last === 0) continue;
    out = result + out.slice(last);
    folded = foldedResult + folded.slice(last);
  }
  return out;
}

/**
 * Replaces each known personal name by its initials, wherever it appears with or without diacritics, in any
 * case, its words separated by spaces, dots, hyphens or underscores (`Nguyễn Văn An`, `nguyen-van-an`).
 */
export function maskNames(text: string, names: readonly string[]): string {
  return maskNamePatterns(
    text,
    names.map(namePattern).filter((p): p is NamePattern => p !== undefined),
  );
}

/** Everything `--redact` hides: personal numbers, e-mail mailboxes and the names dvc knows of. */
export interface Redactor {
  text(s: string): string;
  /** For names of files dvc creates: numbers become `x`, no `*` in a file name. */
  name(s: string): string;
}

/** What the known-phone pattern lets stand between two digits: white space (as `\\s` means), `.`, `(`, `)`, `-`. */
function isKnownPhoneSep(c: number): boolean {
  return c === 46 || c === 40 || c === 41 || c === 45 || isRegexSpace(c);
}

/** The end of the known phone `digits` written from `p` on, however separated, or -1. */
function knownPhoneEnd(u: Uint16Array, p: number, digits: readonly number[]): number {
  if (u[p] !== digits[0] || (p > 0 && isDigit(u[p - 1]!))) return -1;
  let q = p + 1;
  for (let k = 1; k < digits.length; k++) {
    while (isKnownPhoneSep(unit(u, q))) q++;
    if (unit(u, q) !== digits[k]) return -1;
    q++;
  }
  return isDigit(unit(u, q)) ? -1 : q;
}

/** Masks in place each known phone number, however its digits are separated, keeping 3 + 2 digits. */
function maskKnownPhonesIn(u: Uint16Array, phones: readonly (readonly number[])[]): boolean {
  let any = false;
  for (const digits of phones) {
    const first = digits[0]!;
    let i = u.indexOf(first);
    while (i >= 0) {
      const end = knownPhoneEnd(u, i, digits);
      if (end >= 0) {
        maskDigitsIn(u, i, end, 3, 2);
        any = true;
      }
      i = u.indexOf(first, end >= 0 ? end : i + 1);
    }
  }
  return any;
}

/** The digits of each known phone worth looking for (six at least), as character codes. */
function knownPhoneDigits(phones: readonly string[]): number[][] {
  return phones.map((p) => [...p.replace(/\D/g, '')].map((d) => d.charCodeAt(0))).filter((d) => d.length >= 6);
}

/** Masks each known phone number (a landline too), however its digits are separated, keeping 3 + 2 digits. */
export function maskKnownPhones(text: string, phones: readonly string[]): string {
  const u = unitsOf(text);
  return maskKnownPhonesIn(u, knownPhoneDigits(phones)) ? textOf(u) : text;
}

export function makeRedactor(knownNames: readonly string[], knownPhones: readonly string[] = []): Redactor {
  const names = [...new Set(knownNames.map((n) => n.trim()).filter((n) => n.length >= 3))];
  const patterns = names.map(namePattern).filter((p): p is NamePattern => p !== undefined);
  const phones = knownPhoneDigits(knownPhones);
  // Numbers and known phones keep the text's length: masked in place in one copy of its code units.
  const numbers = (s: string) => {
    const u = unitsOf(s);
    const numbered = maskNumbersIn(u);
    return maskKnownPhonesIn(u, phones) || numbered ? textOf(u) : s;
  };
  const text = (s: string) => maskNamePatterns(maskEmails(numbers(s)), patterns);
  return {
    text,
    name: (s) => maskNamePatterns(maskEmails(maskNameNumbers(s)), patterns).replace(/\*/g, 'x'),
  };
}

const NAME_KEY = /^(?:ho_?ten|ho_?va_?ten|ten_?nguoi|ten_?nnt|nguoi_?nop)/i;

/**
 * Personal names inside a JSON or XML text dvc knows the shape of: values of keys or elements such as
 * `HoTenNguoiNopTien`, `HoTenNguoiNop`, `TEN_NNT` (the portal's land-obligation bodies, see DOMAIN.md).
 */
export function namesInText(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/"([A-Za-z_]+)"\s*:\s*"([^"\\]{3,80})"/g)) if (NAME_KEY.test(m[1])) out.add(m[2]);
  for (const m of text.matchAll(/<([A-Za-z_]+)>([^<]{3,80})<\/\1>/g)) if (NAME_KEY.test(m[1])) out.add(m[2].trim());
  return [...out];
}
