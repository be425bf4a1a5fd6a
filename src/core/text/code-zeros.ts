/**
 * Codes typed as numbers: Excel drops GSO leading zeros ("00001" → 1) and may show "1.0". GSO codes are
 * padded back to 2/3/5 digits; TMS codes (3/5/8 digits, no leading zero) are only cleaned, never padded.
 */
import type { CodeLevel, CodeRepairResult, CodeSystem } from './text-types.js';

const GSO_WIDTH: Readonly<Record<CodeLevel, number>> = { province: 2, district: 3, commune: 5 };

export function restoreCodeZeros(code: string, level: CodeLevel, system: CodeSystem): CodeRepairResult {
  let c = code.trim();
  const float = /^(\d+)\.0+$/.exec(c);
  if (float) c = float[1];
  if (system === 'gso' && /^\d+$/.test(c) && c.length < GSO_WIDTH[level]) {
    return { code: c.padStart(GSO_WIDTH[level], '0'), leadingZeroRestored: true };
  }
  return { code: c, leadingZeroRestored: false };
}
