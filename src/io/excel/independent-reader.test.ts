/**
 * dvc's workbook reader against an independent one, openpyxl (Python, lxml/expat underneath; installed by .ci/run
 * from Debian's python3-openpyxl): every cell of the sample workbooks and of a generated workbook of every cell
 * kind must read the same, and every malformed variant must be refused by both — a reader that reads a damaged
 * part differently from another (a string shifted by one, a row dropped) is the failure this guards.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../core/workbook/cell.js';
import { DvcError } from '../../errors.js';
import { tempDir } from '../../test-support/excel-workbooks.js';
import {
  STD_HEADER_ROW,
  hostileWorkbook,
  inlineRow,
  worksheetXml,
  writeBytes,
} from '../../test-support/hostile-workbooks.js';
import { readWorkbook } from './read-workbook.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', '..', '..', 'fixtures');
const dumper = path.join(here, '..', '..', 'test-support', 'openpyxl-cells.py');

/** The first Python that has openpyxl (a pyenv shim may shadow Debian's /usr/bin/python3). */
const python = ['python3', '/usr/bin/python3'].find(
  (p) => spawnSync(p, ['-c', 'import openpyxl'], { stdio: 'ignore' }).status === 0,
);

type Dumped = [row: number, col: number, kind: string, value: unknown];

function openpyxlCells(file: string): { refused: string } | { name: string; cells: Dumped[] }[] {
  if (!python) throw new Error('openpyxl is needed: apt-get install python3-openpyxl (see .ci/run)');
  const r = spawnSync(python, [dumper, file], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status === 3) return { refused: r.stderr };
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { name: string; cells: Dumped[] }[];
}

/** Our cells in openpyxl's terms: empty texts and formulas without a cached value are no value. */
function dvcCells(rows: { row: number; cells: (Cell | undefined)[] }[]): Dumped[] {
  const out: Dumped[] = [];
  for (const r of rows)
    r.cells.forEach((c, col) => {
      if (!c || c.value === null || c.value === '') return;
      out.push([r.row, col, c.kind, c.value]);
    });
  return out;
}

async function compare(file: string): Promise<number> {
  const theirs = openpyxlCells(file);
  if ('refused' in theirs) throw new Error(`openpyxl refused ${file}: ${theirs.refused}`);
  const wb = await readWorkbook(file);
  expect(wb.sheets.map((s) => s.name)).toEqual(theirs.map((s) => s.name));
  let n = 0;
  for (const sheet of theirs) {
    const ours = dvcCells(wb.sheet(sheet.name).rows());
    const norm = (cells: Dumped[]) =>
      cells.map(([r, c, k, v]) => [r, c, k, typeof v === 'number' ? Number(v.toPrecision(12)) : v]);
    expect(norm(ours), sheet.name).toEqual(norm(sheet.cells));
    n += ours.length;
  }
  return n;
}

describe('every cell read as openpyxl reads it', () => {
  it.each(['mau-63-tinh.xlsx', 'mau-34-tinh.xlsx', 'mau-63-tinh-vlookup.xlsx'])('%s', async (name) => {
    expect(await compare(path.join(fixtures, name))).toBeGreaterThan(3000);
  });

  it('a workbook of every cell kind: shared and inline strings, rich text, numbers, dates, booleans, errors, formulas', async () => {
    const dir = await tempDir('dvc-independent-');
    const file = path.join(dir, 'kinds.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Các loại');
    ws.addRow(['Phường Hàng Trống', 1010212, 0.5, true, false, new Date(Date.UTC(2025, 6, 1))]);
    ws.addRow([{ richText: [{ text: 'Xã ', font: { bold: true } }, { text: 'Tân Hòa' }] }, -3.25e-7, 'a & <b> "c"']);
    ws.addRow([
      { error: '#N/A' },
      { formula: 'B1+1', result: 1010213 },
      { formula: 'A1', result: 'Phường Hàng Trống' },
    ]);
    ws.getCell('D3').value = ' khoảng trắng ';
    ws.getRow(5).getCell(30).value = 'cột AD';
    await wb.xlsx.writeFile(file);
    expect(await compare(file)).toBe(14);
  });
});

describe('malformed parts refused by both readers', () => {
  const std = (extra: string) => worksheetXml(inlineRow(1, STD_HEADER_ROW) + extra);
  const tax = worksheetXml(inlineRow(1, ['Mã xã', 'Tên xã']));
  const strings = '<si><t>Phường Hàng Bạc</t></si><si><t>Phường Hàng Trống</t></si>';
  it.each([
    ['an unclosed <si>', { sharedStrings: '<si><t>Phường Hàng Bạc</t><si><t>Phường Hàng Trống</t></si>' }, ''],
    ['a mismatched element', { sharedStrings: `${strings}<si><t>x</si></t>` }, ''],
    ['a NUL in a name', {}, inlineRow(2, ['1', '01', 'Hà Nội', '1', 'Ba Đình', '00070', 'Phường A\u0000B', 'Phường'])],
    ['an empty character reference', {}, inlineRow(2, ['1', '01', 'Hà Nội', '1', 'Ba Đình', '00070', 'A&#x;B', 'P'])],
    ['a reference to no character', { sharedStrings: `${strings}<si><t>&#x110000;</t></si>` }, ''],
    ['an unclosed row', {}, '<row r="2"><c r="A2"><v>1</v></c>'],
    ['an undefined entity', {}, inlineRow(2, ['&nbsp;'])],
  ])('%s', async (_what, o, rows) => {
    const dir = await tempDir('dvc-independent-');
    const file = await writeBytes(
      path.join(dir, 'hong.xlsx'),
      hostileWorkbook(
        [
          { name: 'MX Bo TTTT', xml: std(rows) },
          { name: 'MX CQT', xml: tax },
        ],
        o,
      ),
    );
    expect(openpyxlCells(file)).toHaveProperty('refused');
    const ours = await readWorkbook(file)
      .then((wb) => wb.sheets.map((s) => s.rows()))
      .catch((e: unknown) => e);
    expect(ours).toBeInstanceOf(DvcError);
    expect((ours as DvcError).key).toBe('excel.xml.malformed');
    expect((ours as DvcError).exitCode).toBe(2);
  });

  it('and the same package, well-formed, is read alike', async () => {
    const dir = await tempDir('dvc-independent-');
    const rows = `${inlineRow(2, ['1', '01', 'Hà Nội', '1', 'Ba Đình', '00070', 'Phường A&amp;B', 'Phường'])}<row r="3"><c r="G3" t="s"><v>1</v></c></row>`;
    const file = await writeBytes(
      path.join(dir, 'lanh.xlsx'),
      hostileWorkbook(
        [
          { name: 'MX Bo TTTT', xml: std(rows) },
          { name: 'MX CQT', xml: tax },
        ],
        { sharedStrings: strings },
      ),
    );
    expect(await compare(file)).toBe(8 + 8 + 1 + 2);
  });
});
