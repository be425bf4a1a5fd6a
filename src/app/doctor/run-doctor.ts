/**
 * `dvc doctor`: is this machine ready to work with the portal? Node's version, the configuration, proxy settings,
 * extra CA certificates, the shipped reference data, and for each configured province whether its API hosts
 * resolve, accept a connection and present a certificate that verifies and is not about to expire.
 * Returns the checks as values; the CLI renders them and decides the exit code (1 when any check is an error).
 */
import path from 'node:path';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';
import { loadConfig, type LoadedConfig } from '../../io/config.js';
import { listDataFiles } from '../../io/shipped-data.js';
import { readTextOrError } from '../../io/read-input.js';
import { maskUrl } from '../../core/probe/mask-secrets.js';
import { checkProvinces } from './doctor-network.js';
import { fail, msg, pass, warn, type DoctorCheck } from './doctor-check.js';

export type { DoctorCheck, DoctorMsg } from './doctor-check.js';

export const MIN_NODE = '20.19.0';

export interface DoctorOptions {
  configPath?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Only this province (its key in the config, or its DSTCode). */
  dst?: string;
  timeoutMs: number;
  nodeVersion?: string;
  now?: Date;
  dataDir?: string;
}

export interface DoctorResult {
  ok: boolean;
  checks: DoctorCheck[];
}

function atLeast(version: string, min: string): boolean {
  const a = version.replace(/^v/, '').split('.').map(Number);
  const b = min.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  }
  return true;
}

export function checkNode(version: string): DoctorCheck {
  return atLeast(version, MIN_NODE)
    ? pass('node', msg('doctor.node.ok', { version }))
    : fail(
        'node',
        msg('doctor.node.old', { version, required: MIN_NODE }),
        msg('doctor.fix.node', { required: MIN_NODE }),
      );
}

const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'];

export function checkProxy(env: NodeJS.ProcessEnv): DoctorCheck[] {
  const set = PROXY_VARS.filter((n) => env[n] !== undefined && env[n] !== '');
  if (set.length === 0) return [pass('proxy', msg('doctor.proxy.none'))];
  const out: DoctorCheck[] = [];
  const shown: string[] = [];
  for (const name of set) {
    const value = env[name] as string;
    if (name.toLowerCase() === 'no_proxy') {
      shown.push(`${name}=${value}`);
      continue;
    }
    const masked = maskUrl(value, { values: [] });
    shown.push(`${name}=${masked}`);
    try {
      const u = new URL(value);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(u.protocol);
    } catch {
      out.push(fail(`proxy.${name}`, msg('doctor.proxy.bad', { name, value: masked }), msg('doctor.fix.proxy')));
    }
  }
  return [pass('proxy', msg('doctor.proxy.set', { list: shown.join('  ') })), ...out];
}

export async function checkExtraCa(env: NodeJS.ProcessEnv): Promise<DoctorCheck> {
  const file = env.NODE_EXTRA_CA_CERTS;
  if (!file) return pass('ca.extra', msg('doctor.ca.unset'));
  const text = await readTextOrError(file);
  if (text instanceof Error)
    return fail('ca.extra', msg('doctor.ca.unreadable', { file, reason: text.message }), msg('doctor.fix.ca'));
  const count = (text.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length;
  if (count === 0) return fail('ca.extra', msg('doctor.ca.noCert', { file }), msg('doctor.fix.ca'));
  return pass('ca.extra', msg('doctor.ca.ok', { file, count }));
}

export async function checkData(dir?: string): Promise<DoctorCheck> {
  const files = await listDataFiles(dir);
  if (!files || files.length === 0)
    return warn('data', msg('doctor.data.missing', { dir: dir ?? 'data/' }), msg('doctor.fix.data'));
  const editions = files.map((f) => `${f.edition} (${Math.max(1, Math.round(f.bytes / 1024))} KB)`).join(', ');
  return pass('data', msg('doctor.data.ok', { count: files.length, editions }));
}

async function checkConfig(o: DoctorOptions): Promise<{ check: DoctorCheck; loaded: LoadedConfig | null }> {
  try {
    const loaded = await loadConfig({ configPath: o.configPath, cwd: o.cwd });
    if (!loaded)
      return { check: warn('config', msg('doctor.config.none'), msg('doctor.fix.configNone')), loaded: null };
    const provinces = Object.keys(loaded.config.provinces);
    return {
      check: pass(
        'config',
        msg('doctor.config.ok', {
          file: loaded.filepath,
          count: provinces.length,
          provinces: provinces.join(', ') || '–',
        }),
      ),
      loaded,
    };
  } catch (e) {
    if (!isDvcError(e)) throw e;
    return { check: fail('config', msg(e.key, e.params), msg('doctor.fix.config')), loaded: null };
  }
}

export async function runDoctor(o: DoctorOptions): Promise<DoctorResult> {
  const checks: DoctorCheck[] = [checkNode(o.nodeVersion ?? process.versions.node)];
  const config = await checkConfig(o);
  checks.push(config.check, ...checkProxy(o.env), await checkExtraCa(o.env), await checkData(o.dataDir));
  if (config.loaded) {
    let provinces = Object.entries(config.loaded.config.provinces);
    if (o.dst) {
      provinces = provinces.filter(([key, p]) => key === o.dst || p.dstcode === o.dst);
      if (provinces.length === 0) {
        throw new DvcError(
          'doctor.unknownDst',
          { dst: o.dst, known: Object.keys(config.loaded.config.provinces).join(', ') || '–' },
          ExitCode.Usage,
        );
      }
    }
    checks.push(
      ...(await checkProvinces(provinces, {
        env: o.env,
        timeoutMs: o.timeoutMs,
        configDir: path.dirname(config.loaded.filepath),
        now: o.now,
      })),
    );
  } else if (o.dst && config.check.severity === 'warning') {
    throw new DvcError('doctor.dstWithoutConfig', { dst: o.dst }, ExitCode.Usage);
  }
  return { ok: !checks.some((c) => !c.ok && c.severity === 'error'), checks };
}
