import { performance } from 'node:perf_hooks';
import type { Dispatcher } from 'undici';
import { Client, loadProxyAgent, requestOn } from './undici-parts.js';
import { classifyFault, type Fault } from '../../core/probe/fault.js';
import { phaseTimings, type ProbeMarks, type ProbeTimings } from '../../core/probe/timings.js';
import { chooseProxy } from '../../core/probe/proxy-choice.js';
import { timedConnector, type TlsDetails } from './timed-connector.js';
import { decodeBody, readLimited, tooLarge } from './read-body.js';
import type { SharedConnections } from './shared-connections.js';

export type { TlsDetails } from './timed-connector.js';

export interface HttpProbeRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  /** Applies separately to connecting (DNS + TCP + TLS), waiting for headers and each pause in the body. */
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

/** A transport fault, with what was measured before it happened. */
export class TransportError extends Error {
  constructor(
    readonly fault: Fault,
    readonly timings: ProbeTimings,
    readonly tls: TlsDetails | null,
    readonly url: string,
  ) {
    super(`${fault.kind}: ${fault.detail}`);
    this.name = 'TransportError';
  }
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

interface Hop extends HttpExchange {
  location?: string;
}

async function oneHop(
  req: HttpProbeRequest,
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
): Promise<Hop> {
  const marks: ProbeMarks = {};
  const t0 = performance.now();
  const now = () => performance.now() - t0;
  let tls: TlsDetails | null = null;
  let remoteAddress: string | undefined;
  const proxy = chooseProxy(url, req.env, req.proxy);
  const tlsOpts = { rejectUnauthorized: !req.insecure, ...(req.ca ? { ca: req.ca } : {}) };
  const shared = !proxy && req.shared ? req.shared.for(url.origin) : undefined;
  const dispatcher: Dispatcher = shared
    ? shared
    : proxy
      ? new (loadProxyAgent())({
          uri: proxy,
          requestTls: tlsOpts,
          proxyTls: tlsOpts,
          headersTimeout: req.timeoutMs,
          bodyTimeout: req.timeoutMs,
          connectTimeout: req.timeoutMs,
        })
      : new Client(url.origin, {
          connect: timedConnector({
            timeoutMs: req.timeoutMs,
            ca: req.ca,
            insecure: req.insecure,
            now,
            marks,
            onTls: (t) => (tls = t),
            onRemote: (a) => (remoteAddress = a),
          }),
          headersTimeout: req.timeoutMs,
          bodyTimeout: req.timeoutMs,
          pipelining: 1,
        });
  let destroyed = false;
  try {
    const res = await requestOn(dispatcher, {
      origin: url.origin,
      path: url.pathname + url.search,
      method: method as Dispatcher.HttpMethod,
      headers,
      body,
    });
    marks.headers = now();
    const resHeaders = flatHeaders(res.headers);
    const declared = Number(resHeaders['content-length']);
    if (Number.isFinite(declared) && declared > req.maxBytes) {
      res.body.destroy();
      throw tooLarge(req.maxBytes);
    }
    const wire = await readLimited(
      res.body as unknown as AsyncIterable<Buffer> & { destroy(err?: Error): void },
      req.maxBytes,
    );
    marks.bodyEnd = now();
    const decoded = decodeBody(wire, resHeaders['content-encoding'], req.maxBytes);
    return {
      url: url.toString(),
      status: res.statusCode,
      headers: resHeaders,
      body: decoded,
      bytes: decoded.length,
      wireBytes: wire.length,
      timings: phaseTimings(marks),
      tls: tls ?? (shared ? (req.shared?.tls ?? null) : null),
      redirects: [],
      ...(proxy ? { proxy } : {}),
      ...(remoteAddress ? { remoteAddress } : {}),
      ...(res.statusCode >= 300 && res.statusCode < 400 && resHeaders.location
        ? { location: resHeaders.location }
        : {}),
    };
  } catch (e) {
    marks.failedAt = now();
    destroyed = true;
    // A shared pool outlives one request: only a probe's own connection is torn down.
    if (!shared) await dispatcher.destroy().catch(() => {});
    throw new TransportError(classifyFault(e), phaseTimings(marks), tls, url.toString());
  } finally {
    // Awaited: a socket left closing keeps the process alive after the report is printed. close() after a
    // complete exchange (destroy() builds an error object and its stack for nothing); a no-op after destroy().
    if (!destroyed && !shared) await dispatcher.close().catch(() => {});
  }
}

const SECRET_ON_REDIRECT = ['authorization', 'proxy-authorization', 'cookie'];

/**
 * Sends one request on a fresh connection and measures it. A redirect is reported and not followed unless
 * `follow`; when followed, 303 (and 301/302 after POST) become a GET without body, and credentials are dropped
 * when the redirect leaves the origin. Throws TransportError for any transport fault.
 */
export async function sendProbe(req: HttpProbeRequest): Promise<HttpExchange> {
  let url: URL;
  try {
    url = new URL(req.url);
  } catch (e) {
    throw new TransportError(
      { kind: 'other', code: 'ERR_INVALID_URL', detail: (e as Error).message },
      phaseTimings({}),
      null,
      req.url,
    );
  }
  let method = req.method.toUpperCase();
  let headers = { ...req.headers };
  let body = req.body;
  const redirects: RedirectHop[] = [];
  const max = req.maxRedirects ?? 5;
  for (;;) {
    const hop = await oneHop(req, url, method, headers, body);
    if (!hop.location || !req.follow) {
      const { location: _ignored, ...exchange } = hop;
      if (hop.location)
        redirects.push({ status: hop.status, from: hop.url, location: new URL(hop.location, url).toString() });
      return { ...exchange, redirects };
    }
    const next = new URL(hop.location, url);
    redirects.push({ status: hop.status, from: url.toString(), location: next.toString() });
    if (redirects.length > max) {
      throw new TransportError(
        { kind: 'tooManyRedirects', code: 'DVC_TOO_MANY_REDIRECTS', detail: `more than ${max} redirects` },
        hop.timings,
        hop.tls,
        url.toString(),
      );
    }
    if (hop.status === 303 || ((hop.status === 301 || hop.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      headers = Object.fromEntries(Object.entries(headers).filter(([k]) => !/^content-(type|length)$/i.test(k)));
    }
    if (next.origin !== url.origin)
      headers = Object.fromEntries(
        Object.entries(headers).filter(([k]) => !SECRET_ON_REDIRECT.includes(k.toLowerCase())),
      );
    url = next;
  }
}
