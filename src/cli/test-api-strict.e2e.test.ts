import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

describe('dvc test-api: inputs a user types are refused (exit 2), never an internal error', () => {
  for (const url of ['file:///etc/passwd', 'data:text/plain,x', 'ftp://127.0.0.1/']) {
    it(`--url ${url}, single and --repeat`, async () => {
      for (const extra of [[], ['--repeat', '3']]) {
        const r = await runCli(['test-api', '--type', 'tra-cuu', '--url', url, ...extra]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('http://');
      }
    });
  }
});

describe('dvc test-api types: two API types may share a schema file that names itself ($id)', () => {
  it('lists the types (exit 0), as config check accepts them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-schema-id-'));
    await mkdir(path.join(dir, 'api'));
    await writeFile(
      path.join(dir, 'api', 'shared.schema.json'),
      JSON.stringify({ $id: 'https://example.test/shared.json', type: 'object' }),
    );
    await writeFile(
      path.join(dir, 'dvc.config.json'),
      JSON.stringify({
        apiTypes: {
          'tra-cuu': { responseSchemaFile: 'api/shared.schema.json' },
          'chung-tu': { responseSchemaFile: 'api/shared.schema.json' },
        },
      }),
    );
    const r = await runCli(['test-api', 'types'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chung-tu');
  });
});

describe('files dvc reads: regular, bounded, their content never in a message', () => {
  async function configDir(province: Record<string, unknown>): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-files-'));
    await writeFile(
      path.join(dir, 'dvc.config.json'),
      JSON.stringify({ provinces: { HNI: { name: 'Hà Nội', unit: '000.00.01.H26', ...province } } }),
    );
    return dir;
  }

  it('a tokenFile at /dev/urandom is refused at once (exit 2), not read until killed', async () => {
    const dir = await configDir({
      auth: { type: 'bearer', tokenFile: '/dev/urandom' },
      apis: { 'tra-cuu': { url: 'http://127.0.0.1:9/x' } },
    });
    const r = await runCli(['test-api', '--type', 'tra-cuu', '--dst', 'HNI'], { cwd: dir, timeoutMs: 15_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('/dev/urandom');
    expect(r.stderr).toContain('không phải một tệp thường');
  });

  it('a template at /etc/passwd is refused with a line and column, never a quote of the file', async () => {
    const secretish = 'root:x:0:0:do-not-show';
    const dir = await configDir({ apis: { 'tra-cuu': { url: 'http://127.0.0.1:9/x', templateFile: 'tpl.json' } } });
    await writeFile(path.join(dir, 'tpl.json'), `${secretish}\n`);
    const r = await runCli(['test-api', '--type', 'tra-cuu', '--dst', 'HNI'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('dòng 1, cột 1');
    expect(r.stderr + r.stdout).not.toContain('root:x');
  });

  it('mock-api --store on a FIFO is refused (exit 2) without waiting for a writer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-fifo-'));
    const fifo = path.join(dir, 'store.json');
    execFileSync('mkfifo', [fifo]);
    const r = await runCli(['mock-api', '--port', '0', '--store', fifo], { cwd: dir, timeoutMs: 15_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(fifo);
  });

  it('a dvc.config.json found by the search (no --config) over 1 MiB is refused (exit 2), the limit named', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-big-config-'));
    await writeFile(path.join(dir, 'dvc.config.json'), `{"provinces": {}, "pad": "${'x'.repeat(1024 * 1024)}"}`);
    for (const [lang, words] of [
      ['vi', 'lớn hơn giới hạn 1 MiB'],
      ['en', 'larger than the 1 MiB limit'],
    ] as const) {
      const r = await runCli(['--lang', lang, 'config', 'check'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(words);
      expect(r.stderr).toContain(path.join(dir, 'dvc.config.json'));
      expect(r.stderr).not.toContain('xxxx');
    }
  });

  it('a FIFO found by the search as .dvcrc is refused (exit 2) without waiting for a writer', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-fifo-config-'));
    execFileSync('mkfifo', [path.join(dir, '.dvcrc')]);
    const r = await runCli(['config', 'check'], { cwd: dir, timeoutMs: 15_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(path.join(dir, '.dvcrc'));
  });
});

describe('names and numbers a user types are bounded', () => {
  for (const name of ['__proto__', 'constructor', 'prototype']) {
    it(`--dst ${name} is refused by mock-api and test-api (exit 2)`, async () => {
      const mock = await runCli(['mock-api', '--port', '0', '--dst', name], { timeoutMs: 15_000 });
      expect(mock.code).toBe(2);
      expect(mock.stderr).toContain('tên dành riêng');
      const probe = await runCli(['test-api', '--type', 'tra-cuu', '--dst', name]);
      expect(probe.code).toBe(2);
      expect(probe.stderr).toContain('tên dành riêng');
    });
  }

  it('--repeat 1e12 and --concurrency 5000 are over their limits (exit 2)', async () => {
    const url = 'http://127.0.0.1:9/x';
    const repeat = await runCli(['test-api', '--type', 'tra-cuu', '--url', url, '--repeat', '1e12']);
    expect(repeat.code).toBe(2);
    expect(repeat.stderr).toContain('1000000');
    const conc = await runCli([
      'test-api',
      '--type',
      'tra-cuu',
      '--url',
      url,
      '--repeat',
      '5',
      '--concurrency',
      '5000',
    ]);
    expect(conc.code).toBe(2);
    expect(conc.stderr).toContain('1000');
  });
});
