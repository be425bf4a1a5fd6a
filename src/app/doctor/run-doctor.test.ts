import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, type TestPki } from '../../test-support/tls-certs.js';
import { closedPort, startHttps, type Running } from '../../test-support/probe-servers.js';
import { checkNode, checkProxy, runDoctor } from './run-doctor.js';
import { DvcError } from '../../errors.js';

let pki: TestPki;
let good: Running;
let soon: Running;
let dir: string;

beforeAll(async () => {
  pki = makeTestPki();
  [good, soon] = await Promise.all([startHttps(pki.goodChain, pki.key), startHttps(pki.soonChain, pki.key)]);
  dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-doctor-'));
  await writeFile(path.join(dir, 'root.pem'), pki.rootPem);
});
afterAll(async () => {
  await Promise.all([good?.close(), soon?.close()]);
  await rm(dir, { recursive: true, force: true });
});

async function config(name: string, provinces: Record<string, unknown>): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify({ provinces }));
  return file;
}

const base = { cwd: os.tmpdir(), env: {}, timeoutMs: 3000 };

describe('runDoctor', () => {
  it('passes a province whose API answers TLS with a certificate from its own CA', async () => {
    const configPath = await config('good.json', {
      HNI: {
        name: 'Hà Nội',
        tls: { caFile: 'root.pem' },
        apis: { 'tra-cuu': { url: `${good.url}/a` }, 'chung-tu': { url: `${good.url}/b` } },
      },
    });
    const r = await runDoctor({ ...base, configPath });
    expect(r.ok).toBe(true);
    const net = r.checks.filter((c) => c.id.startsWith('net.HNI.'));
    expect(net.map((c) => c.id.split('.').pop())).toEqual(['dns', 'tcp', 'tls']);
    expect(net.every((c) => c.ok)).toBe(true);
    expect(net[2].message.params.scope).toBe('HNI (tra-cuu, chung-tu)');
  });

  it('fails on a closed port and does not try TLS there', async () => {
    const configPath = await config('closed.json', {
      HNI: { name: 'Hà Nội', apis: { 'tra-cuu': { url: `https://127.0.0.1:${await closedPort()}/x` } } },
    });
    const r = await runDoctor({ ...base, configPath });
    expect(r.ok).toBe(false);
    const tcp = r.checks.find((c) => c.id.endsWith('.tcp'));
    expect(tcp).toMatchObject({
      ok: false,
      severity: 'error',
      message: { key: 'doctor.tcp.fail', params: { code: 'ECONNREFUSED' } },
    });
    expect(tcp?.fix?.key).toBe('doctor.fix.tcp');
    expect(r.checks.some((c) => c.id.endsWith('.tls'))).toBe(false);
  });

  it('warns, without failing, on a certificate that expires within 30 days', async () => {
    const configPath = await config('soon.json', {
      HNI: { name: 'Hà Nội', tls: { caFile: 'root.pem' }, apis: { 'tra-cuu': { url: soon.url } } },
    });
    const r = await runDoctor({ ...base, configPath });
    expect(r.ok).toBe(true);
    expect(r.checks.find((c) => c.id.endsWith('.tls'))).toMatchObject({
      ok: false,
      severity: 'warning',
      message: { key: 'doctor.tls.expiring' },
    });
  });

  it('fails on an untrusted certificate unless the province is configured as insecure', async () => {
    const strict = await runDoctor({
      ...base,
      configPath: await config('untrusted.json', { HNI: { name: 'Hà Nội', apis: { 'tra-cuu': { url: good.url } } } }),
    });
    expect(strict.checks.find((c) => c.id.endsWith('.tls'))).toMatchObject({
      ok: false,
      severity: 'error',
      message: { key: 'doctor.tls.untrusted' },
    });
    const lax = await runDoctor({
      ...base,
      configPath: await config('insecure.json', {
        HNI: { name: 'Hà Nội', tls: { insecure: true }, apis: { 'tra-cuu': { url: good.url } } },
      }),
    });
    expect(lax.ok).toBe(true);
  });

  it('checks only the province asked for with --dst, by key or DSTCode, and rejects an unknown one', async () => {
    const configPath = await config('two.json', {
      HNI: { name: 'Hà Nội', dstcode: 'D01', tls: { caFile: 'root.pem' }, apis: { 'tra-cuu': { url: good.url } } },
      NBH: { name: 'Ninh Bình', apis: { 'tra-cuu': { url: `https://127.0.0.1:${await closedPort()}` } } },
    });
    const r = await runDoctor({ ...base, configPath, dst: 'D01' });
    expect(r.ok).toBe(true);
    expect(r.checks.some((c) => c.id.startsWith('net.NBH'))).toBe(false);
    await expect(runDoctor({ ...base, configPath, dst: 'XYZ' })).rejects.toMatchObject({
      key: 'doctor.unknownDst',
      exitCode: 2,
    });
    await expect(runDoctor({ ...base, configPath, dst: 'XYZ' })).rejects.toBeInstanceOf(DvcError);
  });

  it('reports an invalid configuration as an error, with its own message', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, '{"provinces": {"HNI": {"name": "x", "password": "p"}}}');
    const r = await runDoctor({ ...base, configPath: file });
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.id === 'config')).toMatchObject({
      ok: false,
      severity: 'error',
      fix: { key: 'doctor.fix.config' },
    });
  });

  it('lists the shipped reference data', async () => {
    const r = await runDoctor({ ...base, configPath: await config('empty.json', {}) });
    const data = r.checks.find((c) => c.id === 'data');
    expect(data?.ok).toBe(true);
    expect(Number(data?.message.params.count)).toBeGreaterThan(0);
  });
});

describe('environment checks', () => {
  it('requires Node 20.19 or later', () => {
    expect(checkNode('20.19.0').ok).toBe(true);
    expect(checkNode('22.1.0').ok).toBe(true);
    expect(checkNode('20.18.3')).toMatchObject({ ok: false, severity: 'error' });
    expect(checkNode('18.20.0').ok).toBe(false);
  });

  it('shows proxy settings with their credentials masked and flags a malformed one', () => {
    const [shown] = checkProxy({
      HTTPS_PROXY: 'http://officer:s3cret@proxy.tinh.gov.vn:3128',
      NO_PROXY: 'localhost,.noibo',
    });
    expect(String(shown.message.params.list)).toContain('http://officer:***@proxy.tinh.gov.vn:3128');
    expect(String(shown.message.params.list)).not.toContain('s3cret');
    expect(checkProxy({ HTTP_PROXY: 'not a url' }).some((c) => !c.ok && c.severity === 'error')).toBe(true);
    expect(checkProxy({})[0].message.key).toBe('doctor.proxy.none');
  });
});
