import { randomInt } from 'node:crypto';
import { refuseReservedName } from '../../core/reserved-names.js';
import { performance } from 'node:perf_hooks';
import { DvcError, ExitCode } from '../../errors.js';
import { listApiTypes, validateRequest, type ApiType, type Msg } from '../../core/api/api-type-registry.js';
import {
  amountCheck,
  amountDue,
  REHEARSAL_PLAN,
  rehearsalData,
  stepRule,
  type RehearsalData,
  type RehearsalStepName,
  type RehearsalStepPlan,
} from '../../core/api/rehearsal.js';
import { requireConfig } from '../../io/config.js';
import { loadApiTypeOverrides } from '../../io/api-type-files.js';
import { loadTrust } from '../../io/http/trust.js';
import { SharedConnections } from '../../io/http/shared-connections.js';
import { BodyInvalidError, PLACEHOLDER_UNIT, templateBody, unitWarning } from './request-body.js';
import { probeOnce, type ProbeSettings } from './probe-once.js';
import type { ProbeResult } from './probe-result.js';
import { resolveTarget, type Target } from './probe-target.js';
import { saveOrExplain, type SendOptions } from './run-test-api.js';

/** `dvc test-api rehearse`: step 4 of the procedure, rehearsed against a province with one synthetic data set. */

export interface RehearseOptions extends SendOptions {
  dst: string;
  saveDir?: string;
  force: boolean;
  configPath?: string;
  cwd: string;
  env: NodeJS.ProcessEnv;
  now?: Date;
  /** The dossier serial (0–99, marked 99NN); random when absent. */
  serial?: number;
  /** Called after each step, for progress on a terminal. */
  onStep?: (step: RehearsalStepResult) => void;
}

export interface RehearsalStepResult {
  name: RehearsalStepName;
  type: string;
  ok: boolean;
  /** Not sent: an earlier step met a transport fault. */
  skipped: boolean;
  /** ms from the start of the rehearsal to the start of this step. */
  startMs: number;
  probe: ProbeResult | null;
}

export interface RehearsalRun {
  dst: string;
  dossierCode: string;
  noticeNumber: string;
  amount: number;
  startedAt: string;
  totalMs: number;
  steps: RehearsalStepResult[];
  warnings: Msg[];
  saved: string[];
  exitCode: 0 | 1 | 3;
}

interface Prepared {
  byRole: Map<string, { type: ApiType; target: Target }>;
  unit: string;
  warnings: Msg[];
}

/** The province's three land-obligation APIs, found by their role, each with its URL, auth and convention. */
async function prepare(o: RehearseOptions): Promise<Prepared> {
  const loaded = await requireConfig({ configPath: o.configPath, cwd: o.cwd });
  const types = listApiTypes(await loadApiTypeOverrides(loaded.config, loaded.filepath));
  const byRole = new Map<string, { type: ApiType; target: Target }>();
  let unit: string | undefined;
  let dst: string | null = null;
  for (const role of new Set(REHEARSAL_PLAN.map((s) => s.role))) {
    const type = types.find((t) => t.role === role);
    if (!type) throw new DvcError('rehearse.noRole', { role }, ExitCode.Usage);
    const target = await resolveTarget(
      { type, dst: o.dst, caFiles: o.caFiles, insecure: o.insecure, env: o.env },
      loaded,
    );
    unit ??= target.unit;
    dst ??= target.dst;
    byRole.set(role, { type, target });
  }
  return { byRole, unit: unit ?? PLACEHOLDER_UNIT, warnings: unit ? [] : [unitWarning(dst)] };
}

/** The step's body from the data set, validated like any test-api body (exit 2 before anything is sent). */
async function stepBody(type: ApiType, target: Target, now: Date, data: RehearsalData): Promise<unknown> {
  const body = await templateBody(type, target, now, data.dossierCode, undefined, data.facts);
  const issues = validateRequest(type, body);
  if (issues.length) throw new BodyInvalidError(type.id, issues);
  return body;
}

/** Adds the step's own check (the amount due) to the probe's. */
function judged(step: RehearsalStepPlan, p: ProbeResult, target: Target, amount: number): ProbeResult {
  if (!p.response || p.fault) return p;
  const extra = amountCheck(step, amountDue(p.response.body, target.rule), amount);
  if (!extra) return p;
  const checks = [...p.checks, extra];
  return { ...p, checks, ok: checks.every((c) => c.ok) };
}

function exitOf(steps: RehearsalStepResult[]): 0 | 1 | 3 {
  if (steps.some((s) => s.probe?.fault)) return ExitCode.Network;
  return steps.every((s) => s.ok) ? ExitCode.Ok : ExitCode.CheckFailed;
}

/**
 * The steps share keep-alive connections, as the portal's client does: the step that opens a connection has its
 * DNS, connect and TLS timings; the others reuse it.
 */
async function settingsOf(o: RehearseOptions, p: Prepared): Promise<ProbeSettings> {
  const targets = [...p.byRole.values()].map((x) => x.target);
  const ca = await loadTrust([...new Set(targets.flatMap((t) => t.caFiles))], o.env);
  const shared = new SharedConnections({
    timeoutMs: o.timeoutMs,
    ...(ca ? { ca } : {}),
    insecure: targets.some((t) => t.insecure),
    connections: 1,
    sequential: true,
  });
  return {
    timeoutMs: o.timeoutMs,
    maxTimeMs: o.maxTimeMs,
    maxBytes: o.maxBytes,
    ...(ca ? { ca } : {}),
    ...(o.proxy ? { proxy: o.proxy } : {}),
    follow: false,
    env: o.env,
    shared,
  };
}

/** The five steps in order, one at a time; after a transport fault the rest are skipped. */
async function runSteps(
  o: RehearseOptions,
  prepared: Prepared,
  bodies: Map<string, unknown>,
  settings: ProbeSettings,
  data: RehearsalData,
): Promise<RehearsalStepResult[]> {
  const t0 = performance.now();
  const steps: RehearsalStepResult[] = [];
  let halted = false;
  for (const step of REHEARSAL_PLAN) {
    const { type, target } = prepared.byRole.get(step.role)!;
    const startMs = Math.round(performance.now() - t0);
    if (halted) {
      steps.push({ name: step.name, type: type.id, ok: false, skipped: true, startMs, probe: null });
      continue;
    }
    const rule = stepRule(step, target.rule);
    const probe = await probeOnce(
      type,
      { ...target, rule },
      { name: step.name, body: bodies.get(step.role) },
      settings,
    );
    const result = judged(step, probe, target, data.facts.amount);
    const done: RehearsalStepResult = {
      name: step.name,
      type: type.id,
      ok: result.ok,
      skipped: false,
      startMs,
      probe: result,
    };
    steps.push(done);
    o.onStep?.(done);
    halted = probe.fault !== undefined;
  }
  return steps;
}

export async function runRehearsal(o: RehearseOptions): Promise<RehearsalRun> {
  refuseReservedName('--dst', o.dst);
  const prepared = await prepare(o);
  const now = o.now ?? new Date();
  const data = rehearsalData(prepared.unit, now, o.serial ?? randomInt(0, 100));
  const bodies = new Map<string, unknown>();
  for (const [role, { type, target }] of prepared.byRole) bodies.set(role, await stepBody(type, target, now, data));
  const settings = await settingsOf(o, prepared);
  const t0 = performance.now();
  let steps: RehearsalStepResult[];
  let totalMs: number;
  try {
    steps = await runSteps(o, prepared, bodies, settings, data);
    totalMs = Math.round(performance.now() - t0);
  } finally {
    await settings.shared?.close();
  }
  const run: RehearsalRun = {
    dst: prepared.byRole.values().next().value!.target.dst ?? o.dst,
    dossierCode: data.dossierCode,
    noticeNumber: data.facts.noticeNumber,
    amount: data.facts.amount,
    startedAt: now.toISOString(),
    totalMs,
    steps,
    warnings: [
      ...prepared.warnings,
      ...([...prepared.byRole.values()].some((x) => x.target.insecure)
        ? [{ key: 'testApi.warn.insecure', params: {} }]
        : []),
    ],
    saved: [],
    exitCode: exitOf(steps),
  };
  if (o.saveDir) {
    const probes = steps.flatMap((s) => (s.probe ? [s.probe] : []));
    run.saved = await saveOrExplain(o.saveDir, probes, { force: o.force, now });
  }
  return run;
}
