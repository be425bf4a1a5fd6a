import { describe, expect, it } from 'vitest';
import { startTagEnd } from './xml-tag-end.js';

describe('the end of a start tag', () => {
  it('is the first > outside quoted attribute values, either quote', () => {
    const tag = `<a x="1>2" y='>' z="'">text</a>`;
    expect(startTagEnd(tag, 2)).toBe(tag.indexOf('>text'));
    expect(startTagEnd('<br/>', 3)).toBe(4);
  });

  it('is not there when a < comes first outside quotes, or the text ends', () => {
    expect(startTagEnd('<a <b>', 2)).toBe(-1);
    expect(startTagEnd('<a x="<">', 2)).toBe(8);
    expect(startTagEnd('<a x="1>', 2)).toBe(-1);
    expect(startTagEnd('<a', 2)).toBe(-1);
  });
});
