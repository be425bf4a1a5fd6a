import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTestApi, type TestApiRun } from './run-test-api.js';
import { probeRunOptions } from '../../test-support/probe-options.js';
import { rawHttpServer, type RawServer } from '../../test-support/raw-http-server.js';

const VI = JSON.stringify({ error_code: 0, message: 'Tiếp nhận thành công hồ sơ đất đai' });
const OK_HEAD = 'HTTP/1.1 200 OK\r\ncontent-type: application/json; charset=utf-8\r\n';
const ok = (body: string) => `${OK_HEAD}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

interface Case {
  answer: () => string;
  /** The verdict owed: a transport fault's kind, or the checks that fail (none: a pass). */
  fault?: string;
  failed: string[];
}

/** Each malformed answer a server can send, and the verdict a conformance tool owes it. */
const CASES: Record<string, Case> = {
  // a chunk size that is not hex
  chunkNotHex: {
    answer: () => `${OK_HEAD}transfer-encoding: chunked\r\n\r\n5\r\n{"err\r\nzz\r\nor_code":0}\r\n0\r\n\r\n`,
    fault: 'malformed',
    failed: [],
  },
  // a Content-Length counted in characters, not bytes: the body is cut short, its rest trails the answer
  lengthInCharacters: {
    answer: () => `${OK_HEAD}content-length: ${VI.length}\r\n\r\n${VI}`,
    failed: ['json', 'schema', 'code'],
  },
  // half of an extra answer in the same write: the answer itself is whole; the extra never reaches a request
  halfExtraAnswer: { answer: () => `${ok(VI)}HTTP/1.1 200 OK\r\ncontent-le`, failed: [] },
  // chunked last, after another coding
  otherThenChunked: {
    answer: () =>
      `${OK_HEAD}transfer-encoding: x, chunked\r\n\r\n${Buffer.byteLength(VI).toString(16)}\r\n${VI}\r\n0\r\n\r\n`,
    failed: [],
  },
  // bare LF line ends
  bareLf: {
    answer: () => `HTTP/1.1 200 OK\ncontent-type: application/json\ncontent-length: ${Buffer.byteLength(VI)}\n\n${VI}`,
    fault: 'malformed',
    failed: [],
  },
  // a 40 KiB head (the limit is 16 KiB)
  hugeHead: {
    answer: () =>
      `${OK_HEAD}x-filler: ${'a'.repeat(40 * 1024)}\r\ncontent-length: ${Buffer.byteLength(VI)}\r\n\r\n${VI}`,
    fault: 'malformed',
    failed: [],
  },
  // a well-formed answer, for comparison
  wellFormed: { answer: () => ok(VI), failed: [] },
};

const REPEAT = 40;
const CONCURRENCY = 4;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-framing-'));
});

interface Verdict {
  exitCode: number;
  fault?: string;
  failed: string[];
}

function verdictOf(run: TestApiRun): Verdict {
  const p = run.probes[0]!;
  return {
    exitCode: run.exitCode,
    ...(p.fault ? { fault: p.fault.kind } : {}),
    failed: p.checks.filter((c) => !c.ok).map((c) => c.name),
  };
}

describe('malformed framing: a single probe and a load run give the same verdict', () => {
  const servers: RawServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });
  for (const [name, c] of Object.entries(CASES)) {
    it(name, async () => {
      const server = await rawHttpServer(() => c.answer());
      servers.push(server);
      const url = `${server.url}/api/tracuu`;
      const single = await runTestApi(probeRunOptions(dir, { url, timeoutMs: 2000 }));
      expect(verdictOf(single)).toEqual({
        exitCode: c.fault ? 3 : c.failed.length ? 1 : 0,
        ...(c.fault ? { fault: c.fault } : {}),
        failed: c.failed,
      });
      const opened = server.connections;
      const load = await runTestApi(
        probeRunOptions(dir, { url, timeoutMs: 2000, repeat: REPEAT, concurrency: CONCURRENCY }),
      );
      expect(load.exitCode).toBe(single.exitCode);
      // Every request of the load met the same answer, judged the same way: none paired with another's answer.
      const expected = c.fault
        ? { [c.fault]: REPEAT }
        : Object.fromEntries(c.failed.map((f) => [`check:${f}`, REPEAT]));
      expect(load.load?.errorsByKind).toEqual(expected);
      expect(load.load?.passed).toBe(c.fault || c.failed.length ? 0 : REPEAT);
      expect(server.requests).toBe(1 + REPEAT);
      if (c.fault === undefined && name !== 'lengthInCharacters' && name !== 'halfExtraAnswer') {
        // A clean answer keeps its connection: the load opens no more than its concurrency, the first included.
        expect(server.connections - opened).toBeLessThanOrEqual(CONCURRENCY);
      }
    });
  }
});

describe('a load run and its connections', () => {
  it('never opens more connections than --concurrency, the first request included', async () => {
    const server = await rawHttpServer(() => ok(VI));
    try {
      const load = await runTestApi(
        probeRunOptions(dir, { url: `${server.url}/api/tracuu`, repeat: 30, concurrency: 1 }),
      );
      expect(load.load?.passed).toBe(30);
      expect(server.connections).toBe(1);
      expect(server.peakOpen).toBe(1);
    } finally {
      await server.close();
    }
  });

  it('does not send on a connection the server said it closes after its Keep-Alive timeout', async () => {
    // The server drops any second request on a connection, having said so with `Keep-Alive: timeout=0`: a client
    // that reuses the connection regardless meets a reset.
    const server = await rawHttpServer((n, socket) => {
      if (n.onConnection > 0) {
        socket.destroy();
        return null;
      }
      return `${OK_HEAD}keep-alive: timeout=0\r\ncontent-length: ${Buffer.byteLength(VI)}\r\n\r\n${VI}`;
    });
    try {
      const load = await runTestApi(
        probeRunOptions(dir, { url: `${server.url}/api/tracuu`, repeat: 6, concurrency: 1 }),
      );
      expect(load.load?.passed).toBe(6);
      expect(server.connections).toBe(6);
    } finally {
      await server.close();
    }
  });
});

describe('redirects a server may send are verdicts (exit 3), never an internal error', () => {
  for (const [name, location, follow, expected] of [
    ['malformed Location, followed', 'http://[::1', true, 'badRedirect'],
    ['another scheme, followed', 'file:///etc/passwd', true, 'badRedirect'],
    ['data: URL, followed', 'data:text/plain,x', true, 'badRedirect'],
  ] as const) {
    it(name, async () => {
      const server = await rawHttpServer(
        () => `HTTP/1.1 302 Found\r\nlocation: ${location}\r\ncontent-length: 0\r\n\r\n`,
      );
      try {
        const run = await runTestApi(probeRunOptions(dir, { url: `${server.url}/api/tracuu`, follow }));
        expect(verdictOf(run)).toEqual({ exitCode: 3, fault: expected, failed: [] });
      } finally {
        await server.close();
      }
    });
  }

  it('a malformed Location not followed is reported as sent, the status judged (exit 1)', async () => {
    const server = await rawHttpServer(
      () => `HTTP/1.1 302 Found\r\nlocation: http://[::1\r\ncontent-length: 0\r\n\r\n`,
    );
    try {
      const run = await runTestApi(probeRunOptions(dir, { url: `${server.url}/api/tracuu` }));
      expect(run.exitCode).toBe(1);
      expect(run.probes[0]!.redirects).toEqual([
        { status: 302, from: `${server.url}/api/tracuu`, location: 'http://[::1' },
      ]);
    } finally {
      await server.close();
    }
  });
});
