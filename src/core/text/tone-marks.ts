/** Splitting a Vietnamese vowel into its toneless letter and its tone, and putting a tone back. */
import { TONE_MARKS, type Tone } from './legacy-tables.js';

const MARK_TO_TONE = new Map<string, Tone>(
  (Object.entries(TONE_MARKS) as [Tone, string][]).map(([tone, mark]) => [mark, tone]),
);

const BASE_VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';

const SPLIT = new Map<string, { base: string; tone: Tone }>();
const JOIN = new Map<string, string>();
for (const base of BASE_VOWELS) {
  for (const [tone, mark] of Object.entries(TONE_MARKS) as [Tone, string][]) {
    const toned = (base + mark).normalize('NFC');
    SPLIT.set(toned, { base, tone });
    JOIN.set(base + tone, toned);
  }
}

/** The toneless letter and tone of a toned NFC vowel, or undefined when the character carries no tone. */
export function splitTone(ch: string): { base: string; tone: Tone } | undefined {
  return SPLIT.get(ch);
}

/** The NFC vowel made of a toneless vowel letter and a tone (null = no tone). */
export function withTone(base: string, tone: Tone | null): string {
  if (tone === null) return base;
  return JOIN.get(base + tone) ?? (base + TONE_MARKS[tone]).normalize('NFC');
}

export function isToneMark(ch: string): boolean {
  return MARK_TO_TONE.has(ch);
}

export function toneOfMark(ch: string): Tone | undefined {
  return MARK_TO_TONE.get(ch);
}
