/**
 * A standard sheet typed in the TCVN3 legacy font (as some provinces' old files are): dvc matches it as it matches a
 * tax sheet in that font, and every place that shows its names to the officer — the console, the review and summary
 * sheets, the MAP table, the HTML report — shows them decoded to Unicode; a decision typed into that review sheet still counts.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTcvn3 } from '../core/text/text.js';
import { REPO_ROOT } from '../test-support/run-cli.js';
import { runDvc } from '../test-support/run-dvc.js';
import { readReviewLines, typeDecisions } from '../test-support/review-sheet.js';

let dir: string;
let input: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-legacy-std-'));
  // The sample workbook with the standard sheet's province, district and commune names written in TCVN3.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx'));
  const ws = wb.getWorksheet('MX Bo TTTT')!;
  ws.eachRow((row, i) => {
    if (i < 4) return;
    for (const c of [3, 5, 7]) {
      const v = row.getCell(c).value;
      if (typeof v === 'string') row.getCell(c).value = encodeTcvn3(v);
    }
  });
  input = path.join(dir, 'tcvn3.xlsx');
  await wb.xlsx.writeFile(input);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('dvc map-communes on a standard sheet typed in TCVN3', () => {
  it('matches as on the Unicode sample and shows every name decoded', async () => {
    const out = path.join(dir, 'ket-qua.xlsx');
    const html = path.join(dir, 'bao-cao.html');
    const map = path.join(dir, 'map.csv');
    const r = await runDvc(['map-communes', input, '--out', out, '--html', html, '--map-out', map]);
    expect(r.code, r.stderr).toBe(0);
    // --audit writes nothing: the sample's own output beside it is left alone.
    const summaryOf = async (file: string) => {
      const run = await runDvc(['map-communes', file, '--audit', '--json']);
      expect(run.code, run.stderr).toBe(0);
      const { summary } = JSON.parse(run.stdout) as { summary: Record<string, number> };
      return {
        rows: summary.rows,
        notFound: summary.notFound,
        ambiguous: summary.ambiguous,
        unused: summary.taxUnused,
      };
    };
    expect(await summaryOf(input)).toEqual(await summaryOf(path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx')));
    // The console: provinces per line and in the editions, decoded; nothing of the legacy font.
    expect(r.stdout).toMatch(/^ {2}Thành phố Hà Nội +526 /m);
    expect(r.stdout).toContain('  Tỉnh Thái Nguyên: sheet chuẩn');
    expect(r.stdout).not.toMatch(/Thµnh|TØnh|Néi/);
    // The review sheet: province, district and commune as the officer reads them.
    const lines = await readReviewLines(out);
    const daiThinh = lines.find((l) => l.code === '08974')!;
    expect(daiThinh).toMatchObject({ name: 'Xã Đại Thịnh', status: 'không tìm thấy' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const review = wb.getWorksheet('Rà soát')!;
    const row = review.getRow(lines.indexOf(daiThinh) + 2);
    expect([row.getCell(3).value, row.getCell(4).value]).toEqual(['Thành phố Hà Nội', 'Huyện Mê Linh']);
    const summary = wb.getWorksheet('Tóm tắt')!;
    expect([summary.getCell('A2').value, summary.getCell('A3').value]).toEqual([
      'Thành phố Hà Nội',
      'Tỉnh Thái Nguyên',
    ]);
    // The standard sheet itself keeps the names as they were typed.
    expect(wb.getWorksheet('MX Bo TTTT')!.getCell('G226').value).toBe(encodeTcvn3('Xã Đại Thịnh'));
    // The MAP table for the tax authority.
    const csv = await readFile(map, 'utf8');
    expect(csv).toContain('Thành phố Hà Nội,Huyện Mê Linh,08974,Xã Đại Thịnh,');
    expect(csv).not.toContain(encodeTcvn3('Xã Đại Thịnh'));
    // The HTML report: the province table and the review rows, decoded.
    const page = await readFile(html, 'utf8');
    expect(page).toContain('data-province="Thành phố Hà Nội"');
    expect(page).not.toContain(encodeTcvn3('Thành phố Hà Nội'));
  });

  it('takes a decision typed into that review sheet', async () => {
    const first = path.join(dir, 'vong-1.xlsx');
    expect((await runDvc(['map-communes', input, '--out', first])).code).toBe(0);
    await typeDecisions(first, { '08974': '1011602' });
    const second = path.join(dir, 'vong-2.xlsx');
    const r = await runDvc(['map-communes', input, '--decisions', first, '--out', second, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { summary: { decided: number }; rows: { code: string; taxCode?: string }[] };
    expect(report.summary.decided).toBe(1);
    expect(report.rows.find((x) => x.code === '08974')?.taxCode).toBe('1011602');
  });
});
