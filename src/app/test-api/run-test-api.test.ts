import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DvcError, ExitCode } from '../../errors.js';
import { runTestApi, type TestApiOptions } from './run-test-api.js';
import { probeRunOptions } from '../../test-support/probe-options.js';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;
interface Local {
  url: string;
  seen: Array<{ path: string; headers: IncomingMessage['headers']; body: string }>;
  close(): Promise<void>;
}

async function serve(handler: Handler): Promise<Local> {
  const seen: Local['seen'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      seen.push({ path: req.url ?? '', headers: req.headers, body });
      handler(req, body, res);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(typeof value === 'string' ? value : JSON.stringify(value));
};

const SECRET = 'Kh0a-bi-mat/2026 &<x>';
let dir: string;
const servers: Local[] = [];
let other: Local;
let main: Local;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-run-test-api-'));
  other = await serve((_req, _body, res) => json(res, 200, { error_code: 0, message: [] }));
  main = await serve((req, body, res) => {
    const p = req.url ?? '';
    if (p.startsWith('/away307')) {
      res.writeHead(307, { location: `${other.url}/landed` });
      return res.end();
    }
    if (p.startsWith('/away302')) {
      res.writeHead(302, { location: `${other.url}/landed` });
      return res.end();
    }
    if (p.startsWith('/echo')) {
      const forms = [
        encodeURIComponent(SECRET),
        new URLSearchParams({ k: SECRET }).toString(),
        SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
        Buffer.from(SECRET).toString('base64'),
        SECRET.toUpperCase(),
        Buffer.from(SECRET).toString('hex'),
        Buffer.from(SECRET).toString('hex').toUpperCase(),
      ];
      return json(res, 200, { error_code: -1, message: `Sai khóa ${forms.join(' | ')}`, got: body });
    }
    if (p.startsWith('/deep')) return json(res, 200, '['.repeat(5000) + ']'.repeat(5000));
    if (p.startsWith('/drip')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => res.write(' '), 500);
      res.on('close', () => clearInterval(timer));
      return;
    }
    if (p.startsWith('/hang')) return;
    if (p.startsWith('/escape')) return json(res, 200, { error_code: -1, message: 'x\u001b[2J\u001b]0;owned\u0007y' });
    json(res, 200, { error_code: 0, message: [] });
  });
  servers.push(other, main);
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

async function configWith(auth: Record<string, unknown>, url: string, extra: Record<string, unknown> = {}) {
  const base = await mkdtemp(path.join(dir, 'cfg-'));
  const file = path.join(base, 'dvc.config.json');
  await writeFile(
    file,
    JSON.stringify({
      provinces: { TST: { name: 'Tỉnh thử', unit: '000.00.00.H26', auth, apis: { 'tra-cuu': { url } }, ...extra } },
    }),
  );
  return file;
}

function options(o: Partial<TestApiOptions>): TestApiOptions {
  return probeRunOptions(dir, { env: { DVC_SECRET: SECRET }, now: new Date(Date.UTC(2026, 11, 1, 2, 0, 0)), ...o });
}

describe('test-api: the look-up as the public code sends it', () => {
  it('sends a bare {"MaHoSo"} with no service name, and passes an OpenCPS answer under the opencps preset', async () => {
    const configPath = await configWith({ type: 'none' }, `${main.url}/ok`, { response: { preset: 'opencps' } });
    const run = await runTestApi(options({ dst: 'TST', configPath }));
    expect(run.exitCode).toBe(ExitCode.Ok);
    expect(JSON.parse(main.seen.at(-1)!.body)).toEqual({ MaHoSo: '000.00.00.H26-261201-0101' });
  });
});

describe('test-api: credentials never leave their origin', () => {
  it('drops the configured auth header on a redirect to another origin', async () => {
    const configPath = await configWith(
      { type: 'header', name: 'X-Province-Key', valueEnv: 'DVC_SECRET' },
      `${main.url}/away302`,
    );
    const run = await runTestApi(options({ dst: 'TST', configPath, follow: true }));
    const landed = other.seen.at(-1)!;
    expect(landed.path).toBe('/landed');
    expect(landed.headers['x-province-key']).toBeUndefined();
    expect(JSON.stringify(run)).not.toContain(SECRET);
  });

  it('refuses a 307 that would resend a body carrying the key to another origin (exit 3, fault named)', async () => {
    const before = other.seen.length;
    const configPath = await configWith({ type: 'body-key', keyEnv: 'DVC_SECRET' }, `${main.url}/away307`);
    const run = await runTestApi(options({ dst: 'TST', configPath, follow: true }));
    expect(run.exitCode).toBe(ExitCode.Network);
    expect(run.probes[0].fault?.kind).toBe('redirectCredential');
    expect(other.seen.length).toBe(before);
  });

  it('masks the secret echoed percent-encoded, form-encoded, HTML-escaped, base64, hex and upper-cased', async () => {
    const configPath = await configWith({ type: 'body-key', keyEnv: 'DVC_SECRET' }, `${main.url}/echo`);
    const saveDir = await mkdtemp(path.join(dir, 'saved-'));
    const run = await runTestApi(options({ dst: 'TST', configPath, saveDir }));
    expect(run.exitCode).toBe(ExitCode.CheckFailed);
    const { renderTestApiHtml } = await import('../../cli/render/html/test-api-page.js');
    const saved = await Promise.all(run.saved.map((f) => readFile(f, 'utf8')));
    expect(saved).toHaveLength(3);
    for (const text of [JSON.stringify(run), renderTestApiHtml(run, { lang: 'vi' }), ...saved]) {
      expect(text).toContain('***');
      for (const form of [
        SECRET,
        encodeURIComponent(SECRET),
        Buffer.from(SECRET).toString('base64'),
        SECRET.toUpperCase(),
        Buffer.from(SECRET).toString('hex'),
        Buffer.from(SECRET).toString('hex').toUpperCase(),
      ])
        expect(text.toLowerCase()).not.toContain(form.toLowerCase());
    }
  });

  it('refuses a configured secret shorter than 8 characters (exit 2)', async () => {
    const configPath = await configWith({ type: 'bearer', tokenEnv: 'SHORT' }, `${main.url}/ok`);
    const err = await runTestApi(options({ dst: 'TST', configPath, env: { SHORT: 'abc123' } })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DvcError);
    expect([(err as DvcError).key, (err as DvcError).exitCode]).toEqual(['config.secretTooShort', ExitCode.Usage]);
  });
});

describe('test-api: bounded in every dimension', () => {
  it('keeps an answer nested 5,000 deep as text: no crash, the run fails, the saved files are written', async () => {
    const saveDir = path.join(dir, 'deep-save');
    const run = await runTestApi(options({ url: `${main.url}/deep`, saveDir }));
    expect(run.exitCode).toBe(ExitCode.CheckFailed);
    expect(typeof run.probes[0].response?.body).toBe('string');
    expect(run.saved).toHaveLength(3);
  });

  it('ends a server that drips one byte every 0.5 s at the --timeout deadline, fault named (exit 3)', async () => {
    const run = await runTestApi(options({ url: `${main.url}/drip`, timeoutMs: 1500 }));
    expect(run.exitCode).toBe(ExitCode.Network);
    expect(run.probes[0].fault).toMatchObject({ kind: 'deadline', code: 'DVC_DEADLINE' });
  });

  it('ends every drip of a load run at the deadline too, each named a deadline fault (exit 3)', async () => {
    const run = await runTestApi(options({ url: `${main.url}/drip`, timeoutMs: 1500, repeat: 4, concurrency: 2 }));
    expect(run.exitCode).toBe(ExitCode.Network);
    expect(run.load).toMatchObject({ requests: 4, passed: 0, failed: 4, errorsByKind: { deadline: 4 } });
    // A server that never answers: the requests on kept-alive connections waited for headers, not for a connection.
    const hang = await runTestApi(options({ url: `${main.url}/hang`, timeoutMs: 800, repeat: 4, concurrency: 2 }));
    expect(hang.exitCode).toBe(ExitCode.Network);
    expect(hang.load?.errorsByKind).toEqual({ headersTimeout: 4 });
  });

  it('answers exit 2 when --save cannot write its folder', async () => {
    const blocker = path.join(dir, 'a-file');
    await writeFile(blocker, 'x');
    const err = await runTestApi(options({ url: `${main.url}/ok`, saveDir: path.join(blocker, 'sub') })).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DvcError);
    expect((err as DvcError).exitCode).toBe(ExitCode.Usage);
    expect(['testApi.saveUnwritable', 'fs.dirMissing']).toContain((err as DvcError).key);
  });
});

describe('test-api --repeat: the load report', () => {
  it('carries the latency histogram (24 buckets, every timed request counted) beside p50/p90/p99', async () => {
    const run = await runTestApi(options({ url: `${main.url}/ok`, repeat: 60, concurrency: 6 }));
    expect(run.exitCode).toBe(ExitCode.Ok);
    const load = run.load!;
    expect(load.histogram).toHaveLength(24);
    expect(load.histogram.reduce((a, b) => a + b, 0)).toBe(load.latency.count);
    expect(load.latency.count).toBe(60);
    const { renderTestApiHtml } = await import('../../cli/render/html/test-api-page.js');
    const html = renderTestApiHtml(run, { lang: 'en' });
    expect(html).toContain('<svg class="histogram"');
    for (const mark of ['p50', 'p90', 'p99']) expect(html).toContain(`>${mark}`);
  });
});

describe('test-api: the unit warning names what is missing', () => {
  it('with --dst and no unit in the config: names provinces.<DST>.unit and the fix, not --dst', async () => {
    const configPath = await configWith({ type: 'none' }, `${main.url}/ok`, { unit: undefined });
    const run = await runTestApi(options({ dst: 'TST', configPath }));
    expect(run.warnings).toContainEqual({
      key: 'testApi.warn.missingUnit',
      params: { key: 'provinces.TST.unit', dst: 'TST', unit: '000.00.00.H00' },
    });
    expect(run.warnings.map((w) => w.key)).not.toContain('testApi.warn.placeholderUnit');
  });

  it('with --url alone: the placeholder, and choosing a province is the fix', async () => {
    const run = await runTestApi(options({ url: `${main.url}/ok` }));
    expect(run.warnings.map((w) => w.key)).toContain('testApi.warn.placeholderUnit');
  });
});

describe('mock-api --print-config, used as it is', () => {
  it('names a unit: a probe with --dst gives no unit warning', async () => {
    const { mockApiConfig } = await import('../mock-api/run-mock-api.js');
    const printed = (await mockApiConfig({ cwd: dir, dst: 'HNI', host: '127.0.0.1', port: 8080, tls: false })) as {
      provinces: Record<string, { unit?: string }>;
    };
    expect(printed.provinces.HNI!.unit).toBe('000.00.01.H00');
  });
});
