import { access, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dvcErrorOf } from '../../test-support/rejection.js';
import { ExitCode } from '../../errors.js';
import { mockApiConfig, startMockApi, type MockApiOptions } from './run-mock-api.js';
import { runTestApi, type TestApiOptions } from '../test-api/run-test-api.js';
import { probeRunOptions } from '../../test-support/probe-options.js';

const refusal = (p: Promise<unknown>) => dvcErrorOf(p, ExitCode.Usage);

const TOKEN = 'token-bi-mat-cua-tinh-2026';
let dir: string;
let config: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-run-mock-api-'));
  config = path.join(dir, 'dvc.config.json');
  await writeFile(
    config,
    JSON.stringify({
      provinces: {
        HNI: {
          name: 'Hà Nội',
          unit: '000.00.01.H26',
          dstcode: 'HNI01',
          auth: { type: 'bearer', tokenEnv: 'HNI_TOKEN' },
          apis: { 'tra-cuu': { url: 'https://motcua.example.vn/tra-cuu' } },
        },
        DNA: {
          name: 'Đà Nẵng',
          auth: { type: 'header', name: 'X-Api-Key' },
          apis: {},
        },
      },
    }),
  );
});

const mockOptions = (o: Partial<MockApiOptions> = {}): MockApiOptions => ({
  configPath: config,
  cwd: dir,
  env: { HNI_TOKEN: TOKEN },
  lang: 'vi',
  host: '127.0.0.1',
  port: 0,
  tls: false,
  ...o,
});

const probeOptions = (o: Partial<TestApiOptions>): TestApiOptions =>
  probeRunOptions(dir, { env: { HNI_TOKEN: TOKEN }, ...o });

describe('mock-api', () => {
  it("expects the province's auth (found by its dstcode), secret masked; test-api with the config passes", async () => {
    const mock = await startMockApi(mockOptions({ dst: 'HNI01' }));
    try {
      expect(mock.auth).toBe('bearer ***');
      expect(mock.dst).toBe('HNI01');
      const file = path.join(dir, 'to-mock.json');
      await writeFile(file, JSON.stringify(await mockApiConfig(mockOptions({ dst: 'HNI', port: mock.server.port }))));
      const written = await readFile(file, 'utf8');
      expect(written).not.toContain(TOKEN);
      expect(JSON.parse(written).provinces.HNI).toMatchObject({
        dstcode: 'HNI01',
        unit: '000.00.01.H26',
        auth: { type: 'bearer', tokenEnv: 'HNI_TOKEN' },
        apis: { 'tra-cuu': { url: `http://127.0.0.1:${mock.server.port}/tra-cuu` } },
      });
      const ok = await runTestApi(probeOptions({ dst: 'HNI', configPath: file }));
      expect(ok.exitCode).toBe(ExitCode.Ok);
      const noToken = await runTestApi(probeOptions({ url: mock.server.urls['tra-cuu'] }));
      expect(noToken.exitCode).not.toBe(ExitCode.Ok);
      expect(noToken.probes[0].response?.status).toBe(401);
    } finally {
      await mock.stop();
    }
  });

  it('with --tls: a certificate test-api can trust, removed when the mock stops', async () => {
    const mock = await startMockApi(mockOptions({ tls: true }));
    const caFile = mock.caFile!;
    try {
      expect(mock.server.origin.startsWith('https://')).toBe(true);
      expect(await readFile(caFile, 'utf8')).toContain('BEGIN CERTIFICATE');
      const run = await runTestApi(probeOptions({ url: mock.server.urls['tra-cuu'], caFiles: [caFile] }));
      expect(run.exitCode).toBe(ExitCode.Ok);
      expect(run.probes[0].tls?.authorized).toBe(true);
    } finally {
      await mock.stop();
    }
    await expect(access(caFile)).rejects.toThrow();
  });

  it('--ca-out keeps the certificate where asked, and the config written for it trusts that file', async () => {
    const caOut = 'mock-ca.pem';
    const mock = await startMockApi(mockOptions({ tls: true, caOut }));
    try {
      expect(mock.caFile).toBe(path.join(dir, caOut));
      const cfg = await mockApiConfig(mockOptions({ tls: true, caOut, port: mock.server.port }));
      const p = (cfg.provinces as Record<string, Record<string, unknown>>).MOCK;
      expect(p.tls).toEqual({ caFile: path.join(dir, caOut) });
      expect(p.auth).toEqual({ type: 'none' });
    } finally {
      await mock.stop();
    }
    expect(await readFile(path.join(dir, caOut), 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('the thanh-hoa emulation: the province judged by its preset, the look-up by OpenCPS (it has none)', async () => {
    const cfg = await mockApiConfig(mockOptions({ port: 8089, emulate: 'thanh-hoa' }));
    const p = (cfg.provinces as Record<string, { response?: unknown; apis: Record<string, unknown> }>).MOCK;
    expect(p.response).toEqual({ preset: 'thanh-hoa' });
    expect(p.apis['tra-cuu']).toEqual({ url: 'http://127.0.0.1:8089/tra-cuu', response: { preset: 'opencps' } });
    expect(p.apis['chung-tu']).toEqual({ url: 'http://127.0.0.1:8089/chung-tu' });
    const reference = await mockApiConfig(mockOptions({ port: 8089, emulate: 'reference' }));
    expect((reference.provinces as Record<string, object>).MOCK).not.toHaveProperty('response');
  });

  it('refuses an unknown emulation, --ca-out without --tls, and an auth with no secret named (exit 2)', async () => {
    const badEmulate = { emulate: 'tinh-khac' as MockApiOptions['emulate'] };
    expect((await refusal(startMockApi(mockOptions(badEmulate)))).key).toBe('mock.badEmulate');
    expect((await refusal(mockApiConfig(mockOptions(badEmulate)))).key).toBe('mock.badEmulate');
    expect((await refusal(startMockApi(mockOptions({ caOut: 'ca.pem' })))).key).toBe('mock.caOutNeedsTls');
    const noSecret = await refusal(startMockApi(mockOptions({ dst: 'DNA' })));
    expect(noSecret.key).toBe('mock.authNoSecret');
    expect(noSecret.params).toMatchObject({ dst: 'DNA', type: 'header' });
    const unset = await refusal(startMockApi(mockOptions({ dst: 'HNI', env: {} })));
    expect(unset.key).toBe('config.secretEnvMissing');
  });
});
