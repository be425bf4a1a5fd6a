/**
 * Why two names meet: the reasons are computed from both sides. A transformation is a reason only if,
 * switched off on both sides, the two names would no longer meet at that tier; prefix reasons compare the
 * two prefixes directly.
 */
import { computeNameKeys, type Stage } from './name-keys.js';
import { TEXT_REASONS, TIERS, type NameKeys, type NameKind, type TextReason, type Tier } from './text-types.js';

/** The strictest tier at which the two names have equal keys, or null. */
export function firstMatchingTier(a: NameKeys, b: NameKeys): Tier | null {
  for (const tier of TIERS) if (a[tier] === b[tier]) return tier;
  return null;
}

const REASON_ORDER: readonly TextReason[] = TEXT_REASONS;

/** One bit per reason, in REASON_ORDER: the sets below are small integers, not Set objects. */
const BIT = new Map<TextReason, number>(REASON_ORDER.map((r, i) => [r, 1 << i]));
const CASE = BIT.get('case_normalised')!;

function maskOf(reasons: readonly TextReason[]): number {
  let m = 0;
  for (const r of reasons) m |= BIT.get(r)!;
  return m;
}

function stageOf(reason: TextReason): Stage | null {
  if (reason === 'vni_decoded') return 'tcvn3_decoded';
  if (reason === 'prefix_expanded' || reason === 'prefix_stripped' || reason === 'unit_type_changed') return null;
  return reason;
}

/** The reasons that made `std` and `tax` meet at `tier` (which must be a tier where their keys are equal). */
export function explainKeyMatch(std: NameKeys, tax: NameKeys, tier: Tier, kind: NameKind = 'commune'): TextReason[] {
  if (tier === 'exact') return exactReasons(std, tax);
  let out = 0;
  const prefix = prefixReason(std, tax);
  if (prefix) out |= BIT.get(prefix)!;
  const stdSteps = maskOf(std.steps[tier]);
  const taxSteps = maskOf(tax.steps[tier]);
  const applied = stdSteps | taxSteps;
  // Asked at most once a call: whether some word of one name is a word of the other in another case.
  let caseDiffers: boolean | undefined;
  const inCase = () => (caseDiffers ??= wordsDifferInCase(std.exact, tax.exact));
  for (let i = 0; i < REASON_ORDER.length; i++) {
    const bit = 1 << i;
    if (applied & bit && stageWasNeeded(REASON_ORDER[i]!, bit, stdSteps, taxSteps, std, tax, tier, kind, inCase))
      out |= bit;
  }
  if (out === 0) {
    out = applied;
    if (std.exact !== tax.exact && std.exact.toLowerCase() === tax.exact.toLowerCase()) out |= CASE;
  }
  // Lower-casing is a step of every name; it is a reason only when some word really differs in case alone.
  if (out & CASE && out !== CASE && !inCase()) out &= ~CASE;
  return REASON_ORDER.filter((r, i) => out & (1 << i));
}

function exactReasons(std: NameKeys, tax: NameKeys): TextReason[] {
  const out = new Set<TextReason>();
  if (std.steps.exact.length || tax.steps.exact.length) out.add('nfc_normalised');
  if (std.raw.trim() !== std.raw || tax.raw.trim() !== tax.raw) out.add('whitespace_normalised');
  return order(out);
}

function prefixReason(std: NameKeys, tax: NameKeys): TextReason | null {
  if (std.unitType && tax.unitType && std.unitType !== tax.unitType) return 'unit_type_changed';
  if ((std.unitType === null) !== (tax.unitType === null)) return 'prefix_stripped';
  if (std.unitType && std.prefixForm !== tax.prefixForm) return 'prefix_expanded';
  return null;
}

/** A stage that changed one name only made them meet; a stage both needed is put to the test by switching it off. */
function stageWasNeeded(
  reason: TextReason,
  bit: number,
  stdSteps: number,
  taxSteps: number,
  std: NameKeys,
  tax: NameKeys,
  tier: Tier,
  kind: NameKind,
  inCase: () => boolean,
): boolean {
  const stage = stageOf(reason);
  if (stage === null) return false;
  if ((stdSteps & bit) !== (taxSteps & bit)) return true;
  if (reason === 'case_normalised') return inCase();
  return keysWithout(std.raw, kind, stage)[tier] !== keysWithout(tax.raw, kind, stage)[tier];
}

const WORD_BREAK = /[\s\u00a0]+/;

function words(s: string): string[] {
  return s.normalize('NFC').split(WORD_BREAK).filter(Boolean);
}

function wordsDifferInCase(a: string, b: string): boolean {
  const bw = words(b);
  // Each word of `b` lower-cased once, not once for every word of `a`.
  const lower = bw.map((x) => x.toLowerCase());
  for (const w of words(a)) {
    const wl = w.toLowerCase();
    for (let j = 0; j < bw.length; j++) if (bw[j] !== w && lower[j] === wl) return true;
  }
  return false;
}

/**
 * Keys with one stage switched off; kept because the same tax or std name is explained many times in a run. Looked
 * up by stage, kind and name in nested maps: the name is a string the run already holds (its hash is kept with it),
 * where a joined key would be a new string to build and hash on every call.
 */
const WITHOUT = { byStage: new Map<Stage, Map<NameKind, Map<string, NameKeys>>>(), size: 0 };
const WITHOUT_LIMIT = 50_000;

/** Starts a run with an empty cache, so that one run's figures never depend on an earlier run. */
export function clearExplainCache(): void {
  WITHOUT.byStage.clear();
  WITHOUT.size = 0;
}

function keysWithout(raw: string, kind: NameKind, stage: Stage): NameKeys {
  let byKind = WITHOUT.byStage.get(stage);
  if (!byKind) WITHOUT.byStage.set(stage, (byKind = new Map()));
  let byName = byKind.get(kind);
  if (!byName) byKind.set(kind, (byName = new Map()));
  let keys = byName.get(raw);
  if (!keys) {
    if (WITHOUT.size >= WITHOUT_LIMIT) {
      clearExplainCache();
      return keysWithout(raw, kind, stage);
    }
    keys = computeNameKeys(raw, kind, new Set<Stage>([stage]));
    byName.set(raw, keys);
    WITHOUT.size++;
  }
  return keys;
}

function order(set: Set<TextReason>): TextReason[] {
  return REASON_ORDER.filter((r) => set.has(r));
}
