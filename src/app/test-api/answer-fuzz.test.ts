import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTestApi } from './run-test-api.js';
import { probeRunOptions } from '../../test-support/probe-options.js';
import { rawHttpServer, type RawServer } from '../../test-support/raw-http-server.js';
import { seededRandom } from '../../core/seeded-random.js';
import { renderTestApiHtml } from '../../cli/render/html/test-api-page.js';

/**
 * Whatever bytes a server sends, a probe and a load run end in a verdict (0, 1 or 3), never an exception: random
 * bytes, and heads with random framing, codings, statuses and Location values over random bodies. Seeded: a failure
 * repeats with its seed.
 */
function answerOf(rand: () => number): Buffer {
  const int = (n: number) => Math.floor(rand() * n);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, () => int(256)));
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  if (rand() < 0.25) return bytes(int(400));
  const body = rand() < 0.5 ? bytes(int(300)) : Buffer.from(JSON.stringify({ error_code: pick([0, '0', -1, null]) }));
  const coded = pick([
    () => ({ coding: undefined, data: body }),
    () => ({ coding: 'gzip', data: rand() < 0.5 ? gzipSync(body) : body }),
    () => ({ coding: 'br', data: rand() < 0.5 ? brotliCompressSync(body) : body }),
    () => ({ coding: pick(['deflate', 'x-unknown', 'gzip, br']), data: body }),
  ])();
  const lines = [`HTTP/1.1 ${pick(['200', '201', '302', '500', '99', '600', 'abc', '204', '304'])} X`];
  if (rand() < 0.7)
    lines.push(`content-type: ${pick(['application/json', 'text/html', 'application/json; charset=x'])}`);
  if (coded.coding) lines.push(`content-encoding: ${coded.coding}`);
  if (rand() < 0.3)
    lines.push(
      `location: ${bytes(int(40))
        .toString('latin1')
        .replace(/[\r\n]/g, '')}`,
    );
  if (rand() < 0.2)
    lines.push(
      `x-raw: ${bytes(int(60))
        .toString('latin1')
        .replace(/[\r\n]/g, '')}`,
    );
  let payload = coded.data;
  const framing = int(4);
  if (framing === 0) lines.push(`content-length: ${payload.length}`);
  else if (framing === 1)
    lines.push(`content-length: ${int(2) ? payload.length + int(50) - 25 : pick(['-1', 'x', '1e3'])}`);
  else if (framing === 2) {
    lines.push('transfer-encoding: chunked');
    payload = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from('\r\n0\r\n\r\n')]);
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}

let dir: string;
let server: RawServer;
let rand: () => number;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-fuzz-'));
  server = await rawHttpServer((_n, socket) => {
    const out = answerOf(rand);
    // Half the time the connection ends after the answer: a short answer then ends at once, not at the deadline.
    if (rand() < 0.5) setImmediate(() => socket.end());
    return out;
  });
});
afterAll(() => server.close());

describe('random answers are verdicts', () => {
  it('a single probe: 80 seeded answers, each exit 0, 1 or 3, each report rendered', async () => {
    for (let seed = 1; seed <= 80; seed++) {
      rand = seededRandom(seed);
      const run = await runTestApi(
        probeRunOptions(dir, { url: `${server.url}/api`, timeoutMs: 400, follow: seed % 2 === 0 }),
      );
      expect([0, 1, 3], `seed ${seed}`).toContain(run.exitCode);
      expect(run.probes).toHaveLength(1);
      expect(() => renderTestApiHtml(run, { lang: 'vi' }), `seed ${seed}`).not.toThrow();
      expect(() => JSON.stringify(run), `seed ${seed}`).not.toThrow();
    }
  });

  it('a load run: 8 seeded runs of 20 random answers, every request counted once', async () => {
    for (let seed = 101; seed <= 108; seed++) {
      rand = seededRandom(seed);
      const run = await runTestApi(
        probeRunOptions(dir, { url: `${server.url}/api`, timeoutMs: 400, repeat: 20, concurrency: 4 }),
      );
      expect([0, 1, 3], `seed ${seed}`).toContain(run.exitCode);
      expect(run.load!.passed + run.load!.failed, `seed ${seed}`).toBe(20);
      expect(() => renderTestApiHtml(run, { lang: 'vi' }), `seed ${seed}`).not.toThrow();
    }
  });
});
