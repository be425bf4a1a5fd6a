import { DvcError, ExitCode } from '../../errors.js';
import { getApiType, listApiTypes, type ApiType, type Msg } from '../../core/api/api-type-registry.js';
import { loadConfig, requireConfig } from '../../io/config.js';
import { loadApiTypeOverrides } from '../../io/api-type-files.js';
import { maskUrl } from '../../core/probe/mask-secrets.js';
import { loadTrust } from '../../io/http/trust.js';
import { bodyFromFile, casesFromFile, templateBody, validateCases, type BodyCase } from './request-body.js';
import { refuseReservedName } from '../../core/reserved-names.js';
import { runLoad } from './load-run.js';
import { probeOnce, type ProbeSettings } from './probe-once.js';
import type { ProbeExitCode, ProbeResult, TestApiRun } from './probe-result.js';
import { saveExchanges } from './save-result.js';
import { resolveTarget, type Target } from './probe-target.js';

export type { ProbeResult, TestApiRun, LoadSummary } from './probe-result.js';

/** How requests are sent and bounded: the same for a probe, a load run and a rehearsal. */
export interface SendOptions {
  timeoutMs: number;
  maxTimeMs: number;
  maxBytes: number;
  caFiles: string[];
  insecure: boolean;
  proxy?: string;
}

export interface TestApiOptions extends SendOptions {
  type: string;
  url?: string;
  dst?: string;
  bodyFile?: string;
  casesFile?: string;
  validate: boolean;
  follow: boolean;
  saveDir?: string;
  repeat?: number;
  concurrency?: number;
  force: boolean;
  configPath?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now?: Date;
  /** Called after each probe of a --repeat run. */
  onProgress?: (done: number, total: number) => void;
  /** Called once the target is known, before anything is sent (for --verbose). */
  onTarget?: (t: Pick<Target, 'dst' | 'url' | 'method'>) => void;
}

function positive(name: string, v: number | undefined, min = 1): void {
  if (v !== undefined && (!Number.isInteger(v) || v < min))
    throw new DvcError('testApi.badNumber', { name, value: v, min }, ExitCode.Usage);
}

/** The upper bounds of a load run (docs/test-api.md): enough for any province's API, never a runaway run. */
export const MAX_REPEAT = 1_000_000;
export const MAX_CONCURRENCY = 1000;

function atMost(name: string, v: number | undefined, max: number): void {
  if (v !== undefined && v > max) throw new DvcError('testApi.numberTooLarge', { name, value: v, max }, ExitCode.Usage);
}

/**
 * The config for --dst and for API types defined in it. `--url` with a built-in type needs none, so no search is
 * made then (it costs a sixth of a second) unless --config names a file.
 */
async function configFor(o: Pick<TestApiOptions, 'dst' | 'configPath' | 'cwd' | 'type'>) {
  if (o.dst) return requireConfig({ configPath: o.configPath, cwd: o.cwd });
  if (!o.configPath && listApiTypes().some((t) => t.id === o.type)) return null;
  return loadConfig({ configPath: o.configPath, cwd: o.cwd });
}

/** Everything a run needs before sending: the type, the target and the bodies (validated unless told not to). */
export async function prepareRun(
  o: TestApiOptions,
): Promise<{ type: ApiType; target: Target; cases: BodyCase[]; warnings: Msg[] }> {
  positive('--timeout', o.timeoutMs);
  positive('--max-time', o.maxTimeMs);
  positive('--max-size', o.maxBytes);
  positive('--repeat', o.repeat);
  positive('--concurrency', o.concurrency);
  atMost('--repeat', o.repeat, MAX_REPEAT);
  atMost('--concurrency', o.concurrency, MAX_CONCURRENCY);
  refuseReservedName('--dst', o.dst);
  refuseReservedName('--type', o.type);
  if (o.url && o.dst === undefined && !o.url.trim()) throw new DvcError('testApi.needUrlOrDst', {}, ExitCode.Usage);
  if (o.casesFile && o.bodyFile) throw new DvcError('testApi.bodyAndCases', {}, ExitCode.Usage);
  if (o.casesFile && o.repeat) throw new DvcError('testApi.casesAndRepeat', {}, ExitCode.Usage);
  const loaded = await configFor(o);
  const type = getApiType(o.type, loaded ? await loadApiTypeOverrides(loaded.config, loaded.filepath) : undefined);
  const target = await resolveTarget(
    { type, url: o.url, dst: o.dst, caFiles: o.caFiles, insecure: o.insecure, env: o.env },
    loaded,
  );
  const now = o.now ?? new Date();
  const warnings: Msg[] = [];
  let cases: BodyCase[];
  if (o.casesFile) cases = await casesFromFile(o.casesFile, type, target, now, warnings);
  else if (o.bodyFile) cases = [{ name: type.id, body: await bodyFromFile(o.bodyFile, o.validate) }];
  else cases = [{ name: type.id, body: await templateBody(type, target, now, undefined, warnings) }];
  if (o.validate) validateCases(type, cases);
  else warnings.push({ key: 'testApi.warn.notValidated', params: {} });
  return { type, target, cases, warnings };
}

/** Errors of the file system that the user fixes by choosing another folder (or closing a file): exit 2. */
const UNWRITABLE = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EBUSY', 'ENOSPC', 'EEXIST']);

export async function saveOrExplain(
  dir: string,
  probes: ProbeResult[],
  o: { force: boolean; now: Date },
): Promise<string[]> {
  try {
    return await saveExchanges(dir, probes, o);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (e instanceof DvcError || !code || !UNWRITABLE.has(code)) throw e;
    throw new DvcError('testApi.saveUnwritable', { dir, code }, ExitCode.Usage, { cause: e });
  }
}

function exitOf(probes: ProbeResult[]): ProbeExitCode {
  if (probes.some((p) => p.fault)) return ExitCode.Network;
  return probes.every((p) => p.ok) ? ExitCode.Ok : ExitCode.CheckFailed;
}

/** `dvc test-api`: one probe, a suite of cases, or a load run; then the exchanges saved when asked. */
export async function runTestApi(o: TestApiOptions): Promise<TestApiRun> {
  const { type, target, cases, warnings } = await prepareRun(o);
  o.onTarget?.({ dst: target.dst, url: maskUrl(target.url, target.secrets), method: target.method });
  const ca = await loadTrust(target.caFiles, o.env);
  const settings: ProbeSettings = {
    timeoutMs: o.timeoutMs,
    maxTimeMs: o.maxTimeMs,
    maxBytes: o.maxBytes,
    ...(ca ? { ca } : {}),
    ...(o.proxy ? { proxy: o.proxy } : {}),
    follow: o.follow,
    env: o.env,
  };
  if (target.insecure) warnings.unshift({ key: 'testApi.warn.insecure', params: {} });
  const run: TestApiRun = {
    dst: target.dst,
    type: type.id,
    url: target.url,
    insecure: target.insecure,
    probes: [],
    warnings,
    saved: [],
    exitCode: ExitCode.Ok,
  };
  if (o.repeat) {
    const load = await runLoad(type, target, cases[0], settings, o.repeat, o.concurrency ?? 1, o.onProgress);
    run.probes = load.samples;
    run.load = load.summary;
    run.exitCode =
      load.summary.errorsByKind && Object.keys(load.summary.errorsByKind).some((k) => !k.startsWith('check:'))
        ? 3
        : load.summary.failed
          ? 1
          : 0;
  } else {
    for (const c of cases) run.probes.push(await probeOnce(type, target, c, settings));
    run.exitCode = exitOf(run.probes);
  }
  run.url = run.probes[0]?.url ?? maskUrl(target.url, target.secrets);
  if (o.saveDir) run.saved = await saveOrExplain(o.saveDir, run.probes, { force: o.force, now: o.now ?? new Date() });
  return run;
}
