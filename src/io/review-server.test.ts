import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_REVIEW_BODY, startReviewServer, type ReviewApi, type ReviewServer } from './review-server.js';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request: any Host, Origin, path or body, as a hostile page or a DNS-rebinding name could send it. */
function request(
  port: number,
  o: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: o.method ?? 'GET', path: o.path, headers: o.headers, setHost: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }),
        );
      },
    );
    req.on('error', reject);
    if (o.body !== undefined) req.write(o.body);
    req.end();
  });
}

function fakeApi(): ReviewApi & { decided: unknown[]; closed: number } {
  const api = {
    decided: [] as unknown[],
    closed: 0,
    page: (nonce: string) => `<!doctype html><script nonce="${nonce}">1</script>`,
    model: () => ({ rows: 1 }),
    decide: async (body: unknown) => {
      api.decided.push(body);
      return { status: 200, body: { ok: true } };
    },
    search: async () => ({ status: 200, body: { hits: [] } }),
    finish: async () => ({ status: 200, body: { ok: true } }),
    close: () => {
      api.closed++;
    },
    text: (k: string) => `text:${k}`,
  };
  return api;
}

let server: ReviewServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(api = fakeApi(), idleMs?: number, onIdle?: () => void) {
  server = await startReviewServer(api, { idleMs, onIdle });
  const host = `127.0.0.1:${server.port}`;
  const origin = `http://${host}`;
  const cookie = `dvc_review=${server.token}`;
  const port = server.port;
  /** A POST as the page sends one (its Host, the token's cookie, JSON); `headers` add to those or replace them. */
  const post = (path: string, body: string | Buffer, headers: Record<string, string> = {}) =>
    request(port, {
      method: 'POST',
      path,
      headers: { host, cookie, 'content-type': 'application/json', ...headers },
      body,
    });
  return { api, s: server, host, origin, cookie, post };
}

const json = (body: unknown) => JSON.stringify(body);

describe('review server: the token', () => {
  it('listens on loopback with a long random token in the address, never the same twice', async () => {
    const { s } = await start();
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/[A-Za-z0-9_-]{32}$/);
    const other = await startReviewServer(fakeApi());
    expect(other.token).not.toBe(s.token);
    await other.close();
  });

  it('refuses a request without the token, or with a wrong one (403), and serves the page with it', async () => {
    const { s, host } = await start();
    expect((await request(s.port, { path: '/', headers: { host } })).status).toBe(403);
    expect((await request(s.port, { path: '/api/model', headers: { host } })).status).toBe(403);
    const wrong = s.token.slice(0, -1) + (s.token.endsWith('A') ? 'B' : 'A');
    expect((await request(s.port, { path: `/r/${wrong}`, headers: { host } })).status).toBe(403);
    expect((await request(s.port, { path: '/', headers: { host, cookie: `dvc_review=${wrong}` } })).status).toBe(403);
    const page = await request(s.port, { path: `/r/${s.token}`, headers: { host } });
    expect(page.status).toBe(200);
    expect(page.headers['set-cookie']).toEqual([`dvc_review=${s.token}; HttpOnly; SameSite=Strict; Path=/`]);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    // After the first request, the cookie alone is enough.
    const model = await request(s.port, { path: '/api/model', headers: { host, cookie: `dvc_review=${s.token}` } });
    expect([model.status, model.body]).toEqual([200, '{"rows":1}']);
  });
});

describe('review server: other sites', () => {
  it('refuses a foreign Host (DNS rebinding) and a foreign Origin even with the token', async () => {
    const { s, cookie, origin, host } = await start();
    const rebinding = await request(s.port, {
      path: `/r/${s.token}`,
      headers: { host: `evil.example:${s.port}` },
    });
    expect(rebinding.status).toBe(403);
    expect(rebinding.body).toBe('text:forbidden');
    const post = (headers: Record<string, string>) =>
      request(s.port, {
        method: 'POST',
        path: '/api/decide',
        headers: { 'content-type': 'application/json', cookie, ...headers },
        body: json({ code: '1', tax: '-' }),
      });
    expect((await post({ host, origin: 'https://evil.example' })).status).toBe(403);
    expect((await post({ host, origin: 'null' })).status).toBe(403);
    expect((await post({ host, origin, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await post({ host, origin })).status).toBe(200);
    expect((await post({ host: `localhost:${s.port}`, origin: `http://localhost:${s.port}` })).status).toBe(200);
  });

  it('sends no CORS header, and answers a preflight with nothing to allow', async () => {
    const { s, host, cookie } = await start();
    const preflight = await request(s.port, {
      method: 'OPTIONS',
      path: '/api/decide',
      headers: { host, cookie, origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(403);
    const ok = await request(s.port, { path: '/api/model', headers: { host, cookie } });
    expect(Object.keys(ok.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    expect(Object.keys(preflight.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
  });

  it('accepts no form post: a decision must be JSON', async () => {
    const { post, api } = await start();
    const form = await post('/api/decide', 'code=1&tax=-', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(400);
    expect(api.decided).toEqual([]);
  });
});

describe('review server: bounds and paths', () => {
  it('refuses a body over the bound with 413, declared or streamed', async () => {
    const { post, api } = await start();
    const big = Buffer.alloc(MAX_REVIEW_BODY + 1, 'a');
    const declared = await post('/api/decide', big, { 'content-length': String(big.length) });
    expect(declared.status).toBe(413);
    const chunked = await post('/api/search', big, { 'transfer-encoding': 'chunked' });
    expect(chunked.status).toBe(413);
    expect(api.decided).toEqual([]);
  });

  it('serves no file: a path that climbs out is not found, with or without the token', async () => {
    const { s, host, cookie } = await start();
    for (const p of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/api/../../etc/passwd',
      '/api/model/..%2f..%2fpackage.json',
    ]) {
      const r = await request(s.port, { path: p, headers: { host, cookie } });
      expect(r.status, p).toBe(404);
      expect(r.body, p).toBe('text:notFound');
    }
    const climbing = await request(s.port, { path: `/r/${s.token}/../../etc/passwd`, headers: { host } });
    expect(climbing.status).toBe(403);
  });

  it('ends the review after the idle time, and each request starts the clock again', async () => {
    let idle = 0;
    const { s, host, cookie } = await start(fakeApi(), 1000, () => idle++);
    await new Promise((r) => setTimeout(r, 600));
    await request(s.port, { path: '/api/model', headers: { host, cookie } });
    // 1.2 s after the start, 0.6 s after the last request: still open.
    await new Promise((r) => setTimeout(r, 600));
    expect(idle).toBe(0);
    await expect.poll(() => idle, { timeout: 3000 }).toBe(1);
  });

  it('"Đóng" on the page closes the review', async () => {
    const { post, api } = await start();
    const r = await post('/api/close', '{}');
    expect(r.status).toBe(200);
    await expect.poll(() => api.closed).toBe(1);
  });
});
