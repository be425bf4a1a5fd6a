import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { runDvc } from '../test-support/run-dvc.js';
import { makeTestPki, type TestPki } from '../test-support/tls-certs.js';
import {
  closedPort,
  probeHandler,
  startConnectProxy,
  startHttp,
  startTlsServers,
  type Running,
} from '../test-support/probe-servers.js';

let pki: TestPki;
let dir: string;
let rootCa: string;
let plain: Running;
const tlsServers: Record<string, Running> = {};
/** What the loopback server received: proof that credentials were really sent. */
const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];

function recording(req: IncomingMessage, res: ServerResponse): void {
  let body = '';
  req.on('data', (c: Buffer) => (body += c.toString('utf8')));
  req.on('end', () => received.push({ headers: req.headers, body }));
  probeHandler(req, res);
}

beforeAll(async () => {
  pki = makeTestPki();
  dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-test-api-'));
  rootCa = path.join(dir, 'root.pem');
  await writeFile(rootCa, pki.rootPem);
  plain = await startHttp(recording);
  Object.assign(tlsServers, await startTlsServers(pki));
});

afterAll(async () => {
  await plain.close();
  for (const s of Object.values(tlsServers)) await s.close();
});

/** In-process by default; `sub` runs the built CLI as a subprocess where the process itself matters. */
const en = (args: string[], env: NodeJS.ProcessEnv = {}) => runDvc(['--lang', 'en', 'test-api', ...args], { env });
const sub = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(['--lang', 'en', 'test-api', ...args], { env });
/** A roomy timeout by default (CI machines are busy); the timeout tests pass `--timeout 300` after it. */
const probe = (url: string, extra: string[] = []) =>
  en(['--type', 'tra-cuu', '--url', url, '--timeout', '5000', ...extra]);
const FAST = ['--timeout', '300'];

describe('dvc test-api: checks against a real local server', () => {
  it('passes a good answer with exit 0 and prints the exchange like Postman', async () => {
    const r = await probe(`${plain.url}/ok`);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`POST ${plain.url}/ok`);
    expect(r.stdout).toMatch(/Response: 200 OK · [\d.]+ ms · \d+ B/);
    expect(r.stdout).toContain('"Tiếp nhận thành công"');
    expect(r.stdout).toMatch(/✓ code/);
    expect(r.stdout).toContain('PASS');
  });

  it('prints exactly one JSON object of the documented shape', async () => {
    const r = await probe(`${plain.url}/ok`, ['--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining(['ok', 'dst', 'type', 'url', 'request', 'response', 'timings', 'tls', 'checks']),
    );
    expect(Object.keys(j.request)).toEqual(['method', 'headers', 'body']);
    expect(Object.keys(j.response)).toEqual(['status', 'headers', 'body', 'bytes']);
    expect(Object.keys(j.timings)).toEqual(['dns', 'connect', 'tls', 'ttfb', 'download', 'total']);
    expect(j.checks.map((c: { name: string }) => c.name)).toEqual(['status', 'json', 'schema', 'code', 'time']);
    expect(j.checks[0]).toEqual({ name: 'status', ok: true, message: expect.any(String) });
    expect(j.insecure).toBeUndefined();
  });

  it('fails HTTP 500 with an HTML page (exit 1)', async () => {
    const r = await probe(`${plain.url}/html500`, ['--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.ok).toBe(false);
    expect(j.checks.find((c: { name: string }) => c.name === 'status')).toMatchObject({
      ok: false,
      message: expect.stringContaining('500'),
    });
    expect(j.checks.find((c: { name: string }) => c.name === 'json')).toMatchObject({
      ok: false,
      message: expect.stringContaining('text/html'),
    });
  });

  it('fails a business error code -1 in a 200 answer (exit 1)', async () => {
    const r = await probe(`${plain.url}/biz-fail`);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/✓ status/);
    expect(r.stdout).toMatch(/✗ code .*-1/);
    expect(r.stdout).toContain('FAIL');
  });

  it('fails invalid JSON and a wrong content type (exit 1)', async () => {
    const bad = JSON.parse((await probe(`${plain.url}/badjson`, ['--json'])).stdout);
    expect(bad.checks.find((c: { name: string }) => c.name === 'json').ok).toBe(false);
    const text = await probe(`${plain.url}/text`, ['--json']);
    expect(text.code).toBe(1);
    expect(JSON.parse(text.stdout).checks.find((c: { name: string }) => c.name === 'json').message).toContain(
      'text/plain',
    );
  });

  it('decodes a gzip body and passes', async () => {
    const r = await probe(`${plain.url}/gzip`, ['--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).response.body).toEqual({ error_code: 0, message: 'nén gzip' });
  });

  it('fails the latency check above --max-time', async () => {
    const r = await probe(`${plain.url}/slow-ok`, ['--json', '--max-time', '50']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).checks.find((c: { name: string }) => c.name === 'time').ok).toBe(false);
  });

  it('reports a redirect without following it, and follows it with --follow', async () => {
    const r = await probe(`${plain.url}/redirect`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`Redirect 302 → ${plain.url}/ok`);
    expect(r.stderr).toContain('not followed');
    const f = await probe(`${plain.url}/redirect`, ['--follow', '--json']);
    expect(f.code).toBe(0);
    const j = JSON.parse(f.stdout);
    expect(j.url).toBe(`${plain.url}/ok`);
    expect(j.redirects).toHaveLength(1);
  });
});

describe('dvc test-api: transport faults (exit 3, named with a fix)', () => {
  it('connection refused', async () => {
    const r = await probe(`http://127.0.0.1:${await closedPort()}/ok`);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/refused the connection on port \d+ \(ECONNREFUSED\)/);
  });

  it('DNS failure', async () => {
    const r = await en(['--type', 'tra-cuu', '--url', 'http://nonexistent.invalid/api', '--timeout', '3000']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Cannot resolve host name "nonexistent.invalid"');
  });

  it('reset in the middle of the body', async () => {
    const r = await probe(`${plain.url}/reset`);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('closed the connection in the middle of its answer');
  });

  it('headers too slow and body too slow, each with its own timeout message', async () => {
    const h = await probe(`${plain.url}/slow-headers`, FAST);
    expect(h.code).toBe(3);
    expect(h.stderr).toContain('did not answer (no headers) within 300 ms');
    const b = await probe(`${plain.url}/slow-body`, FAST);
    expect(b.code).toBe(3);
    expect(b.stderr).toContain('stopped sending the answer for more than 300 ms');
  });

  it('a 50 MB body stops at the 10 MB default limit', async () => {
    const r = await en(['--type', 'tra-cuu', '--url', `${plain.url}/big`, '--json']);
    expect(r.code).toBe(3);
    const j = JSON.parse(r.stdout);
    expect(j.error).toMatchObject({ kind: 'tooLarge', message: expect.stringContaining('10485760 byte limit') });
  });

  it('self-signed certificate', async () => {
    const r = await probe(`${tlsServers.selfSigned.url}/ok`, ['--ca', rootCa]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/self-signed \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });

  it('wrong host name', async () => {
    const r = await probe(`${tlsServers.wrongHost.url}/ok`, ['--ca', rootCa]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('wrong host name');
  });

  it('expired certificate', async () => {
    const r = await probe(`${tlsServers.expired.url}/ok`, ['--ca', rootCa]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/has expired .*CERT_HAS_EXPIRED/);
  });

  it('missing intermediate certificate, fixed by --ca with the chain', async () => {
    const r = await probe(`${tlsServers.leafOnly.url}/ok`, ['--ca', rootCa]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('does not send its intermediate certificate');
    expect(r.stderr).toContain('--ca');
    const chain = path.join(dir, 'chain.pem');
    await writeFile(chain, pki.intermediatePem + pki.rootPem);
    const fixed = await probe(`${tlsServers.leafOnly.url}/ok`, ['--ca', chain]);
    expect(fixed.code).toBe(0);
  });

  it('a good chain passes with TLS details, and NODE_EXTRA_CA_CERTS is honoured', async () => {
    const r = await sub(['--type', 'tra-cuu', '--url', `${tlsServers.good.url}/ok`, '--json'], {
      NODE_EXTRA_CA_CERTS: rootCa,
    });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.tls).toMatchObject({
      protocol: expect.stringMatching(/^TLSv1\.[23]$/),
      subject: 'CN=localhost, O=dvc test',
      authorized: true,
    });
    expect(j.timings.tls).toEqual(expect.any(Number));
  });

  it('--insecure goes on, warns loudly and records it in JSON, JUnit and saved files', async () => {
    const junit = path.join(dir, 'insecure.xml');
    const save = path.join(dir, 'insecure-save');
    const r = await probe(`${tlsServers.expired.url}/ok`, ['--insecure', '--json', '--junit', junit, '--save', save]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('--insecure');
    expect(JSON.parse(r.stdout).insecure).toBe(true);
    expect(await readFile(junit, 'utf8')).toContain('<property name="insecure" value="true"/>');
    for (const f of await readdir(save))
      expect(JSON.parse(await readFile(path.join(save, f), 'utf8')).insecure).toBe(true);
  });

  it('warns when the certificate expires within 30 days', async () => {
    const r = await probe(`${tlsServers.soon.url}/ok`, ['--ca', rootCa]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/TLS certificate expires in 10 days/);
    expect(r.stdout).toContain('(10 days left)');
  });

  it("goes through --proxy with CONNECT; the connection phases are then the proxy's and not reported", async () => {
    const proxy = await startConnectProxy();
    try {
      const r = await probe(`${tlsServers.good.url}/ok`, ['--ca', rootCa, '--proxy', proxy.url, '--json']);
      expect(r.code).toBe(0);
      expect(proxy.tunnels()).toBe(1);
      const j = JSON.parse(r.stdout);
      expect(j.timings).toMatchObject({ dns: null, connect: null, tls: null });
      expect(j.timings.total).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  it('a load run where every request fails says there is no latency to show, not NaN', async () => {
    const r = await probe(`http://127.0.0.1:${await closedPort()}/ok`, ['--repeat', '3', '--concurrency', '2']);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('Latency: no answer to measure');
    expect(r.stdout).not.toContain('NaN');
    expect(r.stdout).toMatch(/connRefused: 3/);
  });

  it('a transport fault is an <error> in JUnit', async () => {
    const junit = path.join(dir, 'refused.xml');
    const r = await probe(`http://127.0.0.1:${await closedPort()}/ok`, ['--junit', junit]);
    expect(r.code).toBe(3);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="url\.tra-cuu" tests="1" failures="0" errors="1"/);
    expect(xml).toContain('<error message="');
  });
});

describe('dvc test-api: bodies, config, reports', () => {
  it('rejects an invalid body with exit 2 naming the field, the problem and an example', async () => {
    const t = await runDvc(['test-api', 'template', '--type', 'chung-tu']);
    const body = JSON.parse(t.stdout);
    body.data.ThongTinThanhToan.ThoiGianThanhToan = '2025-01-01';
    const file = path.join(dir, 'bad-body.json');
    await writeFile(file, '\uFEFF' + JSON.stringify(body));
    const r = await en(['--type', 'chung-tu', '--url', `${plain.url}/ok`, '--body', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('data.ThongTinThanhToan.ThoiGianThanhToan');
    expect(r.stderr).toMatch(/example of a right value: \d{14}/);
    const sent = await en(['--type', 'chung-tu', '--url', `${plain.url}/ok`, '--body', file, '--no-validate']);
    expect(sent.code).toBe(0);
  });

  it('writes a JUnit report with a testcase per check, timings as properties', async () => {
    const junit = path.join(dir, 'biz.xml');
    const r = await probe(`${plain.url}/biz-fail`, ['--junit', junit]);
    expect(r.code).toBe(1);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/<testsuite name="url\.tra-cuu" tests="5" failures="1" errors="0" skipped="0" time="[\d.]+"/);
    expect(xml).toContain('<testcase name="code" classname="url.tra-cuu"');
    expect(xml).toMatch(/<failure message="[^"]*-1/);
    expect(xml).toMatch(/<property name="timing\.total\.ms" value="[\d.]+"\/>/);
    const again = await probe(`${plain.url}/ok`, ['--junit', junit]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('--force');
  });

  it('runs --cases from CSV (MaHoSo) and JSON, a testcase each', async () => {
    const csv = path.join(dir, 'cases.csv');
    await writeFile(csv, 'MaHoSo\r\n000.04.05.H55-230731-0101\r\nH55.92-230404-0004\r\n');
    const junit = path.join(dir, 'cases.xml');
    const r = await en(['--type', 'tra-cuu', '--url', `${plain.url}/echo`, '--cases', csv, '--json', '--junit', junit]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.cases.map((c: { name: string }) => c.name)).toEqual(['000.04.05.H55-230731-0101', 'H55.92-230404-0004']);
    expect(j.cases[1].request.body.MaHoSo).toBe('H55.92-230404-0004');
    expect(await readFile(junit, 'utf8')).toContain('<testcase name="H55.92-230404-0004" classname="url.tra-cuu"');
    const json = path.join(dir, 'cases.json');
    await writeFile(json, JSON.stringify([{ name: 'một', body: j.cases[0].request.body }, j.cases[1].request.body]));
    const r2 = await en(['--type', 'tra-cuu', '--url', `${plain.url}/biz-fail`, '--cases', json]);
    expect(r2.code).toBe(1);
    expect(r2.stdout).toContain('0/2 cases passed');
  });

  it('--repeat with --concurrency reports percentiles, throughput and errors by kind', async () => {
    const r = await probe(`${plain.url}/ok`, ['--repeat', '40', '--concurrency', '8', '--json']);
    expect(r.code).toBe(0);
    const l = JSON.parse(r.stdout).load;
    expect(l).toMatchObject({ requests: 40, concurrency: 8, passed: 40, failed: 0, errorsByKind: {} });
    expect(l.latency.p50).toBeLessThanOrEqual(l.latency.p99);
    expect(l.throughput).toBeGreaterThan(0);
    const bad = await probe(`${plain.url}/biz-fail`, ['--repeat', '5', '--concurrency', '2', '--json']);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).load.errorsByKind).toEqual({ 'check:code': 5 });
  });

  it('names an unknown province and a missing type URL (exit 2)', async () => {
    const cfg = path.join(dir, 'small.config.json');
    await writeFile(
      cfg,
      JSON.stringify({
        provinces: { HNI: { name: 'Hà Nội', unit: '000.00.00.H26', apis: { 'tra-cuu': { url: `${plain.url}/ok` } } } },
      }),
    );
    const a = await runDvc(['--lang', 'en', '--config', cfg, 'test-api', '--type', 'tra-cuu', '--dst', 'XYZ']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('no province "XYZ"');
    const b = await runDvc(['--lang', 'en', '--config', cfg, 'test-api', '--type', 'chung-tu', '--dst', 'hni']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('provinces.HNI.apis.chung-tu.url');
    const ok = await runDvc([
      '--lang',
      'en',
      '--config',
      cfg,
      'test-api',
      '--type',
      'tra-cuu',
      '--dst',
      'HNI',
      '--json',
    ]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).request.body.MaHoSo).toMatch(/^000\.00\.00\.H26-\d{6}-0101$/);
  });

  it('lists types and prints a validated template', async () => {
    const types = await runDvc(['test-api', 'types', '--json']);
    expect(JSON.parse(types.stdout).types.map((x: { id: string }) => x.id)).toEqual(
      expect.arrayContaining(['tra-cuu', 'thong-bao-thue', 'chung-tu']),
    );
    const t = await runDvc(['test-api', 'template', '--type', 'thong-bao-thue']);
    expect(t.code).toBe(0);
    expect(JSON.parse(t.stdout).service).toBe('NhanThongBaoThueDat');
  });
});

describe('dvc test-api template and decode', () => {
  it('puts a notice XML file into FileThongBaoThue and decodes it back as a table', async () => {
    const xml = path.join(dir, 'thong-bao.xml');
    await writeFile(
      xml,
      '<?xml version="1.0" encoding="UTF-8"?><DATA><BODY><ROW_LIST><MA_HSO>H55.92-230404-0004</MA_HSO>' +
        '<LIST><MA_SO_THUE>8012345678</MA_SO_THUE><SO_QUYET_DINH>TB-01</SO_QUYET_DINH><NGAY_QUYET_DINH>04-04-2023</NGAY_QUYET_DINH>' +
        '<SO_TIEN>2500000</SO_TIEN><TEN_TIEUMUC>Tiền sử dụng đất</TEN_TIEUMUC></LIST></ROW_LIST></BODY></DATA>',
    );
    const t = await runDvc(['test-api', 'template', '--type', 'thong-bao-thue', '--xml', xml]);
    expect(t.code).toBe(0);
    const bodyFile = path.join(dir, 'tbt.json');
    await writeFile(bodyFile, t.stdout);
    const d = await runDvc(['test-api', 'decode', bodyFile]);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/H55\.92-230404-0004\s+8012345678\s+TB-01\s+04-04-2023\s+2\.500\.000\s+Tiền sử dụng đất/);
    const j = await runDvc(['test-api', 'decode', bodyFile, '--json']);
    expect(JSON.parse(j.stdout).rows).toEqual([
      {
        MA_HSO: 'H55.92-230404-0004',
        MA_SO_THUE: '8012345678',
        SO_QUYET_DINH: 'TB-01',
        NGAY_QUYET_DINH: '04-04-2023',
        SO_TIEN: '2500000',
        TEN_TIEUMUC: 'Tiền sử dụng đất',
      },
    ]);
  });
});

describe('dvc test-api: secrets never leave', () => {
  const SECRET = 'Zq7-unique-s3cret-9Xk';
  const auths = {
    BAS: { type: 'basic', username: 'motcua', passwordEnv: 'DVC_E2E_SECRET' },
    BEA: { type: 'bearer', tokenFile: 'token.txt' },
    KEY: { type: 'body-key', keyEnv: 'DVC_E2E_SECRET' },
    HDR: { type: 'header', name: 'X-Province-Key', valueEnv: 'DVC_E2E_SECRET' },
  };

  it.each(Object.keys(auths))(
    'auth %s: the secret is sent, and absent from stdout, stderr, JUnit, saved files and --verbose',
    async (dst) => {
      const base = await mkdtemp(path.join(dir, `secret-${dst}-`));
      await writeFile(path.join(base, 'token.txt'), SECRET + '\n');
      const provinces = Object.fromEntries(
        Object.entries(auths).map(([k, auth]) => [
          k,
          {
            name: k,
            unit: '000.00.00.H26',
            dstcode: `DST-${k}`,
            auth,
            apis: { 'tra-cuu': { url: `${plain.url}/echo` } },
          },
        ]),
      );
      await writeFile(path.join(base, 'dvc.config.json'), JSON.stringify({ provinces }));
      const env = { DVC_E2E_SECRET: SECRET };
      const args = (extra: string[]) => [
        '--config',
        path.join(base, 'dvc.config.json'),
        'test-api',
        '--type',
        'tra-cuu',
        '--dst',
        dst,
        ...extra,
      ];
      const before = received.length;
      const outputs = [
        await runDvc(args(['--verbose', '--junit', path.join(base, 'r.xml'), '--save', path.join(base, 'saved')]), {
          env,
        }),
        await runDvc(args(['--json']), { env }),
        await runDvc(args(['--json', '--repeat', '3', '--concurrency', '2']), { env }),
        // a transport fault, through the real process: what reaches its stdout and stderr
        await runCli(['--lang', 'en', ...args(['--verbose', '--url', `http://127.0.0.1:${await closedPort()}/x`])], {
          env,
        }),
      ];
      // the secret really went out, in the header or body field of its auth type
      const got = received.slice(before);
      expect(got.length).toBeGreaterThan(0);
      const carried = JSON.stringify(got);
      expect(
        dst === 'BAS' ? carried.includes(Buffer.from(`motcua:${SECRET}`).toString('base64')) : carried.includes(SECRET),
      ).toBe(true);
      expect(got[0].headers.dstcode).toBe(`DST-${dst}`);
      expect(outputs[0].code).toBe(0);
      expect(outputs[3].code).toBe(3);
      const b64 = Buffer.from(`motcua:${SECRET}`).toString('base64');
      for (const o of outputs) {
        for (const text of [o.stdout, o.stderr]) {
          expect(text).not.toContain(SECRET);
          expect(text).not.toContain(b64);
        }
      }
      expect(outputs[1].stdout).toContain('***');
      const files = [
        path.join(base, 'r.xml'),
        ...(await readdir(path.join(base, 'saved'))).map((f) => path.join(base, 'saved', f)),
      ];
      expect(files.length).toBe(4);
      for (const f of files) {
        const text = await readFile(f, 'utf8');
        expect(text).not.toContain(SECRET);
        expect(text).not.toContain(b64);
      }
      expect(
        (await readdir(path.join(base, 'saved'))).every((f) =>
          new RegExp(`^${dst}-tra-cuu-\\d{14}\\.(request|response|result)\\.json$`).test(f),
        ),
      ).toBe(true);
    },
  );
});
