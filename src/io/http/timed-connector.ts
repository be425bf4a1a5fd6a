import { lookup } from 'node:dns';
import { isIP, type Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { buildConnector } from './undici-parts.js';
import type { ProbeMarks } from '../../core/probe/timings.js';

export interface TlsDetails {
  protocol: string | null;
  cipher: string | null;
  subject: string | null;
  issuer: string | null;
  validTo: string | null;
  /** Whole days from now until the certificate expires (negative once expired). */
  daysToExpiry: number | null;
  /** The chain verified; false only with --insecure, where `authorizationError` says why it would have failed. */
  authorized: boolean;
  authorizationError?: string;
}

export interface ConnectorOptions {
  /** Connect timeout (DNS + TCP + TLS), ms. */
  timeoutMs: number;
  ca?: string[];
  insecure: boolean;
  now: () => number;
  marks: ProbeMarks;
  onTls: (t: TlsDetails) => void;
  onRemote?: (address: string) => void;
  /**
   * TCP keep-alive on the connection once connected: for the kept-alive connections of a pool, which may sit idle.
   * A probe's own connection lives for one exchange under its deadline and is closed after it: none.
   */
  keepAlive?: boolean;
}

function name(fields: unknown): string | null {
  if (!fields || typeof fields !== 'object') return null;
  const f = fields as Record<string, string | string[] | undefined>;
  const pick = (k: string) => (Array.isArray(f[k]) ? (f[k] as string[]).join('+') : (f[k] as string | undefined));
  const parts = [
    ['CN', pick('CN')],
    ['O', pick('O')],
    ['C', pick('C')],
  ].filter(([, v]) => v);
  return parts.length ? parts.map(([k, v]) => `${k}=${v}`).join(', ') : null;
}

export function tlsDetailsOf(socket: TLSSocket, now = Date.now()): TlsDetails {
  const cert = socket.getPeerCertificate();
  const validTo = cert && cert.valid_to ? new Date(cert.valid_to) : null;
  const err = socket.authorizationError;
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: socket.getCipher()?.name ?? null,
    subject: cert ? name(cert.subject) : null,
    issuer: cert ? name(cert.issuer) : null,
    validTo: validTo && !Number.isNaN(validTo.getTime()) ? validTo.toISOString() : null,
    daysToExpiry:
      validTo && !Number.isNaN(validTo.getTime()) ? Math.floor((validTo.getTime() - now) / 86_400_000) : null,
    authorized: socket.authorized,
    ...(err ? { authorizationError: typeof err === 'string' ? err : (err as Error).message } : {}),
  };
}

function timedLookup(host: string, timeoutMs: number): Promise<{ address: string; family: number }> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(Object.assign(new Error(`DNS lookup of ${host} timed out`), { code: 'EAI_AGAIN' })),
      timeoutMs,
    );
    lookup(host, { all: false }, (err, address, family) => {
      clearTimeout(timer);
      if (err) reject(err);
      else resolve({ address, family });
    });
  });
}

type ConnectFn = ReturnType<typeof buildConnector>;

/** The last undici connector built: every probe of a run asks for the same one (it holds no TLS session). */
let lastBase: { timeoutMs: number; insecure: boolean; ca: string[] | undefined; connect: ConnectFn } | undefined;

function baseConnector(o: ConnectorOptions): ConnectFn {
  const hit = lastBase;
  if (hit && hit.timeoutMs === o.timeoutMs && hit.insecure === o.insecure && hit.ca === o.ca) return hit.connect;
  const connect = buildConnector({
    timeout: o.timeoutMs,
    // No TLS session is kept: every fresh connection pays (and times) a full handshake.
    maxCachedSessions: 0,
    // TCP keep-alive is switched on once connected (below), not by undici before connect: Wine's Windows sockets
    // fail a connect whose keep-alive was set first, and dvc.exe is tested under Wine.
    keepAlive: false,
    rejectUnauthorized: !o.insecure,
    ...(o.ca ? { ca: o.ca } : {}),
  });
  lastBase = { timeoutMs: o.timeoutMs, insecure: o.insecure, ca: o.ca, connect };
  return connect;
}

/**
 * An undici connector that times each phase of a fresh connection. DNS is resolved here (timed) and the
 * address handed to undici's own connector, which then opens TCP and TLS; the TLS server name stays the URL's
 * host so certificate checks are unchanged. No TLS session is reused: every probe pays a full handshake.
 */
export function timedConnector(o: ConnectorOptions): ConnectFn {
  const base = baseConnector(o);
  const connect: ConnectFn = (opts, callback) => {
    const host = opts.hostname.replace(/^\[|\]$/g, '');
    const go = (address: string) => {
      const servername = isIP(host) ? undefined : (opts.servername ?? host);
      // undici's connector returns the socket it opened (its type says void): listen to it for the phase marks.
      const socket = (base as unknown as (a: typeof opts, cb: Parameters<ConnectFn>[1]) => Socket | undefined)(
        { ...opts, hostname: address, ...(servername ? { servername } : {}) },
        (err, sock) => {
          if (err) return callback(err, null);
          o.marks.socketReady = o.now();
          if (!socket && sock) {
            o.marks.connectEnd ??= o.marks.socketReady;
            if (opts.protocol === 'https:') o.onTls(tlsDetailsOf(sock as TLSSocket));
          }
          callback(null, sock);
        },
      );
      if (!socket) return;
      socket.once('connect', () => {
        if (o.keepAlive) socket.setKeepAlive(true, 60_000);
        o.marks.connectEnd = o.now();
        if (opts.protocol === 'https:') o.marks.tlsStart = o.marks.connectEnd;
        if (socket.remoteAddress) o.onRemote?.(socket.remoteAddress);
      });
      if (opts.protocol === 'https:') {
        socket.once('secureConnect', () => {
          o.marks.secureEnd = o.now();
          o.onTls(tlsDetailsOf(socket as TLSSocket));
        });
      }
    };
    if (isIP(host)) {
      go(host);
      return;
    }
    o.marks.lookupStart = o.now();
    timedLookup(host, o.timeoutMs).then(
      (r) => {
        o.marks.lookupEnd = o.now();
        go(r.address);
      },
      (err: Error) => callback(err, null),
    );
  };
  return connect;
}
