/** Diacritic folding (all tone and vowel marks removed, đ→d) and the i/y spelling equivalence. */
const cache = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    folded = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    cache.set(ch, folded);
  }
  return folded;
}

export function foldDiacritics(s: string): string {
  let out = '';
  for (const ch of s) out += ch.charCodeAt(0) < 0x80 ? ch : foldChar(ch);
  return out;
}

/**
 * "Sỹ"/"Sĩ", "Quý"/"Quí", "Kỳ"/"Kì": a final y after a consonant or "qu" is written i. Expects folded,
 * lower-case text; a y after another vowel ("Thủy", "Tây") is a different sound and is left alone.
 */
export function foldIY(s: string): string {
  return s.replace(/(^|[^a-z])([a-z]*)y(?![a-z])/gi, (whole, lead: string, onset: string) =>
    onset === '' || /qu$/i.test(onset) || !/[aeiou]$/i.test(onset) ? `${lead}${onset}i` : whole,
  );
}
