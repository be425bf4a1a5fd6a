import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, runCli } from '../test-support/run-cli.js';
import { buildTemplate, getApiType } from '../core/api/api-type-registry.js';

interface Started {
  child: ChildProcessWithoutNullStreams;
  line: { ok: boolean; urls: Record<string, string>; port: number; caFile: string | null; auth: string };
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

const children: ChildProcessWithoutNullStreams[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

/** Starts `dvc mock-api ... --json` and waits for its one JSON line. */
function startMock(args: string[], env: NodeJS.ProcessEnv = {}, cwd = REPO_ROOT): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'mock-api', '--port', '0', '--json', ...args], {
    cwd,
    env: { ...process.env, DVC_LANG: '', ...env },
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: string) => {
      stdout += d;
      const nl = stdout.indexOf('\n');
      if (nl >= 0) resolve({ child, line: JSON.parse(stdout.slice(0, nl)) as Started['line'], exit });
    });
    void exit.then((r) => reject(new Error(`mock-api exited with ${r.code}: ${stderr}`)));
  });
}

const ctx = { unit: '000.00.00.H26', now: new Date() };

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { error_code: number; message: unknown } };
}

describe('dvc mock-api (built CLI)', { timeout: 30_000 }, () => {
  it('prints one JSON line with its URLs, serves the three APIs and stops cleanly on SIGTERM', async () => {
    const { child, line, exit } = await startMock([]);
    expect(line.ok).toBe(true);
    expect(Object.keys(line.urls)).toEqual(['tra-cuu', 'thong-bao-thue', 'chung-tu']);
    expect(line.urls['chung-tu']).toBe(`http://127.0.0.1:${line.port}/chung-tu`);
    const notice = buildTemplate(getApiType('thong-bao-thue'), ctx);
    expect((await post(line.urls['thong-bao-thue'], notice)).json.error_code).toBe(0);
    expect((await post(line.urls['thong-bao-thue'], notice)).json.error_code).toBe(1);
    expect((await post(line.urls['tra-cuu'], buildTemplate(getApiType('tra-cuu'), ctx))).json.error_code).toBe(1);
    expect((await post(line.urls['chung-tu'], buildTemplate(getApiType('chung-tu'), ctx))).json.error_code).toBe(0);
    child.kill('SIGTERM');
    const r = await exit;
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('checks the auth configured for the DSTCode, reading the secret from the env the config names', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-mock-e2e-'));
    const config = {
      provinces: {
        THA: {
          name: 'Tỉnh Thanh Hóa',
          unit: '000.00.00.H56',
          dstcode: 'THA',
          auth: { type: 'body-key', field: 'SecurityKey', keyEnv: 'DVC_THA_KEY' },
        },
      },
    };
    await writeFile(path.join(dir, 'dvc.config.json'), JSON.stringify(config));
    const { child, line, exit } = await startMock(['--dst', 'THA'], { DVC_THA_KEY: 'k-very-secret' }, dir);
    expect(line.auth).toBe('body-key SecurityKey=***');
    const body = buildTemplate(getApiType('tra-cuu'), ctx);
    expect((await post(line.urls['tra-cuu'], body)).status).toBe(401);
    expect((await post(line.urls['tra-cuu'], { ...body, SecurityKey: 'k-very-secret' })).status).toBe(200);
    child.kill('SIGINT');
    const r = await exit;
    expect(r.code).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('k-very-secret');
  });

  it('--print-config prints a config pointing at it with the province auth as references, and exits', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-mock-e2e-'));
    await writeFile(
      path.join(dir, 'dvc.config.json'),
      JSON.stringify({
        provinces: {
          HNI: {
            name: 'Thành phố Hà Nội',
            dstcode: 'HNI',
            auth: { type: 'basic', username: 'dvcqg', passwordEnv: 'DVC_HNI_PASSWORD' },
          },
        },
      }),
    );
    const r = await runCli(['mock-api', '--print-config', '--dst', 'HNI', '--port', '9090'], { cwd: dir });
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as {
      provinces: Record<string, { auth: unknown; apis: Record<string, { url: string }> }>;
    };
    expect(printed.provinces.HNI.auth).toEqual({ type: 'basic', username: 'dvcqg', passwordEnv: 'DVC_HNI_PASSWORD' });
    expect(printed.provinces.HNI.apis['thong-bao-thue'].url).toBe('http://127.0.0.1:9090/thong-bao-thue');
    await writeFile(path.join(dir, 'printed.json'), r.stdout);
    const check = await runCli(['config', 'check', '--config', 'printed.json', '--json'], { cwd: dir });
    expect(check.code).toBe(0);
  });

  it('serves HTTPS with --tls and writes the certificate for --ca', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-mock-e2e-'));
    const caOut = path.join(dir, 'mock-ca.pem');
    const { child, line, exit } = await startMock(['--tls', '--ca-out', caOut]);
    expect(line.caFile).toBe(caOut);
    expect(await readFile(caOut, 'utf8')).toContain('BEGIN CERTIFICATE');
    expect(line.urls['tra-cuu'].startsWith('https://127.0.0.1:')).toBe(true);
    child.kill('SIGTERM');
    const r = await exit;
    expect({ code: r.code, signal: r.signal, stderr: r.stderr }).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it('rejects a bad --fail-rate with exit 2', async () => {
    const r = await runCli(['mock-api', '--fail-rate', '2', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--fail-rate must be a number from 0 to 1, got 2.');
  });
});
