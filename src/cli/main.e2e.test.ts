import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../test-support/run-cli.js';

const ANSI = /\u001b\[/;

describe('dvc (built CLI)', () => {
  it('prints the package version', async () => {
    const pkg = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
    expect(r.stderr).toBe('');
  });

  it('shows help in Vietnamese by default and English with --lang en or DVC_LANG', async () => {
    const vi = await runCli(['--help']);
    expect(vi.code).toBe(0);
    expect(vi.stdout).toContain('Cách dùng:');
    const en = await runCli(['--help', '--lang', 'en']);
    expect(en.stdout).toContain('Usage:');
    const env = await runCli(['--help'], { env: { DVC_LANG: 'en' } });
    expect(env.stdout).toContain('Usage:');
  });

  it('rejects an unknown command with exit 2 and a suggestion, on stderr, without a stack trace', async () => {
    const r = await runCli(['confg']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('"config"');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('rejects an unknown option with exit 2 and a suggestion in English', async () => {
    const r = await runCli(['config', 'check', '--jsn', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('There is no option "--jsn"');
    expect(r.stderr).toContain('Did you mean "--json"?');
  });

  it('prints exactly one JSON object on stdout for a failure under --json', async () => {
    const r = await runCli(['config', 'check', '--config', 'missing.json', '--json']);
    expect(r.code).toBe(2);
    const parsed = JSON.parse(r.stdout);
    expect(parsed).toEqual({
      ok: false,
      error: { code: 'config.notFound', message: expect.stringContaining('missing.json'), exitCode: 2 },
    });
    expect(r.stderr).toBe('');
  });

  it('prints exactly one JSON object on stdout for a success under --json', async () => {
    const r = await runCli(['config', 'check', '--config', 'fixtures/dvc.config.json', '--json']);
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.ok).toBe(true);
    expect(parsed.provinces[0].key).toBe('HNI');
  });

  it('rejects an unsupported language with exit 2', async () => {
    const r = await runCli(['--help', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('fr');
  });

  it('uses no colour when stdout is not a TTY, even if FORCE_COLOR is set, and with NO_COLOR', async () => {
    for (const env of [{ FORCE_COLOR: '3' }, { NO_COLOR: '1' }, { TERM: 'dumb' }]) {
      const r = await runCli(['config', 'check', '--config', 'fixtures/dvc.config.json'], { env });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(ANSI);
      expect(r.stderr).not.toMatch(ANSI);
    }
  });

  it('reports a bad config on stderr with the key path and no stack trace; DVC_DEBUG=1 adds the stack', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-e2e-'));
    const file = path.join(dir, 'dvc.config.json');
    await writeFile(
      file,
      JSON.stringify({ provinces: { HNI: { name: 'Hà Nội', auth: { type: 'bearer', token: 's3cr3t-value' } } } }),
    );
    const r = await runCli(['config', 'check'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('provinces.HNI.auth.token');
    expect(r.stderr).toContain('tokenEnv');
    expect(r.stderr).not.toContain('s3cr3t-value');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = await runCli(['config', 'check'], { cwd: dir, env: { DVC_DEBUG: '1' } });
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('never waits on stdin when CI is set', async () => {
    const r = await runCli(['config', 'check', '--config', 'fixtures/dvc.config.json'], {
      env: { CI: 'true' },
      stdin: 'open',
      timeoutMs: 15000,
    });
    expect(r.code).toBe(0);
  });

  it('loads no heavy module for --version and --help', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-imports-'));
    for (const args of [['--version'], ['--help'], ['help', 'config']]) {
      const log = path.join(dir, `${args.join('_')}.log`);
      const r = await runCli(args, {
        env: { DVC_IMPORT_LOG: log },
        nodeArgs: ['--import', path.join(REPO_ROOT, 'src', 'test-support', 'record-imports.mjs')],
      });
      expect(r.code).toBe(0);
      const urls = await readFile(log, 'utf8').catch(() => '');
      expect(urls).toContain('/dist/cli/entry.js');
      for (const heavy of [
        'exceljs',
        'undici',
        'zod',
        'yaml',
        'yazl',
        'yauzl',
        '@inquirer',
        '/dist/app/',
        '/dist/io/',
      ]) {
        expect(urls, `${args.join(' ')} loaded ${heavy}`).not.toContain(heavy);
      }
    }
  });
});
