import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { Client, loadProxyAgent } from './undici-parts.js';
import { classifyFault } from '../../core/probe/fault.js';
import { phaseTimings, type ProbeTimings } from '../../core/probe/timings.js';
import { chooseProxy } from '../../core/probe/proxy-choice.js';
import { timedConnector, type TlsDetails } from './timed-connector.js';
import { decodeBody } from './read-body.js';
import { dispatchExchange } from './dispatch-exchange.js';
import type { ConnectionWatcher, SharedConnections } from './shared-connections.js';
import { startDeadline, type Deadline } from './deadline.js';
import { TransportError } from './transport-error.js';
import { abortedFault, type ExchangeProgress } from './aborted-fault.js';

export type { TlsDetails } from './timed-connector.js';
export { TransportError } from './transport-error.js';

export interface HttpProbeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * Bounds the whole exchange, redirects included: connecting (DNS + TCP + TLS), waiting for headers, every pause
   * in the body and the body as a whole. A server that drips one byte at a time ends at this deadline.
   */
  timeoutMs: number;
  maxBytes: number;
  /** CA list replacing Node's store (see loadTrust); undefined = Node's store. */
  ca?: string[];
  insecure: boolean;
  proxy?: string;
  follow: boolean;
  maxRedirects?: number;
  env: Record<string, string | undefined>;
  /** Keep-alive connections of a load run; absent for a probe, which always opens a fresh connection. */
  shared?: SharedConnections;
  /**
   * A load run's first request, sent alone on the shared connections: the connection it opens has its phases
   * timed, as a probe's are.
   */
  timedOnShared?: boolean;
  /** Header names that carry a configured credential (the province's auth header): dropped off-origin. */
  credentialHeaders?: readonly string[];
  /** The body carries a credential (auth type body-key): never resent to another origin. */
  bodyHasCredential?: boolean;
}

export interface RedirectHop {
  status: number;
  from: string;
  location: string;
}

export interface HttpExchange {
  /** The URL that answered (the last one when redirects were followed). */
  url: string;
  status: number;
  headers: Record<string, string>;
  /** Decoded body. */
  body: Buffer;
  /** Decoded size. */
  bytes: number;
  /** Size on the wire (compressed). */
  wireBytes: number;
  timings: ProbeTimings;
  tls: TlsDetails | null;
  redirects: RedirectHop[];
  proxy?: string;
  remoteAddress?: string;
}

interface Hop extends HttpExchange {
  location?: string;
}

/** What one hop shares with the whole exchange: the deadline's signal and the phase marks. */
interface HopContext extends ExchangeProgress {
  tls: TlsDetails | null;
  remoteAddress?: string;
}

function dispatcherFor(req: HttpProbeRequest, url: URL, proxy: string | undefined, c: HopContext): Dispatcher {
  const tlsOpts = { rejectUnauthorized: !req.insecure, ...(req.ca ? { ca: req.ca } : {}) };
  if (proxy) {
    return new (loadProxyAgent())({
      uri: proxy,
      requestTls: tlsOpts,
      proxyTls: tlsOpts,
      headersTimeout: req.timeoutMs,
      bodyTimeout: req.timeoutMs,
      connectTimeout: req.timeoutMs,
    });
  }
  return new Client(url.origin, {
    connect: timedConnector({
      timeoutMs: req.timeoutMs,
      ca: req.ca,
      insecure: req.insecure,
      now: c.now,
      marks: c.marks,
      onTls: (t) => (c.tls = t),
      onRemote: (a) => (c.remoteAddress = a),
    }),
    headersTimeout: req.timeoutMs,
    bodyTimeout: req.timeoutMs,
    pipelining: 1,
  });
}

/** A hop that was answered; a reused connection's certificate is the one its pool saw first. */
function hopOf(
  url: URL,
  status: number,
  answer: { headers: Record<string, string>; wire: Buffer; decoded: Buffer },
  c: HopContext,
  proxy: string | undefined,
  pooledTls: TlsDetails | null,
): Hop {
  return {
    url: url.toString(),
    status,
    headers: answer.headers,
    body: answer.decoded,
    bytes: answer.decoded.length,
    wireBytes: answer.wire.length,
    timings: phaseTimings(c.marks),
    tls: c.tls ?? pooledTls,
    redirects: [],
    ...(proxy ? { proxy } : {}),
    ...(c.remoteAddress ? { remoteAddress: c.remoteAddress } : {}),
    ...(status >= 300 && status < 400 && answer.headers.location ? { location: answer.headers.location } : {}),
  };
}

function watcherOf(c: HopContext): ConnectionWatcher {
  return { now: c.now, marks: c.marks, onTls: (t) => (c.tls = t), onRemote: (a) => (c.remoteAddress = a) };
}

async function oneHop(
  req: HttpProbeRequest,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  signal: Deadline,
): Promise<Hop> {
  const t0 = performance.now();
  const c: HopContext = { marks: {}, now: () => performance.now() - t0, tls: null };
  const proxy = chooseProxy(url, req.env, req.proxy);
  const origin = url.origin;
  const shared = !proxy && req.shared ? req.shared.for(origin) : undefined;
  const dispatcher: Dispatcher = shared ?? dispatcherFor(req, url, proxy, c);
  const watched = shared !== undefined && (req.shared?.sequential === true || req.timedOnShared === true);
  if (watched) req.shared?.watch(watcherOf(c));
  let destroyed = false;
  try {
    const raw = await dispatchExchange(
      dispatcher,
      { origin, path: url.pathname + url.search, method: method as Dispatcher.HttpMethod, headers, body },
      {
        maxBytes: req.maxBytes,
        deadline: signal,
        onHeaders: () => (c.marks.headers = c.now()),
        onChunk: () => {
          c.lastChunk = c.now();
          c.chunks = (c.chunks ?? 0) + 1;
        },
      },
    );
    const answer = {
      headers: raw.headers,
      wire: raw.wire,
      decoded: decodeBody(raw.wire, raw.headers['content-encoding'], req.maxBytes),
    };
    c.marks.bodyEnd = c.now();
    return hopOf(url, raw.status, answer, c, proxy, shared ? (req.shared?.tls ?? null) : null);
  } catch (e) {
    c.marks.failedAt = c.now();
    destroyed = true;
    // A shared pool outlives one request: only a probe's own connection is torn down.
    if (!shared) await dispatcher.destroy().catch(() => {});
    const fault = signal.aborted
      ? abortedFault(c, req.timeoutMs, shared !== undefined)
      : classifyFault(e, { viaProxy: proxy !== undefined, headersSeen: c.marks.headers !== undefined });
    if (proxy) fault.via = proxyOrigin(proxy);
    throw new TransportError(fault, phaseTimings(c.marks), c.tls, url.toString());
  } finally {
    if (watched) req.shared?.watch(null);
    // Awaited: a socket left closing keeps the process alive after the report is printed. close() after a
    // complete exchange (destroy() builds an error object and its stack for nothing); a no-op after destroy().
    if (!destroyed && !shared) await dispatcher.close().catch(() => {});
  }
}

/** A proxy as it may be named in a message: its origin, never the user and password its URL may carry. */
function proxyOrigin(proxy: string): string {
  try {
    const u = new URL(proxy);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '?';
  }
}

const SECRET_ON_REDIRECT = ['authorization', 'proxy-authorization', 'cookie'];

interface HopState {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
}

/**
 * The request of the next hop. 303 (and 301/302 after POST) become a GET without body. Leaving the origin drops
 * every credential header; a body carrying a credential key is never resent to another origin: refused.
 */
function nextHop(req: HttpProbeRequest, cur: HopState, hop: Hop, next: URL): HopState {
  let { method, headers, body } = cur;
  if (hop.status === 303 || ((hop.status === 301 || hop.status === 302) && method === 'POST')) {
    method = 'GET';
    body = undefined;
    headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-(type|length)$/i.test(k)));
  }
  if (next.origin !== cur.url.origin) {
    if (body !== undefined && req.bodyHasCredential) {
      throw new TransportError(
        {
          kind: 'redirectCredential',
          code: 'DVC_REDIRECT_CREDENTIAL',
          detail: `${hop.status} → ${next.origin}`,
        },
        hop.timings,
        hop.tls,
        cur.url.toString(),
      );
    }
    const drop = new Set([...SECRET_ON_REDIRECT, ...(req.credentialHeaders ?? []).map((h) => h.toLowerCase())]);
    headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !drop.has(k.toLowerCase())));
  }
  return { url: next, method, headers, body };
}

/** The last URL parsed: a load run sends to the same one thousands of times (never mutated once parsed). */
let lastParsed: { raw: string; url: URL } | undefined;

function parseUrl(raw: string): URL {
  if (lastParsed?.raw === raw) return lastParsed.url;
  try {
    const url = new URL(raw);
    lastParsed = { raw, url };
    return url;
  } catch (e) {
    throw new TransportError(
      { kind: 'other', code: 'ERR_INVALID_URL', detail: (e as Error).message },
      phaseTimings({}),
      null,
      raw,
    );
  }
}

/**
 * Sends one request on a fresh connection (a load run's or a rehearsal's: on their kept-alive ones) and measures
 * it. A redirect is reported and not followed unless `follow` (see nextHop for what a followed redirect keeps). The
 * whole exchange ends by `timeoutMs`. Throws TransportError for any transport fault. Every request of every
 * command goes through this one function, on undici: one parser, one verdict.
 */
export function sendProbe(req: HttpProbeRequest): Promise<HttpExchange> {
  return sendHops(req);
}

/** A Location as the server sent it, resolved against the URL when it parses; shown, never followed, as is. */
function resolveLocation(location: string, base: URL): string {
  try {
    return new URL(location, base).toString();
  } catch {
    return location.slice(0, 200);
  }
}

/** Where a followed redirect goes: a valid http(s) URL, or a fault naming the Location (a server's answer). */
function redirectTarget(hop: Hop, base: URL): URL {
  let next: URL | undefined;
  try {
    next = new URL(hop.location ?? '', base);
  } catch {
    next = undefined;
  }
  if (next && (next.protocol === 'http:' || next.protocol === 'https:')) return next;
  throw new TransportError(
    { kind: 'badRedirect', code: 'DVC_BAD_REDIRECT', detail: `${hop.status} → ${(hop.location ?? '').slice(0, 200)}` },
    hop.timings,
    hop.tls,
    base.toString(),
  );
}

async function sendHops(req: HttpProbeRequest): Promise<HttpExchange> {
  let cur: HopState = {
    url: parseUrl(req.url),
    method: req.method.toUpperCase(),
    headers: { ...req.headers },
    body: req.body,
  };
  const redirects: RedirectHop[] = [];
  const max = req.maxRedirects ?? 5;
  const deadline = startDeadline(req.timeoutMs);
  try {
    for (;;) {
      const hop = await oneHop(req, cur.url, cur.method, cur.headers, cur.body, deadline);
      if (!hop.location || !req.follow) {
        const { location: _ignored, ...exchange } = hop;
        if (hop.location)
          redirects.push({ status: hop.status, from: hop.url, location: resolveLocation(hop.location, cur.url) });
        return { ...exchange, redirects };
      }
      const next = redirectTarget(hop, cur.url);
      redirects.push({ status: hop.status, from: cur.url.toString(), location: next.toString() });
      if (redirects.length > max) {
        throw new TransportError(
          { kind: 'tooManyRedirects', code: 'DVC_TOO_MANY_REDIRECTS', detail: String(max) },
          hop.timings,
          hop.tls,
          cur.url.toString(),
        );
      }
      cur = nextHop(req, cur, hop, next);
    }
  } finally {
    deadline.settle();
  }
}
