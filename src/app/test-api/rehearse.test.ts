import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { mockApiConfig, startMockApi } from '../mock-api/run-mock-api.js';
import { runRehearsal, type RehearseOptions } from './rehearse.js';
import { REHEARSAL_MARK } from '../../core/api/rehearsal.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-rehearse-'));
});

const now = new Date(Date.UTC(2026, 11, 1, 2, 30, 0));
const options = (configPath: string, o: Partial<RehearseOptions> = {}): RehearseOptions => ({
  dst: 'HNI',
  timeoutMs: 5000,
  maxTimeMs: 5000,
  maxBytes: 1024 * 1024,
  caFiles: [],
  insecure: false,
  force: false,
  configPath,
  cwd: dir,
  env: {},
  now,
  serial: 7,
  ...o,
});

describe('test-api rehearse against mock-api', () => {
  it.each(['reference', 'opencps', 'thanh-hoa'] as const)(
    'passes all five steps against --emulate %s, with one consistent, marked data set',
    async (emulate) => {
      const mock = await startMockApi({
        cwd: dir,
        env: {},
        lang: 'vi',
        host: '127.0.0.1',
        port: 0,
        tls: false,
        emulate,
      });
      try {
        const config = await mockApiConfig({
          cwd: dir,
          dst: 'HNI',
          host: '127.0.0.1',
          port: mock.server.port,
          tls: false,
          emulate,
        });
        const file = path.join(dir, `${emulate}.json`);
        const provinces = config.provinces as Record<string, Record<string, unknown>>;
        provinces.HNI.unit = '000.00.01.H26';
        await writeFile(file, JSON.stringify(config));
        const run = await runRehearsal(options(file, { saveDir: path.join(dir, `save-${emulate}`) }));
        expect(run.steps.map((s) => [s.name, s.ok])).toEqual([
          ['notice', true],
          ['lookupDue', true],
          ['receipt', true],
          ['lookupPaid', true],
          ['noticeAgain', true],
        ]);
        expect(run.exitCode).toBe(ExitCode.Ok);
        expect(run.dossierCode).toBe('000.00.01.H26-261201-9907');
        expect(run.noticeNumber.startsWith(REHEARSAL_MARK.noticePrefix)).toBe(true);
        const receipt = run.steps[2].probe!.request.body as { data: Record<string, unknown> };
        expect(receipt.data.HoTenNguoiNopTien).toBe(REHEARSAL_MARK.payerName);
        expect(receipt.data.ThongTinThanhToan).toMatchObject({ MaThongBaoThue: run.noticeNumber, SoTien: run.amount });
        expect(run.saved).toHaveLength(15);
        expect(JSON.parse(await readFile(run.saved[0], 'utf8'))).toMatchObject({ type: 'thong-bao-thue' });
      } finally {
        await mock.stop();
      }
    },
  );
});

/** A province that keeps notices but mishandles the rest, in the ways a rehearsal must catch. */
async function faultyProvince(
  fault: 'dropsReceipt' | 'wrongAmount' | 'none',
  closeEach = false,
): Promise<{ url: string; server: Server; connections: () => number }> {
  let due = 0;
  let connections = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      let answer: unknown = { error_code: 0, message: 'ok' };
      if (req.url === '/thong-bao-thue' && due === 0) due = 1_250_000;
      if (req.url === '/chung-tu' && fault !== 'dropsReceipt') due = 0;
      if (req.url === '/tra-cuu') {
        const amount = fault === 'wrongAmount' ? due - 1000 : due;
        answer =
          amount > 0
            ? { error_code: 1, message: { MaHoSo: body.MaHoSo, DSKhoanNop: [{ NoiDung: 'LPTB', SoTien: amount }] } }
            : { error_code: 0, message: [] };
      }
      res.writeHead(200, { 'content-type': 'application/json', ...(closeEach ? { connection: 'close' } : {}) });
      res.end(JSON.stringify(answer));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, connections: () => connections };
}

async function provinceConfig(name: string, url: string): Promise<string> {
  const apis = Object.fromEntries(['tra-cuu', 'thong-bao-thue', 'chung-tu'].map((id) => [id, { url: `${url}/${id}` }]));
  const file = path.join(dir, `${name}.json`);
  await writeFile(file, JSON.stringify({ provinces: { HNI: { name: 'Hà Nội', unit: '000.00.01.H26', apis } } }));
  return file;
}

describe('test-api rehearse connections', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it('sends the five steps on one kept-alive connection; the first step times the connect', async () => {
    const p = await faultyProvince('none');
    servers.push(p.server);
    const run = await runRehearsal(options(await provinceConfig('keep-alive', p.url), { serial: 11 }));
    expect(run.exitCode).toBe(ExitCode.Ok);
    expect(p.connections()).toBe(1);
    const connect = run.steps.map((s) => s.probe!.timings.connect);
    expect(connect[0]).not.toBeNull();
    expect(connect.slice(1)).toEqual([null, null, null, null]);
  });

  it('times each new connection when the province closes them after every answer', async () => {
    const p = await faultyProvince('none', true);
    servers.push(p.server);
    const run = await runRehearsal(options(await provinceConfig('close-each', p.url), { serial: 12 }));
    expect(run.exitCode).toBe(ExitCode.Ok);
    expect(p.connections()).toBe(5);
    expect(run.steps.every((s) => s.probe!.timings.connect !== null)).toBe(true);
  });
});

describe('test-api rehearse against a faulty province', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  it.each([
    ['dropsReceipt', 'lookupPaid', 'amount due is 1250000 VND, 0 VND expected'],
    ['wrongAmount', 'lookupDue', '1249000'],
  ] as const)('%s: fails at the step that shows it (%s)', async (fault, step, text) => {
    const p = await faultyProvince(fault);
    servers.push(p.server);
    const apis = Object.fromEntries(
      ['tra-cuu', 'thong-bao-thue', 'chung-tu'].map((id) => [id, { url: `${p.url}/${id}` }]),
    );
    const file = path.join(dir, `${fault}.json`);
    await writeFile(file, JSON.stringify({ provinces: { HNI: { name: 'Hà Nội', unit: '000.00.01.H26', apis } } }));
    const run = await runRehearsal(options(file));
    expect(run.exitCode).toBe(ExitCode.CheckFailed);
    const failed = run.steps.filter((s) => !s.ok);
    expect(failed.map((s) => s.name)).toEqual([step]);
    const amount = failed[0].probe!.checks.find((c) => c.name === 'amount')!;
    expect(amount.ok).toBe(false);
    expect(JSON.stringify(amount.message.params)).toContain(text.includes('VND') ? '1250000' : text);
  });

  it('stops after a transport fault and names the steps not sent (exit 3)', async () => {
    const apis = Object.fromEntries(
      ['tra-cuu', 'thong-bao-thue', 'chung-tu'].map((id) => [id, { url: `http://127.0.0.1:9/${id}` }]),
    );
    const file = path.join(dir, 'down.json');
    await writeFile(file, JSON.stringify({ provinces: { HNI: { name: 'Hà Nội', unit: '000.00.01.H26', apis } } }));
    const run = await runRehearsal(options(file));
    expect(run.exitCode).toBe(ExitCode.Network);
    expect(run.steps.map((s) => s.skipped)).toEqual([false, true, true, true, true]);
  });
});
