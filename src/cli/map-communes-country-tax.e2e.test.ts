import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FIXTURE_LISTS, readList } from '../test-support/accuracy-lists.js';
import { runCli } from '../test-support/run-cli.js';

describe('dvc map-communes: one province against the tax list of the whole country', () => {
  it('fills the province, ignores the other provinces in one note, and agrees with the known mapping', async () => {
    const gso = readList(FIXTURE_LISTS, 'gso-units-2025.csv').filter((r) => r.province_code === '19');
    // A tax-authority-like list of the whole country: real GSO 2025 names, synthetic codes (fixtures/README.md).
    const tms = readList(FIXTURE_LISTS, 'tax-synthetic-2025.csv');
    const expected = new Map(tms.map((r) => [r.gso_commune_code, r.commune_code]));
    const wb = new ExcelJS.Workbook();
    const std = wb.addWorksheet('MX Bo TTTT');
    std.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp', '', '', '', 'Mã phường/xã CQT']);
    for (const r of gso)
      std.addRow([r.province_code, r.province_name, r.commune_code, r.commune_name, r.commune_level]);
    const tax = wb.addWorksheet('MX CQT');
    tax.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã']);
    for (const r of tms)
      tax.addRow([r.province_code, r.province_name, r.district_code, r.district_name, r.commune_code, r.commune_name]);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-country-'));
    const input = path.join(dir, 'thai-nguyen.xlsx');
    await wb.xlsx.writeFile(input);

    const r = await runCli(['map-communes', input, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.provinces).toHaveLength(1);
    expect(json.notes.filter((n: { key: string }) => n.key.startsWith('mc.note.unpairedTax'))).toEqual([
      expect.objectContaining({ key: 'mc.note.unpairedTaxMany', params: expect.objectContaining({ count: 33 }) }),
    ]);
    expect(json.summary.rows).toBe(gso.length);
    expect(json.summary.taxUnused).toBe(0);
    const filled = json.rows.filter((x: { taxCode?: string }) => x.taxCode);
    expect(filled.length).toBe(gso.length);
    for (const x of filled) expect(x.taxCode, x.name).toBe(expected.get(x.code));
  });
});
