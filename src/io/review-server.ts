/**
 * The local web server of `dvc review`: loopback only, a free port, and a random token in the address that every
 * request must carry (in the path of the first one, then in an HttpOnly SameSite=Strict cookie). A request whose
 * Host is not this server's address, or whose Origin is another site's, is refused (DNS rebinding, a page of
 * another site posting to us); no CORS header is ever sent; request bodies are bounded; no file is ever served
 * from disk, so no path of a request can reach one. The server knows nothing of communes: it routes to `ReviewApi`.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** The largest request body accepted (a decision, a search, a few hundred bytes in practice). */
export const MAX_REVIEW_BODY = 16 * 1024;

export interface ApiReply {
  status: number;
  body: unknown;
}

export interface ReviewApi {
  /** The page, given the nonce its inline script and style must carry. */
  page(nonce: string): string;
  model(): unknown;
  decide(body: unknown): Promise<ApiReply>;
  search(body: unknown): Promise<ApiReply>;
  finish(): Promise<ApiReply>;
  /** "Đóng" on the page. */
  close(): void;
  /** The refusal texts, in the user's language. */
  text(key: 'forbidden' | 'tooLarge' | 'notFound' | 'badRequest' | 'internal'): string;
}

export interface ReviewServerOptions {
  /** Ends the review after this long without a request (30 minutes by default). */
  idleMs?: number;
  onIdle?: () => void;
  /** A fixed token (tests); random otherwise. */
  token?: string;
}

export interface ReviewServer {
  /** The address to open: it carries the token. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const COOKIE = 'dvc_review';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieToken(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

function send(
  res: http.ServerResponse,
  status: number,
  type: string,
  body: string,
  extra: http.OutgoingHttpHeaders = {},
) {
  res.writeHead(status, { ...BASE_HEADERS, 'content-type': type, ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

class TooLarge extends Error {}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_REVIEW_BODY) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_REVIEW_BODY) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : JSON.parse(text);
}

const PLAIN = 'text/plain; charset=utf-8';

/** The Content-Security-Policy of the page: its own inline script and style only, requests to itself only. */
function pageCsp(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

interface Guard {
  token: string;
  port: () => number;
  /** A request came: the idle clock starts again. */
  touch: () => void;
}

/** Who may ask: this server's own Host, no other site's Origin, and the token in the path or the cookie. */
function admitted(g: Guard, req: http.IncomingMessage): { byPath: boolean; url: URL } | null {
  const port = g.port();
  // DNS rebinding: a foreign name that resolves to 127.0.0.1 still says its own name in Host.
  if (![`127.0.0.1:${port}`, `localhost:${port}`].includes(req.headers.host ?? '')) return null;
  const origin = req.headers.origin;
  if (origin !== undefined && ![`http://127.0.0.1:${port}`, `http://localhost:${port}`].includes(origin)) return null;
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return null;
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const inPath = url.pathname.startsWith('/r/') ? url.pathname.slice(3) : undefined;
  const byPath = inPath !== undefined && sameToken(inPath, g.token);
  const fromCookie = cookieToken(req.headers.cookie);
  if (!byPath && !(fromCookie !== undefined && sameToken(fromCookie, g.token))) return null;
  return { byPath, url };
}

async function callApi(api: ReviewApi, pathname: string, body: unknown): Promise<ApiReply | null> {
  switch (pathname) {
    case '/api/decide':
      return api.decide(body);
    case '/api/search':
      return api.search(body);
    case '/api/finish':
      return api.finish();
    case '/api/close':
      setImmediate(() => api.close());
      return { status: 200, body: { ok: true } };
    default:
      return null;
  }
}

async function post(api: ReviewApi, req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
    return send(res, 400, PLAIN, api.text('badRequest'));
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (e) {
    if (!(e instanceof TooLarge)) return send(res, 400, PLAIN, api.text('badRequest'));
    return send(res, 413, PLAIN, api.text('tooLarge'), { connection: 'close' });
  }
  const reply = await callApi(api, url.pathname, body);
  if (!reply) return send(res, 404, PLAIN, api.text('notFound'));
  sendJson(res, reply.status, reply.body);
}

async function route(g: Guard, api: ReviewApi, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const ok = admitted(g, req);
  if (!ok) return send(res, 403, PLAIN, api.text('forbidden'));
  g.touch();
  const method = req.method ?? 'GET';
  if (method === 'GET' && (ok.byPath || ok.url.pathname === '/')) {
    const nonce = randomBytes(16).toString('base64');
    return send(res, 200, 'text/html; charset=utf-8', api.page(nonce), {
      'content-security-policy': pageCsp(nonce),
      'set-cookie': `${COOKIE}=${g.token}; HttpOnly; SameSite=Strict; Path=/`,
    });
  }
  if (method === 'GET' && ok.url.pathname === '/api/model') return sendJson(res, 200, api.model());
  if (method === 'POST' && ok.url.pathname.startsWith('/api/')) return post(api, req, res, ok.url);
  send(res, 404, PLAIN, api.text('notFound'));
}

export async function startReviewServer(api: ReviewApi, o: ReviewServerOptions = {}): Promise<ReviewServer> {
  const idleMs = o.idleMs ?? 30 * 60 * 1000;
  let port = 0;
  let idle: NodeJS.Timeout | undefined;
  const g = {
    token: o.token ?? randomBytes(24).toString('base64url'),
    port: () => port,
    touch: () => {
      if (idle) clearTimeout(idle);
      idle = setTimeout(() => o.onIdle?.(), idleMs);
      idle.unref();
    },
  };
  const server = http.createServer((req, res) => {
    route(g, api, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, PLAIN, api.text('internal'));
      else res.end();
    });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  g.touch();
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/r/${g.token}`,
    origin,
    port,
    token: g.token,
    close: () =>
      new Promise<void>((resolve) => {
        if (idle) clearTimeout(idle);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
