/**
 * `dvc map-communes` on bad and unusual inputs, through the built CLI: every bad input is exit 2 with a message
 * that says what to do, no stack trace and no output file; the shipped reference list stands in for a missing
 * standard sheet; column overrides rescue unrecognisable headers; a merged commune says where it went.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { STD_HEADER } from '../test-support/excel-workbooks.js';
import { runCli, type CliRun } from '../test-support/run-cli.js';
import { runDvc } from '../test-support/run-dvc.js';
import { FIXTURE_LISTS, readList } from '../test-support/accuracy-lists.js';

type Cell = ExcelJS.CellValue;

const TAX_HEADER = ['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã'];
const TN = ['19', 'Tỉnh Thái Nguyên', '164', 'Thành phố Thái Nguyên'];
const TN_TAX = ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên'];
/** Thái Nguyên city, 2004 structure: [GSO code, name]. */
const COMMUNES: [string, string][] = [
  ['05431', 'Phường Quán Triều'],
  ['05434', 'Phường Quang Vinh'],
  ['05440', 'Phường Hoàng Văn Thụ'],
  ['05485', 'Xã Phúc Hà'],
];
const stdRow = (i: number, code: Cell = COMMUNES[i][0]): Cell[] => [
  i + 1,
  ...TN,
  code,
  COMMUNES[i][1],
  COMMUNES[i][1].split(' ')[0],
  null,
];
const taxRow = (i: number): Cell[] => [...TN_TAX, `109010${i + 1}`, COMMUNES[i][1]];

interface Sheets {
  std?: Cell[][] | null;
  tax?: Cell[][] | null;
  extra?: string;
}

/** A workbook with "MX Bo TTTT" and "MX CQT" (each replaceable or left out) and perhaps another sheet. */
async function workbook(file: string, o: Sheets = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (o.std !== null) {
    const ws = wb.addWorksheet('MX Bo TTTT');
    for (const r of o.std ?? [STD_HEADER, ...COMMUNES.map((_, i) => stdRow(i))]) ws.addRow(r);
  }
  if (o.tax !== null) {
    const ws = wb.addWorksheet('MX CQT');
    for (const r of o.tax ?? [TAX_HEADER, ...COMMUNES.map((_, i) => taxRow(i))]) ws.addRow(r);
  }
  if (o.extra) wb.addWorksheet(o.extra).addRow(['ghi chú']);
  await wb.xlsx.writeFile(file);
  return file;
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

let dir: string;
let n = 0;
/** A fresh, empty folder for one case, so that "no output file" means the folder holds only the input. */
async function caseDir(): Promise<string> {
  const d = path.join(dir, `case-${++n}`);
  await mkdir(d);
  return d;
}

/** Runs the CLI on `input` with an explicit --out, and asserts the bad-input contract. */
async function expectRefused(input: string, args: string[] = [], lang?: 'en'): Promise<CliRun> {
  const folder = path.dirname(input);
  const before = new Set(await readdir(folder));
  const hash = sha(input);
  const out = path.join(folder, 'ket-qua.xlsx');
  const r = await runDvc([
    'map-communes',
    input,
    '--out',
    out,
    '--map-out',
    path.join(folder, 'map.csv'),
    ...args,
    ...(lang ? ['--lang', lang] : []),
  ]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trim()).not.toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/DvcError|TypeError|RangeError|node:internal/);
  expect(existsSync(out)).toBe(false);
  expect(new Set(await readdir(folder))).toEqual(before);
  expect(sha(input)).toBe(hash);
  return r;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-mc-input-'));
});

describe('dvc map-communes refuses bad input: exit 2, a clear message, no output file', () => {
  it('a text file renamed to .xlsx', async () => {
    const input = path.join(await caseDir(), 'danh-muc.xlsx');
    await writeFile(input, 'Mã PX,Phường Xã\n05431,Phường Quán Triều\n');
    const vi = await expectRefused(input);
    expect(vi.stderr).toContain('không phải là sổ làm việc Excel (.xlsx)');
    const en = await expectRefused(input, [], 'en');
    expect(en.stderr).toContain('is not an Excel workbook (.xlsx)');
  });

  it('an old .xls (OLE2 compound file): says to save it as .xlsx', async () => {
    const input = path.join(await caseDir(), 'danh-muc.xls');
    await writeFile(
      input,
      Buffer.concat([
        Buffer.from('d0cf11e0a1b11ae1', 'hex'),
        Buffer.alloc(1024),
        Buffer.from('Workbook', 'utf16le'),
        Buffer.alloc(512),
      ]),
    );
    const r = await expectRefused(input, [], 'en');
    expect(r.stderr).toContain('.xls, Excel 97–2003');
    expect(r.stderr).toContain('Save As → Excel Workbook (*.xlsx)');
  });

  it('a password-protected workbook (OLE2 with EncryptionInfo / EncryptedPackage streams)', async () => {
    const input = path.join(await caseDir(), 'mat-khau.xlsx');
    const streams = Buffer.concat([
      Buffer.from('EncryptionInfo', 'utf16le'),
      Buffer.alloc(50),
      Buffer.from('EncryptedPackage', 'utf16le'),
    ]);
    await writeFile(
      input,
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1016), streams, Buffer.alloc(2048)]),
    );
    const vi = await expectRefused(input);
    expect(vi.stderr).toContain('được đặt mật khẩu');
    const en = await expectRefused(input, [], 'en');
    expect(en.stderr).toContain('protected by a password');
    expect(en.stderr).not.toContain('Save As');
  });

  it('a missing standard sheet lists the sheets and points to --std-sheet / --reference', async () => {
    const input = await workbook(path.join(await caseDir(), 'thieu.xlsx'), { std: null, extra: 'Danh mục' });
    const r = await expectRefused(input, [], 'en');
    expect(r.stderr).toContain('"MX Bo TTTT"');
    expect(r.stderr).toContain('"MX CQT", "Danh mục"');
    expect(r.stderr).toContain('--reference');
  });

  it('a missing tax sheet (named with --tax-sheet) lists the sheets', async () => {
    const input = await workbook(path.join(await caseDir(), 'thieu-thue.xlsx'));
    const r = await expectRefused(input, ['--tax-sheet', 'CQT 2025']);
    expect(r.stderr).toContain('"CQT 2025"');
    expect(r.stderr).toContain('"MX Bo TTTT", "MX CQT"');
  });

  it('no recognisable header: lists the rows it saw and suggests --std-cols / --tax-cols', async () => {
    const std = [
      ['Danh sách gửi Sở'],
      ['Cột 1', 'Cột 2', 'Cột 3'],
      ...COMMUNES.map(([c, name]) => ['Thái Nguyên', c, name]),
    ];
    const input = await workbook(path.join(await caseDir(), 'tieu-de.xlsx'), { std });
    const r = await expectRefused(input, [], 'en');
    expect(r.stderr).toContain('No header row found in sheet "MX Bo TTTT"');
    expect(r.stderr).toContain('Cột 1');
    expect(r.stderr).toContain('Danh sách gửi Sở');
    expect(r.stderr).toContain('--std-cols');
  });

  it('an empty sheet', async () => {
    const input = await workbook(path.join(await caseDir(), 'trong.xlsx'), { tax: [] });
    const r = await expectRefused(input);
    expect(r.stderr).toContain('Trang tính "MX CQT" trống');
  });

  it('a formula in a code cell with no cached value names the cell and the formula', async () => {
    const std = [
      STD_HEADER,
      stdRow(0, { formula: 'A1', result: undefined } as ExcelJS.CellFormulaValue),
      ...[1, 2, 3].map((i) => stdRow(i)),
    ];
    const input = await workbook(path.join(await caseDir(), 'cong-thuc.xlsx'), { std });
    const r = await expectRefused(input, [], 'en');
    expect(r.stderr).toContain('Cell F2 of sheet "MX Bo TTTT" is the formula =A1');
    expect(r.stderr).toContain('no calculated value');
  });

  it('codes stored as dates name the cell', async () => {
    const std = [STD_HEADER, stdRow(0, new Date(Date.UTC(1914, 10, 13))), ...[1, 2, 3].map((i) => stdRow(i))];
    const input = await workbook(path.join(await caseDir(), 'ngay.xlsx'), { std });
    const r = await expectRefused(input);
    expect(r.stderr).toContain('Ô F2 của trang tính "MX Bo TTTT"');
    expect(r.stderr).toContain('ngày tháng');
  });

  it('more than 30,000 rows (a sheet whose last row is row 30,001)', async () => {
    const input = path.join(await caseDir(), 'qua-lon.xlsx');
    const wb = new ExcelJS.Workbook();
    const std = wb.addWorksheet('MX Bo TTTT');
    for (const r of [STD_HEADER, ...COMMUNES.map((_, i) => stdRow(i))]) std.addRow(r);
    const tax = wb.addWorksheet('MX CQT');
    for (const r of [TAX_HEADER, ...COMMUNES.map((_, i) => taxRow(i))]) tax.addRow(r);
    tax.getCell('A30001').value = 'dòng thừa';
    await wb.xlsx.writeFile(input);
    const r = await expectRefused(input, [], 'en');
    expect(r.stderr).toContain('Sheet "MX CQT" has more than 30000 rows');
  });

  it('--out equal to the input, with or without --force', async () => {
    const input = await workbook(path.join(await caseDir(), 'vao.xlsx'));
    const hash = sha(input);
    for (const force of [[], ['--force']]) {
      const r = await runCli(['map-communes', input, '--out', input, ...force, '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('is the same as an input file');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(await readdir(path.dirname(input))).toEqual(['vao.xlsx']);
      expect(sha(input)).toBe(hash);
    }
  });
});

describe('dvc map-communes on unusual but valid input', () => {
  it('a formula in a code cell WITH a cached value: the cached value is used', async () => {
    const std = [
      STD_HEADER,
      stdRow(0, { formula: 'TEXT(5431,"00000")', result: '05431' }),
      ...[1, 2, 3].map((i) => stdRow(i)),
    ];
    const input = await workbook(path.join(await caseDir(), 'cong-thuc-co-gia-tri.xlsx'), { std });
    const out = path.join(path.dirname(input), 'ket-qua.xlsx');
    const r = await runDvc(['map-communes', input, '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).rows as { code: string; status: string; taxCode?: string }[];
    expect(rows.find((x) => x.code === '05431')).toMatchObject({ status: 'exact', taxCode: '1090101' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('MX Bo TTTT')!.getCell('I2').value).toBe('1090101');
  });

  it('--std-cols / --tax-cols read sheets whose headers are unrecognisable', async () => {
    const std = [
      ['Danh sách gửi Sở'],
      ['Cột 1', 'Cột 2', 'Cột 3'],
      ...COMMUNES.map(([c, name]) => ['Tỉnh Thái Nguyên', c, name]),
    ];
    const tax = [
      ['A', 'B', 'C'],
      ...COMMUNES.map(([, name], i) => ['Thái Nguyên', `109010${i + 1}`, name.toUpperCase()]),
    ];
    const input = await workbook(path.join(await caseDir(), 'cot-tu-chon.xlsx'), { std, tax });
    const out = path.join(path.dirname(input), 'ket-qua.xlsx');
    const r = await runDvc([
      'map-communes',
      input,
      '--out',
      out,
      '--std-cols',
      'province=A,code=B,name=C',
      '--tax-cols',
      'province=A,code=B,name=C',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.summary).toMatchObject({ rows: 4, ambiguous: 0, notFound: 0 });
    expect(json.rows.map((x: { taxCode: string }) => x.taxCode)).toEqual(['1090101', '1090102', '1090103', '1090104']);
  });

  it('--reference gso-2025 stands in for a missing "MX Bo TTTT" and fills the given province', async () => {
    // A tax-authority-like list (real GSO 2025 names, synthetic codes; fixtures/README.md).
    const tn = readList(FIXTURE_LISTS, 'tax-synthetic-2025.csv')
      .filter((r) => r.gso_province_code === '19')
      .slice(0, 8);
    expect(tn).toHaveLength(8);
    const tax = [
      TAX_HEADER,
      ...tn.map((r) => [
        r.province_code,
        r.province_name,
        r.district_code,
        r.district_name,
        r.commune_code,
        r.commune_name,
      ]),
    ];
    const input = await workbook(path.join(await caseDir(), 'chi-co-cqt.xlsx'), { std: null, tax });
    const out = path.join(path.dirname(input), 'ket-qua.xlsx');
    const r = await runDvc([
      'map-communes',
      input,
      '--reference',
      'gso-2025',
      '--province',
      'Thái Nguyên',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const filled = (json.rows as { taxCode?: string; provinceName: string }[]).filter((x) => x.taxCode);
    expect(filled.map((x) => x.taxCode).sort()).toEqual(tn.map((r) => r.commune_code).sort());
    expect(filled.every((x) => x.provinceName.includes('Thái Nguyên'))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('MX Bo TTTT');
    expect(ws, 'the output has a standard sheet built from the shipped list').toBeDefined();
    const written = new Map<string, string>();
    ws!.eachRow((row) => {
      const values = (row.values as Cell[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
      const tms = values.find((v) => /^\d{8}$/.test(v));
      const gso = values.find((v) => /^\d{5}$/.test(v));
      if (tms && gso) written.set(gso, tms);
    });
    expect(written.size).toBe(8);
    expect([...written.values()].sort()).toEqual(tn.map((r) => r.commune_code).sort());
  });

  it('a commune merged in 2025 and absent from the tax sheet: not_found with merged_into naming the new commune', async () => {
    // 05434 Phường Quang Vinh went into 05482 Phường Quan Triều (gso-2025-merges-old-to-new.csv).
    const tax = [TAX_HEADER, ...[0, 2, 3].map((i) => taxRow(i))];
    const input = await workbook(path.join(await caseDir(), 'sap-nhap.xlsx'), { tax });
    const r = await runDvc([
      'map-communes',
      input,
      '--out',
      path.join(path.dirname(input), 'ket-qua.xlsx'),
      '--json',
      '--lang',
      'en',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const rows = JSON.parse(r.stdout).rows as {
      code: string;
      status: string;
      reasons: { code: string; text: string; params?: Record<string, string> }[];
    }[];
    const quangVinh = rows.find((x) => x.code === '05434')!;
    expect(quangVinh.status).toBe('not_found');
    const merged = quangVinh.reasons.find((x) => x.code === 'merged_into');
    expect(merged?.params).toMatchObject({ code: '05482', name: 'Phường Quan Triều' });
    expect(merged?.text).toContain('Phường Quan Triều');
    expect(rows.filter((x) => x.code !== '05434').every((x) => x.status === 'exact')).toBe(true);
  });
});
