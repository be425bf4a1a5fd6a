/**
 * The worksheet splice, on the markup itself: which bytes change, which stay, what the style callback is given and
 * what the patch reports. The rows and cells are found in place (row-scan.ts); these cases pin the forms it reads.
 */
import { describe, expect, it } from 'vitest';
import { encodeParts, patchSheetXml, type CellWrite } from './sheet-patch.js';

const sheet = (rows: string, p = '', head = '') =>
  `<${p}worksheet xmlns${p ? `:${p.slice(0, -1)}` : ''}="ns">${head}<${p}sheetData>${rows}</${p}sheetData></${p}worksheet>`;

/** Patches `xml`; each write's style is the existing one + 100, and the existing styles seen are returned. */
function patch(xml: string, writes: Omit<CellWrite, 'style'>[]) {
  const seen: number[] = [];
  const r = patchSheetXml(xml, {
    sheet: 'S',
    writes: writes.map((w) => ({ ...w, style: (s: number) => (seen.push(s), s + 100) })),
  });
  return { xml: r.parts.join(''), removedFormula: r.removedFormula, maxColumn: r.maxColumn, seen };
}

const inline = (ref: string, s: number, text: string, p = '') =>
  `<${p}c r="${ref}" s="${s}" t="inlineStr"><${p}is><${p}t>${text}</${p}t></${p}is></${p}c>`;

describe('patchSheetXml', () => {
  it("inserts a cell in column order, drops the patched row's spans and keeps every other byte", () => {
    const row1 = '<row r="1" spans="1:8"><c r="A1" s="3" t="s"><v>0</v></c><c r="H1" s="5"><v>7</v></c></row>';
    const xml = sheet(
      `${row1}<row r="2" spans="1:8" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c><c r="B2" s="4" t="s"><v>10</v></c><c r="J2"/></row>`,
      '',
      '<dimension ref="A1:H2"/>',
    );
    expect(patch(xml, [{ row: 2, column: 8, value: '10101001' }])).toEqual({
      xml: sheet(
        `${row1}<row r="2" x14ac:dyDescent="0.25"><c r="A2"><v>1</v></c><c r="B2" s="4" t="s"><v>10</v></c>${inline('I2', 104, '10101001')}<c r="J2"/></row>`,
        '',
        '<dimension ref="A1:J2"/>',
      ),
      removedFormula: false,
      maxColumn: 9,
      seen: [4],
    });
  });

  it('replaces a cell in a prefixed sheet and reports a formula only for an f element', () => {
    const withFormula =
      '<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="C2" s="2"><x:f>A2*2</x:f><x:v>2</x:v></x:c></x:row>';
    const notFormula = '<x:row r="3"><x:c r="C3" s="2"><fo>1</fo></x:c></x:row>';
    const a = patch(sheet(withFormula + notFormula, 'x:'), [
      { row: 2, column: 2, value: 'x' },
      { row: 3, column: 2, value: 'y' },
    ]);
    expect(a).toEqual({
      xml: sheet(
        `<x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c>${inline('C2', 102, 'x', 'x:')}</x:row><x:row r="3">${inline('C3', 102, 'y', 'x:')}</x:row>`,
        'x:',
      ),
      removedFormula: true,
      maxColumn: 2,
      seen: [2, 2],
    });
    expect(patch(sheet(notFormula, 'x:'), [{ row: 3, column: 2, value: 'y' }]).removedFormula).toBe(false);
  });

  it('numbers rows and cells that carry no number, and inserts missing rows in order', () => {
    const xml = sheet(
      `<row><c><v>1</v></c><c><v>2</v></c></row><row/><row ht="20"><c r="D3"/></row><row r = '5' spans = "1:2"/>`,
    );
    expect(
      patch(xml, [
        { row: 1, column: 0, value: 'a' },
        { row: 5, column: 1, value: 'b' },
        { row: 4, column: 2, value: ' c' },
      ]),
    ).toEqual({
      xml: sheet(
        `<row r="1">${inline('A1', 100, 'a')}<c r="B1"><v>2</v></c></row><row r="2"/><row r="3" ht="20"><c r="D3"/></row>` +
          `<row r="4"><c r="C4" s="100" t="inlineStr"><is><t xml:space="preserve"> c</t></is></c></row>` +
          `<row r = '5' spans = "1:2">${inline('B5', 100, 'b')}</row>`,
      ),
      removedFormula: false,
      maxColumn: 3,
      seen: [0, 0, 0],
    });
  });

  it('reads attributes in any order, with either quote and spaces around "="', () => {
    const xml = sheet(`<row r="2"><c s = '7' r = 'B2'><v>1</v></c><c t="s" r="E2" s="9"><v>3</v></c></row>`);
    expect(patch(xml, [{ row: 2, column: 3, value: 'a&b' }])).toEqual({
      xml: sheet(
        `<row r="2"><c s = '7' r = 'B2'><v>1</v></c><c r="D2" s="107" t="inlineStr"><is><t>a&amp;b</t></is></c><c t="s" r="E2" s="9"><v>3</v></c></row>`,
      ),
      removedFormula: false,
      maxColumn: 4,
      seen: [7],
    });
  });

  it('takes a reference from the r attribute, never from text inside another attribute value', () => {
    const xml = sheet(`<row r="2"><c note=" r='E2'" r="A2"><v>1</v></c><c r="B2" s="4"><v>2</v></c></row>`);
    const out = patch(xml, [{ row: 2, column: 2, value: 'x' }]);
    expect(out.xml).toBe(
      sheet(
        `<row r="2"><c note=" r='E2'" r="A2"><v>1</v></c><c r="B2" s="4"><v>2</v></c>${inline('C2', 104, 'x')}</row>`,
      ),
    );
    expect(out.maxColumn).toBe(2);
  });

  it('numbers a kept row whose attribute value holds ">" without cutting the value', () => {
    const xml = sheet(`<row r="1"><c r="A1"/></row><row note="a>b"><c r="A2"/></row>`);
    expect(patch(xml, [{ row: 1, column: 1, value: 'x' }]).xml).toBe(
      sheet(`<row r="1"><c r="A1"/>${inline('B1', 100, 'x')}</row><row r="2" note="a>b"><c r="A2"/></row>`),
    );
  });
});

describe('encodeParts', () => {
  it('is the UTF-8 of the pieces joined', () => {
    const parts = ['<row r="1">', 'Phường Hàng Trống', '', '</row>', '😀'];
    expect(encodeParts(parts).equals(Buffer.from(parts.join(''), 'utf8'))).toBe(true);
  });
});
