/**
 * The wiring of hostile inputs through the built CLI: exit 2, the limit in the message (human and --json), no
 * output; names from the workbook or the command line with terminal control characters are printed escaped.
 */
import { execFileSync } from 'node:child_process';
import { lstat, mkdir, readdir, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test-support/excel-workbooks.js';
import {
  STD_HEADER_ROW,
  TAX_HEADER_ROW,
  bombEntry,
  hostileWorkbook,
  inlineRow,
  worksheetXml,
  writeBytes,
} from '../test-support/hostile-workbooks.js';
import { runCli } from '../test-support/run-cli.js';

const STD = worksheetXml(
  inlineRow(1, STD_HEADER_ROW) +
    inlineRow(2, ['1', '19', 'Tỉnh Thái Nguyên', '164', 'TP Thái Nguyên', '05431', 'Phường Quán Triều', 'Phường']),
);
const TAX = worksheetXml(
  inlineRow(1, TAX_HEADER_ROW) +
    inlineRow(2, ['109', 'Thái Nguyên', '10901', 'TP Thái Nguyên', '1090101', 'Quán Triều']),
);
const ESC = '\u001b';

/** A well-formed workbook of one commune on each sheet, as `a.xlsx` in `dir`. */
function plainInput(dir: string): Promise<string> {
  return writeBytes(
    path.join(dir, 'a.xlsx'),
    hostileWorkbook([
      { name: 'MX Bo TTTT', xml: STD },
      { name: 'MX CQT', xml: TAX },
    ]),
  );
}

describe('dvc map-communes on a zip bomb', () => {
  it('exits 2 naming the limit, in text and in --json, and writes nothing', async () => {
    const dir = await tempDir('dvc-hostile-e2e-');
    const bomb = bombEntry('x', {
      head: '<worksheet><sheetData>',
      fill: ' ',
      tail: '</sheetData></worksheet>',
      inflatedBytes: 1 << 30,
    });
    const input = await writeBytes(
      path.join(dir, 'bom.xlsx'),
      hostileWorkbook([
        { name: 'MX Bo TTTT', xml: bomb },
        { name: 'MX CQT', xml: TAX },
      ]),
    );
    const human = await runCli(['map-communes', input]);
    expect(human.code).toBe(2);
    expect(human.stderr).toContain('vượt giới hạn');
    expect(human.stderr).toContain('24 MB');
    expect(human.stderr).not.toMatch(/at .*\.js:\d+/);
    const json = await runCli(['map-communes', input, '--json', '--lang', 'en']);
    expect(json.code).toBe(2);
    const body = JSON.parse(json.stdout) as { ok: boolean; error: { code: string; message: string; exitCode: number } };
    expect(body.error).toMatchObject({ code: 'excel.limit.partSize', exitCode: 2 });
    expect(body.error.message).toContain('24 MB');
    expect(await readdir(dir)).toEqual(['bom.xlsx']);
  });
});

describe('names with terminal control characters', () => {
  it('refuses a sheet name holding escape sequences (XML forbids them) without printing them', async () => {
    const dir = await tempDir('dvc-hostile-e2e-');
    const input = await writeBytes(
      path.join(dir, 'a.xlsx'),
      hostileWorkbook([
        { name: `MX${ESC}[2J${ESC}]0;pwned\u0007`, xml: STD },
        { name: 'MX CQT', xml: TAX },
      ]),
    );
    const r = await runCli(['map-communes', input, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Part "xl/workbook.xml" of file "a.xlsx" is not well-formed XML (line 1, column');
    expect(r.stderr + r.stdout).not.toContain(ESC);
    expect(r.stderr).not.toContain('\u0007');
  });

  it('prints cell text holding escape sequences (written _x001B_ in the sheet) escaped, never raw', async () => {
    const dir = await tempDir('dvc-hostile-e2e-');
    const e = '_x001B_[2J_x001B_[1A';
    const std = worksheetXml(
      inlineRow(1, STD_HEADER_ROW) +
        inlineRow(2, ['1', '19', `Tỉnh Thái Nguyên${e}`, '164', 'TP', '05431', `Phường Quán Triều${e}`, 'Phường']),
    );
    const tax = worksheetXml(
      inlineRow(1, TAX_HEADER_ROW) + inlineRow(2, ['109', `Thái Nguyên${e}`, '10901', 'TP', '1090101', 'Quán Triều']),
    );
    const input = await writeBytes(
      path.join(dir, 'a.xlsx'),
      hostileWorkbook([
        { name: 'MX Bo TTTT', xml: std },
        { name: 'MX CQT', xml: tax },
      ]),
    );
    const r = await runCli(['map-communes', input, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tỉnh Thái Nguyên\\x1b[2J\\x1b[1A');
    expect(r.stdout + r.stderr).not.toContain(ESC);
  });

  it('prints an output file name holding control characters escaped', async () => {
    const dir = await tempDir('dvc-hostile-e2e-');
    const input = await plainInput(dir);
    const out = path.join(dir, `kq${ESC}[31m\r.xlsx`);
    const r = await runCli(['map-communes', input, '--out', out, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('kq\\x1b[31m\\x0d.xlsx');
    expect(r.stdout + r.stderr).not.toContain(ESC);
    expect(r.stdout).not.toContain('\r');
    expect((await readdir(dir)).sort()).toEqual(['a.xlsx', `kq${ESC}[31m\r.xlsx`]);
  });

  it('never breaks a line inside a file name: a line feed in it cannot forge a line of output', async () => {
    const dir = await tempDir('dvc-hostile-e2e-');
    const input = await plainInput(dir);
    const forged = (stem: string, ext: string) => path.join(dir, `${stem}\nWritten: ok${ext}`);
    const outputs = [
      '--out',
      forged('kq', '.xlsx'),
      '--map-out',
      forged('map', '.csv'),
      '--html',
      forged('r', '.html'),
    ];
    const r = await runCli(['map-communes', input, ...outputs, '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line).not.toMatch(/^Written: ok/);
    expect(r.stdout).toContain('kq\\x0aWritten: ok.xlsx');
    expect(r.stdout).toContain('map\\x0aWritten: ok.csv');
    expect(r.stdout).toContain('r\\x0aWritten: ok.html');
    // Run again: the outputs exist, and the error names the file on one line.
    const again = await runCli(['map-communes', input, ...outputs, '--lang', 'en']);
    expect(again.code).toBe(2);
    expect(again.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('kq\\x0aWritten: ok.xlsx');
    const missing = await runCli(['map-communes', path.join(dir, 'no\nError: forged.xlsx'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('outputs that would lose data', () => {
  it.each([
    [
      '--out and --map-out',
      (d: string) => ['--out', `${d}/x.xlsx`, '--map-out', `${d}/./sub/../x.xlsx`],
      '--map-out',
      '--out',
    ],
    ['--out and --html', (d: string) => ['--out', `${d}/x.html`, '--html', `${d}/x.html`], '--html', '--out'],
    [
      '--map-out and --html',
      (d: string) => ['--map-out', `${d}/x.csv`, '--html', `${d}//x.csv`],
      '--html',
      '--map-out',
    ],
    [
      '--map-out and --html in --audit',
      (d: string) => ['--audit', '--map-out', `${d}/x`, '--html', `${d}/x`],
      '--html',
      '--map-out',
    ],
  ])('refuses %s naming one file, even with --force, and writes nothing', async (_what, args, second, first) => {
    const dir = await tempDir('dvc-hostile-e2e-');
    await mkdir(path.join(dir, 'sub'));
    const r = await runCli(['map-communes', await plainInput(dir), ...args(dir), '--force', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${second} and ${first} both name the file`);
    expect((await readdir(dir)).sort()).toEqual(['a.xlsx', 'sub']);
  });

  it.each(['--map-out', '--html'])(
    'refusing the input named by %s, asks for another name with that option',
    async (opt) => {
      const dir = await tempDir('dvc-hostile-e2e-');
      const file = await plainInput(dir);
      const r = await runCli(['map-communes', file, opt, file, '--force', '--lang', 'en']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`dvc never overwrites an input. Choose another name with ${opt}.`);
      await writeBytes(path.join(dir, 'old'), Buffer.from('old'));
      const exists = await runCli(['map-communes', file, opt, path.join(dir, 'old'), '--lang', 'en']);
      expect(exists.code).toBe(2);
      expect(exists.stderr).toContain(`or choose another name with ${opt}.`);
    },
  );

  it('refuses an output that is a device, a FIFO or a folder, even with --force', async () => {
    const dir = await tempDir('dvc-hostile-e2e-');
    const file = await plainInput(dir);
    const fifo = path.join(dir, 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const link = path.join(dir, 'full.xlsx');
    await symlink('/dev/full', link);
    for (const [out, words] of [
      ['/dev/full', 'is not a regular file'],
      ['/dev/null', 'is not a regular file'],
      [fifo, 'is not a regular file'],
      [link, 'is not a regular file'],
      [dir, 'is a folder'],
    ]) {
      const r = await runCli(['map-communes', file, '--out', out, '--force', '--lang', 'en']);
      expect(r.code, out).toBe(2);
      expect(r.stderr, out).toContain(words);
    }
    const html = await runCli(['map-communes', file, '--html', '/dev/full', '--force', '--lang', 'en']);
    expect(html.code).toBe(2);
    expect((await lstat('/dev/full')).isCharacterDevice()).toBe(true);
    expect((await lstat(fifo)).isFIFO()).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['a.xlsx', 'full.xlsx', 'pipe.xlsx']);
  });
});
