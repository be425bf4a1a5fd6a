/**
 * The writer splices the standard sheet by its tags: well-formed markup that Excel does not write but XML allows
 * (single quotes, spaces around "=", ">" inside an attribute value) must be patched as Excel would read it, and
 * markup the splice cannot take (a comment among the rows) is refused before anything is written.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../test-support/excel-workbooks.js';
import { hostileWorkbook, inlineRow, worksheetXml, writeBytes } from '../../test-support/hostile-workbooks.js';
import { readWorkbook } from './read-workbook.js';
import { writeMappedWorkbook } from './write-mapped-workbook.js';

const patch = {
  stdSheet: 'MX Bo TTTT',
  headerRow: 1,
  targetColumn: 'C',
  cells: [
    { row: 2, value: '1010212', status: 'exact' as const },
    { row: 3, value: '1010213', status: 'exact' as const },
  ],
};

/** The standard sheet's cell values after writing column I into a workbook whose rows 2… are `rows` (row 1 a header). */
async function patchedValues(rows: string): Promise<(string | number | null)[][]> {
  const dir = await tempDir('dvc-odd-');
  const input = await writeBytes(
    path.join(dir, 'in.xlsx'),
    hostileWorkbook([
      { name: 'MX Bo TTTT', xml: worksheetXml(inlineRow(1, ['Mã', 'Tên']) + rows) },
      { name: 'MX CQT', xml: worksheetXml(inlineRow(1, ['x'])) },
    ]),
  );
  const out = path.join(dir, 'out.xlsx');
  await writeMappedWorkbook(input, out, patch);
  const read = (await readWorkbook(out)).sheet('MX Bo TTTT').rows();
  return read.map((r) => Array.from(r.cells, (c) => (c?.value ?? null) as string | number | null));
}

describe('the writer on odd but well-formed markup', () => {
  it('patches rows whose attributes use single quotes, spaces and ">"', async () => {
    const rows =
      `<row r = '2' note="a>b"><c r='A2' t='inlineStr'><is><t>00070</t></is></c><c note="x>y" r='B2' t="inlineStr"><is><t>Phường Hàng Trống</t></is></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>00073</t></is></c><c r = "D3"><v>4</v></c></row>`;
    expect(await patchedValues(rows)).toEqual([
      ['Mã', 'Tên', 'Mã phường/xã CQT'],
      ['00070', 'Phường Hàng Trống', '1010212'],
      ['00073', null, '1010213', 4],
    ]);
  });

  it('patches rows whose cells carry no reference, in place', async () => {
    const rows =
      `<row r="2"><c t="inlineStr"><is><t>00070</t></is></c><c t="inlineStr"><is><t>Hàng Trống</t></is></c><c><v>7</v></c><c><v>8</v></c></row>` +
      `<row r="3"><c t="inlineStr"><is><t>00073</t></is></c><c r="E3"><v>5</v></c></row>`;
    expect(await patchedValues(rows)).toEqual([
      ['Mã', 'Tên', 'Mã phường/xã CQT'],
      ['00070', 'Hàng Trống', '1010212', 8],
      ['00073', null, '1010213', null, 5],
    ]);
  });

  it('keeps an unnumbered row whose attribute value holds ">" whole, and a reference-like text in a value is no reference', async () => {
    const rows =
      `<row r="2"><c note=" r='E2'" r="A2" t="inlineStr"><is><t>00070</t></is></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>00073</t></is></c></row>` +
      `<row note="a>b"><c r="A4" t="inlineStr"><is><t>00076</t></is></c></row>`;
    expect(await patchedValues(rows)).toEqual([
      ['Mã', 'Tên', 'Mã phường/xã CQT'],
      ['00070', null, '1010212'],
      ['00073', null, '1010213'],
      ['00076'],
    ]);
  });

  it('refuses a comment among the rows before writing anything', async () => {
    const dir = await tempDir('dvc-odd-');
    const rows = inlineRow(1, ['Mã', 'Tên']) + '<!-- <row r="2"><c r="C2"/></row> -->' + inlineRow(2, ['00070', 'A']);
    const input = await writeBytes(
      path.join(dir, 'in.xlsx'),
      hostileWorkbook([
        { name: 'MX Bo TTTT', xml: worksheetXml(rows) },
        { name: 'MX CQT', xml: worksheetXml(inlineRow(1, ['x'])) },
      ]),
    );
    await expect(writeMappedWorkbook(input, path.join(dir, 'out.xlsx'), patch)).rejects.toMatchObject({
      key: 'excel.sheet.markup',
      exitCode: 2,
    });
    expect(await readdir(dir)).toEqual(['in.xlsx']);
  });
});
