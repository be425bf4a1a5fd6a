/** Apostrophes and dashes: curly/backtick/acute apostrophes become ', every dash a spaced hyphen. */
const APOSTROPHES = /[\u2018\u2019\u201b\u0060\u00b4\u02b9\u02bb\u02bc\u2032]/g;
const DASHES = /\s*[-\u2010-\u2015\u2212\ufe58\ufe63\uff0d]\s*/g;

export function normalisePunctuation(s: string): string {
  return s.replace(APOSTROPHES, "'").replace(DASHES, ' - ').trim();
}
