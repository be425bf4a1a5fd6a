/**
 * The comparison keys of one name, tier by tier. Each transformation is a named stage; the stages that
 * changed the text are recorded, and a stage can be switched off so that a comparison can tell which
 * transformations were really needed to make two names meet (see explain-match.ts).
 */
import { foldDiacritics, foldIY } from './fold-diacritics.js';
import { decodeLegacy } from './legacy-decode.js';
import { normalisePunctuation } from './punctuation.js';
import { normaliseTonePlacement } from './tone-placement.js';
import type { LegacyEncoding, NameKeys, NameKind, TextReason } from './text-types.js';
import { parseUnitPrefix, UNIT_WORD, type ParsedPrefix } from './unit-prefix.js';
import { normaliseWhitespace } from './whitespace.js';

/** Stages that can be switched off; decoding is one stage whatever the encoding. */
export type Stage = Exclude<TextReason, 'vni_decoded' | 'prefix_expanded' | 'prefix_stripped' | 'unit_type_changed'>;

const SEPARATORS = /[\s'-]+/g;
const ASCII_PRINTABLE = /^[\x20-\x7e]*$/;

type TierKeys = Pick<NameKeys, 'normalised' | 'compact' | 'folded' | 'marked' | 'spelled' | 'steps'>;

/** One name's keys as both paths return them, their fields always in this order (one object shape for V8). */
function keysRecord(
  raw: string,
  exact: string,
  encoding: LegacyEncoding | null,
  prefix: ParsedPrefix,
  k: TierKeys,
): NameKeys {
  return {
    raw,
    exact,
    normalised: k.normalised,
    compact: k.compact,
    folded: k.folded,
    unitType: prefix.unitType,
    prefixForm: prefix.form,
    number: prefix.number,
    encoding,
    marked: k.marked,
    spelled: k.spelled,
    steps: k.steps,
  };
}

/** Decodes a legacy-font cell unless decoding is switched off; records the step. */
function decodeStage(
  raw: string,
  plain: boolean,
  off: ReadonlySet<Stage> | undefined,
  steps: TextReason[],
): { text: string; encoding: LegacyEncoding | null } {
  if (plain || off?.has('tcvn3_decoded')) return { text: raw, encoding: null };
  const decoded = decodeLegacy(raw);
  if (!decoded.encoding) return { text: raw, encoding: null };
  steps.push(decoded.encoding === 'tcvn3' ? 'tcvn3_decoded' : 'vni_decoded');
  return decoded;
}

/** The bare name of the key: the text after the prefix, or "<unit word> <n>" for a numbered unit. */
function bareName(prefix: ParsedPrefix, off: ReadonlySet<Stage> | undefined, steps: TextReason[]): string {
  if (prefix.number === null) return prefix.rest;
  const digits = off?.has('number_normalised') ? prefix.digits! : String(prefix.number);
  if (digits !== prefix.digits) steps.push('number_normalised');
  return prefix.unitType ? `${UNIT_WORD[prefix.unitType]} ${digits}` : digits;
}

/** `normalised` folded (diacritics, then i/y), without separators unless spacing is switched off. */
function foldedKey(normalised: string, off: ReadonlySet<Stage> | undefined, steps: TextReason[]): string {
  let folded = normalised;
  if (!off?.has('diacritics_folded')) {
    const f = foldDiacritics(folded);
    if (f !== folded) steps.push('diacritics_folded');
    folded = f;
    if (!off?.has('iy_normalised')) {
      const iy = foldIY(folded);
      if (iy !== folded) steps.push('iy_normalised');
      folded = iy;
    }
  }
  return off?.has('spacing_normalised') ? folded : folded.replace(SEPARATORS, '');
}

const I_FOR_Y: Readonly<Record<string, string>> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };

/** The i/y unification of `foldIY`, applied to marked text: only the final y that foldIY turns into i changes. */
export function spelledKey(normalised: string): string {
  return normalised
    .split(SEPARATORS)
    .map((word) => {
      const last = word.slice(-1);
      if (!(last in I_FOR_Y)) return word;
      const folded = foldDiacritics(word);
      return foldIY(folded).endsWith('i') && folded.endsWith('y') ? word.slice(0, -1) + I_FOR_Y[last] : word;
    })
    .join('');
}

/**
 * Computes the keys; stages in `off` are skipped (used only to explain matches). Without `off`, the same keys and
 * steps are computed with fewer passes over the text (see fastNameKeys); with it (even empty), stage by stage.
 */
export function computeNameKeys(raw: string, kind: NameKind, off?: ReadonlySet<Stage>): NameKeys {
  return off === undefined ? fastNameKeys(raw, kind) : stagedNameKeys(raw, kind, off);
}

/**
 * The keys computed stage by stage, each stage recorded when it changed the text; stages in `off` are skipped. The
 * definition that `fastNameKeys` agrees with (name-keys.property.test.ts checks both on every shipped name).
 */
function stagedNameKeys(raw: string, kind: NameKind, off: ReadonlySet<Stage> | undefined): NameKeys {
  const exact = raw.trim().normalize('NFC');
  const normalisedSteps: TextReason[] = [];
  const exactSteps: TextReason[] = exact !== raw.trim() ? ['nfc_normalised'] : [];
  // Fast path for plain ASCII names without odd spacing: most stages cannot change them.
  const plain = ASCII_PRINTABLE.test(raw);
  const { text: decoded, encoding } = decodeStage(raw, plain, off, normalisedSteps);
  let s = decoded;
  s = apply(s, 'nfc_normalised', (x) => x.normalize('NFC'));
  s = apply(s, 'whitespace_normalised', normaliseWhitespace);
  s = apply(s, 'punctuation_normalised', normalisePunctuation);
  s = apply(s, 'case_normalised', (x) => x.toLowerCase());
  if (!plain) s = apply(s, 'tone_normalised', normaliseTonePlacement);

  const prefix = parseUnitPrefix(s, kind);
  const normalised = bareName(prefix, off, normalisedSteps);
  const compactSteps = [...normalisedSteps];
  const compact = off?.has('spacing_normalised') ? normalised : normalised.replace(SEPARATORS, '');
  if (compact !== normalised) compactSteps.push('spacing_normalised');
  const foldedSteps = [...compactSteps];
  const folded = foldedKey(normalised, off, foldedSteps);
  const marked = !plain && foldDiacritics(normalised) !== normalised;

  return keysRecord(raw, exact, encoding, prefix, {
    normalised,
    compact,
    folded,
    marked,
    spelled: marked ? spelledKey(normalised) : folded,
    steps: { exact: exactSteps, normalised: normalisedSteps, compact: compactSteps, folded: foldedSteps },
  });

  function apply(text: string, stage: Stage, fn: (x: string) => string): string {
    if (off?.has(stage)) return text;
    const out = fn(text);
    if (out !== text) normalisedSteps.push(stage);
    return out;
  }
}

/**
 * Code units the whitespace or punctuation stage may change (besides a space at an end or beside another): controls
 * and every \s character, the invisible ones, apostrophes and dashes. Checked unit by unit in the property test.
 */
const TIDYING = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x00, 0x1f],
  [0x27, 0x27],
  [0x2d, 0x2d],
  [0x60, 0x60],
  [0x7f, 0x7f],
  [0xa0, 0xa0],
  [0xad, 0xad],
  [0xb4, 0xb4],
  [0x2b9, 0x2b9],
  [0x2bb, 0x2bc],
  [0x1680, 0x1680],
  [0x180e, 0x180e],
  [0x2000, 0x2015],
  [0x2018, 0x201b],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x2032, 0x2032],
  [0x205f, 0x2060],
  [0x2212, 0x2212],
  [0x3000, 0x3000],
  [0xfe58, 0xfe58],
  [0xfe63, 0xfe63],
  [0xfeff, 0xfeff],
  [0xff0d, 0xff0d],
])
  TIDYING.fill(1, from, to + 1);

/**
 * Whether normaliseWhitespace and then normalisePunctuation return `s` unchanged: no character either stage
 * replaces or removes, and no space at an end or next to another space. (A conservative test: false sends the text
 * through both stages.)
 */
function alreadyTidy(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (s.charCodeAt(0) === 0x20 || s.charCodeAt(n - 1) === 0x20) return false;
  let space = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20) {
      if (space) return false;
      space = true;
    } else {
      if (TIDYING[c] === 1) return false;
      space = false;
    }
  }
  return true;
}

/** The whitespace and punctuation stages, run only on a text they may change. */
function tidied(s: string, steps: TextReason[]): string {
  if (alreadyTidy(s)) return s;
  const w = normaliseWhitespace(s);
  if (w !== s) steps.push('whitespace_normalised');
  const p = normalisePunctuation(w);
  if (p !== w) steps.push('punctuation_normalised');
  return p;
}

/** A y-letter, with or without a tone: the only words spelledKey may change end in one. */
const Y_LETTER = /[yýỳỷỹỵ]/;

/**
 * The steps of the normalised, compact and folded tiers, from those of the stages up to the normalised key and the
 * texts each later step made. The keys stay in the memo for the whole run: each list is made at its size, and a
 * tier that took no step of its own shares the list of the tier before.
 */
function tierSteps(
  steps: readonly TextReason[],
  t: { normalised: string; compact: string; unmarked: string; iy: string },
): { normalised: TextReason[]; compact: TextReason[]; folded: TextReason[] } {
  const normalised = steps.slice();
  const compact: TextReason[] = t.compact !== t.normalised ? [...normalised, 'spacing_normalised'] : normalised;
  if (t.unmarked === t.normalised && t.iy === t.unmarked) return { normalised, compact, folded: compact };
  const own: TextReason[] = t.unmarked === t.normalised ? [] : ['diacritics_folded'];
  if (t.iy !== t.unmarked) own.push('iy_normalised');
  return { normalised, compact, folded: compact.concat(own) };
}

/**
 * The keys of `stagedNameKeys` with nothing switched off, computed with fewer passes: the whitespace and
 * punctuation stages run only on a text they may change, NFC runs once for a name read as it was written, the
 * diacritics are folded once for both the folded key and `marked`, and a name with no y-letter is spelled as its
 * compact key (what spelledKey returns for it).
 */
function fastNameKeys(raw: string, kind: NameKind): NameKeys {
  const trimmed = raw.trim();
  const plain = ASCII_PRINTABLE.test(raw);
  // ASCII text is its own NFC.
  const exact = plain ? trimmed : trimmed.normalize('NFC');
  const steps: TextReason[] = [];
  const exactSteps: TextReason[] = exact !== trimmed ? ['nfc_normalised'] : [];
  const decoded = plain ? { text: raw, encoding: null } : decodeLegacy(raw);
  const encoding = decoded.encoding;
  let s = decoded.text;
  if (encoding) steps.push(encoding === 'tcvn3' ? 'tcvn3_decoded' : 'vni_decoded');
  if (!plain) {
    // NFC of the untouched, untrimmed name is `exact` already.
    const nfc = encoding === null && trimmed.length === raw.length ? exact : s.normalize('NFC');
    if (nfc !== s) steps.push('nfc_normalised');
    s = nfc;
  }
  s = tidied(s, steps);
  const lower = s.toLowerCase();
  if (lower !== s) steps.push('case_normalised');
  s = lower;
  if (!plain) {
    const toned = normaliseTonePlacement(s);
    if (toned !== s) steps.push('tone_normalised');
    s = toned;
  }

  const prefix = parseUnitPrefix(s, kind);
  const normalised = bareName(prefix, undefined, steps);
  const compact = normalised.replace(SEPARATORS, '');
  // Not skipped for ASCII: a numbered unit's key spells its unit word out ("phuong 1" → "phường 1").
  const unmarked = foldDiacritics(normalised);
  const iy = foldIY(unmarked);
  const folded = iy.replace(SEPARATORS, '');
  const marked = !plain && unmarked !== normalised;

  return keysRecord(raw, exact, encoding, prefix, {
    normalised,
    compact,
    folded,
    marked,
    spelled: marked ? (Y_LETTER.test(normalised) ? spelledKey(normalised) : compact) : folded,
    steps: { exact: exactSteps, ...tierSteps(steps, { normalised, compact, unmarked, iy }) },
  });
}

/**
 * Whether the folded tier may join two names whose folded keys are equal: one of them is written without
 * diacritics (typed so, or decoded from a legacy font into a form that lost them), or both are the same marked
 * name up to the i/y spelling. Two marked names that still differ ("Quán Triều", "Quan Triều") are different
 * names.
 */
export function foldingJoins(a: NameKeys, b: NameKeys): boolean {
  return !a.marked || !b.marked || a.spelled === b.spelled;
}

/**
 * Keys already computed in this process, per kind: one run meets each name several times (edition check,
 * matching, audit, report), and the keys are a pure function of the name. Read-only once made; bounded.
 */
const memo = new Map<NameKind, Map<string, NameKeys>>();
const MEMO_LIMIT = 100_000;

/** Forgets the memo (a benchmark that times normalisation again, run after run). */
export function clearNameKeysMemo(): void {
  memo.clear();
}

/**
 * The keys of a name for every tier, with the transformations each tier needed. `cache` (raw name → keys)
 * must hold names of this one `kind` only; without it the process-wide memo of that kind is used.
 */
export function nameKeys(raw: string, kind: NameKind, cache?: Map<string, NameKeys>): NameKeys {
  let store = cache ?? memo.get(kind);
  if (!store) memo.set(kind, (store = new Map()));
  let keys = store.get(raw);
  if (!keys) {
    // Not through computeNameKeys: a call site that also takes the staged path would be compiled with both.
    keys = fastNameKeys(raw, kind);
    if (cache || store.size < MEMO_LIMIT) store.set(raw, keys);
  }
  return keys;
}
