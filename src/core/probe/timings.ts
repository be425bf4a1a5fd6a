import { round } from './percentiles.js';

/**
 * Moments of one probe, in ms since the request started (performance.now() differences). A phase that did not
 * happen (no DNS for an IP address, no TLS for http, a proxy hiding the connection) stays undefined.
 */
export interface ProbeMarks {
  lookupStart?: number;
  lookupEnd?: number;
  connectEnd?: number;
  secureEnd?: number;
  /** When the socket was handed to the HTTP layer (after TLS when there is TLS). */
  socketReady?: number;
  headers?: number;
  bodyEnd?: number;
}

export interface ProbeTimings {
  dns: number | null;
  connect: number | null;
  tls: number | null;
  ttfb: number;
  download: number;
  total: number;
}

/** Durations of each phase, from the marks: dns, TCP connect, TLS handshake, time to first byte, download. */
export function phaseTimings(m: ProbeMarks): ProbeTimings {
  const dns = m.lookupStart !== undefined && m.lookupEnd !== undefined ? m.lookupEnd - m.lookupStart : null;
  const connectFrom = m.lookupEnd ?? m.lookupStart ?? 0;
  const connect = m.connectEnd !== undefined ? m.connectEnd - connectFrom : null;
  const tls = m.secureEnd !== undefined && m.connectEnd !== undefined ? m.secureEnd - m.connectEnd : null;
  const ready = m.secureEnd ?? m.connectEnd ?? m.socketReady ?? 0;
  const headers = m.headers ?? ready;
  const end = m.bodyEnd ?? headers;
  return {
    dns: dns === null ? null : round(dns),
    connect: connect === null ? null : round(connect),
    tls: tls === null ? null : round(tls),
    ttfb: round(Math.max(0, headers - ready)),
    download: round(Math.max(0, end - headers)),
    total: round(end),
  };
}
