import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMockServer, type MockServerHandle } from '../io/mock-server.js';
import { runCli } from '../test-support/run-cli.js';

let server: MockServerHandle;

beforeAll(async () => {
  server = await startMockServer({ host: '127.0.0.1', port: 0, auth: { type: 'none' }, lang: 'vi' });
});
afterAll(async () => {
  await server.close();
});

describe('dvc test-api --html', () => {
  it('writes a self-contained report with the checks of the probe, and refuses to overwrite it without --force', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-ta-html-'));
    const html = path.join(dir, 'bao-cao.html');
    const r = await runCli([
      'test-api',
      '--type',
      'tra-cuu',
      '--url',
      `${server.origin}/tra-cuu`,
      '--html',
      html,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const page = await readFile(html, 'utf8');
    expect(page).toContain('<html lang="vi"');
    expect(page).toContain(`${server.origin}/tra-cuu`);
    for (const check of json.probes?.[0]?.checks ?? json.checks) expect(page).toContain(check.name);
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href="https?:/);
    const again = await runCli(['test-api', '--type', 'tra-cuu', '--url', `${server.origin}/tra-cuu`, '--html', html]);
    expect(again.code).toBe(2);
  });
});
