/**
 * Whitespace as typed in spreadsheets: NBSP, tabs, newlines, doubled spaces, zero-width characters.
 * Run only after legacy decoding: TCVN3 stores "ư" as the soft hyphen U+00AD, which this removes.
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const SPACES = /[\s\u00a0\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

export function normaliseWhitespace(s: string): string {
  return s.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}
