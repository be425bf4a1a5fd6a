import { describe, expect, it } from 'vitest';
import { decodeUtf8Strict, stripBom } from './utf8.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('stripBom', () => {
  it('removes one leading byte order mark and nothing else', () => {
    expect(stripBom('\ufeffXã')).toBe('Xã');
    expect(stripBom('\ufeff\ufeffa')).toBe('\ufeffa');
    expect(stripBom('a\ufeff')).toBe('a\ufeff');
    expect(stripBom('')).toBe('');
  });
});

describe('decodeUtf8Strict', () => {
  it('decodes valid UTF-8, Vietnamese and four-byte characters included', () => {
    const text = 'Thành phố Huế 😀\nXã Hòa Bình';
    expect(decodeUtf8Strict(new TextEncoder().encode(text))).toEqual({ ok: true, text });
  });

  it('names the first byte that is not UTF-8 and its line, instead of decoding it as U+FFFD', () => {
    // "Hu" then 0xE1 0xBA (a cut-off "ế"), as a Windows-1258 file read as UTF-8 would give.
    expect(decodeUtf8Strict(bytes(0x61, 0x0a, 0x48, 0x75, 0xe1, 0xba, 0x0a))).toEqual({
      ok: false,
      offset: 4,
      line: 2,
    });
    expect(decodeUtf8Strict(bytes(0xff))).toEqual({ ok: false, offset: 0, line: 1 });
  });

  it('refuses overlong forms, surrogates and code points above U+10FFFF', () => {
    for (const bad of [
      bytes(0xc0, 0xaf),
      bytes(0xe0, 0x80, 0xaf),
      bytes(0xed, 0xa0, 0x80),
      bytes(0xf0, 0x80, 0x80, 0xaf),
      bytes(0xf4, 0x90, 0x80, 0x80),
      bytes(0x80),
    ])
      expect(decodeUtf8Strict(bad).ok, [...bad].map((b) => b.toString(16)).join(' ')).toBe(false);
  });
});
