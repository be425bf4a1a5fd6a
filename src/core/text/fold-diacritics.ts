/** Diacritic folding (all tone and vowel marks removed, đ→d) and the i/y spelling equivalence. */
const cache = new Map<string, string>();

/** The folding of one code point (given as its string): the definition every faster path below agrees with. */
function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    cache.set(ch, folded);
  }
  return folded;
}

/**
 * foldChar of every UTF-16 unit below TABLE_END that is not a surrogate (Latin-1, Latin Extended, the combining
 * marks, Vietnamese's precomposed letters in U+1Exx), filled on first use: a name is folded by indexing, without a
 * string made per character.
 */
const TABLE_END = 0x2000;
const table: (string | undefined)[] = new Array<string | undefined>(TABLE_END).fill(undefined);

function foldUnit(c: number): string {
  let folded = table[c];
  if (folded === undefined) table[c] = folded = foldChar(String.fromCharCode(c));
  return folded;
}

function foldsToItself(c: number): boolean {
  const folded = foldUnit(c);
  return folded.length === 1 && folded.charCodeAt(0) === c;
}

/** Past this length a text is folded code point by code point (String.fromCharCode takes bounded arguments). */
const LONG = 4096;

function foldLong(s: string): string {
  let out = '';
  for (const ch of s) out += ch.charCodeAt(0) < 0x80 ? ch : foldChar(ch);
  return out;
}

/** Code units of the folded text being built; reused from call to call. */
const units: number[] = [];

export function foldDiacritics(s: string): string {
  // Most of a name is ASCII, and folding an ASCII character changes nothing: find the first unit that may change.
  let i = 0;
  const n = s.length;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80 && (c >= TABLE_END || !foldsToItself(c))) break;
  }
  if (i === n) return s;
  if (n > LONG) return foldLong(s);
  units.length = 0;
  for (let k = 0; k < i; k++) units.push(s.charCodeAt(k));
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      units.push(c);
      continue;
    }
    let folded: string;
    if (c < TABLE_END) folded = foldUnit(c);
    else {
      // One code point: a surrogate pair is folded as one character, as iterating the string does.
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
      folded = foldChar(pair ? s.slice(i, i + 2) : s[i]);
      if (pair) i++;
    }
    for (let k = 0; k < folded.length; k++) units.push(folded.charCodeAt(k));
  }
  return String.fromCharCode.apply(null, units);
}

/**
 * "Sỹ"/"Sĩ", "Quý"/"Quí", "Kỳ"/"Kì": a final y after a consonant or "qu" is written i. Expects folded,
 * lower-case text; a y after another vowel ("Thủy", "Tây") is a different sound and is left alone.
 */
export function foldIY(s: string): string {
  // Only a "y" or "Y" can match (without the u flag, no other character folds to either).
  if (s.indexOf('y') < 0 && s.indexOf('Y') < 0) return s;
  return s.replace(/(^|[^a-z])([a-z]*)y(?![a-z])/gi, (whole, lead: string, onset: string) =>
    onset === '' || /qu$/i.test(onset) || !/[aeiou]$/i.test(onset) ? `${lead}${onset}i` : whole,
  );
}
