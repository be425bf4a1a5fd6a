/**
 * The officer's journey, played from the command line: three rounds of decisions typed into the review sheet, the
 * printed next command pasted into a shell, and the audit of a workbook a province filled with VLOOKUP in 2021.
 */
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadReferenceList } from '../io/reference-data.js';
import { BIN, REPO_ROOT, runCli } from '../test-support/run-cli.js';
import { STD_HEADER, tempDir } from '../test-support/excel-workbooks.js';
import { readReviewLines, typeDecisions } from '../test-support/review-sheet.js';

const SAMPLE = path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx');

/** The sample's rows that need a decision, and the tax row that is each one's answer. */
const ROUND_1: Record<string, string> = { '00526': '1011201', '00598': '1011502', '00610': '1011507' };
const ROUND_2: Record<string, string> = { '08974': '1011602', '09802': '1012107', '09856': '1012209' };
const ROUND_3: Record<string, string> = { '10099': '1012527', '05527': '-' };

/** The next command as printed (its last line), run in bash with `dvc` standing for this build. */
function pasteInBash(stdout: string, cwd: string) {
  // The command printed after "… rồi chạy:" (the browser's command follows it).
  const lines = stdout.trimEnd().split('\n');
  const command = lines[lines.findIndex((l) => l.endsWith('rồi chạy:')) + 1].trim();
  expect(command.startsWith('dvc map-communes ')).toBe(true);
  const pasted = command.replace(/^dvc /, `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} `);
  return {
    command,
    run: spawnSync('bash', ['-c', pasted], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, CI: '1', npm_command: '' },
    }),
  };
}

describe('dvc map-communes: three rounds of decisions (journey)', () => {
  it('keeps every decision of every round; the printed next command works when pasted into bash', async () => {
    const dir = path.join(await tempDir('dvc-journey-'), 'Tỉnh Hà Nội 2025');
    await mkdir(dir);
    await copyFile(SAMPLE, path.join(dir, 'bảng xã.xlsx'));
    const r1 = await runCli(['map-communes', 'bảng xã.xlsx'], { cwd: dir });
    expect(r1.code, r1.stderr).toBe(0);
    const out1 = path.join(dir, 'bảng xã.doi-chieu.xlsx');
    expect(r1.stdout).toContain(
      "dvc map-communes 'bảng xã.xlsx' --decisions 'bảng xã.doi-chieu.xlsx' --out 'bảng xã.doi-chieu-2.xlsx'",
    );
    // The review sheet opens on the rows that need a decision: in the sample, the commune missing from the tax sheet
    // and the renamed one. The other decisions below override confident matches, which is allowed and counted.
    const first = await readReviewLines(out1);
    expect(
      first
        .slice(0, 2)
        .map((l) => l.code)
        .sort(),
    ).toEqual(['05527', '08974']);
    await typeDecisions(out1, ROUND_1);

    const round2 = pasteInBash(r1.stdout, dir);
    expect(round2.run.status, round2.run.stderr).toBe(0);
    const out2 = path.join(dir, 'bảng xã.doi-chieu-2.xlsx');
    await typeDecisions(out2, ROUND_2);

    const round3 = pasteInBash(round2.run.stdout, dir);
    expect(round3.command).toContain("--decisions 'bảng xã.doi-chieu-2.xlsx' --out 'bảng xã.doi-chieu-3.xlsx'");
    expect(round3.run.status, round3.run.stderr).toBe(0);
    const out3 = path.join(dir, 'bảng xã.doi-chieu-3.xlsx');
    await typeDecisions(out3, ROUND_3);

    const last = await runCli(
      ['map-communes', 'bảng xã.xlsx', '--decisions', out3, '--out', 'cuối.xlsx', '--json', '--strict'],
      { cwd: dir },
    );
    expect(last.code, last.stderr).toBe(0);
    const json = JSON.parse(last.stdout);
    expect(json.summary).toMatchObject({ decided: 8, ambiguous: 0, notFound: 0 });
    const lines = await readReviewLines(path.join(dir, 'cuối.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'cuối.xlsx'));
    const std = wb.getWorksheet('MX Bo TTTT')!;
    for (const [round, decisions] of [
      ['bảng xã.doi-chieu.xlsx', ROUND_1],
      ['bảng xã.doi-chieu-2.xlsx', ROUND_2],
      ['bảng xã.doi-chieu-3.xlsx', ROUND_3],
    ] as const) {
      for (const [code, tax] of Object.entries(decisions)) {
        const row = json.rows.find((x: { code: string }) => x.code === code);
        expect(row.status, code).toBe('decided');
        expect(row.taxCode ?? '-', code).toBe(tax);
        const line = lines.find((l) => l.code === code && l.sheet === 'MX Bo TTTT')!;
        expect(line.decision, code).toBe(tax);
        expect(line.note, code).toBe(round);
        expect(std.getCell(`I${row.rowNumber}`).value ?? '-', code).toBe(tax === '-' ? '-' : tax);
      }
    }
  }, 300_000);
});

// ── A province's workbook of 2021, filled with VLOOKUP, with wrong codes in it ───────────────────────────────
type Unit = ReturnType<typeof loadReferenceList>['units'][number];

/** Two provinces of the shipped GSO list (2004 code system) with many names repeated in other districts. */
const PROVINCES = ['20', '34'];
/** Codes typed by hand over the VLOOKUP result: every 37th commune of a unique name gets its neighbour's code. */
const PLANT_EVERY = 37;

interface Built {
  file: string;
  truth: Map<string, string>;
  planted: Map<string, { name: string; wrong: string; right: string }>;
  vlookupWrong: Map<string, { name: string; wrong: string; right: string }>;
}

function taxCodes(units: readonly Unit[]): Map<string, string> {
  const out = new Map<string, string>();
  const districts = new Map<string, number>();
  const inDistrict = new Map<string, number>();
  for (const u of units) {
    const d = districts.get(u.districtCode ?? '') ?? districts.size + 1;
    districts.set(u.districtCode ?? '', d);
    const n = (inDistrict.get(u.districtCode ?? '') ?? 0) + 1;
    inDistrict.set(u.districtCode ?? '', n);
    out.set(u.code, `${Number(u.provinceCode) + 100}${String(d).padStart(2, '0')}${String(n).padStart(3, '0')}`);
  }
  return out;
}

async function vlookupWorkbook(dir: string): Promise<Built> {
  const units = loadReferenceList('gso-2004').units.filter((u) => PROVINCES.includes(u.provinceCode));
  const truth = taxCodes(units);
  // The tax sheet spells most names as the standard does; one in nine abbreviated ("X. ", "P. "), so VLOOKUP fails.
  const taxName = (u: Unit, i: number) =>
    i % 9 === 4 ? u.name.replace(/^Xã /, 'X. ').replace(/^Phường /, 'P. ') : u.name;
  const wb = new ExcelJS.Workbook();
  const std = wb.addWorksheet('MX Bo TTTT');
  std.addRow(STD_HEADER);
  const tax = wb.addWorksheet('MX CQT');
  tax.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã']);
  units.forEach((u, i) => {
    const code = truth.get(u.code)!;
    tax.addRow([code.slice(0, 3), u.provinceName, code.slice(0, 5), u.districtName, code, taxName(u, i)]);
  });
  const names = new Map<string, number>();
  for (const u of units) names.set(`${u.provinceCode}|${u.name}`, (names.get(`${u.provinceCode}|${u.name}`) ?? 0) + 1);
  const planted: Built['planted'] = new Map();
  const vlookupWrong: Built['vlookupWrong'] = new Map();
  units.forEach((u, i) => {
    const right = truth.get(u.code)!;
    // VLOOKUP(name) takes the first tax row of that name in the province (the officer filtered by province).
    const first = units.findIndex((x, k) => x.provinceCode === u.provinceCode && taxName(x, k) === u.name);
    const found = first >= 0 ? truth.get(units[first].code)! : undefined;
    let cell: ExcelJS.CellValue = {
      formula: `VLOOKUP(G${i + 2},'MX CQT'!$E:$F,1,FALSE)`,
      result: found ?? { error: '#N/A' },
    } as ExcelJS.CellValue;
    if (found && found !== right) vlookupWrong.set(u.code, { name: u.name, wrong: found, right });
    const unique = names.get(`${u.provinceCode}|${u.name}`) === 1;
    if (unique && found === right && i % PLANT_EVERY === 5 && units[i + 1]?.provinceCode === u.provinceCode) {
      const wrong = truth.get(units[i + 1].code)!;
      planted.set(u.code, { name: u.name, wrong, right });
      cell = Number(wrong);
    }
    std.addRow([i + 1, u.provinceCode, u.provinceName, u.districtCode, u.districtName, u.code, u.name, u.level, cell]);
  });
  const file = path.join(dir, 'gui-tong-cuc-thue-2021.xlsx');
  await wb.xlsx.writeFile(file);
  return { file, truth, planted, vlookupWrong };
}

describe('dvc map-communes: audit of a workbook filled with VLOOKUP in 2021 (journey)', () => {
  it('finds every planted and every VLOOKUP-wrong code by name, and calls no right code wrong', async () => {
    const dir = await tempDir('dvc-vlookup-');
    const b = await vlookupWorkbook(dir);
    expect(b.planted.size).toBeGreaterThanOrEqual(8);
    expect(b.vlookupWrong.size).toBeGreaterThanOrEqual(10);

    const r = await runCli(['map-communes', b.file, '--audit', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.output).toBeNull();
    type Row = { code: string; name: string; taxCode?: string; existingCode?: string; existingVerdict?: string };
    const rows = new Map<string, Row>(json.rows.map((x: Row) => [x.code, x]));
    for (const [code, p] of [...b.planted, ...b.vlookupWrong]) {
      const row = rows.get(code)!;
      expect(row.name).toBe(p.name);
      expect({ code, existing: row.existingCode, verdict: row.existingVerdict, dvc: row.taxCode }).toEqual({
        code,
        existing: p.wrong,
        verdict: 'differs',
        dvc: p.right,
      });
    }
    const wronglyDiffers = json.rows.filter(
      (x: Row) => x.existingVerdict === 'differs' && x.existingCode === b.truth.get(x.code),
    );
    expect(wronglyDiffers).toEqual([]);
    expect(json.summary.existing.differs).toBe(b.planted.size + b.vlookupWrong.size);
    const byProvince = json.provinces.map((p: { existing: { differs: number } }) => p.existing.differs);
    expect(byProvince.reduce((a: number, n: number) => a + n, 0)).toBe(json.summary.existing.differs);

    // Without --audit the officer's codes stay where they are, marked, and the review sheet opens on them.
    const w = await runCli(['map-communes', b.file, '--out', path.join(dir, 'kiem-tra.xlsx')]);
    expect(w.code, w.stderr).toBe(0);
    expect(w.stdout).toContain(
      `Mã đang có trong cột I: ${json.summary.existing.confirmed + json.summary.existing.differs + json.summary.existing.unchecked}`,
    );
    const first = [...b.planted.keys()][0];
    const firstRow = rows.get(first) as Row & { rowNumber: number; districtName: string };
    expect(w.stdout).toContain(
      `${first} ${b.planted.get(first)!.name} — ${firstRow.districtName}, dòng ${firstRow.rowNumber}`,
    );
    const lines = await readReviewLines(path.join(dir, 'kiem-tra.xlsx'));
    const top = lines.slice(0, json.summary.existing.differs + json.summary.ambiguous + json.summary.notFound);
    for (const [code, p] of b.planted) {
      const line = top.find((l) => l.code === code);
      expect(line, code).toMatchObject({ existingCode: p.wrong, existingVerdict: 'mã đang có khác dvc' });
    }
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(path.join(dir, 'kiem-tra.xlsx'));
    const std = out.getWorksheet('MX Bo TTTT')!;
    for (const [code, p] of b.planted) {
      const row = rows.get(code) as Row & { rowNumber: number };
      expect(String(std.getCell(`I${(row as unknown as { rowNumber: number }).rowNumber}`).value), code).toBe(p.wrong);
    }
  }, 300_000);
});
