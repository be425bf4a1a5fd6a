/**
 * Per-cell detection and decoding of legacy Vietnamese fonts (TCVN3, VNI Windows) that were pasted into
 * Excel and read as Windows-1252. A cell is decoded only when it is not plausible Unicode Vietnamese and one
 * decoding makes it strictly more plausible, so real Unicode names ("Phường Hòa Bình") are never touched.
 */
import { TCVN3_TO_UNICODE, VNI_BREVE, VNI_CIRCUMFLEX, VNI_STANDALONE, VNI_TONE, TONE_MARKS } from './legacy-tables.js';
import type { LegacyDecodeResult } from './text-types.js';
import { implausibility, isForeignLatin1 } from './vietnamese-plausibility.js';

/** Letters and marks that only Unicode text can hold: a cell with one of them is not a legacy cell. */
const UNICODE_ONLY = /[\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]/;
const HAS_LATIN1 = /[\u00a1-\u00ff]/;

export function decodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s) out += TCVN3_TO_UNICODE.get(ch) ?? ch;
  return out;
}

const CIRCUMFLEX_BASES = new Set('aeoAEO');
const BREVE_BASES = new Set('aA');
const TONE_BASES = new Set('aeiouyơưâêôăAEIOUYƠƯÂÊÔĂ');

export function decodeVni(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    let ch = VNI_STANDALONE.get(chars[i]) ?? chars[i];
    if (!TONE_BASES.has(ch)) {
      out += ch;
      continue;
    }
    const next = chars[i + 1];
    if (next !== undefined && CIRCUMFLEX_BASES.has(ch) && VNI_CIRCUMFLEX.has(next)) {
      const tone = VNI_CIRCUMFLEX.get(next) ?? null;
      ch = (ch + '\u0302' + (tone ? TONE_MARKS[tone] : '')).normalize('NFC');
      i++;
    } else if (next !== undefined && BREVE_BASES.has(ch) && VNI_BREVE.has(next)) {
      const tone = VNI_BREVE.get(next) ?? null;
      ch = (ch + '\u0306' + (tone ? TONE_MARKS[tone] : '')).normalize('NFC');
      i++;
    } else if (next !== undefined && VNI_TONE.has(next)) {
      ch = (ch + TONE_MARKS[VNI_TONE.get(next)!]).normalize('NFC');
      i++;
    }
    out += ch;
  }
  return out;
}

function foreignCount(s: string): number {
  let n = 0;
  for (const ch of s) if (isForeignLatin1(ch)) n++;
  return n;
}

/**
 * Detects a TCVN3 or VNI cell and decodes it; any other text is returned unchanged with encoding null.
 * The score of a text is (words that are not plausible Vietnamese, foreign Latin-1 characters left).
 */
export function decodeLegacy(raw: string): LegacyDecodeResult {
  if (!HAS_LATIN1.test(raw) || UNICODE_ONLY.test(raw)) return { text: raw, encoding: null };
  const original = implausibility(raw);
  if (original === 0) return { text: raw, encoding: null };
  const tcvn3 = decodeTcvn3(raw);
  const vni = decodeVni(raw);
  const tScore = [implausibility(tcvn3), foreignCount(tcvn3)] as const;
  const vScore = [implausibility(vni), foreignCount(vni)] as const;
  const tBetter = tScore[0] < vScore[0] || (tScore[0] === vScore[0] && tScore[1] <= vScore[1]);
  const [best, text, encoding] = tBetter ? [tScore, tcvn3, 'tcvn3' as const] : [vScore, vni, 'vni' as const];
  if (best[0] < original && text !== raw) return { text, encoding };
  return { text: raw, encoding: null };
}
