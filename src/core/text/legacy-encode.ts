/**
 * Unicode → TCVN3 / VNI Windows, as Windows-1252 characters. Used to generate legacy-font inputs in tests
 * and fixtures; TCVN3 has no upper-case toned vowels, so they are written as their lower-case bytes.
 */
import { TCVN3_TO_UNICODE, VNI_BREVE, VNI_CIRCUMFLEX, VNI_STANDALONE, VNI_TONE, type Tone } from './legacy-tables.js';
import { splitTone } from './tone-marks.js';

const UNICODE_TO_TCVN3 = new Map<string, string>([...TCVN3_TO_UNICODE].map(([legacy, uni]) => [uni, legacy]));

export function encodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    out += UNICODE_TO_TCVN3.get(ch) ?? UNICODE_TO_TCVN3.get(ch.toLowerCase()) ?? ch;
  }
  return out;
}

function invert<V>(m: ReadonlyMap<string, V>, upper: boolean): Map<V, string> {
  const out = new Map<V, string>();
  for (const [k, v] of m) if ((k === k.toUpperCase()) === upper && !out.has(v)) out.set(v, k);
  return out;
}

const TONE_LOWER = invert<Tone>(VNI_TONE, false);
const TONE_UPPER = invert<Tone>(VNI_TONE, true);
const CIRC_LOWER = invert<Tone | null>(VNI_CIRCUMFLEX, false);
const CIRC_UPPER = invert<Tone | null>(VNI_CIRCUMFLEX, true);
const BREVE_LOWER = invert<Tone | null>(VNI_BREVE, false);
const BREVE_UPPER = invert<Tone | null>(VNI_BREVE, true);
const STANDALONE = new Map<string, string>([...VNI_STANDALONE].filter(([k, v]) => k !== v).map(([k, v]) => [v, k]));

export function encodeVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const standalone = STANDALONE.get(ch);
    if (standalone !== undefined) {
      out += standalone;
      continue;
    }
    const split = splitTone(ch);
    const base = split ? split.base : ch;
    const tone = split ? split.tone : null;
    const upper = base !== base.toLowerCase();
    const plain = base.normalize('NFD')[0];
    const quality = base.normalize('NFD').slice(1);
    if (quality === '\u0302') {
      out += plain + (upper ? CIRC_UPPER : CIRC_LOWER).get(tone)!;
    } else if (quality === '\u0306') {
      out += plain + (upper ? BREVE_UPPER : BREVE_LOWER).get(tone)!;
    } else if (tone === null) {
      out += STANDALONE.get(base) ?? base;
    } else if (base === 'i' || base === 'I' || ((base === 'y' || base === 'Y') && tone === 'dot')) {
      out += STANDALONE.get(ch) ?? ch;
    } else {
      out += (STANDALONE.get(base) ?? base) + (upper ? TONE_UPPER : TONE_LOWER).get(tone)!;
    }
  }
  return out;
}
