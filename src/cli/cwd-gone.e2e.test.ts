import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT } from '../test-support/run-cli.js';

/** Starts the built CLI from a shell standing in a folder that was deleted after the shell entered it. */
function runInDeletedFolder(args: string[]) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dvc-gone-'));
  const env: NodeJS.ProcessEnv = { ...process.env, GONE: dir, NODE: process.execPath, DVC_BIN: BIN };
  for (const k of ['DVC_LANG', 'NO_COLOR', 'FORCE_COLOR', 'DVC_DEBUG', 'npm_command']) delete env[k];
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('sh', ['-c', `cd "$GONE" && rmdir "$GONE" && exec "$NODE" "$DVC_BIN" ${quoted}`], {
    cwd: REPO_ROOT,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('started from a folder that no longer exists', () => {
  it.each([
    ['communes', ['communes', 'find', 'Phúc Xá']],
    ['map-communes', ['map-communes', 'tỉnh.xlsx']],
  ])('dvc %s exits 2 and says to change folder, in Vietnamese by default', (_name, args) => {
    const r = runInDeletedFolder(args);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain('Thư mục đang đứng không còn tồn tại');
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
  });

  it('says it in English with --lang en, and as JSON with --json', () => {
    const en = runInDeletedFolder(['map-communes', 'tỉnh.xlsx', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('The current folder no longer exists');
    const json = runInDeletedFolder(['communes', 'find', 'Phúc Xá', '--json']);
    expect(json.code).toBe(2);
    expect(JSON.stringify(JSON.parse(json.stdout || json.stderr))).toContain('cli.cwdGone');
  });
});
