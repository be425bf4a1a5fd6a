/**
 * The audit of a workbook whose column I was filled in 2021 (fixtures/mau-63-tinh-vlookup.xlsx), run through the
 * command as a user runs it, for every combination of --audit, --map-out, --html, --replace-existing and
 * --decisions: what is written, what the MAP table and --json say of four rows, and what the console says.
 *
 *   00214 Phường Quang Trung (Đống Đa)   has 1010611, dvc finds 1010611 (exact)          → confirmed
 *   09538 Phường Quang Trung (Hà Đông)   has 1010611 (Đống Đa's: VLOOKUP took the first) → differs, dvc 1011701
 *   00040 Phường Đồng Xuân               has 1010220, in no row of the tax sheet          → differs, dvc 1010202
 *   08974 Xã Đại Thịnh                   has 1011602, dvc finds nothing alone            → unchecked
 * The decisions file decides 00040 → 1010202 and 08974 → 1011602.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliContext } from '../../context.js';
import { REPO_ROOT } from '../../../test-support/run-cli.js';
import { resetV8Flags, v8FlagsSet } from '../../v8-flags.js';
import { run } from './map-communes-command.js';

const FIXTURE = path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh-vlookup.xlsx');

interface Combo {
  audit: boolean;
  mapOut: boolean;
  html: boolean;
  replace: boolean;
  decisions: boolean;
}

const COMBOS: Combo[] = [];
for (let n = 0; n < 32; n++)
  COMBOS.push({
    audit: (n & 1) !== 0,
    mapOut: (n & 2) !== 0,
    html: (n & 4) !== 0,
    replace: (n & 8) !== 0,
    decisions: (n & 16) !== 0,
  });

const label = (c: Combo) =>
  Object.entries(c)
    .filter(([, on]) => on)
    .map(([k]) => k)
    .join('+') || 'plain';

/** What the MAP table and --json must say of a row: the code carried, its status, the verdict, both codes. */
interface Expected {
  cqt_code: string;
  status: string;
  audit_verdict: string;
  audit_reason: string;
  officer_code: string;
  dvc_code: string;
  dvc_status: string;
}

function expectedRows(c: Combo): Record<string, Expected> {
  return {
    '00214': {
      cqt_code: '1010611',
      status: 'exact',
      audit_verdict: 'confirmed',
      audit_reason: '',
      officer_code: '1010611',
      dvc_code: '1010611',
      dvc_status: 'exact',
    },
    // The bug this guards: the officer's 1010611 was written with status "exact" though the audit says it differs.
    '09538': {
      cqt_code: c.replace ? '1011701' : '1010611',
      status: c.replace ? 'exact' : 'differs',
      audit_verdict: 'differs',
      audit_reason: 'same_name',
      officer_code: '1010611',
      dvc_code: '1011701',
      dvc_status: 'exact',
    },
    // A code in no row of the tax sheet is never "normalised"; a decision replaces it like --replace-existing does.
    '00040': {
      cqt_code: c.replace || c.decisions ? '1010202' : '1010220',
      status: c.decisions ? 'decided' : c.replace ? 'normalised' : 'not_in_tax_sheet',
      audit_verdict: 'differs',
      audit_reason: 'typo',
      officer_code: '1010220',
      dvc_code: '1010202',
      dvc_status: c.decisions ? 'decided' : 'normalised',
    },
    '08974': {
      cqt_code: '1011602',
      status: c.decisions ? 'decided' : 'unchecked',
      audit_verdict: c.decisions ? 'confirmed' : 'unchecked',
      audit_reason: '',
      officer_code: '1011602',
      dvc_code: c.decisions ? '1011602' : '',
      dvc_status: c.decisions ? 'decided' : 'not_found',
    },
  };
}

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += String(chunk);
    done();
  }
}

/** Runs `dvc map-communes` in-process, as main.ts would after parsing the command line. */
async function runCommand(input: string, opts: Record<string, unknown>, json: boolean) {
  const stdout = new Sink();
  const stderr = new Sink();
  const ctx = new CliContext(
    { lang: 'vi', json, color: false, quiet: true, verbose: false, input: false },
    { stdout, stderr, stdinIsTTY: false },
    { CI: '1' },
    REPO_ROOT,
  );
  // A run sets V8 flags for the rest of its process (cli/v8-flags.ts): this one shares the process with other tests.
  const flags = v8FlagsSet();
  try {
    const code = await run({ args: [input], opts, ctx } as Parameters<typeof run>[0]);
    return { code, stdout: stdout.text, stderr: stderr.text, v8Flags: v8FlagsSet() };
  } finally {
    resetV8Flags(flags);
  }
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'dvc-audit-matrix-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function setUp(c: Combo, mode: string) {
  const dir = path.join(root, `${label(c)}-${mode}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const input = path.join(dir, 'da-gui-2021.xlsx');
  await copyFile(FIXTURE, input);
  const decisions = path.join(dir, 'quyet-dinh.csv');
  if (c.decisions) await writeFile(decisions, 'std_code,tax_code\n00040,1010202\n08974,1011602\n');
  const files = { map: path.join(dir, 'map.csv'), html: path.join(dir, 'bao-cao.html') };
  const opts: Record<string, unknown> = {
    ...(c.audit ? { audit: true } : {}),
    ...(c.mapOut ? { mapOut: files.map } : {}),
    ...(c.html ? { html: files.html } : {}),
    ...(c.replace ? { replaceExisting: true } : {}),
    ...(c.decisions ? { decisions } : {}),
  };
  return { dir, input, files, opts };
}

/** The files a run leaves in its folder: the inputs, and exactly the outputs asked for. */
function expectedFiles(c: Combo): string[] {
  return [
    'da-gui-2021.xlsx',
    ...(c.decisions ? ['quyet-dinh.csv'] : []),
    ...(c.audit ? [] : ['da-gui-2021.doi-chieu.xlsx']),
    ...(c.mapOut ? ['map.csv'] : []),
    ...(c.html ? ['bao-cao.html'] : []),
  ].sort();
}

describe('dvc map-communes on a workbook filled in 2021: --audit × --map-out × --html × --replace-existing × --decisions', () => {
  it.each(COMBOS.map((c) => [label(c), c] as const))('%s: the MAP table and the console', async (_name, c) => {
    const { dir, input, files, opts } = await setUp(c, 'text');
    const r = await runCommand(input, opts, false);
    expect(r.code, r.stderr).toBe(0);
    expect((await readdir(dir)).sort()).toEqual(expectedFiles(c));

    if (c.mapOut) {
      const table = parse(await readFile(files.map, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
      const byCode = new Map(table.map((row) => [row.gso_code, row]));
      for (const [code, want] of Object.entries(expectedRows(c))) {
        const row = byCode.get(code)!;
        expect(
          {
            cqt_code: row.cqt_code,
            status: row.status,
            audit_verdict: row.audit_verdict,
            audit_reason: row.audit_reason,
            officer_code: row.officer_code,
            dvc_code: row.dvc_code,
            dvc_status: row.dvc_status,
          },
          code,
        ).toEqual(want);
      }
      // No questioned code anywhere in the table is labelled a match.
      const questioned = table.filter(
        (row) => row.cqt_code === row.officer_code && ['differs', 'unchecked'].includes(row.audit_verdict),
      );
      // 34 differ, 08974 is unchecked; --replace-existing replaces the 34, a decision replaces 00040 and settles 08974.
      expect(questioned.length).toBe(c.replace ? (c.decisions ? 0 : 1) : c.decisions ? 33 : 35);
      for (const row of questioned) expect(['exact', 'normalised'], row.gso_code).not.toContain(row.status);
      expect(byCode.get('09538')!.officer_name).toBe('Phường Quang Trung');
      expect(byCode.get('00004')!.cqt_name).toBe('Phường Trúc Bạch'); // "Ph­êng Tróc B¹ch" in TCVN3
    }

    const out = r.stdout;
    // Each questioned code: its district and row, what is wrong with it, and dvc's answer.
    expect(out).toContain('09538 Phường Quang Trung — Quận Hà Đông, dòng 242');
    expect(out).toContain(
      'mã đang có: mã 1010611 là của Phường Quang Trung ở Quận Đống Đa: cùng tên nhưng là đơn vị khác',
    );
    expect(out).toContain('00040 Phường Đồng Xuân — Quận Hoàn Kiếm, dòng 18');
    expect(out).toContain('mã đang có: mã 1010220 không có trong sheet thuế; gần giống mã 1010202');
    expect(out).toContain(c.decisions ? 'quyết định của cán bộ: 1010202 Đồng Xuân' : 'dvc đề xuất: 1010202 Đồng Xuân');
    // 00040's and 09706's codes (a decision replaces 00040's but the officer's code was not in the tax sheet).
    expect(out).toContain('       2  mã đang có không có trong sheet thuế');
    expect(out).not.toContain('¹'); // no TCVN3 left in a name
    const written = !c.audit;
    if (written) expect(out).toContain(`Đã ghi: ${path.join(dir, 'da-gui-2021.doi-chieu.xlsx')}`);
    else expect(out).not.toMatch(/xem sheet|Mở sheet/); // no pointer to a sheet that was not written
    if (c.audit && !c.mapOut && !c.html)
      expect(out).toContain('Chế độ --audit: không ghi tệp nào; thêm --out, --map-out hoặc --html');
    else if (c.audit) expect(out).toContain('Chế độ --audit: không ghi tệp Excel (thêm --out <tệp.xlsx> để ghi).');
    const more = out.split('\n').find((l) => l.includes('dòng khác'));
    expect(more).toBe(
      written
        ? `    … và 24 dòng khác: xem sheet "Rà soát" của ${path.join(dir, 'da-gui-2021.doi-chieu.xlsx')}`
        : c.html
          ? `    … và 24 dòng khác: xem báo cáo ${files.html}`
          : '    … và 24 dòng khác: thêm --out <tệp.xlsx> để có sheet "Rà soát", hoặc dùng --html, --json',
    );
  });

  it.each(COMBOS.map((c) => [label(c), c] as const))('%s: --json says what the MAP table says', async (_name, c) => {
    const { input, files, opts } = await setUp(c, 'json');
    const r = await runCommand(input, opts, true);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as {
      output: string | null;
      audit: boolean;
      summary: { existing: Record<string, number> };
      rows: Record<string, unknown>[];
    };
    expect(json.audit).toBe(c.audit);
    expect(json.output === null).toBe(c.audit);
    expect(json.summary.existing).toEqual(
      c.decisions
        ? { confirmed: 663, differs: 34, unchecked: 0, notInTaxSheet: 2 }
        : { confirmed: 662, differs: 34, unchecked: 1, notInTaxSheet: 2 },
    );
    const byCode = new Map(json.rows.map((row) => [row.code as string, row]));
    for (const [code, want] of Object.entries(expectedRows(c))) {
      const row = byCode.get(code)!;
      expect(
        {
          mapCode: row.mapCode,
          mapStatus: row.mapStatus,
          existingVerdict: row.existingVerdict,
          existingCode: row.existingCode,
          reason: (row.existingReason as { code?: string } | undefined)?.code ?? '',
          taxCode: want.dvc_code ? row.taxCode : undefined,
        },
        code,
      ).toEqual({
        mapCode: want.cqt_code,
        mapStatus: want.status,
        existingVerdict: want.audit_verdict,
        existingCode: want.officer_code,
        reason: want.audit_reason,
        taxCode: want.dvc_code || undefined,
      });
    }
    expect(byCode.get('00040')!.existingInTaxSheet).toBe(false);
    expect(byCode.get('09538')!.existingInTaxSheet).toBe(true);
    if (c.html) {
      const html = await readFile(files.html, 'utf8');
      const data = /<script type="application\/json" id="review-data">([\s\S]*?)<\/script>/.exec(html)![1];
      const rows = JSON.parse(data) as { c: string; er: string; ni: number }[];
      expect(rows.find((x) => x.c === '00040')).toMatchObject({
        ni: 1,
        er: 'mã 1010220 không có trong sheet thuế; gần giống mã 1010202 (gõ nhầm chữ số?)',
      });
    }
  });

  it('--audit --out writes the workbook asked for, and its note on a kept code says what is wrong with it', async () => {
    const { dir, input } = await setUp(COMBOS[1], 'out');
    const out = path.join(dir, 'kiem-tra.xlsx');
    const r = await runCommand(input, { audit: true, out }, false);
    expect(r.code, r.stderr).toBe(0);
    // One pass over two sheets: V8 optimises only the hot code (docs/decisions.md); the flag ends with the run.
    expect(r.v8Flags).toContain('--interrupt-budget=500000');
    expect(v8FlagsSet()).not.toContain('--interrupt-budget=500000');
    expect((await readdir(dir)).sort()).toEqual(['da-gui-2021.xlsx', 'kiem-tra.xlsx']);
    expect(r.stdout).toContain(`Đã ghi: ${out}`);
    expect(r.stdout).toContain(`… và 24 dòng khác: xem sheet "Rà soát" của ${out}`);
    expect(r.stdout).not.toContain('Chế độ --audit');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('MX Bo TTTT')!;
    expect(ws.getCell('I242').value).toBe('1010611');
    expect(ws.getCell('I242').dataValidation).toMatchObject({ promptTitle: 'Mã đang có khác dvc' });
    expect(ws.getCell('I242').dataValidation.prompt).toMatch(
      /^Có thể sai: mã 1010611 là của Phường Quang Trung ở Quận Đống Đa: cùng tên nhưng là đơn vị khác .*dvc đề xuất 1011701 Phường Quang Trung\./,
    );
    expect(ws.getCell('I18').dataValidation).toMatchObject({ promptTitle: 'Mã không có trong sheet thuế' });
    expect(ws.getCell('I18').dataValidation.prompt).toMatch(
      /^Sai: mã 1010220 không có trong sheet thuế; gần giống mã 1010202/,
    );
    // The review sheet names the tax rows as the officer reads them: decoded from TCVN3/VNI, as the console does.
    const review = wb.getWorksheet('Rà soát')!;
    const header = (review.getRow(1).values as unknown[]).map(String);
    const col = (h: string) => header.indexOf(h);
    const line = (code: string) => review.getRows(2, review.rowCount - 1)!.find((x) => x.getCell(5).value === code)!;
    expect(line('10237').getCell(col('Tên theo mã đang có')).value).toBe('Phường Chương Dương'); // "Ph­êng Ch­¬ng D­¬ng"
    expect(line('00004').getCell(col('Tên CQT')).value).toBe('Phường Trúc Bạch'); // "Ph­êng Tróc B¹ch"
    const cells = review
      .getSheetValues()
      .flat()
      .map((v) => String(v ?? ''));
    expect(cells.filter((v) => /[\u00ad¹]/.test(v))).toEqual([]);
  });
});

describe('every questioned code decided by the officer', () => {
  it('--strict passes, no next round is asked for, and the console credits the decisions, not --replace-existing', async () => {
    const { dir, input } = await setUp(COMBOS[0], 'all-decided');
    const first = JSON.parse((await runCommand(input, { audit: true }, true)).stdout) as {
      rows: { code: string; status: string; taxCode?: string; existingCode?: string; existingVerdict?: string }[];
    };
    // Each differing code takes dvc's answer; each row dvc cannot settle keeps the officer's code (or none).
    const lines = first.rows.flatMap((x) =>
      x.existingVerdict === 'differs'
        ? [`${x.code},${x.taxCode}`]
        : x.status === 'ambiguous' || x.status === 'not_found'
          ? [`${x.code},${x.existingCode ?? '-'}`]
          : [],
    );
    expect(lines).toHaveLength(36);
    const decisions = path.join(dir, 'tat-ca.csv');
    await writeFile(decisions, `std_code,tax_code\n${lines.join('\n')}\n`);
    const out = path.join(dir, 'xong.xlsx');
    const r = await runCommand(input, { decisions, out, strict: true }, false);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Mọi dòng đều đã được điền.');
    expect(r.stdout).not.toContain('Mở sheet');
    expect(r.stdout).not.toContain('--replace-existing');
    expect(r.stdout).toContain('Các mã khác dvc đã được thay theo quyết định của cán bộ');
    const json = JSON.parse((await runCommand(input, { decisions, strict: true, audit: true }, true)).stdout) as {
      ok: boolean;
      nextStep: string | null;
    };
    expect(json).toMatchObject({ ok: true, nextStep: null });
  });
});
