import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanLean, type LeanListener, type LeanTag } from './xml-lean.js';
import { readXmlPart, type PartListener } from './xml-part.js';
import { readSharedStrings, readSheetRows } from './sheet-read.js';
import { parseRelationships, parseSheets } from './package-parts.js';
import { dateStyleIndexes } from './styles-read.js';

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

/** The same record, through the fast interface: attributes read by offset, texts as ranges of the part. */
class OffsetRecorder extends Recorder implements LeanListener {
  openTag(name: string, tag: LeanTag): void {
    const entries: [string, string][] = [];
    for (let i = 0; i < tag.count; i++) {
      const [name, value] = [tag.name(i), tag.value(i)];
      // What find and the offsets say must agree with the substrings.
      expect(tag.find(name)).toBe(i);
      expect(tag.xml.slice(tag.valueStart(i), tag.valueEnd(i))).toBe(value);
      entries.push([name, value]);
    }
    this.events.push(`open ${name} ${JSON.stringify(entries)}`);
  }
  textAt(xml: string, start: number, end: number): void {
    this.text(xml.slice(start, end));
  }
}

/** What a reader makes of `xml`: its events, or the refusal with its parameters. */
function outcome(xml: string, fast: boolean | 'offsets'): unknown {
  try {
    const r =
      fast === 'offsets'
        ? readXmlPart(xml, src, () => new OffsetRecorder())
        : fast
          ? readXmlPart(xml, src, () => new Recorder())
          : readXmlPart(xml, src, new Recorder());
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
    const o = new OffsetRecorder();
    expect(scanLean(WELL_FORMED, o)).toBe(true);
    expect(o.events).toEqual(r.events);
    expect(o.events).toContain(
      `open c ${JSON.stringify([
        ['r', 'A1'],
        ['t', 's'],
      ])}`,
    );
  });

  it('finds an attribute by its whole qualified name, never by a prefix or a part of it', () => {
    const found: number[][] = [];
    const listener: LeanListener = {
      open() {},
      close() {},
      textAt() {},
      openTag(_name, tag) {
        found.push(['r', 'rr', 'x:r', 's', 't', ''].map((n) => tag.find(n)));
      },
    };
    expect(scanLean(`<a rr="1" x:r='2' r="3"  s = "" ><b/></a>`, listener)).toBe(true);
    expect(found).toEqual([
      [2, 0, 1, 3, -1, -1],
      [-1, -1, -1, -1, -1, -1],
    ]);
  });

  it('leaves a start tag of more than 64 attributes to saxes, and reads one of 64', () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => ` a${i}="${i}"`).join('');
    expect(scanLean(`<a${attrs(65)}/>`, new OffsetRecorder())).toBe(false);
    const r = new OffsetRecorder();
    expect(scanLean(`<a${attrs(64)}/>`, r)).toBe(true);
    expect(r.events).toEqual(outcome(`<a${attrs(64)}/>`, false));
    expect(outcome(`<a${attrs(65)}/>`, 'offsets')).toEqual(outcome(`<a${attrs(65)}/>`, false));
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
    ['a duplicate prefixed attribute', '<a x:bc="1" d="" x:bc="2"/>'],
    ['an attribute named __proto__', '<a __proto__="1"/>'],
    ['attributes without a space', '<a b="1"c="2"/>'],
    ['a non-ASCII name', '<a><ô/></a>'],
    ['a second root', '<a/><b/>'],
    ['text outside the root', '<a/>x'],
    ['no root', '  '],
  ])('leaves %s to saxes', (_what, xml) => {
    expect(scanLean(xml, new Recorder())).toBe(false);
    expect(scanLean(xml, new OffsetRecorder())).toBe(false);
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
      '<c r="A1" s="2" t="s" x:r="B"/>',
      '<x:c x:t="s" t="b">',
      '</x:c>',
      '</cc>',
      '</c >',
      '<c a="1" b="2" a="3"/>',
      '<row r="1" spans="1:3" x14ac:dyDescent="0.25">',
      "<cc r='A1'>",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), fc.boolean(), (parts, decl) => {
        const xml = `${decl ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ''}<sheetData>${parts.join('')}</sheetData>`;
        const bySaxes = outcome(xml, false);
        expect(outcome(xml, true)).toEqual(bySaxes);
        expect(outcome(xml, 'offsets')).toEqual(bySaxes);
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

/** A sheet's rows as the sheet reader gives them, or its refusal. */
function sheetOutcome(xml: string): unknown {
  try {
    const ctx = {
      sheet: 'MX CQT',
      file: src.file,
      part: src.part,
      sharedStrings: ['a', 'Xã b'],
      dateStyles: new Set([2]),
    };
    return readSheetRows(xml, ctx);
  } catch (e) {
    return { key: (e as { key?: string }).key, params: (e as { params?: unknown }).params };
  }
}

describe('the sheet reader through the fast scanner', () => {
  /** A comment before the rows sends the part to saxes (the fast scanner leaves comments to it). */
  const bySaxes = (sheetData: string) => `<worksheet><!-- saxes --><sheetData>${sheetData}</sheetData></worksheet>`;
  const byScanner = (sheetData: string) => `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`;

  it('reads rows, references, types, styles and shared-string indexes in place as saxes reads them', () => {
    const row = fc.oneof(fc.constantFrom('1', '2', '3', '02', '0', '', ' 2', '12345678', 'x'), fc.constant(undefined));
    const ref = fc.oneof(
      fc.constantFrom('A', 'B', 'C', 'AA', 'XFD', 'XFE', 'ZZZZ', 'a', 'A0', 'A02', '1', ''),
      fc.constant(undefined),
    );
    const type = fc.oneof(
      fc.constantFrom('s', 'str', 'inlineStr', 'b', 'e', 'd', 'n', '', 'S', 'st', 'strx', 'inlineString', 'x'),
      fc.constant(undefined),
    );
    const style = fc.oneof(
      fc.constantFrom('0', '2', '02', ' 2', '1e0', '', 'x', '9999999999', '2.0'),
      fc.constant(undefined),
    );
    const value = fc.oneof(
      fc.constantFrom('0', '1', '01', '2', ' 1', '', '1.5', 'abc', '&#49;', '1&#48;', '99999999999999999999', 'true'),
      fc.constant(undefined),
    );
    const attr = (name: string, v: string | undefined) => (v === undefined ? '' : ` ${name}="${v}"`);
    const cell = fc
      .record({ ref, type, style, value, formula: fc.boolean(), split: fc.boolean() })
      .map(({ ref, type, style, value, formula, split }) => ({ ref, type, style, value, formula, split }));
    const rows = fc.array(fc.record({ r: row, cells: fc.array(cell, { maxLength: 4 }) }), { maxLength: 4 });
    fc.assert(
      fc.property(rows, (sheet) => {
        const data = sheet
          .map(({ r, cells }, i) => {
            const rowNumber = r ?? String(i + 1);
            const inner = cells
              .map((c) => {
                const a = `${attr('r', c.ref === undefined ? undefined : c.ref + rowNumber)}${attr('s', c.style)}${attr('t', c.type)}`;
                const v = c.value === undefined ? '' : c.split ? `<v>${c.value}<x/>1</v>` : `<v>${c.value}</v>`;
                return `<c${a}>${c.formula ? '<f>A1</f>' : ''}${v}</c>`;
              })
              .join('');
            return `<row${attr('r', r)}>${inner}</row>`;
          })
          .join('');
        expect(sheetOutcome(byScanner(data))).toEqual(sheetOutcome(bySaxes(data)));
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('names the cell of a bad shared-string index, read in place, as saxes does', () => {
    const data = '<row r="4"><c r="B4" t="s"><v>7</v></c></row>';
    const refusal = sheetOutcome(byScanner(data));
    expect(refusal).toEqual(sheetOutcome(bySaxes(data)));
    expect(refusal).toMatchObject({ key: 'excel.sheet.sharedIndex', params: { cell: 'B4', index: '7' } });
  });

  it('reads the shared strings as saxes reads them', () => {
    const items =
      '<si><t>a</t></si><si><r><t>Phường </t></r><r><t>Phúc &amp; Xá</t></r></si><si/><si><t>b_x000D_</t></si>';
    const fast = readSharedStrings(`<sst>${items}</sst>`, src);
    expect(fast).toEqual(readSharedStrings(`<sst><!-- saxes -->${items}</sst>`, src));
    expect(fast).toEqual(['a', 'Phường Phúc & Xá', '', 'b\r']);
  });
});

describe('the package parts and the styles through the fast scanner', () => {
  /** A comment after the declaration sends a part to saxes. */
  const viaSaxes = (xml: string) => xml.replace('?>', '?><!-- saxes -->');
  const decl = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

  it('reads the relationships, the sheets and the date styles as saxes reads them', () => {
    const rels =
      `${decl}<Relationships xmlns="urn:r"><Relationship Id="rId1" Type="urn:t/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="urn:t/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="urn:t/hyperlink" Target="http://x/" TargetMode="External"/></Relationships>`;
    const relsOf = (xml: string) => parseRelationships(xml, { file: src.file, part: 'xl/_rels/workbook.xml.rels' });
    const fast = relsOf(rels);
    expect(fast).toEqual(relsOf(viaSaxes(rels)));
    expect(fast.map((r) => [r.id, r.external])).toEqual([
      ['rId1', false],
      ['rId2', false],
      ['rId3', true],
    ]);

    const workbook =
      `${decl}<x:workbook xmlns:x="urn:w" xmlns:rel="urn:r"><x:sheets><x:sheet name="MX Bo TTTT" sheetId="1" rel:id="rId1"/>` +
      `<x:sheet name="MX CQT" sheetId="2" state="hidden" rel:id="rId2"/></x:sheets></x:workbook>`;
    const sheetsOf = (xml: string) =>
      parseSheets(xml, { file: src.file, part: 'xl/workbook.xml' }, 'xl/workbook.xml', fast);
    const sheets = sheetsOf(workbook);
    expect(sheets).toEqual(sheetsOf(viaSaxes(workbook)));
    expect(sheets.map((s) => [s.name, s.state, s.part])).toEqual([
      ['MX Bo TTTT', 'visible', 'xl/worksheets/sheet1.xml'],
      ['MX CQT', 'hidden', 'xl/worksheets/sheet2.xml'],
    ]);

    const styles =
      `${decl}<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
      `<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="49"/></cellXfs></styleSheet>`;
    const datesOf = (xml: string) => [...dateStyleIndexes(xml, { file: src.file, part: 'xl/styles.xml' })];
    expect(datesOf(styles)).toEqual(datesOf(viaSaxes(styles)));
    expect(datesOf(styles)).toEqual([1, 2]);
  });
});
