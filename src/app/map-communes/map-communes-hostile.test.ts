/**
 * Hostile and odd workbooks through the whole use case: each is built here, byte by byte, and must end in an
 * input error (exit 2) whose message names the limit or the cell, with no output file written.
 */
import { readdir, truncate } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellRef } from '../../core/workbook/cell.js';
import { DvcError, ExitCode } from '../../errors.js';
import { t } from '../../i18n/i18n.js';
import { tempDir } from '../../test-support/excel-workbooks.js';
import {
  STD_HEADER_ROW,
  TAX_HEADER_ROW,
  bombEntry,
  deflated,
  hostileWorkbook,
  inlineRow,
  worksheetXml,
  writeBytes,
  type HostileSheet,
  type RawEntry,
} from '../../test-support/hostile-workbooks.js';
import { mapCommunesTexts } from '../../cli/render/map-communes/map-communes-sheets.js';
import { mapCommunes } from './run-map-communes.js';

const STD_ROWS = [
  inlineRow(1, STD_HEADER_ROW),
  inlineRow(2, ['1', '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05431', 'Phường Quán Triều', 'Phường']),
  inlineRow(3, ['2', '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05434', 'Phường Quang Vinh', 'Phường']),
];
const TAX_ROWS = [
  inlineRow(1, TAX_HEADER_ROW),
  inlineRow(2, ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090101', 'Quán Triều']),
  inlineRow(3, ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090103', 'Quang Vinh']),
];

function sheets(o: { std?: string[] | RawEntry; tax?: string[]; stdName?: string } = {}): HostileSheet[] {
  const std = o.std ?? STD_ROWS;
  return [
    { name: o.stdName ?? 'MX Bo TTTT', xml: Array.isArray(std) ? worksheetXml(std.join('')) : std },
    { name: 'MX CQT', xml: worksheetXml((o.tax ?? TAX_ROWS).join('')) },
  ];
}

/** Runs map-communes on `bytes`; expects an input error and no file besides the input. */
async function refused(bytes: Buffer, extraSetup?: (file: string) => Promise<void>) {
  const dir = await tempDir('dvc-hostile-');
  const file = await writeBytes(path.join(dir, 'tinh.xlsx'), bytes);
  await extraSetup?.(file);
  const err = await mapCommunes({
    input: file,
    texts: mapCommunesTexts('en'),
    mapOut: path.join(dir, 'map.csv'),
  }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DvcError);
  const e = err as DvcError;
  expect(e.exitCode).toBe(ExitCode.Usage);
  expect(await readdir(dir)).toEqual(['tinh.xlsx']);
  return { key: e.key, en: t('en', e.key, e.params), vi: t('vi', e.key, e.params) };
}

describe('map-communes on a valid generated workbook', () => {
  it('runs (the generator makes workbooks dvc reads)', async () => {
    const dir = await tempDir('dvc-hostile-');
    const file = await writeBytes(path.join(dir, 'tinh.xlsx'), hostileWorkbook(sheets()));
    const r = await mapCommunes({ input: file, texts: mapCommunesTexts('en') });
    expect(r.summary.rows).toBe(2);
    expect(r.rows.map((x) => x.taxCode)).toEqual(['1090101', '1090103']);
  });
});

describe('zip bombs and parts over the limits', () => {
  it('refuses a sheet that inflates to 1 GiB from about 1 MB, naming the 24 MB limit, without inflating it', async () => {
    const bomb = bombEntry('x', {
      head: '<?xml version="1.0"?><worksheet><sheetData>',
      fill: ' ',
      tail: '</sheetData></worksheet>',
      inflatedBytes: 1 << 30,
    });
    expect(bomb.data.length).toBeLessThan(1.1 * 1024 * 1024);
    expect(bomb.size).toBeGreaterThan(1 << 30);
    const r = await refused(hostileWorkbook(sheets({ std: bomb })));
    expect(r.key).toBe('excel.limit.partSize');
    expect(r.en).toContain('24 MB');
    expect(r.en).toContain('xl/worksheets/sheet1.xml');
    expect(r.vi).toContain('24 MB');
  });

  it('stops inflating a part that lies about its size at the size it declared', async () => {
    const bomb = bombEntry('x', {
      head: '<worksheet><sheetData>',
      fill: ' ',
      tail: '</sheetData></worksheet>',
      inflatedBytes: 1 << 30,
      declaredSize: 4096,
    });
    const r = await refused(hostileWorkbook(sheets({ std: bomb })));
    expect(r.key).toBe('excel.corrupt');
    expect(r.en).toContain('inflates past its declared size');
  });

  it('refuses a workbook file over 100 MB before reading it', async () => {
    const r = await refused(hostileWorkbook(sheets()), (file) => truncate(file, 101 * 1024 * 1024));
    expect(r.key).toBe('excel.limit.fileSize');
    expect(r.en).toContain('is 101 MB, over the 100 MB limit');
  });

  it('refuses a sheet of more than 750,000 cells (few rows, thousands of columns)', async () => {
    const row = (r: number) =>
      `<row r="${r}">${Array.from({ length: 16_000 }, (_, c) => `<c r="${cellRef(c, r)}"><v>1</v></c>`).join('')}</row>`;
    const std = [STD_ROWS[0], ...Array.from({ length: 48 }, (_, i) => row(i + 2))];
    const r = await refused(hostileWorkbook(sheets({ std })));
    expect(r.key).toBe('excel.limit.cells');
    expect(r.en).toContain('Sheet "MX Bo TTTT" has more than 750000 cells');
  });

  it('refuses a 25 MB styles part by the part limit, before parsing it', async () => {
    const xf = '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>';
    const styles = `<styleSheet><cellXfs>${xf.repeat(Math.ceil((25 * 1024 * 1024) / xf.length))}</cellXfs></styleSheet>`;
    const r = await refused(hostileWorkbook(sheets(), { styles }));
    expect(r.key).toBe('excel.limit.partSize');
    expect(r.en).toContain('Part "xl/styles.xml" of file "tinh.xlsx" inflates to more than 24 MB');
  });

  it('refuses a package of more than 10,000 parts', async () => {
    const extra = Array.from({ length: 10_001 }, (_, i) => ({
      name: `xl/media/p${i}.bin`,
      method: 0,
      data: Buffer.alloc(0),
      size: 0,
      crc: 0,
    }));
    const r = await refused(hostileWorkbook(sheets(), { extra }));
    expect(r.key).toBe('excel.limit.entries');
    expect(r.en).toContain('10000');
  });

  it('refuses two parts whose names differ only in case', async () => {
    const shadow = deflated('XL/Worksheets/Sheet1.xml', worksheetXml(STD_ROWS.join('')));
    const r = await refused(hostileWorkbook(sheets(), { extra: [shadow] }));
    expect(r.key).toBe('excel.zip.caseDuplicate');
    expect(r.en).toContain('"xl/worksheets/sheet1.xml" and "XL/Worksheets/Sheet1.xml"');
  });
});

describe('cells dvc refuses, by address', () => {
  it.each([
    ['&#x110000;', 'beyond Unicode'],
    ['&#0;', 'NUL'],
    ['&#xD800;', 'a lone surrogate'],
    ['&#x1B;', 'a control character XML forbids'],
    ['&#99999999999;', 'an absurdly long number'],
    ['&#x;', 'empty'],
    ['&#;', 'empty decimal'],
  ])('refuses the character reference %s (%s) naming the part, line and column', async (ref) => {
    const std = [...STD_ROWS, inlineRow(4, ['3', '19', 'Tỉnh Thái Nguyên', '164', 'TP', '05437', `Xã ${ref}`, 'Xã'])];
    const r = await refused(hostileWorkbook(sheets({ std })));
    expect(r.key).toBe('excel.xml.malformed');
    expect(r.en).toContain(
      'Part "xl/worksheets/sheet1.xml" of file "tinh.xlsx" is not well-formed XML (line 1, column',
    );
  });

  it('refuses an invalid reference in a shared string even when no cell uses it', async () => {
    const bytes = hostileWorkbook(sheets(), { sharedStrings: '<si><t>ok</t></si><si><t>&#x110000;</t></si>' });
    const r = await refused(bytes);
    expect(r.key).toBe('excel.xml.malformed');
    expect(r.en).toContain('Part "xl/sharedStrings.xml"');
  });

  it('refuses a NUL character in a name instead of dropping its row', async () => {
    const std = [...STD_ROWS, inlineRow(4, ['3', '19', 'Tỉnh Thái Nguyên', '164', 'TP', '05437', 'Xã A\u0000B', 'Xã'])];
    const r = await refused(hostileWorkbook(sheets({ std })));
    expect(r.key).toBe('excel.xml.malformed');
    expect(r.en).toMatch(/line 1, column \d+: disallowed character/);
  });

  it('refuses a cell that points to a shared string that does not exist', async () => {
    const tax = [...TAX_ROWS, '<row r="4"><c r="F4" t="s"><v>7</v></c></row>'];
    const r = await refused(hostileWorkbook(sheets({ tax }), { sharedStrings: '<si><t>ok</t></si>' }));
    expect(r.key).toBe('excel.sheet.sharedIndex');
    expect(r.en).toContain('Cell F4 of sheet "MX CQT"');
  });

  it.each([
    ['two rows numbered 3', '<row r="3"><c r="A3"><v>1</v></c></row>', 'excel.sheet.badRow'],
    ['a row before the last', '<row r="2"><c r="A2"><v>1</v></c></row>', 'excel.sheet.badRow'],
    ['a cell of another row', '<row r="4"><c r="A5"><v>1</v></c></row>', 'excel.sheet.badCell'],
    [
      'two cells at one address',
      '<row r="4"><c r="B4"><v>1</v></c><c r="B4"><v>2</v></c></row>',
      'excel.sheet.badCell',
    ],
    ['a comment among the rows', '<!-- <row r="4"> --><row r="5"><c r="A5"><v>1</v></c></row>', 'excel.sheet.markup'],
  ])('refuses %s (a sheet Excel never writes, read one way here and another elsewhere)', async (_w, row, key) => {
    const r = await refused(hostileWorkbook(sheets({ std: [...STD_ROWS, row] })));
    expect(r.key).toBe(key);
    expect(r.en).toContain('"MX Bo TTTT"');
  });

  it('refuses a 10 MB cell as over 32,767 characters, naming the cell', async () => {
    const huge = 'Phường '.repeat(1_500_000);
    const std = [...STD_ROWS, inlineRow(4, ['3', '19', 'Tỉnh Thái Nguyên', '164', 'TP', '05437', huge, 'Xã'])];
    const r = await refused(hostileWorkbook(sheets({ std })));
    expect(r.key).toBe('excel.limit.cellLength');
    expect(r.en).toContain('Cell G4 of sheet "MX Bo TTTT" is 10500000 characters');
    expect(r.en).toContain('32767');
  });

  it('accepts a cell of exactly 32,767 characters', async () => {
    const dir = await tempDir('dvc-hostile-');
    const note = 'x'.repeat(32_767);
    const std = [
      STD_ROWS[0],
      STD_ROWS[1].replace('</row>', `<c r="J2" t="inlineStr"><is><t>${note}</t></is></c></row>`),
    ];
    const file = await writeBytes(path.join(dir, 'tinh.xlsx'), hostileWorkbook(sheets({ std })));
    const r = await mapCommunes({ input: file, texts: mapCommunesTexts('en') });
    expect(r.summary.rows).toBe(1);
  });
});

describe('damaged sheets', () => {
  it('refuses 20,000 unclosed <row> tags (a small zip) as a damaged sheet', async () => {
    const bytes = hostileWorkbook(sheets({ std: [...STD_ROWS, '<row>'.repeat(20_000)] }));
    expect(bytes.length).toBeLessThan(8 * 1024);
    const r = await refused(bytes);
    expect(r.key).toBe('excel.xml.malformed');
    expect(r.en).toContain('Part "xl/worksheets/sheet1.xml" of file "tinh.xlsx"');
  });

  it('refuses unclosed cells, inline strings and shared-string items the same way', async () => {
    const cells = await refused(
      hostileWorkbook(
        sheets({
          std: [
            ...STD_ROWS,
            `<row r="4">${Array.from({ length: 10_000 }, (_, i) => `<c r="${cellRef(i, 4)}" t="inlineStr"><is><t>x`).join('')}</row>`,
          ],
        }),
      ),
    );
    expect(cells.key).toBe('excel.xml.malformed');
    const sst = await refused(hostileWorkbook(sheets(), { sharedStrings: '<si><t>x</t>'.repeat(20_000) }));
    expect(sst.key).toBe('excel.xml.malformed');
    expect(sst.en).toContain('"xl/sharedStrings.xml"');
  });

  it('refuses one unclosed <si> instead of shifting every later string by one', async () => {
    const tax = [...TAX_ROWS, '<row r="4"><c r="F4" t="s"><v>1</v></c></row>'];
    const strings = '<si><t>Phường Hàng Bạc</t><si><t>Phường Hàng Trống</t></si><si><t>Phường Hàng Gai</t></si>';
    const r = await refused(hostileWorkbook(sheets({ tax }), { sharedStrings: strings }));
    expect(r.key).toBe('excel.xml.malformed');
    expect(r.en).toMatch(
      /"xl\/sharedStrings\.xml" of file "tinh\.xlsx" is not well-formed XML \(line \d+, column \d+: /,
    );
  });

  it('refuses a malformed styles part, workbook part or relationships part', async () => {
    for (const [what, opts] of [
      ['styles', { styles: '<styleSheet><cellXfs><xf numFmtId="14"></cellXfs></styleSheet>' }],
    ] as const) {
      const r = await refused(hostileWorkbook(sheets(), opts));
      expect(r.key, what).toBe('excel.xml.malformed');
      expect(r.en).toContain('"xl/styles.xml"');
    }
  });
});
