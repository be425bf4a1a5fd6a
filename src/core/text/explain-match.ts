import type { NameKeys, TextReason, Tier } from './types.js';
export function firstMatchingTier(_a: NameKeys, _b: NameKeys): Tier | null { return null; }
export function explainKeyMatch(_std: NameKeys, _tax: NameKeys, _tier: Tier): TextReason[] { return []; }
