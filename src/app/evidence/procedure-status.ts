import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import type { CheckOutcome } from '../../core/evidence/check-rules.js';
import { META_FILE } from '../../core/evidence/checklist.js';
import type { MetaChange } from '../../core/evidence/metadata.js';
import {
  procedureStatus,
  progressFromYaml,
  alertProblems,
  type Progress,
  type ProcedureStatus,
  type Outcome,
  type TrackedKind,
} from '../../core/evidence/procedure.js';
import { ALERT_FIELD } from '../../core/evidence/procedure-lines.js';
import { eventRefusal, type ProcedureEvent, type Step4Facts } from '../../core/evidence/procedure-rules.js';
import type { Say } from '../../core/evidence/evidence-types.js';
import { hintArg } from '../../core/shell/shell-arg.js';
import { formatVnTime, parseVnTime } from '../../core/evidence/working-time.js';
import { requireFolder, pathKind } from '../../io/evidence/evidence-folder.js';
import { saveMetaChanges } from '../../io/evidence/meta-file.js';
import { loadWorkCalendar } from '../../io/evidence/holidays-file.js';
import { checkOpened, openEvidenceFolder } from './check-evidence.js';
import { evidenceSetup, readMergedMeta, type SetupOptions } from './evidence-setup.js';

export interface StatusOptions extends SetupOptions {
  dir: string;
  now?: number;
  /** A holiday file instead of the shipped data/vn-holidays.yaml. */
  holidays?: string;
}

export interface StatusRun {
  dir: string;
  status: ProcedureStatus;
  checks: Record<TrackedKind, CheckOutcome>;
  holidaysFile: string;
}

/** Where the province stands: the six steps, the national state, step 3's deadline, the error-alert registration. */
export async function evidenceStatus(o: StatusOptions): Promise<StatusRun> {
  const folder = await openEvidenceFolder(o);
  const { calendar, file } = await loadWorkCalendar(o.holidays && path.resolve(o.cwd, o.holidays));
  const now = o.now ?? Date.now();
  const check = (kind: TrackedKind) => checkOpened(folder, kind, now);
  const checks = { 'cau-hinh': check('cau-hinh'), 'xac-nhan': check('xac-nhan') };
  const status = procedureStatus({
    progress: progressFromYaml(folder.raw),
    results: checks['xac-nhan'].results,
    apis: folder.meta?.apis ?? {},
    configReady: checks['cau-hinh'].ok,
    confirmReady: checks['xac-nhan'].ok,
    now,
    calendar,
  });
  return { dir: folder.dir, status, checks, holidaysFile: file };
}

export type RecordWhat = 'sent' | 'received' | 'alerts';

export interface RecordOptions extends SetupOptions {
  dir: string;
  what: RecordWhat;
  /** For sent/received; ignored for alerts. */
  kind?: TrackedKind;
  outcome?: Outcome;
  /** "YYYY-MM-DD HH:mm" Vietnam time, or an ISO instant; default now. */
  at?: string;
  now?: number;
  /** sent --kind xac-nhan before step 4 is complete: why, recorded in evidence.yaml. */
  override?: string;
  /** The words of a refusal's reasons, in the officer's language (handed down by the cli). */
  say: Say;
}

export interface RecordResult {
  file: string;
  changes: MetaChange[];
  at: number;
}

function recordChanges(o: RecordOptions, at: string, before: Progress): MetaChange[] {
  if (o.what === 'alerts') return [{ field: 'alerts.registered', path: ['alerts', 'registered'], value: at }];
  const kind = o.kind ?? 'cau-hinh';
  if (o.what === 'sent') {
    const out: MetaChange[] = [{ field: `progress.${kind}.sent`, path: ['progress', kind, 'sent'], value: at }];
    // Sent again (after a rejection): the request starts afresh, its earlier result no longer answers it.
    const r = before.requests[kind];
    if (r.result !== undefined || r.outcome !== undefined)
      out.push(
        { field: `progress.${kind}.result`, path: ['progress', kind, 'result'], value: '' },
        { field: `progress.${kind}.outcome`, path: ['progress', kind, 'outcome'], value: '' },
      );
    if (o.override !== undefined)
      out.push({ field: `progress.${kind}.override`, path: ['progress', kind, 'override'], value: o.override.trim() });
    return out;
  }
  return [
    { field: `progress.${kind}.result`, path: ['progress', kind, 'result'], value: at },
    { field: `progress.${kind}.outcome`, path: ['progress', kind, 'outcome'], value: o.outcome ?? 'ok' },
  ];
}

/** Records in evidence.yaml that a request was sent, its result received, or the error alerts registered. */
export async function recordProgress(o: RecordOptions): Promise<RecordResult> {
  const dir = await requireFolder(path.resolve(o.cwd, o.dir));
  if ((await pathKind(path.join(dir, META_FILE))) !== 'file')
    throw new DvcError('evidence.item.metaFileMissing', { file: path.join(dir, META_FILE) }, ExitCode.Usage);
  const now = o.now ?? Date.now();
  const at = o.at === undefined ? now : parseVnTime(o.at);
  if (at === undefined) throw new DvcError('evidence.progress.badTime', { value: o.at ?? '' }, ExitCode.Usage);
  if (o.override !== undefined && !(o.what === 'sent' && o.kind === 'xac-nhan'))
    throw new DvcError('evidence.progress.overrideOnlyConfirm', {}, ExitCode.Usage);
  const read = await readMergedMeta(dir, await evidenceSetup(o));
  const progress = progressFromYaml(read.raw);
  const kind = o.kind ?? 'cau-hinh';
  const event: ProcedureEvent = o.what === 'alerts' ? { what: 'alerts', at } : { what: o.what, kind, at };
  const step4 = o.what === 'sent' && kind === 'xac-nhan' ? await step4Facts({ ...o, now }) : undefined;
  const refusal = eventRefusal(progress, event, now, step4, o.override);
  if (refusal) {
    const reasons = (refusal.reasons ?? []).map((m) => o.say(m.key, m.params)).join('; ');
    throw new DvcError(refusal.key, { ...refusal.params, reasons, dir: hintArg(o.dir) }, ExitCode.Usage);
  }
  if (o.what === 'alerts') {
    const bad = alertProblems(progress.alerts);
    if (bad.length > 0)
      throw new DvcError(
        'evidence.alerts.incomplete',
        {
          problems: bad.map((b) => ALERT_FIELD[b.key] + (b.value ? ` (${b.value})` : '')).join(', '),
        },
        ExitCode.Usage,
      );
  }
  const changes = recordChanges(o, formatVnTime(at), progress);
  const file = await saveMetaChanges(dir, changes, '');
  return { file, changes, at };
}

/** Step 4 as status sees it now: the evidence, and the API types still to test against the configured URL. */
async function step4Facts(o: StatusOptions): Promise<Step4Facts> {
  const r = await evidenceStatus(o);
  return {
    evidenceComplete: r.checks['xac-nhan'].ok,
    untested: r.status.apiChecksAfterConfig.filter((a) => !a.ok).map((a) => a.type),
  };
}
