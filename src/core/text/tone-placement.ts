/**
 * Tone placement: "Hoà"→"Hòa", "Hoá"→"Hóa", "khoẻ"→"khỏe", "Thuỷ"→"Thủy". Only open syllables ending in
 * oa, oe, uy move the tone to the first vowel; "qu" is an initial, so "Quý" keeps its tone on y, and closed
 * syllables ("Hoàng", "Quỳnh") are the same in both styles. The target style is the one GSO uses since 2025.
 */
import { splitTone, withTone } from './tone-marks.js';

const WORD = /\p{L}+/gu;
const VOWEL = /[aăâeêioôơuưy]/i;

function moveTone(word: string): string {
  const n = word.length;
  if (n < 2) return word;
  const split = splitTone(word[n - 1]);
  if (!split) return word;
  const first = word[n - 2];
  const pair = (first + split.base).toLowerCase();
  if (pair !== 'oa' && pair !== 'oe' && pair !== 'uy') return word;
  const before = n >= 3 ? word[n - 3] : '';
  if (before !== '' && (VOWEL.test(before) || splitTone(before) !== undefined)) return word;
  if (pair === 'uy' && before.toLowerCase() === 'q') return word;
  return word.slice(0, n - 2) + withTone(first, split.tone) + split.base;
}

/** A toned a/e/y right after o/u (NFC or NFD): the only shape moveTone can change; most names have none. */
const CANDIDATE = /[oOuU](?:[àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ]|[aAeEyY][\u0300\u0301\u0303\u0309\u0323])/;

export function normaliseTonePlacement(s: string): string {
  if (!CANDIDATE.test(s)) return s;
  return s.replace(WORD, moveTone);
}
