import type { EvidenceMsg } from './evidence-types.js';
import { NATIONAL_STATES, type ProcedureStatus, type StepState, type StepStatus } from './procedure.js';
import { formatVnTime } from './working-time.js';
import { listApiTypes } from '../api/api-type-registry.js';

/** One line of `dvc evidence status` (and of the bundle's index page): a state, what it means, what to do next. */
export interface StatusLine {
  id: string;
  state: StepState;
  message: EvidenceMsg;
  next?: EvidenceMsg;
  /** Further things to do, one a line (step 4: each API type to test again, and how). */
  also?: EvidenceMsg[];
}

type Facts = StepStatus['facts'];

function when(facts: Facts, key: string): string {
  const v = facts[key];
  return typeof v === 'number' ? formatVnTime(v) : '';
}

function stepLine(s: StepStatus, dst: string, st: ProcedureStatus): StatusLine {
  const id = `step${s.step}`;
  const params: Record<string, string | number> = { dst };
  for (const [k, v] of Object.entries(s.facts))
    params[k] = typeof v === 'number' && k !== 'passing' && k !== 'types' ? when(s.facts, k) : String(v);
  if (s.facts.withinDeadline !== undefined) params.within = s.facts.withinDeadline ? 'inTime' : 'late';
  if (s.facts.confirmed === true) return { id, state: s.state, message: { key: `evidence.status.${id}.confirmed` } };
  const message = { key: `evidence.status.${id}.${s.state}`, params };
  if (s.step === 4 && s.state === 'pending') return step4Line(s, params, st);
  const nextKey = NEXT[`${id}.${s.state}`];
  const also = typeof s.facts.override === 'string' ? [{ key: 'evidence.status.overridden', params }] : undefined;
  return {
    id,
    state: s.state,
    message,
    ...(nextKey ? { next: { key: nextKey, params } } : {}),
    ...(also ? { also } : {}),
  };
}

/**
 * Step 4 unfinished: the evidence to add, if any, and only the API tests that can and must run again. A notice
 * type whose notice was already received cannot be sent again as it was (the province's system answers it is a
 * duplicate): the advice is to send it as an update, with `isUpdating: true`.
 */
function step4Line(s: StepStatus, params: Record<string, string | number>, st: ProcedureStatus): StatusLine {
  const configured = st.steps.find((x) => x.step === 3)?.state === 'done';
  const also: EvidenceMsg[] = [];
  if (!configured) also.push({ key: 'evidence.status.next.retestAfterConfig', params });
  else
    for (const a of st.apiChecksAfterConfig.filter((x) => !x.ok)) {
      const notice = API_ROLES.get(a.type) === 'notice';
      const request = a.file?.replace(/\.result\.json$/i, '.request.json');
      also.push(
        notice && a.passed && request
          ? { key: 'evidence.status.retestUpdate', params: { ...params, type: a.type, request } }
          : { key: 'evidence.status.retest', params: { ...params, type: a.type } },
      );
    }
  return {
    id: 'step4',
    state: s.state,
    message: { key: 'evidence.status.step4.pending', params },
    ...(s.facts.evidenceComplete === true ? {} : { next: { key: 'evidence.status.next.testPayment', params } }),
    ...(also.length > 0 ? { also } : {}),
  };
}

const API_ROLES = new Map(listApiTypes().map((t) => [t.id, t.role]));

/** The next thing to do, by step and state; a state without an entry needs nothing. */
const NEXT: Record<string, string> = {
  'step1.pending': 'evidence.status.next.testApi',
  'step2.pending': 'evidence.status.next.sendConfig',
  'step3.waiting': 'evidence.status.next.receivedConfig',
  'step3.overdue': 'evidence.status.next.overdue',
  'step3.rejected': 'evidence.status.next.resendConfig',
  'step5.pending': 'evidence.status.next.sendConfirm',
  'step6.waiting': 'evidence.status.next.receivedConfirm',
  'step6.rejected': 'evidence.status.next.resendConfirm',
};

/** The evidence.yaml field each alert problem is about. */
export const ALERT_FIELD: Record<string, string> = {
  'evidence.alerts.noUnit': 'alerts.unit',
  'evidence.alerts.noServiceType': 'alerts.serviceType',
  'evidence.alerts.noPhone': 'alerts.phones',
  'evidence.alerts.noEmail': 'alerts.emails',
  'evidence.alerts.badPhone': 'alerts.phones',
  'evidence.alerts.badEmail': 'alerts.emails',
};

export function statusLines(st: ProcedureStatus, dst = '<DST>'): StatusLine[] {
  const lines = st.steps.map((s) => stepLine(s, dst, st));
  const a = st.alerts;
  lines.push(
    a.ok
      ? {
          id: 'alerts',
          state: 'done',
          message: { key: 'evidence.status.alerts.done', params: { registered: formatVnTime(a.registered ?? 0) } },
        }
      : a.problems.length === 0
        ? {
            id: 'alerts',
            state: 'pending',
            message: { key: 'evidence.status.alerts.unregistered' },
            next: { key: 'evidence.status.next.alertsRecord' },
          }
        : {
            id: 'alerts',
            state: 'pending',
            message: {
              key: 'evidence.status.alerts.pending',
              params: {
                problems: a.problems.map((p) => ALERT_FIELD[p.key] + (p.value ? ` ${p.value}` : '')).join(', ') || '-',
              },
            },
            next: { key: 'evidence.status.next.alerts' },
          },
  );
  return lines;
}

export function nationalLabel(st: ProcedureStatus): string {
  return NATIONAL_STATES[st.national];
}
