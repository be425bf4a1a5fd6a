import { describe, expect, it } from 'vitest';
import { addCellPrompts } from './cell-prompts.js';

const SHEET = (middle: string, tail = '<pageMargins left="0.7"/>') =>
  `<worksheet xmlns="x"><sheetData><row r="1"/></sheetData>${middle}${tail}</worksheet>`;
const prompt = { row: 5, column: 8, title: 'dvc: mã khác', text: 'Giữ mã 1010101 & "P. Phúc Xá"' };

describe('addCellPrompts', () => {
  it('adds a list of validations before pageMargins, escaped', () => {
    const r = addCellPrompts(SHEET(''), [prompt]);
    expect(r.added).toBe(1);
    expect(r.xml).toBe(
      SHEET(
        '<dataValidations count="1"><dataValidation allowBlank="1" showInputMessage="1" promptTitle="dvc: mã khác" prompt="Giữ mã 1010101 &amp; &quot;P. Phúc Xá&quot;" sqref="I5"/></dataValidations>',
      ),
    );
  });

  it("joins the officer's own list and leaves a cell that already has a validation alone", () => {
    const own =
      '<dataValidations count="1"><dataValidation type="list" sqref="I2:I4 K1"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const r = addCellPrompts(SHEET(own), [{ ...prompt, row: 3 }, prompt]);
    expect(r.added).toBe(1);
    expect(r.xml).toContain('<dataValidations count="2"><dataValidation type="list" sqref="I2:I4 K1">');
    expect(r.xml).toContain('sqref="I5"/></dataValidations>');
    expect(r.xml).not.toContain('sqref="I3"');
  });

  it('keeps Excel’s limits: a title of 32 characters and a message of 255', () => {
    const r = addCellPrompts(SHEET('', ''), [{ ...prompt, title: 't'.repeat(40), text: 'm'.repeat(300) }]);
    expect(r.xml).toContain(`promptTitle="${'t'.repeat(31)}…"`);
    expect(r.xml).toContain(`prompt="${'m'.repeat(254)}…"`);
    expect(r.xml.endsWith('</dataValidations></worksheet>')).toBe(true);
  });

  it('edits the part from </sheetData> on alone, given the prefix, as it edits the whole sheet', () => {
    const head = '<x:worksheet xmlns:x="x"><x:sheetData><x:row r="1"/>';
    const tail =
      '</x:sheetData><x:dataValidations count="1"><x:dataValidation type="list" sqref="I2"/></x:dataValidations><x:pageMargins/></x:worksheet>';
    const whole = addCellPrompts(head + tail, [prompt, { ...prompt, row: 2 }]);
    const alone = addCellPrompts(tail, [prompt, { ...prompt, row: 2 }], 'x:');
    expect(alone.added).toBe(1);
    expect(head + alone.xml).toBe(whole.xml);
    expect(alone.xml).toContain('<x:dataValidations count="2">');
  });

  it('goes before hyperlinks and drawings in a prefixed sheet', () => {
    const xml = '<x:worksheet xmlns:x="x"><x:sheetData/><x:hyperlinks/><x:drawing r:id="1"/></x:worksheet>';
    const r = addCellPrompts(xml, [prompt]);
    expect(r.xml).toMatch(
      /<x:sheetData\/><x:dataValidations count="1"><x:dataValidation [^>]+\/><\/x:dataValidations><x:hyperlinks\/>/,
    );
  });
});
