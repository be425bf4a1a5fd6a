import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from '../core/text/text.js';
import { STD_HEADER } from '../test-support/excel-workbooks.js';
import { runCli } from '../test-support/run-cli.js';
import { runDvc } from '../test-support/run-dvc.js';

type Row = (string | number | null)[];

const STD_ROWS: Row[] = [
  [1, '20', 'Tỉnh Lạng Sơn', '181', 'Huyện Bình Gia', '06067', 'Xã Hưng Đạo', 'Xã', null],
  [2, '20', 'Tỉnh Lạng Sơn', '181', 'Huyện Bình Gia', '06103', 'Xã Hòa Bình', 'Xã', null],
  [3, '20', 'Tỉnh Lạng Sơn', '184', 'Huyện Văn Quan', '06274', 'Xã Hòa Bình', 'Xã', null],
  [4, '20', 'Tỉnh Lạng Sơn', '186', 'Huyện Hữu Lũng', '06397', 'Xã Hòa Bình', 'Xã', null],
  [5, '20', 'Tỉnh Lạng Sơn', '187', 'Huyện Chi Lăng', '06508', 'Xã Hòa Bình', 'Xã', null],
  [6, '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', 5431, 'Phường Quán Triều', 'Phường', null],
  [7, '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05434', 'Phường Quang Vinh', 'Phường', null],
  [8, '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05440', 'Phường Hoàng Văn Thụ', 'Phường', null],
  [9, '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05485', 'Xã Phúc Hà', 'Xã', null],
  [10, '19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên', '05488', 'Xã Phúc Xuân', 'Xã', null],
];
const TAX_HEADER = ['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã'];
const TAX_ROWS: Row[] = [
  ['207', 'Lạng Sơn', '20701', 'Huyện Bình Gia', '2070101', 'X. Hưng Đạo'],
  ['207', 'Lạng Sơn', '20701', 'Huyện Bình Gia', '2070102', 'Xã Hoà Bình'],
  ['207', 'Lạng Sơn', '20702', 'Huyện Văn Quan', '2070201', 'Xã Hòa  Bình'],
  ['207', 'Lạng Sơn', '20703', 'Huyện Hữu Lũng', '2070301', 'xã hòa bình'],
  ['207', 'Lạng Sơn', '20704', 'Huyện Chi Lăng', '2070401', 'Xã Hòa Bình'],
  ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090101', encodeTcvn3('Phường Quán Triều')],
  ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090102', 'P. Quang Vinh'],
  ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090103', encodeVni('Phường Hoàng Văn Thụ')],
  ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090104', 'Xã Phúc Hà'.normalize('NFD')],
  ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090199', 'Xã Thịnh Đức'],
];
const EXPECTED: Record<string, string> = {
  '06067': '2070101',
  '06103': '2070102',
  '06274': '2070201',
  '06397': '2070301',
  '06508': '2070401',
  '05431': '1090101',
  '05434': '1090102',
  '05440': '1090103',
  '05485': '1090104',
};

async function workbook(file: string, o: { taxHasDistricts?: boolean; extraSheet?: boolean } = {}): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const std = wb.addWorksheet('MX Bo TTTT');
  std.addRow(['DANH MỤC ĐƠN VỊ HÀNH CHÍNH (Bộ TTTT)']);
  std.mergeCells('A1:I1');
  std.addRow([]);
  std.addRow(STD_HEADER);
  for (const r of STD_ROWS) std.addRow(r);
  std.getColumn(7).width = 33;
  std.views = [{ state: 'frozen', ySplit: 3 }];
  const tax = wb.addWorksheet('MX CQT');
  const keep = o.taxHasDistricts === false ? [0, 1, 4, 5] : [0, 1, 2, 3, 4, 5];
  tax.addRow(keep.map((i) => TAX_HEADER[i]));
  for (const r of TAX_ROWS) tax.addRow(keep.map((i) => r[i]));
  if (o.extraSheet) wb.addWorksheet('Ghi chú').addRow(['=SUM(1,2)']);
  await wb.xlsx.writeFile(file);
}

async function sha(file: string) {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

async function readSheet(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${file}`);
  return ws;
}

let dir: string;
let input: string;
let noDistricts: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-mc-'));
  input = path.join(dir, 'tinh.xlsx');
  noDistricts = path.join(dir, 'khong-huyen.xlsx');
  await workbook(input);
  await workbook(noDistricts, { taxHasDistricts: false });
});

describe('dvc map-communes (built CLI)', () => {
  it('fills column I with the right tax code for every commune and leaves the input untouched', async () => {
    const before = await sha(input);
    const out = path.join(dir, 'out-1.xlsx');
    const r = await runCli(['map-communes', input, '--out', out, '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['ok', 'input', 'output', 'mapOut', 'summary', 'rows']));
    expect(json.summary).toMatchObject({ rows: 10, ambiguous: 0, notFound: 1, conflicts: 0, taxUnused: 1 });
    expect(json.summary.exact + json.summary.normalised).toBe(9);
    expect(await sha(input)).toBe(before);

    const ws = await readSheet(out, 'MX Bo TTTT');
    expect(String(ws.getCell('I3').value)).toBe('Mã phường/xã CQT');
    for (let row = 4; row <= 13; row++) {
      const code = String(ws.getCell(`F${row}`).value).padStart(5, '0');
      const filled = ws.getCell(`I${row}`).value;
      expect(filled === null ? undefined : String(filled), `row ${row} (${code})`).toBe(EXPECTED[code]);
    }
    expect(ws.getCell('A1').isMerged).toBe(true);
  });

  it('explains each match: legacy fonts, prefixes, district disambiguation, restored zeros, not found', async () => {
    const r = await runDvc(['map-communes', input, '--out', path.join(dir, 'out-2.xlsx'), '--json']);
    const rows = JSON.parse(r.stdout).rows as {
      code: string;
      status: string;
      reasons: { code: string; text: string }[];
      duplicateName: boolean;
    }[];
    const reasons = (code: string) => rows.find((x) => x.code === code)!.reasons.map((x) => x.code);
    expect(reasons('05431')).toContain('tcvn3_decoded');
    expect(reasons('05440')).toContain('vni_decoded');
    expect(reasons('06274')).toContain('district_disambiguated');
    expect(rows.find((x) => x.code === '06274')!.duplicateName).toBe(true);
    expect(rows.find((x) => x.code === '05488')!.status).toBe('not_found');
    expect(rows.every((x) => x.reasons.every((y) => y.text && !y.text.startsWith('reason.')))).toBe(true);
  });

  it('adds the review and summary sheets', async () => {
    const out = path.join(dir, 'out-3.xlsx');
    await runDvc(['map-communes', input, '--out', out]);
    const review = await readSheet(out, 'Rà soát');
    const headers = (review.getRow(1).values as unknown[]).map(String);
    expect(headers).toEqual(expect.arrayContaining(['Trạng thái', 'Lý do']));
    const codes = review.getColumn(5).values.map((v) => String(v ?? ''));
    expect(codes).toContain('05488');
    const summary = await readSheet(out, 'Tóm tắt');
    const names = summary.getColumn(1).values.map((v) => String(v ?? ''));
    expect(names).toEqual(expect.arrayContaining(['Tỉnh Lạng Sơn', 'Tỉnh Thái Nguyên', 'Tổng cộng']));
  });

  it('never takes the first of several same-name communes: ambiguous, empty cell, all candidates listed', async () => {
    const out = path.join(dir, 'out-4.xlsx');
    const r = await runDvc(['map-communes', noDistricts, '--out', out, '--json', '--strict']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    const hoaBinh = json.rows.filter((x: { name: string }) => x.name === 'Xã Hòa Bình');
    expect(hoaBinh).toHaveLength(4);
    for (const row of hoaBinh) {
      expect(row.status).toBe('ambiguous');
      expect(row.taxCode ?? null).toBeNull();
      expect(row.candidates.map((c: { code: string }) => c.code).sort()).toEqual([
        '2070102',
        '2070201',
        '2070301',
        '2070401',
      ]);
    }
    const ws = await readSheet(out, 'MX Bo TTTT');
    expect(ws.getCell('I5').value).toBeNull();
  });

  it('re-applies decisions from a CSV and from the review sheet of an earlier output', async () => {
    const csv = path.join(dir, 'quyet-dinh.csv');
    await writeFile(csv, '\uFEFFstd_code,tax_code,note\r\n06103,2070102,đã gọi điện xác nhận\r\n06274,-,không có\r\n');
    /** The rows of a run that applies `decisions`, written to `out`. */
    const decidedBy = async (decisions: string, out: string) => {
      const r = await runDvc([
        'map-communes',
        noDistricts,
        '--out',
        path.join(dir, out),
        '--decisions',
        decisions,
        '--json',
      ]);
      return JSON.parse(r.stdout).rows as { code: string; status: string; taxCode?: string }[];
    };
    const rows = await decidedBy(csv, 'out-5.xlsx');
    expect(rows.find((x) => x.code === '06103')).toMatchObject({ status: 'decided', taxCode: '2070102' });
    expect(rows.find((x) => x.code === '06274')!.status).toBe('decided');
    expect(rows.find((x) => x.code === '06397')!.status).toBe('ambiguous');

    // The officer types a code into the decision column of "Rà soát" and saves the workbook.
    const earlier = path.join(dir, 'out-6.xlsx');
    await runDvc(['map-communes', noDistricts, '--out', earlier]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(earlier);
    const review = wb.getWorksheet('Rà soát')!;
    const header = review.getRow(1).values as unknown[];
    const decisionCol = header.findIndex((v) => String(v).startsWith('Quyết định'));
    expect(decisionCol).toBeGreaterThan(0);
    review.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(5).value) === '06397') row.getCell(decisionCol).value = '2070301';
    });
    const edited = path.join(dir, 'out-6-edited.xlsx');
    await wb.xlsx.writeFile(edited);
    const rows2 = await decidedBy(edited, 'out-7.xlsx');
    expect(rows2.find((x) => x.code === '06397')).toMatchObject({ status: 'decided', taxCode: '2070301' });
  });

  it('restricts to the provinces asked for, by name in any spelling or by code', async () => {
    for (const p of ['thai nguyen', '19', 'Thái Nguyên']) {
      const r = await runDvc([
        'map-communes',
        input,
        '--out',
        path.join(dir, `out-p-${p.replace(/\W/g, '')}.xlsx`),
        '--province',
        p,
        '--json',
        '--force',
      ]);
      const json = JSON.parse(r.stdout);
      expect(json.summary.rows, p).toBe(5);
      expect(json.rows.every((x: { provinceName: string }) => x.provinceName === 'Tỉnh Thái Nguyên')).toBe(true);
    }
    const bad = await runDvc(['map-communes', input, '--out', path.join(dir, 'x.xlsx'), '--province', 'Cà Mau']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Tỉnh Thái Nguyên');
  });

  it('writes the MAP table as CSV with a BOM', async () => {
    const csv = path.join(dir, 'map.csv');
    const r = await runDvc(['map-communes', input, '--out', path.join(dir, 'out-8.xlsx'), '--map-out', csv]);
    expect(r.code).toBe(0);
    const text = await readFile(csv, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain('06103,Xã Hòa Bình,2070102');
  });

  it('refuses to overwrite an output without --force and never writes over the input', async () => {
    const out = path.join(dir, 'out-9.xlsx');
    await writeFile(out, 'mine');
    const r = await runDvc(['map-communes', input, '--out', out]);
    expect(r.code).toBe(2);
    expect(await readFile(out, 'utf8')).toBe('mine');
    const before = await sha(input);
    const same = await runDvc(['map-communes', input, '--out', input, '--force', '--lang', 'en']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('same as an input');
    expect(await sha(input)).toBe(before);
  });

  it('names the sheets present when a sheet is missing, and refuses an old .xls', async () => {
    const r = await runDvc(['map-communes', input, '--tax-sheet', 'CQT', '--out', path.join(dir, 'o.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"MX Bo TTTT"');
    expect(r.stderr).toContain('"MX CQT"');
    const xls = path.join(dir, 'cu.xls');
    await writeFile(xls, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    const old = await runDvc(['map-communes', xls]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('.xlsx');
    expect(old.stderr).not.toMatch(/\n\s+at /);
  });
});
