import { isEmail, isPhone } from './metadata.js';
import type { TestApiResult } from './test-api-result.js';
import { addWorkingHours, parseVnTime, type WorkCalendar } from './working-time.js';

/**
 * Where a province stands in the six steps of Appendix 1 of 3252/VPCP-KSTT and in the three national states of
 * 4013/VPCP-KSTT (appendix V), from what the officer recorded in evidence.yaml (`progress`, `alerts`) and what
 * the evidence folder holds. Pure: the caller gives the clock and the working calendar.
 */
export const TRACKED_KINDS = ['cau-hinh', 'xac-nhan'] as const;
export type TrackedKind = (typeof TRACKED_KINDS)[number];
export type Outcome = 'ok' | 'rejected';

export interface ProgressRecord {
  sent?: number;
  result?: number;
  outcome?: Outcome;
  /** Why the request was recorded as sent before its step was complete (`sent --override`). */
  override?: string;
}

export interface AlertsRegistration {
  unit?: string;
  serviceType?: string;
  phones: string[];
  emails: string[];
  registered?: number;
}

export interface Progress {
  requests: Record<TrackedKind, ProgressRecord>;
  alerts: AlertsRegistration;
  /** Values that could not be read, `<path>: <value>`. */
  problems: string[];
}

/** The national states of 4013/VPCP-KSTT, appendix V, in the letter's words. */
export const NATIONAL_STATES = {
  done: 'Đã hoàn thành',
  testing: 'Đã tích hợp, đang kiểm thử',
  studying: 'Đang nghiên cứu triển khai tích hợp',
} as const;
export type NationalState = keyof typeof NATIONAL_STATES;

/** "Thời hạn xử lý trong vòng 8h làm việc" (step 3). */
export const STEP3_WORKING_HOURS = 8;

function obj(v: unknown): Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

function strings(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v === undefined || v === null || v === '' ? [] : [v];
  return list.map((x) => String(x).trim()).filter(Boolean);
}

function timeField(v: unknown, where: string, problems: string[]): number | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const s = v instanceof Date ? v.toISOString() : String(v);
  const ms = parseVnTime(s);
  if (ms === undefined) problems.push(`${where}: ${s}`);
  return ms;
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim().normalize('NFC') : undefined;
}

/** Reads `progress` and `alerts` of the parsed evidence.yaml; never throws. */
export function progressFromYaml(raw: unknown): Progress {
  const r = obj(raw);
  const problems: string[] = [];
  const requests = {} as Record<TrackedKind, ProgressRecord>;
  for (const kind of TRACKED_KINDS) {
    const p = obj(obj(r.progress)[kind]);
    const outcome = text(p.outcome);
    if (outcome !== undefined && outcome !== 'ok' && outcome !== 'rejected')
      problems.push(`progress.${kind}.outcome: ${outcome}`);
    requests[kind] = {
      sent: timeField(p.sent, `progress.${kind}.sent`, problems),
      result: timeField(p.result, `progress.${kind}.result`, problems),
      outcome: outcome === 'ok' || outcome === 'rejected' ? outcome : undefined,
      ...(text(p.override) === undefined ? {} : { override: text(p.override) }),
    };
  }
  const a = obj(r.alerts);
  const alerts: AlertsRegistration = {
    unit: text(a.unit),
    serviceType: text(a.serviceType),
    phones: strings(a.phones),
    emails: strings(a.emails),
    registered: timeField(a.registered, 'alerts.registered', problems),
  };
  return { requests, alerts, problems };
}

/** What is wrong with the error-alert registration, as message keys with the offending value; [] when valid. */
export function alertProblems(a: AlertsRegistration): Array<{ key: string; value?: string }> {
  const out: Array<{ key: string; value?: string }> = [];
  if (!a.unit) out.push({ key: 'evidence.alerts.noUnit' });
  if (!a.serviceType) out.push({ key: 'evidence.alerts.noServiceType' });
  if (a.phones.length === 0) out.push({ key: 'evidence.alerts.noPhone' });
  if (a.emails.length === 0) out.push({ key: 'evidence.alerts.noEmail' });
  for (const p of a.phones) if (!isPhone(p)) out.push({ key: 'evidence.alerts.badPhone', value: p });
  for (const e of a.emails) if (!isEmail(e)) out.push({ key: 'evidence.alerts.badEmail', value: e });
  return out;
}

export type StepState = 'done' | 'pending' | 'waiting' | 'overdue' | 'rejected';

export interface StepStatus {
  step: 1 | 2 | 3 | 4 | 5 | 6;
  state: StepState;
  /** Facts behind the state, for the renderers (times in ms, counts, type lists). */
  facts: Record<string, string | number | boolean | string[]>;
}

export interface ApiCheckAfterConfig {
  type: string;
  ok: boolean;
  /** The newest result of this type passed, whenever it ran (a notice it sent was received). */
  passed: boolean;
  at?: number;
  file?: string;
}

export interface ProcedureStatus {
  national: NationalState;
  steps: StepStatus[];
  /** Step 3's deadline: 8 working hours after the configuration request was sent. */
  deadline?: { due: number; met?: boolean };
  /** Test-api results after the configuration was confirmed, one per configured type. */
  apiChecksAfterConfig: ApiCheckAfterConfig[];
  alerts: { ok: boolean; registered?: number; problems: Array<{ key: string; value?: string }> };
  problems: string[];
}

export interface StatusInput {
  progress: Progress;
  /** Best test-api result per type found in the folder. */
  results: readonly TestApiResult[];
  /** API types the province configures, with their URLs. */
  apis: Record<string, string>;
  /** `check --kind cau-hinh` passes. */
  configReady: boolean;
  /** `check --kind xac-nhan` passes: the step-4 evidence is complete. */
  confirmReady: boolean;
  now: number;
  calendar: WorkCalendar;
}

function national(p: Progress): NationalState {
  if (p.requests['xac-nhan'].outcome === 'ok') return 'done';
  if (p.requests['cau-hinh'].outcome === 'ok') return 'testing';
  return 'studying';
}

function sentStep(step: 2 | 5, r: ProgressRecord, ready: boolean): StepStatus {
  return r.sent !== undefined
    ? { step, state: 'done', facts: { sent: r.sent } }
    : { step, state: 'pending', facts: { ready } };
}

function resultStep(step: 3 | 6, r: ProgressRecord, now: number, due?: number): StepStatus {
  const facts: StepStatus['facts'] = {};
  if (due !== undefined) facts.due = due;
  if (r.sent === undefined) return { step, state: 'pending', facts };
  if (r.result !== undefined) {
    facts.result = r.result;
    if (due !== undefined) facts.withinDeadline = r.result <= due;
    return { step, state: r.outcome === 'rejected' ? 'rejected' : 'done', facts };
  }
  return { step, state: due !== undefined && now > due ? 'overdue' : 'waiting', facts };
}

/** Passing test-api results run after the configuration was confirmed, against the configured URL. */
export function apiChecksAfterConfig(
  apis: Record<string, string>,
  results: readonly TestApiResult[],
  configuredAt: number | undefined,
): ApiCheckAfterConfig[] {
  return Object.entries(apis).map(([type, url]) => {
    const r = results.find((x) => x.type === type);
    const after = r !== undefined && configuredAt !== undefined && (r.at ?? 0) >= configuredAt;
    const sameUrl = r?.url === undefined || r.url === url;
    return { type, ok: Boolean(r?.ok && after && sameUrl), passed: Boolean(r?.ok), at: r?.at, file: r?.file };
  });
}

/**
 * Once the Government Office has confirmed the integration (step 6, ok), the procedure is finished: a step the
 * folder cannot show as done (evidence moved away, a test older than the configuration) is shown as confirmed,
 * never as unfinished next to "Đã hoàn thành".
 */
function confirmedStep(s: StepStatus): StepStatus {
  return s.step === 6 || s.state === 'done'
    ? s
    : { step: s.step, state: 'done', facts: { ...s.facts, confirmed: true } };
}

export function procedureStatus(i: StatusInput): ProcedureStatus {
  const cfg = i.progress.requests['cau-hinh'];
  const conf = i.progress.requests['xac-nhan'];
  const due = cfg.sent === undefined ? undefined : addWorkingHours(cfg.sent, STEP3_WORKING_HOURS, i.calendar);
  const types = Object.keys(i.apis);
  const passing = types.filter((t) => i.results.some((r) => r.type === t && r.ok));
  const after = apiChecksAfterConfig(i.apis, i.results, cfg.outcome === 'ok' ? cfg.result : undefined);
  const afterOk = after.length > 0 && after.every((a) => a.ok);
  const step4: StepStatus = {
    step: 4,
    state: i.confirmReady && afterOk ? 'done' : 'pending',
    facts: { evidenceComplete: i.confirmReady, apiChecksAfterConfig: afterOk },
  };
  const alertIssues = alertProblems(i.progress.alerts);
  const steps: StepStatus[] = [
    {
      step: 1,
      state: types.length > 0 && passing.length === types.length ? 'done' : 'pending',
      facts: { passing: passing.length, types: types.length, missing: types.filter((t) => !passing.includes(t)) },
    },
    sentStep(2, cfg, i.configReady),
    resultStep(3, cfg, i.now, due),
    step4,
    sentStep(5, conf, i.confirmReady),
    resultStep(6, conf, i.now),
  ];
  if (conf.override !== undefined) steps[4]!.facts.override = conf.override;
  const nationalState = national(i.progress);
  return {
    national: nationalState,
    steps: nationalState === 'done' ? steps.map(confirmedStep) : steps,
    deadline: due === undefined ? undefined : { due, met: cfg.result === undefined ? undefined : cfg.result <= due },
    apiChecksAfterConfig: after,
    alerts: {
      ok: alertIssues.length === 0 && i.progress.alerts.registered !== undefined,
      registered: i.progress.alerts.registered,
      problems: alertIssues,
    },
    problems: i.progress.problems,
  };
}
