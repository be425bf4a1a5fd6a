import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../test-support/tls-certs.js';
import {
  closedPort,
  startConnectProxy,
  startHttp,
  startTlsServers,
  type Running,
} from '../../test-support/probe-servers.js';
import { sendProbe, TransportError, type HttpProbeRequest } from './send-probe.js';
import { loadTrust } from './trust.js';
import { rootCertificates } from 'node:tls';

let pki: TestPki;
let plain: Running;
const servers: Record<string, Running> = {};

beforeAll(async () => {
  pki = makeTestPki();
  plain = await startHttp();
  Object.assign(servers, await startTlsServers(pki));
});

afterAll(async () => {
  await plain.close();
  for (const s of Object.values(servers)) await s.close();
});

function req(url: string, extra: Partial<HttpProbeRequest> = {}): HttpProbeRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    timeoutMs: 5000,
    maxBytes: 10 * 1024 * 1024,
    insecure: false,
    follow: false,
    env: {},
    ...extra,
  };
}

async function fault(r: HttpProbeRequest): Promise<TransportError> {
  try {
    await sendProbe(r);
  } catch (e) {
    if (e instanceof TransportError) return e;
    throw e;
  }
  throw new Error('expected a transport fault');
}

describe('sendProbe over http', () => {
  it('returns status, headers, decoded body and every timing of a fresh connection', async () => {
    const x = await sendProbe(req(`${plain.url}/ok`));
    expect(x.status).toBe(200);
    expect(x.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(x.body.toString('utf8'))).toEqual({ error_code: 0, message: 'Tiếp nhận thành công' });
    expect(x.timings.dns).toBeNull(); // an IP address: no lookup
    expect(x.timings.connect).not.toBeNull();
    expect(x.timings.tls).toBeNull();
    expect(x.timings.total).toBeGreaterThanOrEqual(x.timings.ttfb);
    expect(x.tls).toBeNull();
  });

  it('times the DNS lookup of a host name', async () => {
    const x = await sendProbe(req(`http://localhost:${plain.port}/ok`));
    expect(x.status).toBe(200);
    expect(x.timings.dns).not.toBeNull();
  });

  it('decodes gzip and br bodies', async () => {
    const g = await sendProbe(req(`${plain.url}/gzip`));
    expect(JSON.parse(g.body.toString()).message).toBe('nén gzip');
    expect(g.wireBytes).not.toBe(g.bytes);
    const b = await sendProbe(req(`${plain.url}/br`));
    expect(JSON.parse(b.body.toString()).message).toBe('nén br');
  });

  it('reports a redirect without following it, and follows it with follow', async () => {
    const x = await sendProbe(req(`${plain.url}/redirect`));
    expect(x.status).toBe(302);
    expect(x.redirects).toEqual([{ status: 302, from: `${plain.url}/redirect`, location: `${plain.url}/ok` }]);
    const f = await sendProbe(req(`${plain.url}/redirect`, { follow: true }));
    expect(f.status).toBe(200);
    expect(f.url).toBe(`${plain.url}/ok`);
    expect(f.redirects).toHaveLength(1);
  });

  it('stops a redirect loop', async () => {
    const e = await fault(req(`${plain.url}/redirect-loop`, { follow: true }));
    expect(e.fault.kind).toBe('tooManyRedirects');
  });

  it('stops reading a 50 MB body at the limit', async () => {
    const before = process.memoryUsage().rss;
    const e = await fault(req(`${plain.url}/big`, { maxBytes: 1024 * 1024, timeoutMs: 5000 }));
    expect(e.fault.kind).toBe('tooLarge');
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
    const d = await fault(req(`${plain.url}/big-declared`, { maxBytes: 1024 * 1024 }));
    expect(d.fault.kind).toBe('tooLarge');
  });

  it('names connection refused, DNS failure, reset and the two timeouts', async () => {
    expect((await fault(req(`http://127.0.0.1:${await closedPort()}/ok`))).fault.kind).toBe('connRefused');
    expect((await fault(req('http://nonexistent.invalid/ok'))).fault.kind).toBe('dns');
    expect((await fault(req(`${plain.url}/reset`))).fault.kind).toBe('closedMidAnswer');
    expect((await fault(req(`${plain.url}/slow-headers`, { timeoutMs: 300 }))).fault).toMatchObject({
      kind: 'headersTimeout',
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
    expect((await fault(req(`${plain.url}/slow-body`, { timeoutMs: 300 }))).fault).toMatchObject({
      kind: 'bodyTimeout',
      code: 'UND_ERR_BODY_TIMEOUT',
    });
  });

  it('goes through a CONNECT proxy from HTTPS_PROXY, and around it for NO_PROXY hosts', async () => {
    const proxy = await startConnectProxy();
    try {
      const ca = await loadTrust([], {});
      const via = await sendProbe(
        req(`${servers.good.url}/ok`, {
          env: { HTTPS_PROXY: proxy.url },
          ca: [...rootCertificates, pki.rootPem, ...(ca ?? [])],
        }),
      );
      expect(via.status).toBe(200);
      expect(via.proxy).toBe(proxy.url);
      expect(proxy.tunnels()).toBe(1);
      const around = await sendProbe(
        req(`${servers.good.url}/ok`, { env: { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' }, ca: [pki.rootPem] }),
      );
      expect(around.proxy).toBeUndefined();
      expect(proxy.tunnels()).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('sendProbe over https', () => {
  const trusted = () => ({ ca: [pki.rootPem] });

  it('measures the handshake and describes the certificate', async () => {
    const x = await sendProbe(req(`${servers.good.url}/ok`, trusted()));
    expect(x.status).toBe(200);
    expect(x.timings.tls).not.toBeNull();
    expect(x.tls).toMatchObject({
      protocol: expect.stringMatching(/^TLSv1\.[23]$/),
      subject: 'CN=localhost, O=dvc test',
      issuer: 'CN=dvc test intermediate CA, O=dvc test',
      authorized: true,
    });
    expect(x.tls?.daysToExpiry).toBeGreaterThan(300);
  });

  it('counts the days left on a certificate about to expire', async () => {
    const x = await sendProbe(req(`${servers.soon.url}/ok`, trusted()));
    expect(x.tls?.daysToExpiry).toBe(10);
  });

  it('names each certificate fault', async () => {
    expect((await fault(req(`${servers.leafOnly.url}/ok`, trusted()))).fault.kind).toBe('tlsMissingIssuer');
    expect((await fault(req(`${servers.good.url}/ok`))).fault).toMatchObject({
      kind: 'tlsUnknownCa', // our root is not in Node's store
      code: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
    });
    expect((await fault(req(`${servers.selfSigned.url}/ok`, trusted()))).fault).toMatchObject({
      kind: 'tlsSelfSigned',
      code: 'DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect((await fault(req(`${servers.expired.url}/ok`, trusted()))).fault).toMatchObject({
      kind: 'tlsExpired',
      code: 'CERT_HAS_EXPIRED',
    });
    expect((await fault(req(`${servers.wrongHost.url}/ok`, trusted()))).fault).toMatchObject({
      kind: 'tlsHostname',
      code: 'ERR_TLS_CERT_ALTNAME_INVALID',
    });
  });

  it('completes the chain with the intermediate given as a CA', async () => {
    const x = await sendProbe(req(`${servers.leafOnly.url}/ok`, { ca: [pki.rootPem, pki.intermediatePem] }));
    expect(x.status).toBe(200);
  });

  it('goes on with insecure, saying why the chain would have failed', async () => {
    const x = await sendProbe(req(`${servers.expired.url}/ok`, { insecure: true }));
    expect(x.status).toBe(200);
    expect(x.tls?.authorized).toBe(false);
    expect(x.tls?.authorizationError).toMatch(/expired|issuer/i);
  });
});
