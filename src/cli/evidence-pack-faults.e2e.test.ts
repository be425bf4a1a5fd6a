import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, openSync, closeSync, ftruncateSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BIN, runCli } from '../test-support/run-cli.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir } from '../test-support/evidence-sample.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('dvc-pack-faults-');
});
afterAll(() => {
  chmodSync(path.join(tmp.dir, 'ro'), 0o755);
  tmp.remove();
});

/** A folder this process cannot write into: read-only for a normal user; for root, /sys refuses new files. */
function unwritableFolder(): string {
  const ro = path.join(tmp.dir, 'ro');
  mkdirSync(ro);
  chmodSync(ro, 0o555);
  return process.getuid?.() === 0 ? '/sys' : ro;
}

describe('dvc evidence pack when the output cannot be written', () => {
  it('exits 2 with the reason and exactly one JSON object with --json', async () => {
    const dir = sampleFolder(tmp.dir, 'ro-src');
    const out = path.join(unwritableFolder(), 'minh-chung.zip');
    const r = await runCli(['--config', SAMPLE_CONFIG, 'evidence', 'pack', dir, '--out', out, '--json'], {
      env: { CI: '1' },
      cwd: tmp.dir,
    });
    expect(r.code).toBe(2);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.error.code).toBe('fs.writeDenied');
    expect(j.error.message).toContain('minh-chung.zip');
    const human = await runCli(['--config', SAMPLE_CONFIG, 'evidence', 'pack', dir, '--out', out], {
      env: { CI: '1' },
      cwd: tmp.dir,
    });
    expect(human.code).toBe(2);
    expect(human.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('leaves no temporary file behind when stopped by SIGINT or SIGTERM', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const dir = sampleFolder(tmp.dir, `big-${signal}`);
      // A 1 GiB sparse video: packing it takes long enough to be interrupted.
      const fd = openSync(path.join(dir, '06-video', 'video.mp4'), 'w');
      ftruncateSync(fd, 1024 ** 3);
      closeSync(fd);
      const outDir = path.join(tmp.dir, `out-${signal}`);
      mkdirSync(outDir);
      const child = spawn(
        process.execPath,
        [
          BIN,
          '--config',
          SAMPLE_CONFIG,
          'evidence',
          'pack',
          dir,
          '--out',
          path.join(outDir, 'b.zip'),
          '--allow-incomplete',
        ],
        { env: { ...process.env, CI: '1' }, stdio: 'ignore' },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      while (readdirSync(outDir).length === 0) await new Promise((r) => setTimeout(r, 20));
      child.kill(signal);
      await exited;
      expect(readdirSync(outDir), signal).toEqual([]);
    }
  });
});
