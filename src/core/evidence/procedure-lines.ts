import type { EvidenceMsg } from './evidence-types.js';
import { NATIONAL_STATES, type ProcedureStatus, type StepState, type StepStatus } from './procedure.js';
import { formatVnTime } from './working-time.js';

/** One line of `dvc evidence status` (and of the bundle's index page): a state, what it means, what to do next. */
export interface StatusLine {
  id: string;
  state: StepState;
  message: EvidenceMsg;
  next?: EvidenceMsg;
}

type Facts = StepStatus['facts'];

function when(facts: Facts, key: string): string {
  const v = facts[key];
  return typeof v === 'number' ? formatVnTime(v) : '';
}

function stepLine(s: StepStatus, dst: string): StatusLine {
  const id = `step${s.step}`;
  const params: Record<string, string | number> = { dst };
  for (const [k, v] of Object.entries(s.facts))
    params[k] = typeof v === 'number' && k !== 'passing' && k !== 'types' ? when(s.facts, k) : String(v);
  if (s.facts.withinDeadline !== undefined) params.within = s.facts.withinDeadline ? 'inTime' : 'late';
  const message = { key: `evidence.status.${id}.${s.state}`, params };
  const nextKey = NEXT[`${id}.${s.state}`];
  return { id, state: s.state, message, ...(nextKey ? { next: { key: nextKey, params } } : {}) };
}

/** The next thing to do, by step and state; a state without an entry needs nothing. */
const NEXT: Record<string, string> = {
  'step1.pending': 'evidence.status.next.testApi',
  'step2.pending': 'evidence.status.next.sendConfig',
  'step3.waiting': 'evidence.status.next.receivedConfig',
  'step3.overdue': 'evidence.status.next.overdue',
  'step3.rejected': 'evidence.status.next.resendConfig',
  'step4.pending': 'evidence.status.next.testPayment',
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
  const lines = st.steps.map((s) => stepLine(s, dst));
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
