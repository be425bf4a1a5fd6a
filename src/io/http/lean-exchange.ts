import { performance } from 'node:perf_hooks';
import { classifyFault } from '../../core/probe/fault.js';
import { phaseTimings } from '../../core/probe/timings.js';
import { abortedFault, type ExchangeProgress } from './aborted-fault.js';
import { startDeadline } from './deadline.js';
import { isIP } from 'node:net';
import type { LeanPhases, LeanPool } from './lean-pool.js';
import type { TlsDetails } from './timed-connector.js';
import { decodeBody } from './read-body.js';
import type { HttpExchange, HttpProbeRequest } from './send-probe.js';
import { TransportError } from './transport-error.js';

/** Headers the lean client leaves to undici (framing and connection handling it does not reimplement). */
const FRAMING = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'expect',
  'upgrade',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
const METHOD = /^[A-Z]+$/;

interface Serialised {
  bytes: Buffer;
  head: boolean;
}

/** Each prepared request serialised once: a load run sends the same object thousands of times. */
const serialised = new WeakMap<HttpProbeRequest, Serialised | null>();

/** The request's bytes, or null when it carries something the lean client does not handle (undici does). */
function serialise(req: HttpProbeRequest, url: URL): Serialised | null {
  const method = req.method.toUpperCase();
  if (!METHOD.test(method)) return null;
  let text = `${method} ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\nconnection: keep-alive\r\n`;
  for (const [k, v] of Object.entries(req.headers)) {
    if (FRAMING.has(k.toLowerCase()) || !TOKEN.test(k) || !VALUE.test(v)) return null;
    text += `${k}: ${v}\r\n`;
  }
  const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
  if (body) text += `content-length: ${body.length}\r\n`;
  const head = Buffer.from(`${text}\r\n`, 'latin1');
  return { bytes: body ? Buffer.concat([head, body]) : head, head: method === 'HEAD' };
}

function serialisedOf(req: HttpProbeRequest, url: URL): Serialised | null {
  let s = serialised.get(req);
  if (s === undefined) {
    s = serialise(req, url);
    serialised.set(req, s);
  }
  return s;
}

/**
 * Whether a request of a load run goes through the lean client: its own keep-alive connections (the caller checked
 * there is no proxy and no following of redirects), a plain http/https URL and headers it can write as given.
 */
export function leanEligible(req: HttpProbeRequest, url: URL): LeanPool | undefined {
  if (req.follow || !req.shared || url.username || url.password) return undefined;
  const pool = req.shared.leanFor(url);
  return pool && serialisedOf(req, url) ? pool : undefined;
}

/** The phase marks of a new connection, as timedConnector sets them for a probe. */
function timedPhases(url: URL, c: ExchangeProgress, own: { tls: TlsDetails | null; remote?: string }): LeanPhases {
  if (!isIP(url.hostname.replace(/^\[|\]$/g, ''))) c.marks.lookupStart = c.now();
  return {
    onLookup: () => (c.marks.lookupEnd ??= c.now()),
    onConnect: (address) => {
      c.marks.connectEnd = c.now();
      if (url.protocol === 'https:') c.marks.tlsStart = c.marks.connectEnd;
      if (address) own.remote = address;
    },
    onSecure: (t) => {
      c.marks.secureEnd = c.now();
      own.tls = t;
    },
  };
}

function resolved(location: string, base: URL): string {
  try {
    return new URL(location, base).toString();
  } catch {
    return location;
  }
}

/**
 * One exchange on the lean client: the same HttpExchange (or TransportError) as the undici path gives for a request
 * on a kept-alive connection, within the same whole-exchange deadline and size limit.
 */
export async function sendLean(req: HttpProbeRequest, url: URL, pool: LeanPool): Promise<HttpExchange> {
  const s = serialisedOf(req, url)!;
  const t0 = performance.now();
  const c: ExchangeProgress = { marks: {}, now: () => performance.now() - t0 };
  const own: { tls: TlsDetails | null; remote?: string } = { tls: null };
  const phases = req.freshConnection ? timedPhases(url, c, own) : undefined;
  const deadline = startDeadline(req.timeoutMs);
  try {
    const answer = await pool.request(s.bytes, {
      head: s.head,
      maxBytes: req.maxBytes,
      ...(phases ? { phases } : {}),
      watch: {
        onReady: () => (c.marks.socketReady = c.now()),
        onHeaders: () => (c.marks.headers = c.now()),
        onChunk: () => {
          c.lastChunk = c.now();
          c.chunks = (c.chunks ?? 0) + 1;
        },
      },
      onAbort: (cut) => deadline.once('abort', cut),
    });
    const decoded = decodeBody(answer.wire, answer.headers['content-encoding'], req.maxBytes);
    c.marks.bodyEnd = c.now();
    const location = answer.status >= 300 && answer.status < 400 ? answer.headers.location : undefined;
    return {
      url: url.toString(),
      status: answer.status,
      headers: answer.headers,
      body: decoded,
      bytes: decoded.length,
      wireBytes: answer.wire.length,
      timings: phaseTimings(c.marks),
      tls: phases ? own.tls : (req.shared?.tls ?? null),
      ...(own.remote ? { remoteAddress: own.remote } : {}),
      redirects: location ? [{ status: answer.status, from: url.toString(), location: resolved(location, url) }] : [],
    };
  } catch (e) {
    c.marks.failedAt = c.now();
    // A connection not yet made when the deadline came: the phase is named from the marks, as for a probe.
    const fault = deadline.aborted ? abortedFault(c, req.timeoutMs, false) : classifyFault(e);
    throw new TransportError(
      fault,
      phaseTimings(c.marks),
      phases ? own.tls : (req.shared?.tls ?? null),
      url.toString(),
    );
  } finally {
    deadline.settle();
  }
}
