import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildExcelStyleWorkbook,
  buildFeatureWorkbook,
  buildMinimalWorkbook,
  buildWorkbook,
  tempDir,
} from '../../test-support/excel-workbooks.js';
import { readWorkbook } from './read-workbook.js';
import { writeMappedWorkbook, writeWorkbookWithSheets, type WorkbookPatch } from './write-mapped-workbook.js';
import { ZipParts } from './zip-parts.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function parts(file: string): Promise<Map<string, Buffer>> {
  const zip = await ZipParts.fromBuffer(await readFile(file));
  return new Map(zip.entries.map((e) => [e.name, zip.get(e.name) as Buffer]));
}

/** The parts of `input` whose bytes differ in `output`, and the parts only `output` has, each sorted. */
async function partChanges(input: string, output: string): Promise<{ changed: string[]; added: string[] }> {
  const a = await parts(input);
  const b = await parts(output);
  return {
    changed: [...a.keys()].filter((k) => !b.get(k)?.equals(a.get(k) as Buffer)).sort(),
    added: [...b.keys()].filter((k) => !a.has(k)).sort(),
  };
}

const PATCH: WorkbookPatch = {
  stdSheet: 'MX Bo TTTT',
  headerRow: 3,
  cells: [
    { row: 4, value: '1010101', status: 'exact' },
    { row: 5, value: '1010103', status: 'normalised' },
    { row: 6, value: null, status: 'ambiguous' },
    { row: 7, value: null, status: 'not_found' },
  ],
  legend: {
    title: 'Chú giải',
    rows: [
      { status: 'exact', label: 'Khớp chính xác' },
      { status: 'not_found', label: 'Không tìm thấy' },
    ],
  },
  extraSheets: [
    {
      name: 'Rà soát',
      rows: [
        ['Dòng', 'Mã PX', 'Tên', 'Trạng thái'],
        [6, '00006', 'Phường Vĩnh Phúc', 'ambiguous'],
        [7, '05431', 'Phường Quán Triều', 'not_found'],
      ],
      columnWidths: [8, 10, 30, 16],
      headerStyle: true,
      autoFilter: true,
      freezeHeader: true,
    },
    {
      name: 'Tóm tắt',
      rows: [
        ['Tỉnh', 'Số xã', 'Đã điền'],
        ['Hà Nội', 3, 2],
        ['Thái Nguyên', 1, null],
      ],
    },
  ],
};

async function featureRoundTrip() {
  const dir = await tempDir();
  const input = path.join(dir, 'vào.xlsx');
  const output = path.join(dir, 'ra.xlsx');
  await buildFeatureWorkbook(input);
  const before = sha(await readFile(input));
  const result = await writeMappedWorkbook(input, output, PATCH);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(output);
  return { dir, input, output, before, result, wb };
}

describe('writeMappedWorkbook on a workbook written by exceljs', () => {
  it('fills column I, colours each cell by status and leaves the input byte-identical', async () => {
    const { input, before, result, wb } = await featureRoundTrip();
    expect(sha(await readFile(input))).toBe(before);
    const ws = wb.getWorksheet('MX Bo TTTT') as ExcelJS.Worksheet;
    expect(ws.getCell('I3').value).toBe('Mã phường/xã CQT');
    expect(ws.getCell('I4').value).toBe('1010101');
    expect(ws.getCell('I5').value).toBe('1010103');
    expect(ws.getCell('I6').value).toBeNull();
    const fill = (ref: string) => (ws.getCell(ref).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect([fill('I4'), fill('I5'), fill('I6'), fill('I7')]).toEqual(['FF63BE7B', 'FFC6EFCE', 'FFFFC000', 'FFFF7C80']);
    expect(ws.getCell('I4').numFmt).toBe('@');
    // K4 holds a formula, so the legend stands in M, one empty column right of it.
    expect(result.legendColumn).toBe('M');
    expect(ws.getCell('M3').value).toBe('Chú giải');
    expect(ws.getCell('M4').value).toBe('Khớp chính xác');
    expect(fill('M5')).toBe('FFFF7C80');
  });

  it('keeps every part it does not need to change byte for byte', async () => {
    const { input, output } = await featureRoundTrip();
    expect(await partChanges(input, output)).toEqual({
      changed: [
        '[Content_Types].xml',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
      ],
      added: ['xl/worksheets/sheet4.xml', 'xl/worksheets/sheet5.xml'],
    });
  });

  it('keeps styles, widths, merged cells, frozen panes, formulas, validation, conditional formats, hidden sheets, names and notes', async () => {
    const { wb } = await featureRoundTrip();
    const ws = wb.getWorksheet('MX Bo TTTT') as ExcelJS.Worksheet;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getCell('A1').isMerged).toBe(true);
    expect(ws.getCell('I1').master.address).toBe('A1');
    expect((ws.getCell('B3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFFF00');
    expect(ws.getColumn(3).width).toBe(33);
    expect(ws.getColumn(7).width).toBe(27);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.getCell('K4').value).toEqual({ formula: 'COUNTA(F4:F7)', result: 4 });
    expect(ws.getCell('H4').dataValidation).toMatchObject({ type: 'list', formulae: ['"Phường,Xã,Thị trấn"'] });
    const cf = (ws as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings;
    expect(cf.map((c) => c.ref)).toEqual(['F4:F7']);
    expect(ws.getCell('G4').note).toBeTruthy();
    expect(wb.getWorksheet('Tham số')?.state).toBe('hidden');
    expect(wb.definedNames.getRanges('MaCQT').ranges).toEqual(["'MX CQT'!$E$2"]);
    expect(ws.getCell('F4').value).toBe('00001');
  });

  it('adds the new sheets with their rows, widths, header style, filter and frozen header', async () => {
    const { wb, result } = await featureRoundTrip();
    expect(result.sheetNames).toEqual(['Rà soát', 'Tóm tắt']);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['MX Bo TTTT', 'MX CQT', 'Tham số', 'Rà soát', 'Tóm tắt']);
    const review = wb.getWorksheet('Rà soát') as ExcelJS.Worksheet;
    expect(review.getRow(2).values).toEqual([undefined, 6, '00006', 'Phường Vĩnh Phúc', 'ambiguous']);
    expect(review.getColumn(3).width).toBe(30);
    expect(review.getCell('A1').font?.bold).toBe(true);
    expect(review.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(review.autoFilter).toBe('A1:D3');
    const summary = wb.getWorksheet('Tóm tắt') as ExcelJS.Worksheet;
    expect(summary.getCell('B2').value).toBe(3);
    expect(summary.getCell('C3').value).toBeNull();
  });

  it('reads back through readWorkbook, and a second run on its own output gets fresh sheet names', async () => {
    const { dir, output } = await featureRoundTrip();
    const again = path.join(dir, 'ra2.xlsx');
    const r = await writeMappedWorkbook(output, again, PATCH);
    expect(r.sheetNames).toEqual(['Rà soát (2)', 'Tóm tắt (2)']);
    const wb = await readWorkbook(again);
    expect(wb.sheets.map((s) => s.name)).toContain('Rà soát (2)');
    expect(
      wb
        .sheet('MX Bo TTTT')
        .rows()
        .find((x) => x.row === 4)?.cells[8]?.value,
    ).toBe('1010101');
  });

  it('refuses to overwrite an existing output without force and never writes over the input', async () => {
    const { input, output } = await featureRoundTrip();
    await expect(writeMappedWorkbook(input, output, PATCH)).rejects.toMatchObject({
      key: 'fs.outputExists',
      exitCode: 2,
    });
    await expect(writeMappedWorkbook(input, input, PATCH, { force: true })).rejects.toMatchObject({
      key: 'fs.outputIsInput',
    });
    await writeMappedWorkbook(input, output, PATCH, { force: true });
    expect((await stat(output)).size).toBeGreaterThan(0);
  });
});

describe('writeMappedWorkbook on a hand-assembled package', () => {
  const sheetData =
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Mã PX</x:t></x:is></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>Phường Xã</x:t></x:is></x:c></x:row>' +
    '<x:row r="2" spans="1:9"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="I2"><x:f>A2*2</x:f><x:v>2</x:v></x:c><x:c r="J2" t="inlineStr"><x:is><x:t>giữ</x:t></x:is></x:c></x:row>' +
    '<x:row r="4"><x:c><x:v>4</x:v></x:c><x:c><x:v>5</x:v></x:c></x:row>';

  it.each([
    ['prefixed x: elements', 'x'],
    ['default-namespace elements', ''],
  ])(
    'replaces, inserts and adds cells and rows in order (%s, no styles part, no shared strings)',
    async (_, prefix) => {
      const dir = await tempDir();
      const input = path.join(dir, 'm.xlsx');
      const output = path.join(dir, 'o.xlsx');
      await buildMinimalWorkbook(input, sheetData, true, prefix);
      const x = (s: string) => (prefix ? s : s.replace(/<(\/?)x:/g, '<$1'));
      const before = await readFile(input);
      await writeMappedWorkbook(input, output, {
        stdSheet: 'MX Bo TTTT',
        headerRow: 1,
        cells: [
          { row: 2, value: '101', status: 'exact' },
          { row: 3, value: '102', status: 'decided' },
          { row: 4, value: '103', status: 'normalised' },
          { row: 6, value: null, status: 'not_found' },
        ],
        extraSheets: [{ name: 'Tóm tắt', rows: [['a']] }],
      });
      expect((await readFile(input)).equals(before)).toBe(true);
      const xml = (await parts(output)).get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
      const rows = [...xml.matchAll(/<(?:x:)?row r="(\d+)"/g)].map((m) => Number(m[1]));
      expect(rows).toEqual([1, 2, 3, 4, 6]);
      expect(xml).not.toContain('spans=');
      expect(xml).toMatch(
        new RegExp(x('<x:c r="A2">.*<x:c r="I2" s="\\d+" t="inlineStr"><x:is><x:t>101</x:t></x:is></x:c><x:c r="J2"')),
      );
      expect(xml).toContain(x('<x:c r="A4"><x:v>4</x:v></x:c><x:c r="B4"><x:v>5</x:v></x:c><x:c r="I4"'));
      const back = (await readWorkbook(output)).sheet('MX Bo TTTT').rows();
      expect(back.map((r) => [r.row, r.cells[8]?.value ?? null])).toEqual([
        [1, 'Mã phường/xã CQT'],
        [2, '101'],
        [3, '102'],
        [4, '103'],
      ]); // row 6 holds only a styled empty cell
      if (prefix) return; // exceljs reads only default-namespace parts
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(output);
      const ws = wb.getWorksheet('MX Bo TTTT') as ExcelJS.Worksheet;
      expect(['I1', 'I2', 'I3', 'I4', 'I6', 'J2'].map((r) => ws.getCell(r).value)).toEqual([
        'Mã phường/xã CQT',
        '101',
        '102',
        '103',
        null,
        'giữ',
      ]);
      expect((ws.getCell('I3').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FF9DC3E6');
      expect(wb.getWorksheet('Tóm tắt')?.getCell('A1').value).toBe('a');
    },
  );

  it('writes into a sheet whose sheetData is empty', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'e.xlsx');
    const output = path.join(dir, 'o.xlsx');
    await buildMinimalWorkbook(input, '', false, '');
    const raw = (await parts(input)).get('xl/worksheets/sheet1.xml')?.toString('utf8') ?? '';
    expect(raw).toContain('<sheetData></sheetData>');
    await writeMappedWorkbook(input, output, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 1,
      cells: [{ row: 2, value: 'x', status: 'exact' }],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.getWorksheet('MX Bo TTTT')?.getCell('I2').value).toBe('x');
  });

  it('names the sheets that exist when the standard sheet is missing', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'm.xlsx');
    await buildMinimalWorkbook(input, sheetData);
    await expect(
      writeMappedWorkbook(input, path.join(dir, 'o.xlsx'), { stdSheet: 'Khác', headerRow: 1, cells: [] }),
    ).rejects.toMatchObject({
      key: 'excel.sheetMissing',
      params: { found: '"MX Bo TTTT", "MX CQT"' },
    });
  });
});

describe('writeMappedWorkbook and the calculation chain', () => {
  it('drops calcChain.xml when it overwrites a formula cell, and keeps it otherwise', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'c.xlsx');
    await buildMinimalWorkbook(input, '<x:row r="1"><x:c r="I1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>');
    // Add a calcChain part the way Excel does: a part, a relationship and a content type.
    const zip = await parts(input);
    const yazl = (await import('yazl')).default;
    const z = new yazl.ZipFile();
    for (const [name, data] of zip) {
      let d = data;
      if (name === 'xl/_rels/workbook.xml.rels')
        d = Buffer.from(
          d
            .toString()
            .replace(
              '</Relationships>',
              '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
            ),
        );
      if (name === '[Content_Types].xml')
        d = Buffer.from(
          d
            .toString()
            .replace(
              '</Types>',
              '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
            ),
        );
      z.addBuffer(d, name);
    }
    z.addBuffer(
      Buffer.from(
        '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="I1" i="1"/></calcChain>',
      ),
      'xl/calcChain.xml',
    );
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream) chunks.push(c as Buffer);
    await writeFile(input, Buffer.concat(chunks));

    const kept = path.join(dir, 'kept.xlsx');
    const r1 = await writeMappedWorkbook(input, kept, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 0,
      cells: [{ row: 3, value: 'x', status: 'exact' }],
    });
    expect(r1.droppedCalcChain).toBe(false);
    expect((await parts(kept)).has('xl/calcChain.xml')).toBe(true);

    const out = path.join(dir, 'o.xlsx');
    const r2 = await writeMappedWorkbook(input, out, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 0,
      cells: [{ row: 1, value: 'x', status: 'exact' }],
    });
    expect(r2.droppedCalcChain).toBe(true);
    const p = await parts(out);
    expect(p.has('xl/calcChain.xml')).toBe(false);
    expect(p.get('[Content_Types].xml')?.toString()).not.toContain('calcChain');
    expect(p.get('xl/_rels/workbook.xml.rels')?.toString()).not.toContain('calcChain');
  });
});

describe('writeMappedWorkbook and an existing header', () => {
  it('keeps a header the officer already wrote (a shared string) and writes none when the header row is 0', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'h.xlsx');
    await buildWorkbook(input, {
      'MX Bo TTTT': [
        ['Mã PX', 'Phường Xã', '', '', '', '', '', '', 'Mã CQT'],
        ['00001', 'Phúc Xá'],
      ],
    });
    const output = path.join(dir, 'o.xlsx');
    await writeMappedWorkbook(input, output, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 1,
      headerText: 'Mã phường/xã CQT',
      cells: [{ row: 2, value: '101', status: 'exact' }],
    });
    const rows = (await readWorkbook(output)).sheet('MX Bo TTTT').rows();
    expect(rows[0].cells[8]?.value).toBe('Mã CQT');
    expect(rows[1].cells[8]?.value).toBe('101');
  });
});

describe('writeWorkbookWithSheets', () => {
  it('adds sheets and changes no sheet of the input', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'vào.xlsx');
    const output = path.join(dir, 'ra.xlsx');
    await buildFeatureWorkbook(input);
    const r = await writeWorkbookWithSheets(input, output, [
      {
        name: 'Danh mục chuẩn',
        rows: [
          ['Mã', 'Tên'],
          ['00001', 'Phường Phúc Xá'],
        ],
        headerStyle: true,
      },
    ]);
    expect(r.sheetNames).toEqual(['Danh mục chuẩn']);
    expect((await partChanges(input, output)).changed).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    expect(wb.getWorksheet('Danh mục chuẩn')?.getCell('B2').value).toBe('Phường Phúc Xá');
  });
});

describe('writeMappedWorkbook on a package shaped like one Excel saves', () => {
  it('replaces the styled empty I cells in place and keeps the rest of the sheet, styles and workbook as they were', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'excel.xlsx');
    const output = path.join(dir, 'o.xlsx');
    await buildExcelStyleWorkbook(input);
    await writeMappedWorkbook(input, output, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 3,
      cells: [
        { row: 4, value: '1010101', status: 'exact' },
        { row: 5, value: null, status: 'not_found' },
      ],
      extraSheets: [
        {
          name: 'Rà soát',
          rows: [
            ['a', 'b'],
            [1, 2],
          ],
          autoFilter: true,
        },
      ],
    });
    const a = await parts(input);
    const b = await parts(output);
    const before = a.get('xl/worksheets/sheet1.xml')?.toString() ?? '';
    const after = b.get('xl/worksheets/sheet1.xml')?.toString() ?? '';
    // Everything outside sheetData is unchanged (the dimension already covered I; the cols range covers I).
    const outside = (x: string) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, '');
    expect(outside(after)).toBe(outside(before));
    expect(after.match(/r="I4"/g)).toHaveLength(1);
    expect(after).toMatch(
      /<c r="I4" s="(\d+)" t="inlineStr"><is><t>1010101<\/t><\/is><\/c><c r="K4"><f t="shared" ref="K4:K5" si="0">/,
    );
    expect(after).toContain('<c r="I3" s="1" t="s"><v>3</v></c>');
    const styles = b.get('xl/styles.xml')?.toString() ?? '';
    expect(styles).toContain('<fills count="4">');
    expect(styles).toContain('<cellXfs count="5">');
    // The status styles are copies of style 2 (thin borders), with the fill and the Text format.
    expect(styles).toContain(
      '<xf applyFill="1" numFmtId="49" fontId="0" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>',
    );
    expect(styles).toContain('<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFFFC7CE"/>');
    expect(styles).toContain('<x14:slicerStyles');
    const workbook = b.get('xl/workbook.xml')?.toString() ?? '';
    expect(workbook).toMatch(
      /<\/sheets><definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">'Rà soát'!\$A\$1:\$B\$2<\/definedName><\/definedNames><calcPr/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(output);
    const ws = wb.getWorksheet('MX Bo TTTT') as ExcelJS.Worksheet;
    expect(ws.getCell('I4').value).toBe('1010101');
    expect(ws.getCell('I4').border?.left?.style).toBe('thin');
    expect(ws.getCell('K5').formula).toBe('LEN(A5)');
    expect(ws.getCell('A1').isMerged).toBe(true);
  });
});

describe('writeMappedWorkbook and a damaged [Content_Types].xml', () => {
  /** The minimal workbook with its content types replaced by `edit` of their text. */
  async function withContentTypes(edit: (xml: string) => string): Promise<{ input: string; dir: string }> {
    const dir = await tempDir();
    const input = path.join(dir, 'ct.xlsx');
    await buildMinimalWorkbook(input, '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>');
    const yazl = (await import('yazl')).default;
    const z = new yazl.ZipFile();
    for (const [name, data] of await parts(input))
      z.addBuffer(name === '[Content_Types].xml' ? Buffer.from(edit(data.toString())) : data, name);
    z.end();
    const chunks: Buffer[] = [];
    for await (const c of z.outputStream) chunks.push(c as Buffer);
    await writeFile(input, Buffer.concat(chunks));
    return { input, dir };
  }

  it.each([
    ['an unclosed element', (x: string) => x.replace('</Types>', '<Default Extension="bin">')],
    ['a mismatched close tag', (x: string) => x.replace('</Types>', '</Typos>')],
    ['a DOCTYPE', (x: string) => x.replace('<Types', '<!DOCTYPE Types [<!ENTITY a "b">]><Types')],
    [
      'an empty character reference',
      (x: string) => x.replace('</Types>', '<Default Extension="&#x;" ContentType="a"/></Types>'),
    ],
  ])('refuses %s with the part named, writing nothing', async (_what, edit) => {
    const { input, dir } = await withContentTypes(edit);
    const out = path.join(dir, 'out.xlsx');
    const write = writeMappedWorkbook(input, out, {
      stdSheet: 'MX Bo TTTT',
      headerRow: 0,
      cells: [{ row: 1, value: 'x', status: 'exact' }],
    });
    await expect(write).rejects.toMatchObject({ key: 'excel.xml.malformed', params: { part: '[Content_Types].xml' } });
    await expect(stat(out)).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
