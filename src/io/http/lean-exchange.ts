import { performance } from 'node:perf_hooks';
import { classifyFault } from '../../core/probe/fault.js';
import { phaseTimings, type ProbeMarks } from '../../core/probe/timings.js';
import { abortedFault, type ExchangeProgress } from './aborted-fault.js';
import { startDeadline } from './deadline.js';
import { isIP } from 'node:net';
import type { LeanAnswer, LeanPhases, LeanPool, LeanWatch } from './lean-pool.js';
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

function resolved(location: string, base: URL): string {
  try {
    return new URL(location, base).toString();
  } catch {
    return location;
  }
}

/** What one exchange measures as it goes: its phase marks, its body's pieces, its connection's own details. */
class Progress implements ExchangeProgress, LeanWatch {
  // Every mark present from the start, in one order: phaseTimings reads the same shape every time.
  readonly marks: ProbeMarks = {
    lookupStart: undefined,
    lookupEnd: undefined,
    connectEnd: undefined,
    tlsStart: undefined,
    secureEnd: undefined,
    socketReady: undefined,
    headers: undefined,
    bodyEnd: undefined,
    failedAt: undefined,
  };
  lastChunk?: number;
  chunks?: number;
  tls: TlsDetails | null = null;
  remote?: string;
  private readonly t0 = performance.now();

  now(): number {
    return performance.now() - this.t0;
  }
  onReady(): void {
    this.marks.socketReady = this.now();
  }
  onHeaders(): void {
    this.marks.headers = this.now();
  }
  onChunk(): void {
    this.lastChunk = this.now();
    this.chunks = (this.chunks ?? 0) + 1;
  }

  /** The phase marks of a new connection, as timedConnector sets them for a probe. */
  timed(url: URL): LeanPhases {
    if (!isIP(url.hostname.replace(/^\[|\]$/g, ''))) this.marks.lookupStart = this.now();
    return {
      onLookup: () => (this.marks.lookupEnd ??= this.now()),
      onConnect: (address) => {
        this.marks.connectEnd = this.now();
        if (url.protocol === 'https:') this.marks.tlsStart = this.marks.connectEnd;
        if (address) this.remote = address;
      },
      onSecure: (t) => {
        this.marks.secureEnd = this.now();
        this.tls = t;
      },
    };
  }
}

function exchangeOf(req: HttpProbeRequest, url: URL, answer: LeanAnswer, p: Progress, fresh: boolean): HttpExchange {
  const enc = answer.headers['content-encoding'];
  const decoded = enc === undefined ? answer.wire : decodeBody(answer.wire, enc, req.maxBytes);
  p.marks.bodyEnd = p.now();
  const location = answer.status >= 300 && answer.status < 400 ? answer.headers.location : undefined;
  const x: HttpExchange = {
    url: url.href,
    status: answer.status,
    headers: answer.headers,
    body: decoded,
    bytes: decoded.length,
    wireBytes: answer.wire.length,
    timings: phaseTimings(p.marks),
    tls: fresh ? p.tls : (req.shared?.tls ?? null),
    redirects: location ? [{ status: answer.status, from: url.href, location: resolved(location, url) }] : [],
  };
  if (p.remote) x.remoteAddress = p.remote;
  return x;
}

/**
 * One exchange on the lean client: the same HttpExchange (or TransportError) as the undici path gives for a request
 * on a kept-alive connection (or, for a load run's first request, on a fresh connection), within the same
 * whole-exchange deadline and size limit.
 */
export async function sendLean(req: HttpProbeRequest, url: URL, pool: LeanPool): Promise<HttpExchange> {
  const s = serialisedOf(req, url)!;
  const p = new Progress();
  const fresh = req.freshConnection === true;
  const deadline = startDeadline(req.timeoutMs);
  try {
    const answer = await pool.request(s.bytes, {
      head: s.head,
      maxBytes: req.maxBytes,
      phases: fresh ? p.timed(url) : undefined,
      watch: p,
      onAbort: (cut) => deadline.once('abort', cut),
    });
    return exchangeOf(req, url, answer, p, fresh);
  } catch (e) {
    p.marks.failedAt = p.now();
    // A connection not yet made when the deadline came: the phase is named from the marks, as for a probe.
    const fault = deadline.aborted ? abortedFault(p, req.timeoutMs, false) : classifyFault(e);
    throw new TransportError(fault, phaseTimings(p.marks), fresh ? p.tls : (req.shared?.tls ?? null), url.href);
  } finally {
    deadline.settle();
  }
}
