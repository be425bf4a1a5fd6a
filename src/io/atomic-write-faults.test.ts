/**
 * The Windows failures, injected on any system: Excel holding the output (EBUSY/EPERM on the final rename), a
 * read-only folder (EACCES on the temporary file), Excel holding an input (EBUSY on read).
 */
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { DvcError } from '../errors.js';
import { t } from '../i18n/i18n.js';

const faults = vi.hoisted(() => ({
  rename: undefined as string | undefined,
  writeFile: undefined as string | undefined,
  readFile: undefined as string | undefined,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const fail = (code: string, syscall: string, file: string) =>
    Object.assign(new Error(`${code}: operation failed, ${syscall} '${file}'`), { code, syscall, path: file });
  return {
    ...real,
    rename: async (from: string, to: string) => {
      if (faults.rename) throw fail(faults.rename, 'rename', from);
      return real.rename(from, to);
    },
    writeFile: async (file: string, ...rest: unknown[]) => {
      if (faults.writeFile && String(file).endsWith('.tmp')) throw fail(faults.writeFile, 'open', file);
      return (real.writeFile as (...a: unknown[]) => Promise<void>)(file, ...rest);
    },
    readFile: async (file: string, ...rest: unknown[]) => {
      if (faults.readFile) throw fail(faults.readFile, 'open', file);
      return (real.readFile as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
    },
  };
});

// Test files share loaded modules: load the writers afresh so that they see the mocked module.
vi.resetModules();
const { writeFileAtomic } = await import('./atomic-write.js');
const { openWorkbookPackage } = await import('./excel/read-workbook.js');

afterEach(() => {
  faults.rename = faults.writeFile = faults.readFile = undefined;
});

// Leave the next test file of this worker the real module.
afterAll(() => {
  vi.doUnmock('node:fs/promises');
  vi.resetModules();
});

async function tempDir() {
  return mkdtemp(path.join(os.tmpdir(), 'dvc-awf-'));
}

function messages(e: DvcError) {
  return [t('vi', e.key, e.params), t('en', e.key, e.params)];
}

describe('writing over an output Excel holds open (--force)', () => {
  for (const code of ['EBUSY', 'EPERM']) {
    it(`${code} on Windows says to close the file in Excel, keeps the old file and leaves no temporary file`, async () => {
      const platform = vi.spyOn(process, 'platform', 'get').mockReturnValue('win32');
      try {
        const dir = await tempDir();
        const out = path.join(dir, 'kết quả.xlsx');
        await writeFile(out, 'the officer’s open file');
        faults.rename = code;
        const err = (await writeFileAtomic(out, 'new', { force: true }).catch((e: unknown) => e)) as DvcError;
        expect(err.exitCode).toBe(2);
        const [vi_, en] = messages(err);
        expect(vi_).toContain('đóng tệp trong Excel rồi chạy lại');
        expect(en).toContain('Close the file in Excel and run again');
        for (const m of [vi_, en]) expect(m).not.toMatch(/\.tmp|rename|operation failed|EBUSY|EPERM/);
        expect(await readFile(out, 'utf8')).toBe('the officer’s open file');
        expect(await readdir(dir)).toEqual(['kết quả.xlsx']);
      } finally {
        platform.mockRestore();
      }
    });
  }
});

describe('writing into a read-only folder', () => {
  it('EACCES says to choose another folder and names the output, not the temporary file', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'map.csv');
    faults.writeFile = 'EACCES';
    const err = (await writeFileAtomic(out, 'x').catch((e: unknown) => e)) as DvcError;
    expect(err.key).toBe('fs.writeDenied');
    expect(err.params.path).toBe(out);
    const [vi_, en] = messages(err);
    expect(vi_).toContain('chọn thư mục khác');
    expect(en).toMatch(/choose another folder/i);
    for (const m of [vi_, en]) expect(m).not.toMatch(/\.tmp|EACCES|operation failed/);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('reading a workbook Excel holds', () => {
  it('EBUSY says to close the file in Excel and run again', async () => {
    const file = path.join(await tempDir(), 'Danh mục.xlsx');
    await writeFile(file, 'the workbook Excel has open');
    faults.readFile = 'EBUSY';
    const err = (await openWorkbookPackage(file).catch((e: unknown) => e)) as DvcError;
    expect(err.key).toBe('fs.readLocked');
    expect(err.exitCode).toBe(2);
    const [vi_, en] = messages(err);
    expect(vi_).toContain('đóng tệp trong Excel rồi chạy lại');
    expect(en).toContain('Close the file in Excel and run again');
    expect(vi_).toContain('Danh mục.xlsx');
  });
});
