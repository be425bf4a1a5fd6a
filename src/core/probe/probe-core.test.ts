import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classifyFault } from './fault.js';
import { percentile, summarise } from './percentiles.js';
import { bypasses, chooseProxy } from './proxy-choice.js';
import { maskHeaders, maskText, maskUrl, maskValue } from './mask-secrets.js';
import { phaseTimings } from './timings.js';

describe('classifyFault', () => {
  it('reads codes through the cause chain', () => {
    const inner = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classifyFault(new TypeError('fetch failed', { cause: inner }))).toMatchObject({
      kind: 'connRefused',
      code: 'ECONNREFUSED',
    });
  });
  it('falls back to the OpenSSL text when there is no code', () => {
    expect(classifyFault(new Error('unable to get local issuer certificate')).kind).toBe('tlsUnknownCa');
    expect(classifyFault(new Error('unable to verify the first certificate')).kind).toBe('tlsMissingIssuer');
    expect(classifyFault(new Error('something odd')).kind).toBe('other');
  });
  it('maps every ERR_SSL_ code to a TLS fault (plain HTTP, no common version, else tlsOther), and names the system codes no local server can produce on demand', () => {
    const kinds = {
      ERR_SSL_WRONG_VERSION_NUMBER: 'tlsNotTls',
      ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION: 'tlsVersion',
      ERR_SSL_UNSUPPORTED_PROTOCOL: 'tlsVersion',
      ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE: 'tlsVersion',
      ERR_SSL_SOMETHING_NEW: 'tlsOther',
      ETIMEDOUT: 'connectTimeout',
      EAI_AGAIN: 'dns',
      ENOTFOUND: 'dns',
      EPIPE: 'connReset',
      CERT_NOT_YET_VALID: 'tlsExpired',
      SELF_SIGNED_CERT_IN_CHAIN: 'tlsSelfSigned',
    };
    // A message that names nothing: the code alone decides.
    for (const [code, kind] of Object.entries(kinds)) {
      expect(classifyFault(Object.assign(new Error('x'), { code })).kind, code).toBe(kind);
    }
  });
  it("names a proxy's refusal of CONNECT by its status", () => {
    const answer = (status: number) =>
      classifyFault(
        Object.assign(new Error(`Proxy response (${status}) !== 200 when HTTP Tunneling`), { code: 'UND_ERR_ABORTED' }),
        { viaProxy: true },
      );
    expect(answer(407)).toMatchObject({ kind: 'proxyAuth', code: 'PROXY_407', status: 407 });
    expect(answer(502)).toMatchObject({ kind: 'proxyBadGateway', status: 502 });
    expect(answer(504)).toMatchObject({ kind: 'proxyBadGateway', status: 504 });
    expect(answer(403)).toMatchObject({ kind: 'proxyRefused', status: 403 });
  });
  it('blames the proxy for a refused or unresolved connection only when one is used', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3128'), { code: 'ECONNREFUSED' });
    const unknown = Object.assign(new Error('getaddrinfo ENOTFOUND proxy.invalid'), { code: 'ENOTFOUND' });
    expect(classifyFault(refused, { viaProxy: true }).kind).toBe('proxyUnreachable');
    expect(classifyFault(unknown, { viaProxy: true }).kind).toBe('proxyUnreachable');
    expect(classifyFault(refused).kind).toBe('connRefused');
    expect(classifyFault(unknown).kind).toBe('dns');
  });
  it('tells a connection closed before the answer from one closed in its middle, and from a reset', () => {
    const closed = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(classifyFault(closed).kind).toBe('closedBeforeAnswer');
    expect(classifyFault(closed, { headersSeen: true }).kind).toBe('closedMidAnswer');
    expect(classifyFault(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })).kind).toBe('connReset');
    expect(classifyFault(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })).kind).toBe('connReset');
    const tls = Object.assign(
      new Error('Client network socket disconnected before secure TLS connection was established'),
      { code: 'ECONNRESET' },
    );
    expect(classifyFault(tls).kind).toBe('tlsHandshakeClosed');
  });
});

describe('percentiles', () => {
  it('uses the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(xs, 50)).toBe(50);
    expect(percentile(xs, 90)).toBe(90);
    expect(percentile(xs, 99)).toBe(99);
    expect(summarise([3, 1, 2])).toMatchObject({ count: 3, min: 1, p50: 2, max: 3, mean: 2 });
  });
  it('p50 ≤ p90 ≤ p99 and all lie within the values', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 1 }), (xs) => {
        const s = summarise(xs);
        expect(s.p50).toBeLessThanOrEqual(s.p90);
        expect(s.p90).toBeLessThanOrEqual(s.p99);
        expect(s.p99).toBeLessThanOrEqual(s.max);
        expect(s.min).toBeLessThanOrEqual(s.p50);
      }),
    );
  });
});

describe('chooseProxy', () => {
  const u = new URL('https://api.tinh.gov.vn/x');
  it('prefers --proxy, then HTTPS_PROXY, unless NO_PROXY matches', () => {
    expect(chooseProxy(u, { HTTPS_PROXY: 'http://p:1' }, 'http://q:2')).toBe('http://q:2');
    expect(chooseProxy(u, { HTTPS_PROXY: 'http://p:1' })).toBe('http://p:1');
    expect(chooseProxy(u, { HTTPS_PROXY: 'http://p:1', NO_PROXY: '.gov.vn' })).toBeUndefined();
    expect(chooseProxy(new URL('http://a.b/'), { HTTPS_PROXY: 'http://p:1' })).toBeUndefined();
  });
  it('matches NO_PROXY hosts, domains, ports and *', () => {
    expect(bypasses(u, 'gov.vn')).toBe(true);
    expect(bypasses(u, 'api.tinh.gov.vn:443')).toBe(true);
    expect(bypasses(u, 'api.tinh.gov.vn:8443')).toBe(false);
    expect(bypasses(u, 'vn.gov')).toBe(false);
    expect(bypasses(u, '*')).toBe(true);
  });
});

describe('masking', () => {
  const s = { values: ['S3cr3t-value'], headers: ['X-Province-Key'], bodyFields: ['SecurityKey'] };
  it('masks credential headers whatever their value and secret values anywhere', () => {
    expect(maskHeaders({ Authorization: 'Basic abc', 'x-province-key': 'k', accept: 'x S3cr3t-value y' }, s)).toEqual({
      Authorization: '***',
      'x-province-key': '***',
      accept: 'x *** y',
    });
    expect(maskValue({ data: { securitykey: 'anything' }, list: ['S3cr3t-value'] }, s)).toEqual({
      data: { securitykey: '***' },
      list: ['***'],
    });
    expect(maskText('key=S3cr3t-value', s)).toBe('key=***');
    expect(maskUrl('https://u:S3cr3t-value@h/x', s)).not.toContain('S3cr3t-value');
  });
  it('never leaves a planted secret in any string', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        expect(maskText(a + 'S3cr3t-value' + b, s)).not.toContain('S3cr3t-value');
      }),
    );
  });
});

describe('phaseTimings', () => {
  it('splits a probe into its phases', () => {
    expect(
      phaseTimings({
        lookupStart: 0,
        lookupEnd: 2,
        connectEnd: 3,
        tlsStart: 3,
        secureEnd: 10,
        socketReady: 10,
        headers: 30,
        bodyEnd: 35,
      }),
    ).toEqual({ dns: 2, connect: 1, tls: 7, ttfb: 20, download: 5, total: 35 });
    expect(phaseTimings({ connectEnd: 1, socketReady: 1, headers: 4, bodyEnd: 4 })).toEqual({
      dns: null,
      connect: 1,
      tls: null,
      ttfb: 3,
      download: 0,
      total: 4,
    });
  });
  it('counts the wait before a fault as ttfb once connected, and nothing before', () => {
    expect(phaseTimings({ connectEnd: 1, socketReady: 1, failedAt: 301 })).toEqual({
      dns: null,
      connect: 1,
      tls: null,
      ttfb: 300,
      download: 0,
      total: 301,
    });
    expect(phaseTimings({ connectEnd: 1, tlsStart: 1, failedAt: 9 })).toEqual({
      dns: null,
      connect: 1,
      tls: 8,
      ttfb: 0,
      download: 0,
      total: 9,
    });
    expect(phaseTimings({ failedAt: 4 })).toEqual({
      dns: null,
      connect: null,
      tls: null,
      ttfb: 0,
      download: 0,
      total: 4,
    });
    expect(phaseTimings({ connectEnd: 1, socketReady: 1, headers: 5, failedAt: 305 })).toEqual({
      dns: null,
      connect: 1,
      tls: null,
      ttfb: 4,
      download: 300,
      total: 305,
    });
  });
});
