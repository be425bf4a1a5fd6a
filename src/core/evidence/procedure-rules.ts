import type { EvidenceMsg } from './evidence-types.js';
import type { Progress, TrackedKind } from './procedure.js';
import { formatVnTime } from './working-time.js';

/**
 * The order of the procedure (3252/VPCP-KSTT, Appendix 1), written once: what `dvc evidence sent` and `received`
 * may record, given what is already recorded. Each rule refuses with its reason; nothing here reads a file.
 *
 *   cau-hinh.sent ──▶ cau-hinh.result (ok | rejected)
 *                          │ ok, and step 4 complete (or an override with its reason)
 *                          ▼
 *                     xac-nhan.sent ──▶ xac-nhan.result (ok | rejected)
 *
 * No event is later than now; a result is never before the request it answers; the confirmation request is never
 * before the configuration result. Sending a request again starts it afresh (its earlier result is cleared).
 */
export type ProcedureEvent =
  | { what: 'sent'; kind: TrackedKind; at: number }
  | { what: 'received'; kind: TrackedKind; at: number }
  | { what: 'alerts'; at: number };

/** A refused event: the message, and for step 4 the reasons it is not complete (rendered by the caller). */
export type Refusal = EvidenceMsg & { reasons?: EvidenceMsg[] };

export interface Step4Facts {
  evidenceComplete: boolean;
  /** API types whose test after the configuration is missing or failing. */
  untested: string[];
}

/** A minute of slack: a clock read a moment before the command ran is not "the future". */
const CLOCK_SLACK_MS = 60_000;

export function eventRefusal(
  p: Progress,
  e: ProcedureEvent,
  now: number,
  step4?: Step4Facts,
  override?: string,
): Refusal | undefined {
  if (e.at > now + CLOCK_SLACK_MS)
    return { key: 'evidence.progress.future', params: { at: formatVnTime(e.at), now: formatVnTime(now) } };
  if (e.what === 'alerts') return undefined;
  const r = p.requests[e.kind];
  if (e.what === 'received') {
    if (r.sent === undefined) return { key: 'evidence.progress.notSent', params: { kind: e.kind } };
    if (e.at < r.sent)
      return {
        key: 'evidence.progress.beforeSent',
        params: { kind: e.kind, at: formatVnTime(e.at), sent: formatVnTime(r.sent) },
      };
    return undefined;
  }
  if (e.kind === 'cau-hinh') return undefined;
  const cfg = p.requests['cau-hinh'];
  if (cfg.outcome === 'ok' && cfg.result !== undefined && e.at < cfg.result)
    return {
      key: 'evidence.progress.beforeConfig',
      params: { at: formatVnTime(e.at), configured: formatVnTime(cfg.result) },
    };
  if (override !== undefined && override.trim() !== '') return undefined;
  const reasons = step4ReasonMsgs(cfg.outcome === 'ok', step4);
  return reasons.length === 0 ? undefined : { key: 'evidence.progress.step4Incomplete', reasons };
}

/** Why step 4 is not complete, as message keys with parameters (rendered and joined by the caller). */
export function step4ReasonMsgs(configured: boolean, step4?: Step4Facts): EvidenceMsg[] {
  const out: EvidenceMsg[] = [];
  if (!configured) out.push({ key: 'evidence.progress.reason.notConfigured' });
  if (step4 && !step4.evidenceComplete) out.push({ key: 'evidence.progress.reason.evidence' });
  if (configured && step4 && step4.untested.length > 0)
    out.push({ key: 'evidence.progress.reason.apis', params: { types: step4.untested.join(', ') } });
  return out;
}
