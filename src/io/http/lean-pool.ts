import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import * as httpParserJs from 'http-parser-js';
import { tlsDetailsOf, type TlsDetails } from './timed-connector.js';

/** The part of http-parser-js (a pure-JS HTTP/1.1 parser) used here. */
interface ParserInfo {
  versionMajor: number;
  versionMinor: number;
  headers: string[];
  statusCode: number;
  shouldKeepAlive: boolean;
  upgrade: boolean;
}
interface Parser {
  maxHeaderSize: number;
  execute(chunk: Buffer): number | Error;
  finish(): void | Error;
  reinitialize(type: string): void;
  [k: number]: unknown;
}
interface ParserClass {
  new (type: string): Parser;
  RESPONSE: string;
  encoding: string;
  kOnHeadersComplete: number;
  kOnBody: number;
  kOnMessageComplete: number;
}

// Imported statically, so that the bundle of dvc.exe carries it.
const { HTTPParser } = httpParserJs as unknown as { HTTPParser: ParserClass };
// Header lines are read as latin1, as undici reads them (the parser's default, ascii, drops the high bit).
HTTPParser.encoding = 'latin1';

/** undici's and Node's own limit on the size of a response head. */
const MAX_HEAD_BYTES = 16 * 1024;

export interface LeanPoolOptions {
  /** `http:` or `https:` origin. */
  url: URL;
  connections: number;
  ca?: string[];
  insecure: boolean;
  /** The certificate of each new TLS connection. */
  onTls: (t: TlsDetails) => void;
}

/** What one exchange reports as it goes: the fault naming and the timings are built from these. */
export interface LeanWatch {
  /** The connection is ready (at once for a kept-alive one). */
  onReady(): void;
  onHeaders(): void;
  onChunk(): void;
}

/** The phases of a new connection, timed for a request that asked for one (a load run's first). */
export interface LeanPhases {
  /** The host name was resolved (not called for an IP address). */
  onLookup(): void;
  onConnect(remoteAddress: string | undefined): void;
  onSecure(t: TlsDetails): void;
}

export interface LeanRequest {
  /** Open a new connection for this request and time its phases (it stays in the pool afterwards). */
  phases: LeanPhases | undefined;
  /** HEAD: no body follows the head, whatever it says. */
  head: boolean;
  maxBytes: number;
  watch: LeanWatch;
  onAbort: (cut: () => void) => void;
}

export interface LeanAnswer {
  status: number;
  /** Names in lower case; repeated headers joined with ", " (as undici's answer, flattened). */
  headers: Record<string, string>;
  /** The body as it came on the wire (still compressed), at most `maxBytes`. */
  wire: Buffer;
}

/** Raised as plain errors with codes that classifyFault maps (`tooLarge`, `connReset`). */
function coded(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

interface Pending {
  resolve(a: LeanAnswer): void;
  reject(e: Error): void;
  watch: LeanWatch;
  maxBytes: number;
  head: boolean;
  status: number;
  headers: Record<string, string>;
  chunks: Buffer[];
  size: number;
  /** An informational (1xx) head: its message is skipped. */
  informational: boolean;
  keepAlive: boolean;
}

function flatHead(raw: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const k = raw[i].toLowerCase();
    const v = raw[i + 1];
    out[k] = out[k] === undefined ? v : `${out[k]}, ${v}`;
  }
  return out;
}

/** One keep-alive connection carrying one request at a time, its answer parsed by http-parser-js. */
class LeanConnection {
  readonly socket: Socket;
  private readonly parser: Parser;
  pending: Pending | null = null;
  connected = false;
  dead = false;
  /** Reads land in the pool's shared buffer (plain TCP): body pieces are copied before they are kept. */
  private copyBody = false;

  constructor(
    private readonly pool: LeanPool,
    o: LeanPoolOptions,
    phases?: LeanPhases,
  ) {
    const port = Number(o.url.port) || (o.url.protocol === 'https:' ? 443 : 80);
    const host = o.url.hostname.replace(/^\[|\]$/g, '');
    const tls = o.url.protocol === 'https:';
    // No TLS session is reused: every connection pays a full handshake, as a probe's does.
    this.socket = tls
      ? tlsConnect({
          host,
          port,
          ...(isIP(host) ? {} : { servername: host }),
          rejectUnauthorized: !o.insecure,
          ...(o.ca ? { ca: o.ca } : {}),
          ALPNProtocols: ['http/1.1'],
        })
      : // Plain TCP reads into the pool's one buffer, without a stream around it; what is kept is copied out.
        netConnect({ host, port, onread: { buffer: pool.readBuffer, callback: (n, buf) => this.onRead(n, buf) } });
    if (phases) {
      this.socket.once('lookup', () => phases.onLookup());
      this.socket.once('connect', () => phases.onConnect(this.socket.remoteAddress));
    }
    if (tls) {
      this.socket.once('secureConnect', () => {
        const t = tlsDetailsOf(this.socket as TLSSocket);
        o.onTls(t);
        phases?.onSecure(t);
        this.ready();
      });
    } else this.socket.once('connect', () => this.ready());
    this.socket.setNoDelay(true);
    this.parser = new HTTPParser(HTTPParser.RESPONSE);
    this.parser.maxHeaderSize = MAX_HEAD_BYTES;
    this.parser[HTTPParser.kOnHeadersComplete] = (info: ParserInfo) => this.onHead(info);
    this.parser[HTTPParser.kOnBody] = (chunk: Buffer) => this.onBody(chunk);
    this.parser[HTTPParser.kOnMessageComplete] = () => this.onComplete();
    if (tls) this.socket.on('data', (chunk: Buffer) => this.onData(chunk));
    this.socket.on('end', () => this.onEnd());
    this.socket.on('error', (e: Error) => this.fail(e));
    this.socket.on('close', () => this.fail(coded('other side closed', 'ECONNRESET')));
  }

  private ready(): void {
    this.connected = true;
    this.socket.setKeepAlive(true, 60_000);
    this.pending?.watch.onReady();
  }

  /** Whether an idle connection can still carry a request (the server has not closed it). */
  usable(): boolean {
    return !this.dead && !this.socket.destroyed && this.socket.writable && !this.socket.readableEnded;
  }

  send(bytes: Buffer, p: Pending): void {
    this.pending = p;
    if (this.connected) p.watch.onReady();
    this.socket.write(bytes);
  }

  private onHead(info: ParserInfo): number {
    const p = this.pending;
    if (!p) return 0;
    p.watch.onHeaders();
    p.status = info.statusCode;
    p.informational = info.statusCode >= 100 && info.statusCode < 200;
    if (p.informational) return 0;
    p.headers = flatHead(info.headers);
    p.keepAlive = info.shouldKeepAlive;
    const declared = Number(p.headers['content-length']);
    if (Number.isFinite(declared) && declared > p.maxBytes)
      throw coded(`response larger than ${p.maxBytes} bytes`, 'DVC_TOO_LARGE');
    // No body after a HEAD, a 204 or a 304, whatever the head says.
    return p.head || info.statusCode === 204 || info.statusCode === 304 ? 1 : 0;
  }

  private onBody(chunk: Buffer): void {
    const p = this.pending;
    if (!p) return;
    p.watch.onChunk();
    p.size += chunk.length;
    if (p.size > p.maxBytes) throw coded(`response larger than ${p.maxBytes} bytes`, 'DVC_TOO_LARGE');
    // The parser hands out views of what was read: kept as is from a stream's chunk, copied from the shared buffer.
    p.chunks.push(this.copyBody ? Buffer.from(chunk) : chunk);
  }

  private onComplete(): void {
    const p = this.pending;
    if (!p) return;
    if (p.informational) {
      p.informational = false;
      return;
    }
    this.pending = null;
    const wire = p.chunks.length === 1 ? p.chunks[0] : Buffer.concat(p.chunks, p.size);
    if (p.keepAlive) this.pool.release(this);
    else this.destroy();
    p.resolve({ status: p.status, headers: p.headers, wire });
  }

  private onRead(n: number, buf: Uint8Array): boolean {
    this.copyBody = true;
    this.onData(Buffer.from(buf.buffer, buf.byteOffset, n));
    return true;
  }

  private onData(chunk: Buffer): void {
    if (!this.pending) {
      // Bytes nobody asked for: the connection cannot be trusted for another request.
      this.destroy();
      return;
    }
    try {
      const r = this.parser.execute(chunk);
      if (r instanceof Error) this.fail(r);
    } catch (e) {
      // Raised by the callbacks above (an answer over the size limit).
      this.fail(e as Error);
    }
  }

  /** The server closed its side. */
  private onEnd(): void {
    if (this.pending) {
      try {
        // An answer read to the close ends here (its message completes); any other was cut short, below.
        this.parser.finish();
      } catch (e) {
        this.fail(e as Error);
      }
    }
    this.fail(coded('other side closed', 'ECONNRESET'));
  }

  /** The exchange in flight (if any) fails with `e`; the connection is never used again. */
  fail(e: Error): void {
    const p = this.pending;
    this.pending = null;
    this.destroy();
    p?.reject(e);
  }

  destroy(): void {
    if (this.dead) return;
    this.dead = true;
    this.pool.forget(this);
    this.socket.destroy();
  }
}

/**
 * Keep-alive HTTP/1.1 connections to one origin for a load run: one request in flight per connection, the request's
 * bytes written as serialised once, the answer parsed by http-parser-js. A connection the server closed while idle
 * is dropped before a request is written on it (the request goes on another); a request already written is never
 * resent: its failure is counted.
 */
export class LeanPool {
  private readonly idle: LeanConnection[] = [];
  private readonly all = new Set<LeanConnection>();
  private readonly waiting: Array<(c: LeanConnection | null) => void> = [];
  private closed = false;
  /** Requests written so far. */
  sent = 0;
  /** @internal Where plain TCP connections read: each read is parsed before the next one lands. */
  readonly readBuffer = Buffer.allocUnsafe(64 * 1024);

  constructor(private readonly o: LeanPoolOptions) {}

  /** @internal A connection is free again. */
  release(c: LeanConnection): void {
    const w = this.waiting.shift();
    if (w && c.usable()) w(c);
    else if (w) {
      c.destroy();
      w(null);
    } else this.idle.push(c);
  }

  /** @internal A connection is closed. */
  forget(c: LeanConnection): void {
    this.all.delete(c);
    const i = this.idle.indexOf(c);
    if (i >= 0) this.idle.splice(i, 1);
    // A request waiting for a free connection may now open one of its own.
    if (this.all.size < this.o.connections) this.waiting.shift()?.(null);
  }

  /** A free connection, a new one, or (all busy) a wait for one; `null` after a wait: try again. */
  private acquire(
    onWait: (cancel: () => void) => void,
    phases?: LeanPhases,
  ): LeanConnection | Promise<LeanConnection | null> {
    if (phases) return this.open(phases);
    while (this.idle.length > 0) {
      const c = this.idle.pop()!;
      if (c.usable()) return c;
      c.destroy();
    }
    if (this.all.size < this.o.connections) return this.open();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      onWait(() => {
        const i = this.waiting.indexOf(resolve);
        if (i >= 0) this.waiting.splice(i, 1);
        resolve(null);
      });
    });
  }

  private open(phases?: LeanPhases): LeanConnection {
    const c = new LeanConnection(this, this.o, phases);
    this.all.add(c);
    return c;
  }

  /**
   * Sends `bytes` (a whole request) and reads its answer. `onAbort` is given a function that ends the exchange at
   * once, wherever it is (the caller's deadline calls it).
   */
  request(bytes: Buffer, o: LeanRequest): Promise<LeanAnswer> {
    const st: { aborted: boolean; cut?: () => void } = { aborted: false };
    o.onAbort(() => {
      st.aborted = true;
      st.cut?.();
    });
    // A free connection: written at once, no wait on a promise first.
    const got = this.closed ? undefined : this.acquire((cancel) => (st.cut = cancel), o.phases);
    if (got instanceof LeanConnection) return this.exchange(got, bytes, o, st);
    return this.waitAndSend(got, bytes, o, st);
  }

  private async waitAndSend(
    first: Promise<LeanConnection | null> | undefined,
    bytes: Buffer,
    o: LeanRequest,
    st: { aborted: boolean; cut?: () => void },
  ): Promise<LeanAnswer> {
    let got: LeanConnection | Promise<LeanConnection | null> | undefined = first;
    for (;;) {
      if (this.closed || got === undefined) throw coded('the connections were closed', 'ECONNRESET');
      const c = got instanceof LeanConnection ? got : await got;
      if (st.aborted) {
        if (c) this.release(c);
        throw coded('aborted', 'ABORT_ERR');
      }
      if (c) return this.exchange(c, bytes, o, st);
      got = this.closed ? undefined : this.acquire((cancel) => (st.cut = cancel));
    }
  }

  private exchange(c: LeanConnection, bytes: Buffer, o: LeanRequest, st: { cut?: () => void }): Promise<LeanAnswer> {
    return new Promise<LeanAnswer>((resolve, reject) => {
      st.cut = () => c.fail(coded('aborted', 'ABORT_ERR'));
      this.sent++;
      c.send(bytes, {
        resolve,
        reject,
        watch: o.watch,
        maxBytes: o.maxBytes,
        head: o.head,
        status: 0,
        headers: {},
        chunks: [],
        size: 0,
        informational: false,
        keepAlive: false,
      });
    });
  }

  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w(null);
    for (const c of [...this.all]) c.destroy();
  }
}
