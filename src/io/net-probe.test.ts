import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../test-support/tls-certs.js';
import { closedPort, startConnectProxy, startHttps, type Running } from '../test-support/probe-servers.js';
import { resolveHost, tcpConnect, tlsHandshake } from './net-probe.js';

let pki: TestPki;
let good: Running;
let soon: Running;
let expired: Running;
let selfSigned: Running;

beforeAll(async () => {
  pki = makeTestPki();
  [good, soon, expired, selfSigned] = await Promise.all([
    startHttps(pki.goodChain, pki.key),
    startHttps(pki.soonChain, pki.key),
    startHttps(pki.expiredChain, pki.key),
    startHttps(pki.selfSigned, pki.key),
  ]);
});
afterAll(async () => {
  await Promise.all([good, soon, expired, selfSigned].map((s) => s?.close()));
});

describe('net-probe', () => {
  it('resolves localhost and an IP address without a lookup; fails on a reserved name', async () => {
    expect((await resolveHost('localhost', 3000)).ok).toBe(true);
    expect(await resolveHost('127.0.0.1', 3000)).toEqual({ ok: true, ms: 0, addresses: ['127.0.0.1'] });
    const bad = await resolveHost('no-such-host.invalid', 3000);
    expect(bad.ok).toBe(false);
    expect(bad.error).toBeTruthy();
  });

  it('tells an open port from a closed one', async () => {
    expect((await tcpConnect('127.0.0.1', good.port, 3000)).ok).toBe(true);
    expect(await tcpConnect('127.0.0.1', await closedPort(), 3000)).toMatchObject({ ok: false, error: 'ECONNREFUSED' });
  });

  it('verifies a certificate against the given CA and reads its expiry', async () => {
    const h = await tlsHandshake({ host: '127.0.0.1', port: good.port, timeoutMs: 3000, ca: [pki.rootPem] });
    expect(h).toMatchObject({ ok: true, authorized: true });
    expect(h.daysToExpiry).toBeGreaterThan(300);
    expect(h.subject).toContain('CN=');
  });

  it('reports an untrusted, an expired and a soon-expiring certificate without throwing', async () => {
    const self = await tlsHandshake({ host: '127.0.0.1', port: selfSigned.port, timeoutMs: 3000 });
    expect(self).toMatchObject({ ok: false, authorized: false });
    expect(self.error).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY/);
    const old = await tlsHandshake({ host: '127.0.0.1', port: expired.port, timeoutMs: 3000, ca: [pki.rootPem] });
    expect(old.error).toBe('CERT_HAS_EXPIRED');
    expect(old.daysToExpiry).toBeLessThan(0);
    const near = await tlsHandshake({ host: '127.0.0.1', port: soon.port, timeoutMs: 3000, ca: [pki.rootPem] });
    expect(near.authorized).toBe(true);
    expect(near.daysToExpiry).toBeLessThan(30);
  });

  it('reaches a server through an HTTP CONNECT proxy', async () => {
    const proxy = await startConnectProxy();
    try {
      const h = await tlsHandshake({
        host: '127.0.0.1',
        port: good.port,
        timeoutMs: 3000,
        ca: [pki.rootPem],
        proxy: proxy.url,
      });
      expect(h.authorized).toBe(true);
      expect(proxy.tunnels()).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('fails a handshake with a plain TCP server within the timeout', async () => {
    const net = await import('node:net');
    const silent = net.createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
    const port = (silent.address() as { port: number }).port;
    try {
      expect(await tlsHandshake({ host: '127.0.0.1', port, timeoutMs: 300 })).toMatchObject({
        ok: false,
        error: 'ETIMEDOUT',
      });
    } finally {
      silent.close();
    }
  });
});
