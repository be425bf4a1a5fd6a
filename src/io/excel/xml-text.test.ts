import { describe, expect, it } from 'vitest';
import { readSharedStrings } from './sheet-read.js';
import { decodeXml, escapeXml, stringItemText } from './xml-text.js';

describe('string items', () => {
  it('joins rich-text runs, skips phonetic runs and decodes entities and _xHHHH_ escapes', () => {
    expect(
      stringItemText(
        '<r><rPr><b/></rPr><t>Phường </t></r><r><t xml:space="preserve">Phúc &amp; Xá</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh>',
      ),
    ).toBe('Phường Phúc & Xá');
    expect(stringItemText('<t>a_x000D_b</t>')).toBe('a\rb');
    expect(readSharedStrings('<sst><si><t>Mã PX</t></si><si/><si><t/></si><si><t>&#7871;</t></si></sst>')).toEqual([
      'Mã PX',
      '',
      '',
      'ế',
    ]);
  });

  it('escapes what XML needs and drops what XML 1.0 forbids', () => {
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(decodeXml(escapeXml('Xã "Tân" & <Hòa>'))).toBe('Xã "Tân" & <Hòa>');
  });
});
