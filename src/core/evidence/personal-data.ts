/**
 * Personal numbers that must never end up in a file name dvc creates, and that texts dvc writes mask on
 * `--redact`: a CMND (9 digits) or CCCD (12 digits) number, a Vietnamese mobile number (0[35789] + 8 digits)
 * or the same in international form (+84 / 84 followed by [35789] and 8 digits). Separators (space, dot,
 * hyphen) inside a phone number are tolerated.
 */
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
