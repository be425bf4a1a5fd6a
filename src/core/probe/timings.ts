import { round } from './percentiles.js';

/**
 * Moments of one probe, in ms since the request started (performance.now() differences). A phase that did not
 * happen (no DNS for an IP address, no TLS for http, a proxy hiding the connection) stays undefined.
 */
export interface ProbeMarks {
  lookupStart?: number;
  lookupEnd?: number;
  connectEnd?: number;
  /** Set (to connectEnd) when a TLS handshake follows the TCP connection. */
  tlsStart?: number;
  secureEnd?: number;
  /** When the socket was handed to the HTTP layer (after TLS when there is TLS). */
  socketReady?: number;
  headers?: number;
  bodyEnd?: number;
  /** When a transport fault stopped the probe. */
  failedAt?: number;
}

export interface ProbeTimings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
  ttfb: number;
  download: number;
  total: number;
}

const ms = (v: number | null) => (v === null ? null : round(v));

/** DNS, TCP connect and TLS handshake, each null when that phase did not happen. */
function connectionPhases(m: ProbeMarks): Pick<ProbeTimings, 'dns' | 'connect' | 'tls'> {
  const dns = m.lookupStart !== undefined && m.lookupEnd !== undefined ? m.lookupEnd - m.lookupStart : null;
  const connectFrom = m.lookupEnd ?? m.lookupStart ?? 0;
  const connect = m.connectEnd !== undefined ? m.connectEnd - connectFrom : null;
  const tlsFrom = m.tlsStart ?? m.connectEnd;
  // A handshake that failed still took its time: up to the fault.
  const tlsEnd = m.secureEnd ?? (m.tlsStart !== undefined ? m.failedAt : undefined);
  const tls = tlsEnd !== undefined && tlsFrom !== undefined ? tlsEnd - tlsFrom : null;
  return { dns: ms(dns), connect: ms(connect), tls: ms(tls) };
}

/** When the connection was ready for HTTP: after TLS when there is TLS, else after TCP, else when handed over. */
function connectedAt(m: ProbeMarks): number | undefined {
  if (m.secureEnd !== undefined) return m.secureEnd;
  if (m.tlsStart === undefined && m.connectEnd !== undefined) return m.connectEnd;
  return m.socketReady;
}

/** Durations of each phase, from the marks: dns, TCP connect, TLS handshake, time to first byte, download. */
export function phaseTimings(m: ProbeMarks): ProbeTimings {
  const connected = connectedAt(m);
  const ready = connected ?? 0;
  // A fault while waiting for headers: the wait counts as ttfb; a fault before the connection: no ttfb at all.
  const headers = m.headers ?? (connected !== undefined && m.failedAt !== undefined ? m.failedAt : ready);
  const end = m.bodyEnd ?? m.failedAt ?? headers;
  return {
    ...connectionPhases(m),
    ttfb: round(Math.max(0, headers - ready)),
    download: m.headers === undefined && m.bodyEnd === undefined ? 0 : round(Math.max(0, end - headers)),
    total: round(end),
  };
}
