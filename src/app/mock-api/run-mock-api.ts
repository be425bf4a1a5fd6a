import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import type { AuthConfig, DvcConfig, ProvinceConfig } from '../../core/config/schema.js';
import { describeAuth, type MockAuth } from '../../core/api/mock-auth.js';
import type { ApiRole, ApiTypeOverrides } from '../../core/api/api-types.js';
import { listApiTypes } from '../../core/api/api-type-registry.js';
import {
  DEFAULT_EMULATION,
  EMULATION_NAMES,
  emulationNamed,
  isEmulationName,
  type EmulationName,
} from '../../core/api/emulation/emulations.js';
import { loadConfig } from '../../io/config.js';
import { resolveSecret } from '../../io/secrets.js';
import { loadApiTypeOverrides } from '../../io/api-type-files.js';
import {
  callableOrigin,
  startMockServer,
  type MockExchange,
  type MockServerHandle,
  type MockServerOptions,
} from '../../io/mock-server.js';
import { makeSelfSignedCert } from '../../io/self-signed-cert.js';
import { writeFileAtomic } from '../../io/atomic-write.js';
import { refuseReservedName } from '../../core/reserved-names.js';
import { makeTempDir, removeDir } from '../../io/read-input.js';

/** `dvc mock-api`: find the province in the config (if any), resolve its auth, make a certificate, start. */

export interface MockApiOptions {
  configPath?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** The language of the server's own messages (as the server takes it). */
  lang: MockServerOptions['lang'];
  dst?: string;
  host: string;
  port: number;
  tls: boolean;
  caOut?: string;
  store?: string;
  delayMs?: number;
  failRate?: number;
  seed?: number;
  status?: number;
  /** Whose public code to answer like (src/core/api/emulation/emulations.ts; the default when absent). */
  emulate?: EmulationName;
  onExchange?: (e: MockExchange) => void;
}

export interface MockApiStarted {
  server: MockServerHandle;
  /** The certificate to trust (`dvc test-api --ca`), with --tls. */
  caFile?: string;
  /** The auth expected, secret masked. */
  auth: string;
  dst?: string;
  stored: { notices: number; receipts: number };
  stop(): Promise<void>;
}

interface Found {
  key: string;
  province: ProvinceConfig;
}

function findProvince(config: DvcConfig | undefined, dst: string | undefined): Found | undefined {
  if (!config || !dst) return undefined;
  const direct = config.provinces[dst];
  if (direct) return { key: dst, province: direct };
  const byCode = Object.entries(config.provinces).find(([, p]) => p.dstcode === dst);
  return byCode ? { key: byCode[0], province: byCode[1] } : undefined;
}

async function resolveAuth(
  auth: AuthConfig,
  key: string,
  o: { env: NodeJS.ProcessEnv; baseDir: string },
): Promise<MockAuth> {
  // Each secret is named `<field>Env` / `<field>File` in the config (passwordEnv, tokenFile, …).
  const secret = async (field: 'password' | 'token' | 'key' | 'value') => {
    const named = auth as Partial<Record<string, string>>;
    const ref = { env: named[`${field}Env`], file: named[`${field}File`] };
    const v = await resolveSecret(ref, `provinces.${key}.auth.${field}`, o);
    if (v === undefined)
      throw new DvcError(
        'mock.authNoSecret',
        { dst: key, type: auth.type, key: `${field}Env / ${field}File` },
        ExitCode.Usage,
      );
    return v;
  };
  switch (auth.type) {
    case 'none':
      return { type: 'none' };
    case 'basic':
      return { type: 'basic', username: auth.username, password: await secret('password') };
    case 'bearer':
      return { type: 'bearer', token: await secret('token') };
    case 'body-key':
      return { type: 'body-key', field: auth.field, key: await secret('key') };
    case 'header':
      return { type: 'header', name: auth.name, value: await secret('value') };
  }
}

async function context(o: { configPath?: string; cwd: string; dst?: string }) {
  refuseReservedName('--dst', o.dst);
  const loaded = await loadConfig({ configPath: o.configPath, cwd: o.cwd });
  const found = findProvince(loaded?.config, o.dst);
  const overrides: ApiTypeOverrides = loaded ? await loadApiTypeOverrides(loaded.config, loaded.filepath) : {};
  return { loaded, found, overrides, baseDir: loaded ? path.dirname(loaded.filepath) : o.cwd };
}

function checkEmulation(e: string | undefined): void {
  refuseReservedName('--emulate', e);
  if (e !== undefined && !isEmulationName(e))
    throw new DvcError('mock.badEmulate', { value: e, known: EMULATION_NAMES.join(', ') }, ExitCode.Usage);
}

export async function startMockApi(o: MockApiOptions): Promise<MockApiStarted> {
  checkEmulation(o.emulate);
  if (o.caOut && !o.tls) throw new DvcError('mock.caOutNeedsTls', {}, ExitCode.Usage);
  const { found, overrides, baseDir } = await context(o);
  const auth = found
    ? await resolveAuth(found.province.auth, found.key, { env: o.env, baseDir })
    : ({ type: 'none' } as const);
  let caFile: string | undefined;
  let tempDir: string | undefined;
  let tls: { cert: string; key: string } | undefined;
  if (o.tls) {
    tls = await makeSelfSignedCert(o.host);
    if (o.caOut) caFile = await writeFileAtomic(path.resolve(o.cwd, o.caOut), tls.cert, { force: true });
    else {
      tempDir = await makeTempDir('dvc-mock-api-');
      caFile = await writeFileAtomic(path.join(tempDir, 'ca.pem'), tls.cert);
    }
  }
  const server = await startMockServer({
    host: o.host,
    port: o.port,
    tls,
    auth,
    province: { unit: found?.province.unit, name: found?.province.name },
    overrides,
    delayMs: o.delayMs,
    failRate: o.failRate,
    seed: o.seed,
    status: o.status,
    emulate: o.emulate,
    storeFile: o.store ? path.resolve(o.cwd, o.store) : undefined,
    lang: o.lang,
    onExchange: o.onExchange,
  }).catch(async (e: unknown) => {
    if (tempDir) await removeDir(tempDir);
    throw e;
  });
  return {
    server,
    caFile,
    auth: describeAuth(auth),
    dst: found ? (found.province.dstcode ?? found.key) : o.dst,
    stored: server.province.counts,
    async stop() {
      await server.close();
      if (tempDir) await removeDir(tempDir);
    },
  };
}

/** The unit of a mock province with none configured: H00 is no province's code. */
const MOCK_UNIT = '000.00.01.H00';

/** An API's endpoint; a role the emulated system judges by another's convention says so (`response.preset`). */
function endpoint(role: ApiRole | undefined, origin: string, id: string, emulate: EmulationName | undefined) {
  const url = `${origin}/${id}`;
  const judgedBy = role && emulationNamed(emulate).conventionByRole?.[role];
  return judgedBy ? { url, response: { preset: judgedBy.name } } : { url };
}

/** A dvc config pointing at the mock server, the auth copied from the province's config (references, no secret). */
export async function mockApiConfig(
  o: Pick<MockApiOptions, 'configPath' | 'cwd' | 'dst' | 'host' | 'port' | 'tls' | 'caOut' | 'emulate'>,
): Promise<Record<string, unknown>> {
  checkEmulation(o.emulate);
  const { found, overrides } = await context(o);
  const dst = found?.province.dstcode ?? o.dst ?? 'MOCK';
  const key = found?.key ?? o.dst ?? 'MOCK';
  const origin = callableOrigin(o.host, o.port, o.tls);
  const province: Record<string, unknown> = {
    name: found?.province.name ?? 'dvc mock-api',
    // A printed config is used as it is: it names a unit, so no probe warns that the unit is unknown.
    unit: found?.province.unit ?? MOCK_UNIT,
    dstcode: dst,
    auth: found?.province.auth ?? { type: 'none' },
    apis: Object.fromEntries(listApiTypes(overrides).map((ty) => [ty.id, endpoint(ty.role, origin, ty.id, o.emulate)])),
    ...(o.emulate && o.emulate !== DEFAULT_EMULATION.name ? { response: { preset: o.emulate } } : {}),
  };
  if (o.tls && o.caOut) province.tls = { caFile: path.resolve(o.cwd, o.caOut) };
  return { provinces: { [key]: province } };
}
