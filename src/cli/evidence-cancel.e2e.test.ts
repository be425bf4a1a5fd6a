import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, readdirSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../test-support/run-cli.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir } from '../test-support/evidence-sample.js';

const tmp = tempDir('dvc-cancel-');
afterAll(() => tmp.remove());

/** A sparse file: gigabytes to read and hash, no disk used. */
function sparse(file: string, bytes: number, head: Buffer = Buffer.alloc(0)): void {
  writeFileSync(file, head);
  const fd = openSync(file, 'r+');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

/** Runs dvc, sends SIGINT once `ready()` holds (or after `afterMs`), and returns how it ended. */
/** Bytes a process has read so far (Linux /proc). */
function bytesRead(pid: number | undefined): number {
  try {
    return Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${pid}/io`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

function interrupt(
  args: string[],
  ready: (pid: number | undefined) => boolean,
): Promise<{ code: number | null; stderr: string; interrupted: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, DVC_LANG: '', CI: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let interrupted = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const poll = setInterval(() => {
      if (!interrupted && ready(child.pid)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stderr, interrupted });
    });
  });
}

describe('Ctrl+C during pack and verify', () => {
  it('pack: exit 130, "Đã hủy", the temporary file removed, no bundle', async () => {
    const dir = sampleFolder(tmp.dir, 'lon');
    // An MP4 header, then 3 GB of nothing: long enough to interrupt in the middle of writing.
    const mp4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
    sparse(path.join(dir, '06-video', 'video.mp4'), 3 * 1024 ** 3, mp4);
    const outDir = path.join(tmp.dir, 'out');
    mkdirSync(outDir);
    const out = path.join(outDir, 'goi.zip');
    const r = await interrupt(
      ['evidence', 'pack', dir, '--out', out, '--allow-incomplete', '--config', SAMPLE_CONFIG],
      () => readdirSync(outDir).length > 0,
    );
    expect(r.interrupted).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('Đã hủy');
    expect(r.stderr).not.toMatch(/Lỗi nội bộ|at .*\.js:\d+/);
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('verify: exit 130, "Đã hủy", no stack', async () => {
    const bag = path.join(tmp.dir, 'bag');
    mkdirSync(path.join(bag, 'data'), { recursive: true });
    writeFileSync(path.join(bag, 'bagit.txt'), 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    writeFileSync(path.join(bag, 'manifest-sha256.txt'), `${'0'.repeat(64)}  data/big.bin\n`);
    sparse(path.join(bag, 'data', 'big.bin'), 4 * 1024 ** 3);
    // Interrupted once it is hashing (it has read 64 MB), however slowly the machine started it.
    const r = await interrupt(['evidence', 'verify', bag], (pid) => bytesRead(pid) > 64 * 1024 ** 2);
    expect(r.interrupted).toBe(true);
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toContain('Đã hủy');
    expect(r.stderr).not.toMatch(/Lỗi nội bộ|at .*\.js:\d+/);
  });
});
