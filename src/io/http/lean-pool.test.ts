import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../test-support/tls-certs.js';
import {
  closedPort,
  startConnectProxy,
  startHttp,
  startHttps,
  type Running,
} from '../../test-support/probe-servers.js';
import { sendProbe, TransportError, type HttpExchange, type HttpProbeRequest } from './send-probe.js';
import { SharedConnections } from './shared-connections.js';

/** A raw TCP server: `onRequest` is called with the socket for each request head received. */
async function rawServer(
  onRequest: (s: net.Socket, n: number) => void,
): Promise<Running & { connections: () => number }> {
  let requests = 0;
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    let buf = '';
    s.on('data', (d: Buffer) => {
      buf += d.toString('latin1');
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/content-length: *(\d+)/i.exec(buf.slice(0, end))?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        buf = buf.slice(end + 4 + length);
        onRequest(s, ++requests);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

const OK = '{"error_code":0,"message":"ok"}';
const answer = (body: string | Buffer, headers: Record<string, string> = {}) => {
  const b = typeof body === 'string' ? Buffer.from(body) : body;
  const head = Object.entries({ 'content-type': 'application/json', 'content-length': String(b.length), ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  return Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\n${head}\r\n`), b]);
};

let pki: TestPki;
let plain: Running;
let good: Running;
let selfSigned: Running;
let expired: Running;
let wrongHost: Running;
const raws: Record<string, Running & { connections: () => number }> = {};

beforeAll(async () => {
  pki = makeTestPki();
  plain = await startHttp();
  good = await startHttps(pki.goodChain, pki.key);
  selfSigned = await startHttps(pki.selfSigned, pki.key);
  expired = await startHttps(pki.expiredChain, pki.key);
  wrongHost = await startHttps(pki.wrongHostChain, pki.key);
  raws.chunked = await rawServer((s) =>
    s.write(
      'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n' +
        '5\r\n{"err\r\n1a\r\nor_code":0,"message":"ok"}\r\n0\r\n\r\n',
    ),
  );
  raws.deflate = await rawServer((s) => s.write(answer(deflateSync(OK), { 'content-encoding': 'deflate' })));
  // Answers gzip with a repeated header: both paths join repeated headers with ", ".
  raws.gzip = await rawServer((s) =>
    s.write(
      Buffer.concat([
        Buffer.from('HTTP/1.1 200 OK\r\nx-seen: a\r\nx-seen: b\r\ncontent-encoding: gzip\r\n'),
        Buffer.from(`content-length: ${gzipSync(OK).length}\r\n\r\n`),
        gzipSync(OK),
      ]),
    ),
  );
  // Closes each connection after its third answer, saying so.
  raws.closing = await rawServer((s, n) => {
    s.write(answer(OK, n % 3 === 0 ? { connection: 'close' } : {}));
    if (n % 3 === 0) s.end();
  });
  // Closes a connection that stayed idle for 20 ms, without a word.
  const idle = new WeakMap<net.Socket, NodeJS.Timeout>();
  raws.idleClose = await rawServer((s) => {
    clearTimeout(idle.get(s));
    s.write(answer(OK));
    idle.set(s, setTimeout(() => s.end(), 20).unref());
  });
  // One byte every 0.5 s after the head: a drip.
  raws.drip = await rawServer((s) => {
    s.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{');
    const t = setInterval(() => s.write(' '), 500);
    s.on('close', () => clearInterval(t));
  });
  raws.silent = await rawServer(() => {});
  // A head that announces a body that does not follow: 204, and any answer to HEAD.
  raws.noBody = await rawServer((s, n) =>
    s.write(n % 2 ? 'HTTP/1.1 204 No Content\r\n\r\n' : 'HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n'),
  );
  // Half an answer, then a reset.
  raws.reset = await rawServer((s) => {
    s.write('HTTP/1.1 200 OK\r\ncontent-length: 100\r\n\r\n{"error');
    setTimeout(() => s.resetAndDestroy(), 10).unref();
  });
  raws.chunkedBig = await rawServer((s) => {
    s.write('HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n');
    const piece = Buffer.alloc(4096, 0x20);
    const t = setInterval(() => s.write(Buffer.concat([Buffer.from('1000\r\n'), piece, Buffer.from('\r\n')])), 1);
    s.on('close', () => clearInterval(t));
  });
});

afterAll(async () => {
  for (const s of [plain, good, selfSigned, expired, wrongHost, ...Object.values(raws)]) await s.close();
});

function req(url: string, extra: Partial<HttpProbeRequest> = {}): HttpProbeRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"MaHoSo":"000.04.05.H55-230731-0101"}',
    timeoutMs: 5000,
    maxBytes: 1024 * 1024,
    insecure: false,
    follow: false,
    env: {},
    ...extra,
  };
}

type Outcome = { ok: HttpExchange[]; faults: Record<string, number> };

/** `n` sends of one request, `c` at a time, on one set of shared connections: as a load run sends. */
async function load(r: HttpProbeRequest, n: number, c: number, lean: boolean): Promise<Outcome & { sent: number }> {
  const shared = new SharedConnections({
    timeoutMs: r.timeoutMs,
    ca: r.ca,
    insecure: r.insecure,
    connections: c,
    lean,
  });
  const sharedReq = { ...r, shared };
  // The pool the lean client would use (created here; used or not as sendProbe decides).
  const pool = shared.leanFor(new URL(r.url));
  const out: Outcome = { ok: [], faults: {} };
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      try {
        out.ok.push(await sendProbe(sharedReq));
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        out.faults[e.fault.kind] = (out.faults[e.fault.kind] ?? 0) + 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: c }, worker));
  } finally {
    await shared.close();
  }
  return { ...out, sent: pool?.sent ?? 0 };
}

/** The same load through the lean client and through undici's pool: the lean one was used, and both agree. */
async function both(r: HttpProbeRequest, n: number, c: number): Promise<Outcome> {
  const lean = await load(r, n, c, true);
  const undici = await load(r, n, c, false);
  expect(lean.sent).toBeGreaterThanOrEqual(n);
  expect(undici.sent).toBe(0);
  expect(lean.faults).toEqual(undici.faults);
  expect(lean.ok.length).toBe(undici.ok.length);
  const shape = (x: HttpExchange) => ({
    status: x.status,
    body: x.body.toString('utf8'),
    bytes: x.bytes,
    wireBytes: x.wireBytes,
    headers: Object.fromEntries(Object.entries(x.headers).filter(([k]) => k !== 'date' && k !== 'keep-alive')),
    redirects: x.redirects,
    tls: x.tls,
  });
  for (let i = 0; i < lean.ok.length; i++) expect(shape(lean.ok[i])).toEqual(shape(undici.ok[i]));
  return lean;
}

describe('the lean client of a load run, beside undici', () => {
  it('gives the same answers: status, headers, decoded body, sizes, redirects not followed', async () => {
    const ok = await both(req(`${plain.url}/ok`), 40, 4);
    expect(ok.ok).toHaveLength(40);
    expect(JSON.parse(ok.ok[0].body.toString()).message).toBe('Tiếp nhận thành công');
    for (const path of ['/gzip', '/br', '/html500', '/redirect', '/text']) {
      const r = await both(req(`${plain.url}${path}`), 3, 2);
      expect(r.ok).toHaveLength(3);
    }
    const redirect = await both(req(`${plain.url}/redirect`), 1, 1);
    expect(redirect.ok[0].redirects).toEqual([
      { status: 302, from: `${plain.url}/redirect`, location: `${plain.url}/ok` },
    ]);
  });

  it('reads chunked bodies, deflate and gzip, repeated headers joined', async () => {
    const chunked = await both(req(raws.chunked.url), 6, 2);
    expect(chunked.ok.map((x) => x.body.toString())).toEqual(Array(6).fill(OK));
    expect((await both(req(raws.deflate.url), 4, 2)).ok[0].body.toString()).toBe(OK);
    const gz = await both(req(raws.gzip.url), 4, 2);
    expect(gz.ok[0].body.toString()).toBe(OK);
    expect(gz.ok[0].headers['x-seen']).toBe('a, b');
  });

  it('reads no body after a 204 or an answer to HEAD, and keeps the connection', async () => {
    const r = await both(req(raws.noBody.url, { method: 'HEAD', body: undefined }), 6, 1);
    expect(r.ok.map((x) => [x.status, x.bytes])).toEqual([
      [204, 0],
      [200, 0],
      [204, 0],
      [200, 0],
      [204, 0],
      [200, 0],
    ]);
  });

  it('holds the body size limit, declared or streamed, chunked too', async () => {
    const big = await both(req(`${plain.url}/big`), 3, 3);
    expect(big.faults).toEqual({ tooLarge: 3 });
    expect((await both(req(`${plain.url}/big-declared`), 2, 2)).faults).toEqual({ tooLarge: 2 });
    expect((await both(req(raws.chunkedBig.url, { maxBytes: 64 * 1024 }), 2, 2)).faults).toEqual({ tooLarge: 2 });
  });

  it('reconnects when a server closes kept-alive connections, counting no fault', async () => {
    const before = raws.closing.connections();
    const lean = await load(req(raws.closing.url), 30, 3, true);
    expect(lean.faults).toEqual({});
    expect(lean.ok).toHaveLength(30);
    // Every third answer closed its connection: at least ten were opened.
    expect(raws.closing.connections() - before).toBeGreaterThanOrEqual(10);
    // A connection the server closed while idle is not written on: the next request goes on a new one.
    const shared = new SharedConnections({ timeoutMs: 5000, insecure: false, connections: 1, lean: true });
    try {
      const r = { ...req(raws.idleClose.url), shared };
      expect((await sendProbe(r)).status).toBe(200);
      await new Promise((res) => setTimeout(res, 300));
      expect((await sendProbe(r)).status).toBe(200);
      expect(raws.idleClose.connections()).toBe(2);
      expect(shared.leanFor(new URL(raws.idleClose.url))?.sent).toBe(2);
    } finally {
      await shared.close();
    }
  });

  it('ends a drip at the deadline and names a silent server a headers timeout', async () => {
    expect((await both(req(raws.drip.url, { timeoutMs: 1500 }), 2, 2)).faults).toEqual({ deadline: 2 });
    expect((await both(req(raws.silent.url, { timeoutMs: 500 }), 2, 2)).faults).toEqual({ headersTimeout: 2 });
  });

  it('names a reset and a refused connection as undici does', async () => {
    expect((await both(req(raws.reset.url), 3, 3)).faults).toEqual({ connReset: 3 });
    expect((await both(req(`${plain.url}/reset`), 2, 2)).faults).toEqual({ connReset: 2 });
    const port = await closedPort();
    expect((await both(req(`http://127.0.0.1:${port}/`), 3, 3)).faults).toEqual({ connRefused: 3 });
  });

  it('honours --ca and --insecure and names TLS faults as undici does', async () => {
    const trusted = await both(req(`${good.url}/ok`, { ca: [pki.rootPem] }), 6, 3);
    expect(trusted.ok).toHaveLength(6);
    expect(trusted.ok[0].tls).toMatchObject({ authorized: true, subject: 'CN=localhost, O=dvc test' });
    expect((await both(req(`${good.url}/ok`), 2, 2)).faults).toEqual({ tlsMissingIssuer: 2 });
    expect((await both(req(`${selfSigned.url}/ok`, { ca: [pki.rootPem] }), 2, 2)).faults).toEqual({
      tlsSelfSigned: 2,
    });
    expect((await both(req(`${expired.url}/ok`, { ca: [pki.rootPem] }), 2, 2)).faults).toEqual({ tlsExpired: 2 });
    const host = { ca: [pki.rootPem] };
    expect((await both(req(`https://localhost:${wrongHost.port}/ok`, host), 2, 2)).faults).toEqual({ tlsHostname: 2 });
    const insecure = await both(req(`${selfSigned.url}/ok`, { insecure: true }), 3, 3);
    expect(insecure.ok).toHaveLength(3);
    expect(insecure.ok[0].tls?.authorized).toBe(false);
  });

  it("times the phases of a load run's first request on its new connection, as a probe's", async () => {
    const cases: Array<[string, Partial<HttpProbeRequest>]> = [
      [`http://localhost:${plain.port}/ok`, {}],
      [`https://localhost:${good.port}/ok`, { ca: [pki.rootPem] }],
    ];
    for (const [url, extra] of cases) {
      const probe = await sendProbe(req(url, extra));
      const shared = new SharedConnections({
        timeoutMs: 5000,
        ca: extra.ca,
        insecure: false,
        connections: 2,
        lean: true,
      });
      try {
        const first = await sendProbe({ ...req(url, extra), shared, freshConnection: true });
        expect(shared.leanFor(new URL(url))?.sent).toBe(1);
        for (const phase of ['dns', 'connect', 'tls'] as const)
          expect(first.timings[phase] === null).toBe(probe.timings[phase] === null);
        expect(first.timings.connect).not.toBeNull();
        expect(first.timings.total).toBeGreaterThanOrEqual(first.timings.ttfb);
        expect(first.tls).toEqual(probe.tls);
        expect(first.remoteAddress).toBe(probe.remoteAddress);
        expect(first.body.toString()).toBe(probe.body.toString());
      } finally {
        await shared.close();
      }
    }
    // Refused, on the fresh connection too.
    const port = await closedPort();
    const shared = new SharedConnections({ timeoutMs: 5000, insecure: false, connections: 1, lean: true });
    const e = await sendProbe({ ...req(`http://127.0.0.1:${port}/`), shared, freshConnection: true }).catch(
      (x: unknown) => x,
    );
    expect((e as TransportError).fault.kind).toBe('connRefused');
    await shared.close();
  });

  it('leaves to undici a proxy, followed redirects and headers it does not write itself', async () => {
    const proxy = await startConnectProxy();
    try {
      const viaProxy = await load(req(`${plain.url}/ok`, { proxy: proxy.url }), 4, 2, true);
      expect(viaProxy.ok).toHaveLength(4);
      expect(viaProxy.sent).toBe(0);
    } finally {
      await proxy.close();
    }
    const followed = await load(req(`${plain.url}/redirect`, { follow: true }), 2, 2, true);
    expect(followed.ok.map((x) => x.url)).toEqual([`${plain.url}/ok`, `${plain.url}/ok`]);
    expect(followed.sent).toBe(0);
    const framed = await load(req(`${plain.url}/ok`, { headers: { 'transfer-encoding': 'chunked' } }), 1, 1, true);
    expect(framed.sent).toBe(0);
  });
});
