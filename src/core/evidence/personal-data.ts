/**
 * Personal data that must never end up in a file name dvc creates, and that texts dvc writes mask on
 * `--redact`: a CMND (9 digits) or CCCD (12 digits) number, a Vietnamese mobile number (0[35789] + 8 digits)
 * or the same in international form (+84 / 84 followed by [35789] and 8 digits), an e-mail address, and the
 * personal names dvc knows of (the contact person, names in the API test dumps). Separators (space, dot,
 * hyphen) inside a phone number are tolerated.
 */
export type PersonalNumberKind = 'cccd' | 'cmnd' | 'phone';

const PHONE = /(?<![0-9])(?:\+?84|0)[ .-]?[35789](?:[ .-]?[0-9]){8}(?![0-9])/g;
const DIGIT_RUN = /(?<![0-9])([0-9]{12}|[0-9]{9})(?![0-9])/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;

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

/** Masks personal numbers in a text: phones keep their first 3 and last 2 digits, CCCD/CMND their last 3. */
export function redactPersonalNumbers(text: string): string {
  return text
    .replace(PHONE, (m) => maskDigits(m, m.startsWith('+') || m.startsWith('84') ? 4 : 3, 2))
    .replace(DIGIT_RUN, (m) => maskDigits(m, 0, 3));
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

/** `m***@example.vn`: the mailbox is personal, the domain names the organisation. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL, (m) => `${m[0]}***${m.slice(m.indexOf('@'))}`);
}

/** One character folded to its base letter (Vietnamese diacritics and đ removed, lower case), same length. */
function foldChar(c: string): string {
  const f = c.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  return f.length === c.length ? f : c;
}

const folded = new Map<string, string>();

/**
 * The text folded character by character, its length kept (indices in it are indices in the text). ASCII is only
 * lower-cased; each other character is folded once and remembered: a 4 MB receipt or log folds in one pass.
 */
function fold(s: string): string {
  return s
    .replace(/[^\x00-\x7f]/g, (c) => {
      let f = folded.get(c);
      if (f === undefined) folded.set(c, (f = foldChar(c)));
      return f;
    })
    .replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .map((w) => `${[...w][0].toUpperCase()}.`)
      .join('') || '*'
  );
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces each known personal name by its initials, wherever it appears with or without diacritics, in any
 * case, its words separated by spaces, dots, hyphens or underscores (`Nguyễn Văn An`, `nguyen-van-an`).
 */
export function maskNames(text: string, names: readonly string[]): string {
  let out = text.normalize('NFC');
  for (const raw of names) {
    const words = fold(raw.normalize('NFC'))
      .split(/[\s._-]+/)
      .filter(Boolean);
    if (words.length === 0 || words.join('').length < 3) continue;
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${words.map(escapeRe).join('[\\s._-]+')}(?![\\p{L}\\p{N}])`, 'gu');
    const folded = fold(out);
    let result = '';
    let last = 0;
    for (const m of folded.matchAll(re)) {
      result += out.slice(last, m.index) + initials(raw.normalize('NFC'));
      last = m.index + m[0].length;
    }
    out = result + out.slice(last);
  }
  return out;
}

/** Everything `--redact` hides: personal numbers, e-mail mailboxes and the names dvc knows of. */
export interface Redactor {
  text(s: string): string;
  /** For names of files dvc creates: numbers become `x`, no `*` in a file name. */
  name(s: string): string;
}

/** Masks each known phone number (a landline too), however its digits are separated, keeping 3 + 2 digits. */
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

export function makeRedactor(knownNames: readonly string[], knownPhones: readonly string[] = []): Redactor {
  const names = [...new Set(knownNames.map((n) => n.trim()).filter((n) => n.length >= 3))];
  const text = (s: string) => maskNames(maskEmails(maskKnownPhones(redactPersonalNumbers(s), knownPhones)), names);
  return {
    text,
    name: (s) => maskNames(maskEmails(maskNameNumbers(s)), names).replace(/\*/g, 'x'),
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
