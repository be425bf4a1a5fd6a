/**
 * The comparison keys of one name, tier by tier. Each transformation is a named stage; the stages that
 * changed the text are recorded, and a stage can be switched off so that a comparison can tell which
 * transformations were really needed to make two names meet (see explain-match.ts).
 */
import { foldDiacritics, foldIY } from './fold-diacritics.js';
import { decodeLegacy } from './legacy-decode.js';
import { normalisePunctuation } from './punctuation.js';
import { normaliseTonePlacement } from './tone-placement.js';
import type { NameKeys, NameKind, TextReason } from './text-types.js';
import { parseUnitPrefix, UNIT_WORD } from './unit-prefix.js';
import { normaliseWhitespace } from './whitespace.js';

/** Stages that can be switched off; decoding is one stage whatever the encoding. */
export type Stage = Exclude<TextReason, 'vni_decoded' | 'prefix_expanded' | 'prefix_stripped' | 'unit_type_changed'>;

const SEPARATORS = /[\s'-]+/g;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

/** Computes the keys; stages in `off` are skipped (used only to explain matches). */
export function computeNameKeys(raw: string, kind: NameKind, off?: ReadonlySet<Stage>): NameKeys {
  const exact = raw.trim().normalize('NFC');
  const normalisedSteps: TextReason[] = [];
  const exactSteps: TextReason[] = [];
  if (exact !== raw.trim()) exactSteps.push('nfc_normalised');

  let s = raw;
  let encoding: NameKeys['encoding'] = null;
  // Fast path for plain ASCII names without odd spacing: most stages cannot change them.
  const plain = ASCII_PRINTABLE.test(raw);
  if (!plain && !off?.has('tcvn3_decoded')) {
    const decoded = decodeLegacy(s);
    if (decoded.encoding) {
      encoding = decoded.encoding;
      s = decoded.text;
      normalisedSteps.push(encoding === 'tcvn3' ? 'tcvn3_decoded' : 'vni_decoded');
    }
  }
  s = apply(s, 'nfc_normalised', (x) => x.normalize('NFC'));
  s = apply(s, 'whitespace_normalised', normaliseWhitespace);
  s = apply(s, 'punctuation_normalised', normalisePunctuation);
  s = apply(s, 'case_normalised', (x) => x.toLowerCase());
  if (!plain) s = apply(s, 'tone_normalised', normaliseTonePlacement);

  const prefix = parseUnitPrefix(s, kind);
  let normalised = prefix.rest;
  if (prefix.number !== null) {
    const digits = off?.has('number_normalised') ? prefix.digits! : String(prefix.number);
    if (digits !== prefix.digits) normalisedSteps.push('number_normalised');
    normalised = prefix.unitType ? `${UNIT_WORD[prefix.unitType]} ${digits}` : digits;
  }

  const compactSteps = [...normalisedSteps];
  const compact = off?.has('spacing_normalised') ? normalised : normalised.replace(SEPARATORS, '');
  if (compact !== normalised) compactSteps.push('spacing_normalised');

  const foldedSteps = [...compactSteps];
  let folded = normalised;
  if (!off?.has('diacritics_folded')) {
    const f = foldDiacritics(folded);
    if (f !== folded) foldedSteps.push('diacritics_folded');
    folded = f;
    if (!off?.has('iy_normalised')) {
      const iy = foldIY(folded);
      if (iy !== folded) foldedSteps.push('iy_normalised');
      folded = iy;
    }
  }
  if (!off?.has('spacing_normalised')) folded = folded.replace(SEPARATORS, '');

  return {
    raw,
    exact,
    normalised,
    compact,
    folded,
    unitType: prefix.unitType,
    prefixForm: prefix.form,
    number: prefix.number,
    encoding,
    steps: { exact: exactSteps, normalised: normalisedSteps, compact: compactSteps, folded: foldedSteps },
  };

  function apply(text: string, stage: Stage, fn: (x: string) => string): string {
    if (off?.has(stage)) return text;
    const out = fn(text);
    if (out !== text) normalisedSteps.push(stage);
    return out;
  }
}

/**
 * The keys of a name for every tier, with the transformations each tier needed. `cache` (raw name → keys)
 * must hold names of this one `kind` only.
 */
export function nameKeys(raw: string, kind: NameKind, cache?: Map<string, NameKeys>): NameKeys {
  if (!cache) return computeNameKeys(raw, kind);
  let keys = cache.get(raw);
  if (!keys) {
    keys = computeNameKeys(raw, kind);
    cache.set(raw, keys);
  }
  return keys;
}
