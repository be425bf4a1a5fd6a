import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { checkConfig } from './config-check.js';
import { dvcErrorOf } from '../../test-support/rejection.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-config-check-'));
});

const SECRET = 'mat-khau-that-dai-2026';

async function configFile(name: string, provinces: Record<string, unknown>): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, JSON.stringify({ provinces }));
  return file;
}

const province = (auth: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  name: 'Hà Nội',
  unit: '000.00.01.H26',
  auth,
  apis: { 'tra-cuu': { url: 'https://motcua.example.vn/api/tra-cuu' } },
  ...extra,
});

const refusal = (p: Promise<unknown>) => dvcErrorOf(p);

describe('config check', () => {
  it('summarises every province (auth type, APIs) and never the secret itself', async () => {
    const file = await configFile('ok.json', {
      HNI: province({ type: 'bearer', tokenEnv: 'HNI_TOKEN' }, { dstcode: 'HNI01' }),
      THA: province({ type: 'none' }, { name: 'Thanh Hóa' }),
    });
    const summary = await checkConfig({ configPath: file, cwd: dir, env: { HNI_TOKEN: SECRET } });
    expect(summary.file).toBe(file);
    expect(summary.provinces).toEqual([
      {
        key: 'HNI',
        name: 'Hà Nội',
        dstcode: 'HNI01',
        auth: 'bearer',
        apis: { 'tra-cuu': 'https://motcua.example.vn/api/tra-cuu' },
      },
      {
        key: 'THA',
        name: 'Thanh Hóa',
        dstcode: undefined,
        auth: 'none',
        apis: { 'tra-cuu': 'https://motcua.example.vn/api/tra-cuu' },
      },
    ]);
    expect(JSON.stringify(summary)).not.toContain(SECRET);
  });

  it.each([
    ['basic', { type: 'basic', username: 'canbo', passwordEnv: 'S' }, 'password'],
    ['bearer', { type: 'bearer', tokenEnv: 'S' }, 'token'],
    ['body-key', { type: 'body-key', keyEnv: 'S' }, 'key'],
    ['header', { type: 'header', name: 'X-Api-Key', valueEnv: 'S' }, 'value'],
  ])('refuses a %s secret shorter than 8 characters (exit 2, naming the key)', async (kind, auth, field) => {
    const file = await configFile(`short-${kind}.json`, { HNI: province(auth) });
    const e = await refusal(checkConfig({ configPath: file, cwd: dir, env: { S: 'abc' } }));
    expect(e.key).toBe('config.secretTooShort');
    expect(e.exitCode).toBe(ExitCode.Usage);
    expect(e.params).toMatchObject({ what: `provinces.HNI.auth.${field}`, min: 8 });
  });

  it('reads a secret file next to the config and refuses it when short', async () => {
    await writeFile(path.join(dir, 'short.key'), 'abc\r\n');
    const file = await configFile('short-file.json', { HNI: province({ type: 'bearer', tokenFile: 'short.key' }) });
    expect((await refusal(checkConfig({ configPath: file, cwd: dir, env: {} }))).key).toBe('config.secretTooShort');
    await writeFile(path.join(dir, 'long.key'), `${SECRET}\n`);
    const good = await configFile('long-file.json', { HNI: province({ type: 'bearer', tokenFile: 'long.key' }) });
    expect((await checkConfig({ configPath: good, cwd: dir, env: {} })).provinces[0].auth).toBe('bearer');
  });

  it('accepts a secret that is not set on this machine (a CI variable, a file on the server)', async () => {
    const file = await configFile('elsewhere.json', {
      HNI: province({ type: 'bearer', tokenEnv: 'SET_IN_CI_ONLY' }),
      DNA: province({ type: 'header', name: 'X-Key', valueFile: 'on-the-server.key' }),
    });
    const summary = await checkConfig({ configPath: file, cwd: dir, env: {} });
    expect(summary.provinces.map((p) => p.key)).toEqual(['HNI', 'DNA']);
  });

  it('refuses a literal secret in the file and a missing file (exit 2)', async () => {
    const literal = await configFile('literal.json', { HNI: province({ type: 'bearer', token: SECRET }) });
    const e = await refusal(checkConfig({ configPath: literal, cwd: dir, env: {} }));
    expect(e.exitCode).toBe(ExitCode.Usage);
    const missing = await refusal(checkConfig({ configPath: path.join(dir, 'nope.json'), cwd: dir, env: {} }));
    expect(missing.key).toBe('config.notFound');
    expect(missing.exitCode).toBe(ExitCode.Usage);
  });
});
