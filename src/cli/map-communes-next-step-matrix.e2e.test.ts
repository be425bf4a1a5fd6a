/**
 * The printed next step, for every combination of the options that change the result: run, type one decision into
 * the review sheet the hint names, paste the printed command, and find the decision in column I, in the new review
 * sheet and in --json. The runs are in-process; a few pastes go through a real bash with `dvc` on the PATH.
 */
import { spawnSync } from 'node:child_process';
import { chmod, copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceList } from '../io/reference-data.js';
import { buildEditionWorkbook } from '../test-support/edition-workbooks.js';
import { tempDir } from '../test-support/excel-workbooks.js';
import { readReviewLines, typeDecisions, typeOnUnusedTaxRow } from '../test-support/review-sheet.js';
import { BIN, REPO_ROOT } from '../test-support/run-cli.js';
import { runDvc as runDvcAt } from '../test-support/run-dvc.js';
import { posixWords } from '../test-support/shell-words.js';

/**
 * The names typed here are relative, as a person types them in the folder of the workbook. map-communes still
 * opens its files relative to the process's directory rather than the folder it is given, so this file alone
 * enters the folder for the run and leaves it after.
 */
async function runDvc(args: string[], o: { cwd: string; env?: NodeJS.ProcessEnv }) {
  const before = process.cwd();
  process.chdir(o.cwd);
  try {
    return await runDvcAt(args, o);
  } finally {
    process.chdir(before);
  }
}

type Mode = 'same' | 'via-merges' | 'allow-mixed-editions' | 'reference';
interface Case {
  mode: Mode;
  province: boolean;
  replaceExisting: boolean;
  customSheets: boolean;
}

/** Thái Nguyên (19) after 2025; Bắc Kạn (06) was merged into it. */
const NEW = ['19'];
const OLD = ['06', '19'];
const renamed = () => {
  const units = loadReferenceList('gso-2025').units.filter((u) => u.provinceCode === '19');
  return Object.fromEntries(units.slice(3, 6).map((u) => [u.code, `${u.name} Mới`]));
};

const workbooks = new Map<string, string>();

async function workbookFor(c: Case): Promise<string> {
  const kind = `${c.mode === 'same' ? 'same' : 'mixed'}-${c.customSheets ? 'custom' : 'plain'}`;
  const known = workbooks.get(kind);
  if (known) return known;
  const file = await buildEditionWorkbook(`${kind}.xlsx`, {
    oldProvinces: c.mode === 'same' ? NEW : OLD,
    newProvinces: NEW,
    stdEdition: c.mode === 'same' ? 'gso-2025' : 'gso-2004',
    taxNames: renamed(),
  });
  if (c.customSheets) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('MX Bo TTTT')!.name = 'DS xã';
    wb.getWorksheet('MX CQT')!.name = 'Thuế 2025';
    await wb.xlsx.writeFile(file);
  }
  workbooks.set(kind, file);
  return file;
}

function optionsOf(c: Case): string[] {
  const o: string[] = [];
  if (c.mode === 'via-merges') o.push('--via-merges');
  if (c.mode === 'allow-mixed-editions') o.push('--allow-mixed-editions');
  if (c.mode === 'reference') o.push('--reference', 'gso-2025');
  if (c.province) o.push('--province', 'Thái Nguyên');
  if (c.replaceExisting) o.push('--replace-existing');
  if (c.customSheets) o.push('--std-sheet', 'DS xã', '--tax-sheet', 'Thuế 2025', '--tax-cols', 'code=C,name=D');
  return o;
}

/** The hint as printed: the line after "… rồi chạy:", and the review sheet it names. */
function hintOf(stdout: string): { words: string[]; sheet: string } {
  const lines = stdout.trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith('Mở sheet "'));
  expect(at, stdout).toBeGreaterThanOrEqual(0);
  const sheet = /^Mở sheet "([^"]+)"/.exec(lines[at])![1];
  const words = posixWords(lines[at + 1].trim());
  expect(words[0]).toBe('dvc');
  return { words: words.slice(1), sheet };
}

/** The decision an officer would type: the first row to decide takes its first candidate. */
async function decide(output: string, stdLabel: string): Promise<{ code: string; taxCode: string }> {
  const lines = await readReviewLines(output);
  const line = lines.find((l) => l.sheet === stdLabel && l.candidates.some((c) => c.startsWith('T')));
  if (!line) throw new Error(`no row to decide in ${output}`);
  const taxCode = line.candidates.find((c) => c.startsWith('T'))!;
  await typeDecisions(output, { [line.code]: taxCode });
  return { code: line.code, taxCode };
}

interface JsonRow {
  code: string;
  status: string;
  taxCode?: string;
  rowNumber: number;
  sheet: string;
}

/** Column I (or the target column of the sheet built from the shipped list) of the row decided. */
async function targetCell(file: string, c: Case, row: JsonRow, letter: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const std = c.customSheets ? 'DS xã' : 'MX Bo TTTT';
  // The sheet built from the shipped list; over an earlier output, the newest of them ("… 2025 (2)").
  const ws =
    c.mode === 'reference'
      ? wb.worksheets.filter((w) => w.name.startsWith(`${std} 2025`)).pop()!
      : wb.getWorksheet(std)!;
  const col = c.mode === 'reference' ? 'H' : letter;
  return String(ws.getCell(`${col}${row.rowNumber}`).value ?? '');
}

async function checkDecided(dir: string, json: string, c: Case, d: { code: string; taxCode: string }) {
  const r = JSON.parse(json) as { rows: JsonRow[]; output: string; targetColumn: string; reviewSheet: string };
  const row = r.rows.find((x) => x.code === d.code)!;
  expect(row, d.code).toMatchObject({ status: 'decided', taxCode: d.taxCode });
  expect(await targetCell(path.join(dir, r.output), c, row, r.targetColumn)).toBe(d.taxCode);
  const review = await readReviewLines(path.join(dir, r.output));
  expect(review.find((l) => l.code === d.code)).toMatchObject({ decision: d.taxCode, status: 'theo quyết định' });
}

const CASES: Case[] = [];
for (const mode of ['same', 'via-merges', 'allow-mixed-editions', 'reference'] as const)
  for (const province of [false, true])
    for (const replaceExisting of [false, true])
      for (const customSheets of [false, true]) CASES.push({ mode, province, replaceExisting, customSheets });

const label = (c: Case) =>
  [c.mode, c.province && '--province', c.replaceExisting && '--replace-existing', c.customSheets && 'sheets/cols']
    .filter(Boolean)
    .join(' ');

describe('the printed next step runs, and the decision typed is applied (every mode)', () => {
  it.each(CASES.map((c) => [label(c), c] as const))('%s', async (_name, c) => {
    const dir = await tempDir('dvc-matrix-');
    await copyFile(await workbookFor(c), path.join(dir, 'tỉnh.xlsx'));
    const r1 = await runDvc(['map-communes', 'tỉnh.xlsx', ...optionsOf(c)], { cwd: dir });
    expect(r1.code, r1.stderr).toBe(0);
    const hint = hintOf(r1.stdout);
    expect(hint.sheet).toBe('Rà soát');
    for (const opt of optionsOf(c)) expect(hint.words).toContain(opt);
    const stdLabel = c.mode === 'reference' ? 'gso-2025' : c.customSheets ? 'DS xã' : 'MX Bo TTTT';
    const d = await decide(path.join(dir, 'tỉnh.doi-chieu.xlsx'), stdLabel);
    const r2 = await runDvc([...hint.words, '--json'], { cwd: dir });
    expect(r2.code, r2.stderr).toBe(0);
    await checkDecided(dir, r2.stdout, c, d);
  });

  it.each((['same', 'via-merges', 'allow-mixed-editions', 'reference'] as const).map((m) => [m]))(
    'run again on an output (%s): the hint names the newest review sheet, and a decision typed there counts',
    async (mode) => {
      const c: Case = { mode, province: false, replaceExisting: false, customSheets: false };
      const dir = await tempDir('dvc-matrix-');
      await copyFile(await workbookFor(c), path.join(dir, 'tỉnh.xlsx'));
      const r0 = await runDvc(['map-communes', 'tỉnh.xlsx', ...optionsOf(c)], { cwd: dir });
      expect(r0.code, r0.stderr).toBe(0);
      const r1 = await runDvc(['map-communes', 'tỉnh.doi-chieu.xlsx', ...optionsOf(c)], { cwd: dir });
      expect(r1.code, r1.stderr).toBe(0);
      const hint = hintOf(r1.stdout);
      expect(hint.sheet).toBe('Rà soát (2)');
      const out = path.join(dir, 'tỉnh.doi-chieu.doi-chieu.xlsx');
      const d = await decide(out, mode === 'reference' ? 'gso-2025' : 'MX Bo TTTT');
      const r2 = await runDvc([...hint.words, '--json'], { cwd: dir });
      expect(r2.code, r2.stderr).toBe(0);
      await checkDecided(dir, r2.stdout, c, d);
    },
  );
});

/** A first round on the plain case's workbook, copied as `tỉnh.xlsx` into a folder of its own. */
async function firstPlainRound(): Promise<{ c: Case; dir: string; r1: Awaited<ReturnType<typeof runDvc>> }> {
  const c: Case = { mode: 'same', province: false, replaceExisting: false, customSheets: false };
  const dir = await tempDir('dvc-unused-');
  await copyFile(await workbookFor(c), path.join(dir, 'tỉnh.xlsx'));
  return { c, dir, r1: await runDvc(['map-communes', 'tỉnh.xlsx', '--json'], { cwd: dir }) };
}

/** The two commands printed after an English run: the next round's (after "… then run:") and the review's. */
function englishHints(stdout: string): { next: string; review: string } {
  const lines = stdout.trimEnd().split('\n');
  const at = lines.findIndex((l) => l.startsWith('Open sheet "'));
  expect(at, stdout).toBeGreaterThanOrEqual(0);
  expect(lines[at + 2]).toBe('Or decide in the browser, one click a row, no code to type:');
  return { next: lines[at + 1].trim(), review: lines[at + 3].trim() };
}

describe('the language chosen with --lang is repeated by the printed commands', () => {
  it('--lang en: both commands say it, JSON carries the same text, and the pasted command answers in English', async () => {
    const c: Case = { mode: 'via-merges', province: true, replaceExisting: false, customSheets: false };
    const dir = await tempDir('dvc-lang-');
    await copyFile(await workbookFor(c), path.join(dir, 'tỉnh.xlsx'));
    const r1 = await runDvc(['map-communes', 'tỉnh.xlsx', ...optionsOf(c), '--lang', 'en'], { cwd: dir });
    expect(r1.code, r1.stderr).toBe(0);
    const hints = englishHints(r1.stdout);
    expect(hints.next).toBe(
      "dvc --lang en map-communes tỉnh.xlsx --province 'Thái Nguyên' --via-merges --decisions tỉnh.doi-chieu.xlsx --out tỉnh.doi-chieu-2.xlsx",
    );
    expect(hints.review).toBe(
      "dvc --lang en review tỉnh.doi-chieu.xlsx --from tỉnh.xlsx --province 'Thái Nguyên' --via-merges",
    );
    // --json of the same run carries the commands as the screen shows them.
    const json = await runDvc(
      ['map-communes', 'tỉnh.xlsx', ...optionsOf(c), '--lang', 'en', '--json', '-o', 'j.xlsx'],
      {
        cwd: dir,
      },
    );
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      nextStep:
        "dvc --lang en map-communes tỉnh.xlsx --province 'Thái Nguyên' --via-merges --decisions j.xlsx --out j-2.xlsx",
      reviewStep: "dvc --lang en review j.xlsx --from tỉnh.xlsx --province 'Thái Nguyên' --via-merges",
    });
    // The officer decides one row in the English workbook, then pastes the command as printed, with no language in
    // the environment: the next round speaks English again.
    const open = (JSON.parse(json.stdout) as { rows: (JsonRow & { candidates: { code: string }[] })[] }).rows.find(
      (x) => x.status === 'ambiguous' || x.status === 'not_found',
    )!;
    await typeDecisions(path.join(dir, 'tỉnh.doi-chieu.xlsx'), { [open.code]: open.candidates[0]?.code ?? '-' });
    const r2 = await runDvc(posixWords(hints.next).slice(1), { cwd: dir });
    expect(r2.code, r2.stderr).toBe(0);
    expect(r2.stdout).toContain('Written: tỉnh.doi-chieu-2.xlsx');
    expect(r2.stdout).toMatch(/^ +1 {2}decided by the officer$/m);
    expect(r2.stdout).not.toContain('Đã ghi');
    expect(englishHints(r2.stdout).next).toBe(
      "dvc --lang en map-communes tỉnh.xlsx --province 'Thái Nguyên' --via-merges --decisions tỉnh.doi-chieu-2.xlsx --out tỉnh.doi-chieu-3.xlsx",
    );
  });

  it('a language from DVC_LANG, or the default, is not added: the next run finds it again by itself', async () => {
    const c: Case = { mode: 'same', province: false, replaceExisting: false, customSheets: false };
    const dir = await tempDir('dvc-lang-');
    await copyFile(await workbookFor(c), path.join(dir, 'tỉnh.xlsx'));
    const fromEnv = await runDvc(['map-communes', 'tỉnh.xlsx'], { cwd: dir, env: { DVC_LANG: 'en' } });
    expect(fromEnv.code, fromEnv.stderr).toBe(0);
    expect(englishHints(fromEnv.stdout)).toEqual({
      next: 'dvc map-communes tỉnh.xlsx --decisions tỉnh.doi-chieu.xlsx --out tỉnh.doi-chieu-2.xlsx',
      review: 'dvc review tỉnh.doi-chieu.xlsx --from tỉnh.xlsx',
    });
    const byDefault = await runDvc(['map-communes', 'tỉnh.xlsx', '-o', 'v.xlsx', '--json'], { cwd: dir });
    expect(byDefault.code, byDefault.stderr).toBe(0);
    expect(JSON.parse(byDefault.stdout)).toMatchObject({
      nextStep: 'dvc map-communes tỉnh.xlsx --decisions v.xlsx --out v-2.xlsx',
      reviewStep: 'dvc review v.xlsx --from tỉnh.xlsx',
    });
  });
});

describe('a decision typed on an unused tax row', () => {
  it('counts as the decision of the commune whose code was typed, alone or beside others', async () => {
    const { c, dir, r1 } = await firstPlainRound();
    const first = JSON.parse(r1.stdout) as { rows: JsonRow[]; taxUnused: { code: string }[] };
    const open = first.rows.filter((x) => x.status === 'not_found' || x.status === 'ambiguous');
    expect(open.length).toBe(3);
    // Each renamed commune's answer is among the unused tax rows, under its new name.
    const answer = (code: string) => `T${code}`;
    for (const x of open) expect(first.taxUnused.map((u) => u.code)).toContain(answer(x.code));
    const out = path.join(dir, 'tỉnh.doi-chieu.xlsx');
    await typeOnUnusedTaxRow(out, answer(open[0].code), open[0].code);
    const alone = await runDvc(['map-communes', 'tỉnh.xlsx', '--decisions', out, '--out', 'a.xlsx', '--json'], {
      cwd: dir,
    });
    expect(alone.code, alone.stderr).toBe(0);
    await checkDecided(dir, alone.stdout, c, { code: open[0].code, taxCode: answer(open[0].code) });
    // With another decision on a commune row, both count.
    await typeDecisions(out, { [open[1].code]: answer(open[1].code) });
    const both = await runDvc(['map-communes', 'tỉnh.xlsx', '--decisions', out, '--out', 'b.xlsx', '--json'], {
      cwd: dir,
    });
    expect(both.code, both.stderr).toBe(0);
    const rows = (JSON.parse(both.stdout) as { rows: JsonRow[] }).rows;
    for (const x of open.slice(0, 2))
      expect(rows.find((y) => y.code === x.code)).toMatchObject({ status: 'decided', taxCode: answer(x.code) });
  });
});

describe('a commune code mistyped on an unused tax row', () => {
  it('is named as typed on that tax row, and the officer is told which code goes there', async () => {
    const { dir, r1: first } = await firstPlainRound();
    const unused = (JSON.parse(first.stdout) as { taxUnused: { code: string }[] }).taxUnused[0].code;
    await typeOnUnusedTaxRow(path.join(dir, 'tỉnh.doi-chieu.xlsx'), unused, '99999');
    const r = await runDvc(['map-communes', 'tỉnh.xlsx', '--decisions', 'tỉnh.doi-chieu.xlsx', '-o', 'a.xlsx'], {
      cwd: dir,
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `dòng \\d+: trên dòng thuế chưa dùng ${unused}, mã phường/xã 99999 gõ ở cột "Quyết định" không có trong sheet chuẩn "MX Bo TTTT" — gõ mã phường/xã \\(mã GSO\\) của xã nhận mã thuế ${unused}\\.`,
      ),
    );
  });
});

describe('pasted into a real bash, with dvc on the PATH', () => {
  let binDir: string;
  beforeAll(async () => {
    binDir = await tempDir('dvc-path-');
    await writeFile(path.join(binDir, 'dvc'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    await chmod(path.join(binDir, 'dvc'), 0o755);
  });

  const bash = (line: string, cwd: string) =>
    spawnSync('bash', ['-c', line], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${binDir}:${process.env.PATH}`, CI: '1', npm_command: '', DVC_LANG: '' },
    });

  it.each([
    ['via-merges', 'a$(touch PWNED1)b.xlsx'],
    ['allow-mixed-editions', "it's `touch PWNED2` Hồ sơ.xlsx"],
  ] as const)('%s, workbook %s: the command runs as printed and runs nothing else', async (mode, name) => {
    const c: Case = { mode, province: true, replaceExisting: false, customSheets: false };
    const dir = path.join(await tempDir('dvc-bash-'), 'Hồ sơ tỉnh');
    await mkdir(dir);
    await copyFile(await workbookFor(c), path.join(dir, name));
    const r1 = await runDvc(['map-communes', name, ...optionsOf(c)], { cwd: dir });
    expect(r1.code, r1.stderr).toBe(0);
    const lines = r1.stdout.trimEnd().split('\n');
    const printed = lines[lines.findIndex((l) => l.startsWith('Mở sheet "')) + 1].trim();
    const output = path.join(dir, name.replace(/\.xlsx$/, '.doi-chieu.xlsx'));
    const d = await decide(output, 'MX Bo TTTT');
    const r2 = bash(`${printed} --json`, dir);
    expect(r2.status, r2.stderr).toBe(0);
    await checkDecided(dir, r2.stdout, c, d);
    expect((await readdir(dir)).filter((f) => f.startsWith('PWNED'))).toEqual([]);
  });
});

describe('a name no quoting keeps safe', () => {
  it('prints no command, says which character stands in the way, and shows the name escaped', async () => {
    const c: Case = { mode: 'same', province: false, replaceExisting: false, customSheets: false };
    const dir = await tempDir('dvc-unsafe-');
    const name = 'tỉnh\u001b[31m\nx.xlsx';
    await copyFile(await workbookFor(c), path.join(dir, name));
    const r = await runDvc(['map-communes', name], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\u001b]/);
    expect(r.stdout).not.toMatch(/^\s+dvc map-communes/m);
    expect(r.stdout).toContain(
      'dvc không in lệnh để dán: "tỉnh\\x1b[31m\\x0ax.xlsx" chứa ký tự điều khiển (\\x1b \\x0a)',
    );
    expect(r.stdout).toContain('Mở sheet "Rà soát" của tỉnh\\x1b[31m\\x0ax.doi-chieu.xlsx: 3 dòng cần quyết định');
  });
});

describe('--audit reads the same ledger', () => {
  it('applies a CSV decision with --via-merges and writes nothing', async () => {
    const c: Case = { mode: 'via-merges', province: false, replaceExisting: false, customSheets: false };
    const dir = await tempDir('dvc-audit-');
    await copyFile(await workbookFor(c), path.join(dir, 'tỉnh.xlsx'));
    const first = JSON.parse(
      (await runDvc(['map-communes', 'tỉnh.xlsx', '--via-merges', '--audit', '--json'], { cwd: dir })).stdout,
    ) as {
      rows: (JsonRow & { candidates: { code: string }[] })[];
    };
    const open = first.rows.find((x) => x.status === 'ambiguous' && x.candidates.length > 0)!;
    const taxCode = open.candidates[0].code;
    await writeFile(path.join(dir, 'qd.csv'), `std_code,tax_code\n${open.code},${taxCode}\n`);
    const r = await runDvc(
      ['map-communes', 'tỉnh.xlsx', '--via-merges', '--audit', '--decisions', 'qd.csv', '--json'],
      {
        cwd: dir,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { rows: JsonRow[]; output: string | null };
    expect(json.output).toBeNull();
    expect(json.rows.find((x) => x.code === open.code)).toMatchObject({ status: 'decided', taxCode });
    expect((await readdir(dir)).sort()).toEqual(['qd.csv', 'tỉnh.xlsx']);
  });
});

describe('--province in one round, the whole workbook in the next', () => {
  it('carries the decisions of the provinces left out, so none is lost', async () => {
    const dir = await tempDir('dvc-province-');
    await copyFile(path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx'), path.join(dir, 'tỉnh.xlsx'));
    const r0 = await runDvc(['map-communes', 'tỉnh.xlsx'], { cwd: dir });
    expect(r0.code, r0.stderr).toBe(0);
    // Round 1, both provinces: 08974 (Hà Nội) takes its renamed tax row.
    await typeDecisions(path.join(dir, 'tỉnh.doi-chieu.xlsx'), { '08974': '1011602' });
    // Round 2 on Thái Nguyên alone: its one open row is decided.
    const r1 = await runDvc(
      ['map-communes', 'tỉnh.xlsx', '--province', 'Thái Nguyên', '--decisions', 'tỉnh.doi-chieu.xlsx', '-o', 'tn.xlsx'],
      { cwd: dir },
    );
    expect(r1.code, r1.stderr).toBe(0);
    expect(r1.stderr).toContain('1 quyết định của tỉnh không chọn bằng --province được chép sang sheet "Rà soát"');
    const carried = (await readReviewLines(path.join(dir, 'tn.xlsx'))).find((l) => l.code === '08974');
    expect(carried).toMatchObject({ sheet: 'MX Bo TTTT', decision: '1011602', note: 'tỉnh.doi-chieu.xlsx' });
    await typeDecisions(path.join(dir, 'tn.xlsx'), { '05527': '-' });
    const hint = hintOf(r1.stdout);
    const r2 = await runDvc([...hint.words, '--json'], { cwd: dir });
    expect(r2.code, r2.stderr).toBe(0);
    // Round 3, the whole workbook again: both decisions hold.
    const r3 = await runDvc(['map-communes', 'tỉnh.xlsx', '--decisions', 'tn-2.xlsx', '-o', 'all.xlsx', '--json'], {
      cwd: dir,
    });
    expect(r3.code, r3.stderr).toBe(0);
    const rows = (JSON.parse(r3.stdout) as { rows: JsonRow[] }).rows;
    expect(rows.find((x) => x.code === '08974')).toMatchObject({ status: 'decided', taxCode: '1011602' });
    expect(rows.find((x) => x.code === '05527')).toMatchObject({ status: 'decided' });
    expect((JSON.parse(r3.stdout) as { summary: { decided: number } }).summary.decided).toBe(2);
  });
});

describe('--via-merges --province', () => {
  it('keeps to the new province chosen and the old provinces merged into it', async () => {
    const file = await buildEditionWorkbook('ba-tinh.xlsx', {
      oldProvinces: ['01', '06', '19'],
      newProvinces: ['01', '19'],
    });
    const dir = path.dirname(file);
    const r = await runDvc(
      ['map-communes', 'ba-tinh.xlsx', '--via-merges', '--province', 'Thái Nguyên', '--audit', '--json'],
      { cwd: dir },
    );
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      provinces: { provinceName: string }[];
      rows: { provinceCode: string }[];
      taxUnused: { code: string }[];
    };
    // Bắc Kạn (06) went into Thái Nguyên in 2025; Hà Nội (01) is not asked for.
    expect(json.provinces.map((p) => p.provinceName).sort()).toEqual(['Tỉnh Bắc Kạn', 'Tỉnh Thái Nguyên']);
    expect(new Set(json.rows.map((x) => x.provinceCode))).toEqual(new Set(['06', '19']));
    const haNoi = new Set(
      loadReferenceList('gso-2025')
        .units.filter((u) => u.provinceCode === '01')
        .map((u) => `T${u.code}`),
    );
    expect(json.taxUnused.filter((u) => haNoi.has(u.code))).toEqual([]);
    // The old province itself is on the standard sheet only: said so, not "not in the workbook".
    const old = await runDvc(['map-communes', 'ba-tinh.xlsx', '--via-merges', '--province', 'Bắc Kạn', '--audit'], {
      cwd: dir,
    });
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('Tỉnh "Tỉnh Bắc Kạn" có trên sheet chuẩn nhưng không có trên sheet thuế');
    expect(old.stderr).toContain('với --via-merges, chọn tỉnh mới mà nó đã nhập vào');
  });
});
