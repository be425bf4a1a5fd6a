import { describe, expect, it } from 'vitest';
import { isRegexSpace } from './whitespace.js';

describe('isRegexSpace', () => {
  it('is what \\s of a regular expression matches, for every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isRegexSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });
});
