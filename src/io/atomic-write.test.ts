import { spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DvcError, ExitCode } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { REPO_ROOT } from '../test-support/run-cli.js';
import { liveTempFiles, openAtomicStream, writeFileAtomic } from './atomic-write.js';

async function tempDir() {
  return mkdtemp(path.join(os.tmpdir(), 'dvc-aw-'));
}

describe('writeFileAtomic', () => {
  it('writes the file and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'kết quả.txt');
    await writeFileAtomic(out, 'xin chào');
    expect(await readFile(out, 'utf8')).toBe('xin chào');
    expect(await readdir(dir)).toEqual(['kết quả.txt']);
  });

  it('refuses to replace an existing file without force, and replaces it with force', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'a.txt');
    await writeFile(out, 'old');
    await expect(writeFileAtomic(out, 'new')).rejects.toMatchObject({
      key: 'fs.outputExists',
      exitCode: ExitCode.Usage,
    });
    expect(await readFile(out, 'utf8')).toBe('old');
    await writeFileAtomic(out, 'new', { force: true });
    expect(await readFile(out, 'utf8')).toBe('new');
  });

  it('never writes over an input, even with force and a different spelling of the path', async () => {
    const dir = await tempDir();
    const input = path.join(dir, 'in.xlsx');
    await writeFile(input, 'input');
    const sneaky = path.join(dir, '.', 'sub', '..', 'in.xlsx');
    const err = await writeFileAtomic(sneaky, 'x', { force: true, inputs: [input] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DvcError);
    expect((err as DvcError).key).toBe('fs.outputIsInput');
    expect(await readFile(input, 'utf8')).toBe('input');
  });

  it('says so when the output folder does not exist', async () => {
    const dir = await tempDir();
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.txt'), 'x')).rejects.toMatchObject({
      key: 'fs.dirMissing',
    });
  });
});

describe('openAtomicStream', () => {
  it('shows the target only after commit, and abort leaves nothing', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'bundle.zip');
    const s = await openAtomicStream(out);
    s.stream.write('part 1;');
    expect(await readdir(dir)).not.toContain('bundle.zip');
    s.stream.end('part 2');
    await s.commit();
    expect(await readFile(out, 'utf8')).toBe('part 1;part 2');

    const s2 = await openAtomicStream(path.join(dir, 'other.zip'));
    s2.stream.write('x');
    await s2.abort();
    expect((await readdir(dir)).sort()).toEqual(['bundle.zip']);
  });
});

describe('two runs writing the same output', () => {
  it("the second to finish refuses instead of replacing the first one's file", async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'kết quả.xlsx');
    const first = await openAtomicStream(out);
    const second = await openAtomicStream(out);
    first.stream.end('first run');
    second.stream.end('second run');
    await first.commit();
    const err = await second.commit().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DvcError);
    expect((err as DvcError).key).toBe('fs.outputTaken');
    expect((err as DvcError).exitCode).toBe(ExitCode.Usage);
    expect(await readFile(out, 'utf8')).toBe('first run');
    expect(await readdir(dir)).toEqual(['kết quả.xlsx']);
  });

  it('holds for whole-file writes started together', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'map.csv');
    const results = await Promise.allSettled([writeFileAtomic(out, 'a'), writeFileAtomic(out, 'b')]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(ok).toHaveLength(1);
    // Refused either way: when the other write is still in flight (its name taken), or, on a loaded machine, when it
    // has already finished before this one looks (the output then exists). Never replaced.
    expect(refused).toHaveLength(1);
    expect(['fs.outputTaken', 'fs.outputExists']).toContain((refused[0].reason as DvcError).key);
    expect((refused[0].reason as DvcError).exitCode).toBe(ExitCode.Usage);
    expect(['a', 'b']).toContain(await readFile(out, 'utf8'));
    expect(await readdir(dir)).toEqual(['map.csv']);
  });
});

describe('a failure while writing a stream', () => {
  it('is a full disk message naming the output, and the temporary file is gone', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'bundle.zip');
    const s = await openAtomicStream(out);
    s.stream.write('partial');
    s.stream.destroy(Object.assign(new Error(`ENOSPC: no space left on device, write`), { code: 'ENOSPC' }));
    const err = (await s.commit().catch((e: unknown) => e)) as DvcError;
    expect(err.key).toBe('fs.diskFull');
    expect(err.params.path).toBe(out);
    expect(t('vi', err.key, err.params)).toContain('chọn thư mục khác');
    expect(t('en', err.key, err.params)).not.toMatch(/ENOSPC|\.tmp/);
    expect(await readdir(dir)).toEqual([]);
    expect(liveTempFiles()).toEqual([]);
  });
});

describe('a stop signal during a write', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} removes the temporary file and the process dies of that signal`, async () => {
      const dir = await tempDir();
      const out = path.join(dir, 'lớn.xlsx');
      const child = spawn(process.execPath, [path.join(REPO_ROOT, 'src/test-support/atomic-writer-child.mjs'), out], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
        child.on('exit', (code, sig) => resolve({ code, signal: sig })),
      );
      await new Promise<void>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (d: string) => d.includes('writing') && resolve());
        child.on('exit', () => reject(new Error(`writer exited early: ${stderr}`)));
      });
      const during = await readdir(dir);
      expect(during).toHaveLength(1);
      expect(during[0]).toMatch(/^\.lớn\.xlsx\..*\.tmp$/);
      child.kill(signal);
      expect(await exited).toEqual({ code: null, signal });
      expect(await readdir(dir)).toEqual([]);
    });
  }
});
