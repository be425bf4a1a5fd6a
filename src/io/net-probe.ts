/**
 * Reachability checks for `dvc doctor`, each with its own short timeout: does a name resolve (the system resolver,
 * as a connection would use it), does a TCP connection open, does a TLS handshake verify and when does the
 * server's certificate expire. Directly or through an HTTP proxy's CONNECT tunnel. Never sends an HTTP request to
 * the API itself and never throws: every outcome is a value.
 */
import { lookup } from 'node:dns/promises';
import net from 'node:net';
import tls from 'node:tls';

/** Node's bundled root certificates (doctor shows the trust a probe starts from). */
export { rootCertificates } from 'node:tls';

export interface Outcome {
  ok: boolean;
  ms: number;
  /** A Node error code (ENOTFOUND, ECONNREFUSED, ETIMEDOUT, CERT_HAS_EXPIRED …) or a short reason. */
  error?: string;
}

export interface DnsOutcome extends Outcome {
  addresses: string[];
}

export interface TlsOutcome extends Outcome {
  /** The chain verified against the trust store in use. */
  authorized: boolean;
  protocol?: string;
  subject?: string;
  issuer?: string;
  validTo?: string;
  daysToExpiry?: number;
}

function elapsed(start: number): number {
  return Math.round((performance.now() - start) * 10) / 10;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function codeOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? err?.message ?? String(e);
}

export async function resolveHost(host: string, timeoutMs: number): Promise<DnsOutcome> {
  const start = performance.now();
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) return { ok: true, ms: 0, addresses: [bare] };
  try {
    const found = await withTimeout(lookup(bare, { all: true }), timeoutMs);
    return {
      ok: found.length > 0,
      ms: elapsed(start),
      addresses: found.map((a) => a.address),
      error: found.length ? undefined : 'ENODATA',
    };
  } catch (e) {
    return { ok: false, ms: elapsed(start), addresses: [], error: codeOf(e) };
  }
}

/** Opens a TCP connection and hands it to the caller (to close, or to carry a tunnel). */
function openSocket(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port });
    socket.setTimeout(timeoutMs, () => socket.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    socket.once('connect', () => {
      socket.setTimeout(0);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

export async function tcpConnect(host: string, port: number, timeoutMs: number): Promise<Outcome> {
  const start = performance.now();
  try {
    const socket = await openSocket(host, port, timeoutMs);
    socket.destroy();
    return { ok: true, ms: elapsed(start) };
  } catch (e) {
    return { ok: false, ms: elapsed(start), error: codeOf(e) };
  }
}

/** An HTTP proxy's CONNECT tunnel to host:port; the proxy URL may carry user:password (sent as Basic). */
export async function openTunnel(proxyUrl: string, host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  const proxy = new URL(proxyUrl);
  const socket = await openSocket(
    proxy.hostname,
    Number(proxy.port || (proxy.protocol === 'https:' ? 443 : 80)),
    timeoutMs,
  );
  const auth = proxy.username
    ? `Proxy-Authorization: Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}\r\n`
    : '';
  const target = net.isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`;
  socket.write(`CONNECT ${target} HTTP/1.1\r\nHost: ${target}\r\n${auth}\r\n`);
  return withTimeout(
    new Promise<net.Socket>((resolve, reject) => {
      let head = '';
      const onData = (chunk: Buffer) => {
        head += chunk.toString('latin1');
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        socket.off('data', onData);
        const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1];
        if (status === '200') resolve(socket);
        else {
          socket.destroy();
          reject(
            Object.assign(new Error(`proxy answered ${status ?? '?'}`), { code: `PROXY_${status ?? 'BAD_REPLY'}` }),
          );
        }
      };
      socket.on('data', onData);
      socket.once('error', reject);
      socket.once('close', () => reject(Object.assign(new Error('proxy closed'), { code: 'ECONNRESET' })));
    }),
    timeoutMs,
  ).catch((e) => {
    socket.destroy();
    throw e;
  });
}

export interface TlsCheckOptions {
  host: string;
  port: number;
  timeoutMs: number;
  /** CA certificates replacing Node's store; undefined = Node's store (which holds NODE_EXTRA_CA_CERTS). */
  ca?: string[];
  /** Reach the server through this HTTP proxy (CONNECT). */
  proxy?: string;
  now?: Date;
}

function nameOf(dn: unknown): string | undefined {
  if (!dn || typeof dn !== 'object') return undefined;
  const d = dn as Record<string, string | string[]>;
  const cn = Array.isArray(d.CN) ? d.CN[0] : d.CN;
  const o = Array.isArray(d.O) ? d.O[0] : d.O;
  return [cn && `CN=${cn}`, o && `O=${o}`].filter(Boolean).join(', ') || undefined;
}

/** A TLS handshake that records whether the certificate verifies, without failing on it, and reads its expiry. */
export async function tlsHandshake(o: TlsCheckOptions): Promise<TlsOutcome> {
  const start = performance.now();
  const bare = o.host.replace(/^\[|\]$/g, '');
  let tunnel: net.Socket | undefined;
  try {
    if (o.proxy) tunnel = await openTunnel(o.proxy, bare, o.port, o.timeoutMs);
    const socket = tls.connect({
      host: bare,
      port: o.port,
      socket: tunnel,
      servername: net.isIP(bare) ? undefined : bare,
      ca: o.ca,
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
    });
    return await withTimeout(
      new Promise<TlsOutcome>((resolve, reject) => {
        socket.once('secureConnect', () => {
          const cert = socket.getPeerCertificate();
          const validTo = cert?.valid_to || undefined;
          const expiry = validTo ? Date.parse(validTo) : Number.NaN;
          const now = (o.now ?? new Date()).getTime();
          const authError = socket.authorizationError
            ? String((socket.authorizationError as unknown as { code?: string }).code ?? socket.authorizationError)
            : undefined;
          resolve({
            ok: socket.authorized,
            authorized: socket.authorized,
            ms: elapsed(start),
            error: socket.authorized ? undefined : authError,
            protocol: socket.getProtocol() ?? undefined,
            subject: nameOf(cert?.subject),
            issuer: nameOf(cert?.issuer),
            validTo,
            daysToExpiry: Number.isFinite(expiry) ? Math.floor((expiry - now) / 86_400_000) : undefined,
          });
          socket.destroy();
        });
        socket.once('error', reject);
      }),
      o.timeoutMs,
    ).finally(() => socket.destroy());
  } catch (e) {
    tunnel?.destroy();
    return { ok: false, authorized: false, ms: elapsed(start), error: codeOf(e) };
  }
}
