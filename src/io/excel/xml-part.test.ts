import { describe, expect, it } from 'vitest';
import { escapeXml } from './xml-text.js';
import { readSharedStrings } from './sheet-read.js';
import { readXmlPart } from './xml-part.js';

const src = { file: '/tmp/x/bang.xlsx', part: 'xl/sharedStrings.xml' };

function refusal(xml: string | Buffer): { key: string; params: Record<string, unknown> } {
  try {
    readSharedStrings(xml, src);
  } catch (e) {
    return e as { key: string; params: Record<string, unknown> };
  }
  throw new Error('read without refusal');
}

describe('the shared-string table', () => {
  it('joins rich-text runs, skips phonetic runs and decodes references and _xHHHH_ escapes', () => {
    expect(
      readSharedStrings(
        '<sst><si><r><rPr><b/></rPr><t>Phường </t></r><r><t xml:space="preserve">Phúc &amp; Xá</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>' +
          '<si/><si><t/></si><si><t>&#7871;</t></si><si><t>a_x000D_b</t></si><si><t><![CDATA[<x>]]></t></si></sst>',
        src,
      ),
    ).toEqual(['Phường Phúc & Xá', '', '', 'ế', 'a\rb', '<x>']);
  });

  it('reads the same whatever slice boundary cuts a character', () => {
    const name = 'ờ Hàng Trống';
    const item = `<si><t>${'x'.repeat(1000)}</t></si>`;
    for (let shift = 0; shift < 4; shift++) {
      const head = `<sst>${item.repeat(1030)}<si><t>`;
      const fill = (1 << 20) - 1 - shift - Buffer.byteLength(head) - '</t></si><si><t>'.length;
      const xml = Buffer.from(`${head}${'y'.repeat(fill)}</t></si><si><t>${name}</t></si></sst>`, 'utf8');
      expect(xml.indexOf(Buffer.from('ờ'))).toBe((1 << 20) - 1 - shift);
      const strings = readSharedStrings(xml, src);
      expect(strings).toHaveLength(1032);
      expect(strings[1031]).toBe(name);
    }
  });

  it.each([
    ['an unclosed <si>', '<sst><si><t>a</t><si><t>b</t></si></sst>', 1, /unexpected close tag/],
    ['a mismatched close tag', '<sst><si><t>a</si></t></sst>', 1, /unexpected close tag/],
    ['an element left open at the end', '<sst><si><t>a</t></si>', 1, /unclosed tag: sst/],
    ['a NUL character', '<sst><si><t>a\u0000b</t></si></sst>', 1, /disallowed character/],
    ['an empty character reference', '<sst><si><t>a&#x;b</t></si></sst>', 1, /malformed character entity/],
    ['a reference to NUL', '<sst><si><t>&#0;</t></si></sst>', 1, /malformed character entity/],
    ['a reference past U+10FFFF', '<sst><si><t>&#x110000;</t></si></sst>', 1, /malformed character entity/],
    ['an undefined entity', '<sst><si><t>&nbsp;</t></si></sst>', 1, /undefined entity/],
    ['a DOCTYPE', '<!DOCTYPE sst [<!ENTITY a "b">]>\n<sst><si><t>&a;</t></si></sst>', 1, /DOCTYPE/],
    ['a second line error', '<sst>\n<si><t>a</t></si>\n<si><t>a<b</t></si></sst>', 3, /disallowed character/],
  ])('refuses %s naming the part, line and column', (_what, xml, line, reason) => {
    const e = refusal(xml);
    expect(e.key).toBe('excel.xml.malformed');
    expect(e.params).toMatchObject({ path: 'bang.xlsx', part: 'xl/sharedStrings.xml', line });
    expect(e.params.reason).toMatch(reason);
    expect(e.params.column).toEqual(expect.any(Number));
  });

  it('refuses bytes that are not UTF-8 instead of replacing them', () => {
    const e = refusal(
      Buffer.concat([Buffer.from('<sst><si><t>a'), Buffer.from([0xc3, 0x28]), Buffer.from('</t></si></sst>')]),
    );
    expect(e.key).toBe('excel.xml.malformed');
    expect(e.params.reason).toMatch(/UTF-8/);
  });

  it('quotes at most 200 characters of the input in the reason', () => {
    const name = 'a'.repeat(5000);
    const e = refusal(`<sst><${name}>`);
    expect(String(e.params.reason).length).toBeLessThanOrEqual(200 + 12);
    expect(String(e.params.reason)).toContain('…');
  });

  it('refuses a shared string longer than a cell may be, while reading it', () => {
    const e = refusal(`<sst><si><t>${'a'.repeat(32_768)}</t></si></sst>`);
    expect(e.key).toBe('excel.limit.sharedString');
    expect(e.params).toMatchObject({ index: 0, limit: 32_767 });
  });

  it('gives a listener element names without their namespace prefix', () => {
    const seen: string[] = [];
    readXmlPart('<x:a xmlns:x="u"><x:b/></x:a>', src, { open: (n) => seen.push(n), close: (n) => seen.push(`/${n}`) });
    expect(seen).toEqual(['a', 'b', '/b', '/a']);
  });

  it('escapes what XML needs and drops what XML 1.0 forbids', () => {
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(readSharedStrings(`<sst><si><t>${escapeXml('Xã "Tân" & <Hòa>')}</t></si></sst>`, src)).toEqual([
      'Xã "Tân" & <Hòa>',
    ]);
  });
});
