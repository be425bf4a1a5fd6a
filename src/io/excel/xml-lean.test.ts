import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanLean } from './xml-lean.js';
import { readXmlPart, type PartListener } from './xml-part.js';

const src = { file: '/tmp/x/lean.xlsx', part: 'xl/worksheets/sheet1.xml' };

/** Every event, with adjacent texts joined (either reader may cut a text in pieces). */
class Recorder implements PartListener {
  readonly events: string[] = [];
  open(name: string, attrs: Readonly<Record<string, string>>): void {
    this.events.push(`open ${name} ${JSON.stringify(Object.entries(attrs))}`);
  }
  close(name: string): void {
    this.events.push(`close ${name}`);
  }
  text(t: string): void {
    const last = this.events.length - 1;
    if (last >= 0 && this.events[last].startsWith('text ')) this.events[last] += t;
    else this.events.push(`text ${t}`);
  }
  markup(kind: string): void {
    this.events.push(`markup ${kind}`);
  }
}

/** What a reader makes of `xml`: its events, or the refusal with its parameters. */
function outcome(xml: string, fast: boolean): unknown {
  try {
    const r = fast ? readXmlPart(xml, src, () => new Recorder()) : readXmlPart(xml, src, new Recorder());
    return r.events.filter((e) => e !== 'text ');
  } catch (e) {
    return { key: (e as { key?: string }).key, params: (e as { params?: unknown }).params };
  }
}

const WELL_FORMED =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="urn:x"><sheetData>' +
  '<row r="1" spans="1:3"><c r="A1" t="s"><v>0</v></c><c r="B1" s=\'2\'/><c r="C1" t="inlineStr"><is><t xml:space="preserve"> a &amp; b &#7871;&#x1F600; &lt;&gt;&quot;&apos; </t></is></c></row>' +
  '<x:row r="2"><x:c r = "A2" ><x:v>1.5</x:v></x:c></x:row></sheetData></worksheet>\n';

describe('the fast reader of plain parts', () => {
  it('reads a plain part itself, with the events saxes gives', () => {
    const r = new Recorder();
    expect(scanLean(WELL_FORMED, r)).toBe(true);
    expect(r.events.filter((e) => e !== 'text ')).toEqual(outcome(WELL_FORMED, false));
    expect(r.events).toContain('text  a & b ế😀 <>"\' ');
  });

  it.each([
    ['a comment', '<a><!-- c --></a>'],
    ['CDATA', '<a><![CDATA[x]]></a>'],
    ['a processing instruction', '<a><?pi x?></a>'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>'],
    ['a carriage return', '<a>x\r\ny</a>'],
    ['a NUL', '<a>x\u0000</a>'],
    ['"]]>" in text', '<a>]]></a>'],
    ['an XML 1.1 declaration', '<?xml version="1.1"?><a/>'],
    ['an unclosed element', '<a><b></a>'],
    ['a mismatched close tag', '<a><b></a></b>'],
    ['an element left open', '<a><b/>'],
    ['an empty character reference', '<a>&#x;</a>'],
    ['a reference to NUL', '<a>&#0;</a>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a reference in an attribute', '<a b="&amp;"/>'],
    ['a duplicate attribute', '<a b="1" b="2"/>'],
    ['attributes without a space', '<a b="1"c="2"/>'],
    ['a non-ASCII name', '<a><ô/></a>'],
    ['a second root', '<a/><b/>'],
    ['text outside the root', '<a/>x'],
    ['no root', '  '],
  ])('leaves %s to saxes', (_what, xml) => {
    expect(scanLean(xml, new Recorder())).toBe(false);
  });

  it('gives the same events or the same refusal (part, line, column, reason) as saxes, on damaged parts', () => {
    const pieces = [
      '<row r="1">',
      '</row>',
      '<c r="A1" t="s">',
      '<c r="B1"/>',
      '</c>',
      '<v>',
      '</v>',
      '12',
      ' ',
      '\n',
      'Phường Hàng Trống',
      '&amp;',
      '&#x;',
      '&#0;',
      '&#65;',
      '&#x1F600;',
      '&bad;',
      '&',
      '<',
      '>',
      ']]>',
      '\r',
      '\u0000',
      '<!-- x -->',
      '<![CDATA[<y>]]>',
      '<?pi?>',
      '<is><t>a</t></is>',
      '<x:v>1</x:v>',
      '<c r="A1" r="A2"/>',
      '<c r="A1"s="1"/>',
      "<c r='A1' />",
      '</ c>',
      '<c/ >',
      '</>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), fc.boolean(), (parts, decl) => {
        const xml = `${decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}<sheetData>${parts.join('')}</sheetData>`;
        expect(outcome(xml, true)).toEqual(outcome(xml, false));
      }),
      { numRuns: 3000, seed: 19 },
    );
  });

  it('passes an error of the listener on unchanged', () => {
    const refuse = () => ({
      open(name: string) {
        if (name === 'c') throw new Error('limit');
      },
      close() {},
    });
    expect(() => readXmlPart('<a><b/><c/></a>', src, refuse)).toThrow('limit');
  });
});
