import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DvcError, ExitCode } from '../errors.js';
import { openAtomicStream, writeFileAtomic } from './atomic-write.js';

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
