/**
 * Is a text plausibly Vietnamese written in Unicode? Used to decide whether a cell is a legacy-font
 * (TCVN3/VNI) cell read as Windows-1252: such cells contain characters that never occur in Vietnamese
 * (µ, ¸, ø, ï, ñ …) or syllables that Vietnamese spelling does not allow ("Baùc", "Néi").
 */
import { splitTone } from './tone-marks.js';

/** Latin-1 characters that occur in NFC Vietnamese. Every other character in U+00A1–U+00FF is foreign. */
const VIETNAMESE_LATIN1 = new Set('ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúý');

const VOWELS = new Set('aăâeêioôơuưy');
const CLUSTERS = new Set([
  'a',
  'ă',
  'â',
  'e',
  'ê',
  'i',
  'o',
  'ô',
  'ơ',
  'u',
  'ư',
  'y',
  'ai',
  'ao',
  'au',
  'ay',
  'âu',
  'ây',
  'eo',
  'êu',
  'ia',
  'iê',
  'iu',
  'oa',
  'oă',
  'oe',
  'oi',
  'ôi',
  'ơi',
  'oo',
  'ua',
  'uâ',
  'uê',
  'ui',
  'uô',
  'uơ',
  'uy',
  'ưa',
  'ưi',
  'ươ',
  'ưu',
  'yê',
  'iêu',
  'oai',
  'oao',
  'oay',
  'oeo',
  'uây',
  'uôi',
  'uya',
  'uyê',
  'uyu',
  'ươi',
  'ươu',
  'yêu',
]);
const FINALS = new Set(['', 'c', 'ch', 'k', 'm', 'n', 'ng', 'nh', 'p', 't']);
const CONSONANT = /^[bcdđghklmnpqrstvxfjwz]*/;
/** A glide that never carries the tone when it ends a cluster (except in "uy"). */
const GLIDES = new Set(['i', 'y', 'o', 'u']);
const QUALITY = new Set(['ă', 'â', 'ê', 'ô', 'ơ']);

/** True when the character is in U+00A1–U+00FF but is not a letter of Vietnamese. */
export function isForeignLatin1(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= 0xa1 && c <= 0xff && !VIETNAMESE_LATIN1.has(ch);
}

/** The word's letters without tone marks, and where the one tone mark sat (-1 when none; null when two or foreign). */
function stripTone(word: string): { letters: string; toneAt: number } | null {
  let toneAt = -1;
  let letters = '';
  for (const ch of word) {
    if (isForeignLatin1(ch)) return null;
    const split = splitTone(ch);
    if (!split) {
      letters += ch;
      continue;
    }
    if (toneAt >= 0) return null;
    toneAt = letters.length;
    letters += split.base;
  }
  return { letters, toneAt };
}

/** Initial consonant, vowel cluster and final of a toneless syllable; "gi" and "qu" are initials before a vowel. */
function splitSyllable(letters: string): { initial: string; cluster: string; final: string } {
  let initial = CONSONANT.exec(letters)?.[0] ?? '';
  let rest = letters.slice(initial.length);
  if (
    (initial.endsWith('g') && rest.startsWith('i') && rest.length > 1 && VOWELS.has(rest[1])) ||
    (initial.endsWith('q') && rest.startsWith('u'))
  ) {
    initial += rest[0];
    rest = rest.slice(1);
  }
  let n = 0;
  while (n < rest.length && VOWELS.has(rest[n])) n++;
  return { initial, cluster: rest.slice(0, n), final: rest.slice(n) };
}

/** Whether one lower-case NFC word (letters only) is a well-formed Vietnamese syllable. */
export function isPlausibleSyllable(word: string): boolean {
  const stripped = stripTone(word);
  if (!stripped) return false;
  const { letters, toneAt } = stripped;
  const { initial, cluster, final } = splitSyllable(letters);
  if (cluster === '') return toneAt < 0 && final === '' && initial !== '';
  if (!CLUSTERS.has(cluster) || !FINALS.has(final)) return false;
  if (toneAt < 0) return true;
  const pos = toneAt - initial.length;
  if (pos < 0) return false;
  return tonePositionAllowed(cluster, pos, final !== '');
}

function tonePositionAllowed(cluster: string, pos: number, closed: boolean): boolean {
  if (cluster.length === 1) return true;
  const chars = [...cluster];
  const quality = chars.findIndex((c) => QUALITY.has(c));
  if (quality >= 0)
    return (
      pos === quality ||
      (cluster === 'ươ' && pos === 1) ||
      (cluster === 'ươi' && pos === 1) ||
      (cluster === 'ươu' && pos === 1)
    );
  if (chars[0] === 'ư') return pos === 0;
  if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy' || cluster === 'oo') return true;
  if (!closed && (cluster === 'ia' || cluster === 'ua')) return pos === 0;
  if (GLIDES.has(chars[chars.length - 1])) return pos < chars.length - 1 && (chars.length < 3 || pos === 1);
  return true;
}

const WORD_BREAK = /[^\p{L}\u00a1-\u00ff]+/u;

/**
 * Whether each word met so far is a plausible syllable: names are made of a few thousand syllables, met again and
 * again in a run. The answer is a pure function of the word; bounded.
 */
const PLAUSIBLE_WORDS = new Map<string, boolean>();
const PLAUSIBLE_WORDS_LIMIT = 20_000;

/** Number of words in the text that are not plausible Vietnamese (0 = plausible). */
export function implausibility(text: string): number {
  let bad = 0;
  for (const word of text.toLowerCase().split(WORD_BREAK)) {
    if (word === '') continue;
    let plausible = PLAUSIBLE_WORDS.get(word);
    if (plausible === undefined) {
      plausible = isPlausibleSyllable(word);
      if (PLAUSIBLE_WORDS.size < PLAUSIBLE_WORDS_LIMIT) PLAUSIBLE_WORDS.set(word, plausible);
    }
    if (!plausible) bad++;
  }
  return bad;
}
