import { describe, expect, it } from 'vitest';
import { explainKeyMatch, firstMatchingTier, nameKeys } from './text.js';

function why(a: string, b: string) {
  const ka = nameKeys(a, 'commune');
  const kb = nameKeys(b, 'commune');
  const tier = firstMatchingTier(ka, kb);
  if (!tier) throw new Error(`${a} / ${b} do not meet`);
  return explainKeyMatch(ka, kb, tier);
}

describe('explainKeyMatch', () => {
  it('names only what differs: a double space is not a difference of case', () => {
    expect(why('Phường Hàng Buồm', 'Phường  Hàng Buồm')).toEqual(['whitespace_normalised']);
  });

  it('names a difference of case when a word differs in case alone', () => {
    expect(why('Xã Hòa Bình', 'Xã HÒA BÌNH')).toContain('case_normalised');
    expect(why('Xã Hòa Bình', 'xã hòa bình')).toContain('case_normalised');
  });
});
