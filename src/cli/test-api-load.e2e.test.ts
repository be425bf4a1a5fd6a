import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

let server: http.Server;
let connections = 0;
let requests = 0;
let origin = '';

beforeAll(async () => {
  server = http.createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error_code: 0, message: 'ok' }));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe('dvc test-api --repeat', () => {
  it('reuses keep-alive connections after a first probe on a fresh one, and reports the latency figures', async () => {
    connections = 0;
    requests = 0;
    const r = await runCli([
      'test-api',
      '--type',
      'tra-cuu',
      '--url',
      `${origin}/tra-cuu`,
      '--repeat',
      '40',
      '--concurrency',
      '4',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(requests).toBe(40);
    expect(connections).toBeLessThanOrEqual(1 + 4);
    expect(json.load).toMatchObject({ requests: 40, concurrency: 4, passed: 40, failed: 0 });
    expect(json.load.latency.p50).toBeGreaterThan(0);
    expect(json.load.latency.p99).toBeGreaterThanOrEqual(json.load.latency.p50);
    expect(json.load.throughput).toBeGreaterThan(0);
  });
});
