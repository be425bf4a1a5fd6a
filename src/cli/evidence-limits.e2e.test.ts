import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runDvc } from '../test-support/run-dvc.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir } from '../test-support/evidence-sample.js';
import { MAX_FOLDER_FILES } from '../io/evidence/evidence-folder.js';
import { HOLIDAYS_MAX_BYTES } from '../io/evidence/holidays-file.js';

const tmp = tempDir('dvc-limits-');
afterAll(() => tmp.remove());
const dvc = (args: string[]) =>
  runDvc(['--config', SAMPLE_CONFIG, ...args], { env: { CI: '1', SOURCE_DATE_EPOCH: '1796000000' }, cwd: tmp.dir });

/** The sample folder topped up with small notes until it holds `total` files. */
function folderOf(name: string, total: number): string {
  const dir = sampleFolder(tmp.dir, name);
  const have = (d: string): number =>
    readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? have(path.join(d, e.name)) : 1), 0);
  const extra = path.join(dir, '07-ghi-chu');
  mkdirSync(extra);
  const missing = total - have(dir);
  for (let i = 0; i < missing; i++) writeFileSync(path.join(extra, `${i}.txt`), 'x');
  return dir;
}

describe('pack and verify agree on the limits of a bag', () => {
  it('a folder of the most files a bag may hold packs, and verify accepts the bag', async () => {
    const dir = folderOf('vua-du', MAX_FOLDER_FILES);
    const packed = await dvc(['evidence', 'pack', dir, '--out', 'vua-du.zip', '--allow-incomplete']);
    expect(packed.code, packed.stderr).toBe(0);
    const verified = await dvc(['evidence', 'verify', 'vua-du.zip']);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  }, 120_000);

  it('one file more: pack refuses before writing anything (exit 2), naming the limit', async () => {
    const dir = folderOf('qua-nhieu', MAX_FOLDER_FILES + 1);
    const r = await dvc(['evidence', 'pack', dir, '--out', 'qua-nhieu.zip', '--allow-incomplete']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`có hơn ${MAX_FOLDER_FILES} tệp`);
    expect(existsSync(path.join(tmp.dir, 'qua-nhieu.zip'))).toBe(false);
    for (const cmd of ['check', 'status']) expect((await dvc(['evidence', cmd, dir])).code, cmd).toBe(2);
  }, 120_000);

  it('a payload manifest too long for verify to read: pack refuses (exit 2) instead of writing a bag verify rejects', async () => {
    const dir = sampleFolder(tmp.dir, 'ten-dai');
    let deep = path.join(dir, '07-ghi-chu');
    for (let i = 0; i < 6; i++) deep = path.join(deep, `${i}${'d'.repeat(240)}`);
    mkdirSync(deep, { recursive: true });
    for (let i = 0; i < 2_800; i++)
      writeFileSync(path.join(deep, `${String(i).padStart(5, '0')}${'n'.repeat(200)}.txt`), 'x');
    const r = await dvc(['evidence', 'pack', dir, '--out', 'ten-dai.zip', '--allow-incomplete']);
    expect(r.code, r.stderr).toBe(2);
    // Refused as the folder is read, by the table's tagTextBytes: check and status too, before holding the names.
    expect(r.stderr).toContain('dài hơn danh sách tệp của một gói minh chứng được chứa (4194304 byte');
    expect(existsSync(path.join(tmp.dir, 'ten-dai.zip'))).toBe(false);
    for (const cmd of ['check', 'status']) expect((await dvc(['evidence', cmd, dir])).code, cmd).toBe(2);
  }, 120_000);
});

describe('a holiday file is a small regular file of the documented form', () => {
  const status = (file: string) =>
    dvc(['evidence', 'status', sampleFolder(tmp.dir, `hol-${path.basename(file)}`), '--holidays', file]);

  it('refuses something that is not a regular file (exit 2)', async () => {
    const r = await status(tmp.dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không phải tệp thường');
  });

  it('refuses a file over the size limit without reading it (exit 2)', async () => {
    const big = path.join(tmp.dir, 'lon.yaml');
    writeFileSync(big, `holidays:\n${'  - 2026-01-01\n'.repeat(HOLIDAYS_MAX_BYTES / 15 + 1)}`);
    const r = await status(big);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`vượt giới hạn ${HOLIDAYS_MAX_BYTES} byte`);
  });

  it('refuses a file that is not of the documented form, such as a password file (exit 2)', async () => {
    const passwd = path.join(tmp.dir, 'passwd');
    writeFileSync(passwd, 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n');
    const r = await status(passwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không đúng định dạng');
    const other = path.join(tmp.dir, 'khac.yaml');
    writeFileSync(other, 'name: lịch\nholidays: [2026-01-01]\n');
    expect((await status(other)).code).toBe(2);
  });
});
