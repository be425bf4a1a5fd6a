import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { makeTestPki } from '../test-support/tls-certs.js';
import { closedPort, startHttps, type Running } from '../test-support/probe-servers.js';

// No proxy from the machine running the tests may stand between the CLI and the loopback servers.
const NO_PROXY_ENV = {
  HTTPS_PROXY: undefined,
  https_proxy: undefined,
  HTTP_PROXY: undefined,
  http_proxy: undefined,
  NO_PROXY: undefined,
  no_proxy: undefined,
};

let server: Running;
let dir: string;

beforeAll(async () => {
  const pki = makeTestPki();
  server = await startHttps(pki.goodChain, pki.key);
  dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-doctor-e2e-'));
  await writeFile(path.join(dir, 'root.pem'), pki.rootPem);
  await writeFile(
    path.join(dir, 'up.json'),
    JSON.stringify({
      provinces: {
        HNI: { name: 'Hà Nội', tls: { caFile: 'root.pem' }, apis: { 'tra-cuu': { url: `${server.url}/tracuu` } } },
      },
    }),
  );
  await writeFile(
    path.join(dir, 'down.json'),
    JSON.stringify({
      provinces: {
        HNI: { name: 'Hà Nội', apis: { 'tra-cuu': { url: `https://127.0.0.1:${await closedPort()}/tracuu` } } },
      },
    }),
  );
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('dvc doctor', () => {
  it('marks a closed port ✗ with its fix, in Vietnamese, and exits 1', async () => {
    const r = await runCli(['doctor', '--config', path.join(dir, 'down.json'), '--timeout', '2000'], {
      env: NO_PROXY_ENV,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✗ HNI \(tra-cuu\): không kết nối TCP được tới 127\.0\.0\.1:\d+ \(ECONNREFUSED\)/);
    expect(r.stdout).toContain('→ Kiểm tra máy chủ có chạy');
    expect(r.stdout).toMatch(/✓ Node\.js \d+/);
  });

  it('marks a listening TLS server ✓ and exits 0, with one JSON object under --json', async () => {
    const r = await runCli(['doctor', '--config', path.join(dir, 'up.json'), '--json', '--lang', 'en'], {
      env: NO_PROXY_ENV,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      checks: { id: string; ok: boolean; severity: string; message: string; fix: string | null }[];
    };
    expect(out.ok).toBe(true);
    const tls = out.checks.find((c) => c.id.endsWith('.tls'));
    expect(tls).toMatchObject({ ok: true, severity: 'info', fix: null });
    expect(tls?.message).toMatch(/TLS certificate verifies, expires .* \(36\d days left; TLSv1\.[23]\)/);
    expect(Object.keys(out.checks[0]).sort()).toEqual(['fix', 'id', 'message', 'ok', 'severity']);
  });

  it('refuses an unknown --dst as a usage error', async () => {
    const r = await runCli(['doctor', '--config', path.join(dir, 'up.json'), '--dst', 'XYZ'], { env: NO_PROXY_ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('XYZ');
  });

  it('ends its help with two examples', async () => {
    const r = await runCli(['doctor', '--help', '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dvc doctor\n\s+\$ dvc doctor --dst HNI/);
  });
});
