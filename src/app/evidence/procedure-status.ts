import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { checkEvidence, type CheckOutcome } from '../../core/evidence/check-rules.js';
import { META_FILE } from '../../core/evidence/checklist.js';
import type { MetaChange } from '../../core/evidence/metadata.js';
import {
  procedureStatus,
  progressFromYaml,
  alertProblems,
  type ProcedureStatus,
  type Outcome,
  type TrackedKind,
} from '../../core/evidence/procedure.js';
import { ALERT_FIELD } from '../../core/evidence/procedure-lines.js';
import { hintArg } from '../../core/shell/shell-arg.js';
import { formatVnTime, parseVnTime } from '../../core/evidence/working-time.js';
import { requireFolder, scanFolder, pathKind } from '../../io/evidence/evidence-folder.js';
import { saveMetaChanges } from '../../io/evidence/meta-file.js';
import { loadWorkCalendar } from '../../io/evidence/holidays-file.js';
import { requiredApiTypes } from './check-evidence.js';
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
  const dir = await requireFolder(path.resolve(o.cwd ?? process.cwd(), o.dir));
  const setup = await evidenceSetup(o);
  const read = await readMergedMeta(dir, setup);
  const files = await scanFolder(dir);
  const { calendar, file } = await loadWorkCalendar(o.holidays && path.resolve(o.cwd ?? process.cwd(), o.holidays));
  const now = o.now ?? Date.now();
  const check = (kind: TrackedKind) =>
    checkEvidence({
      kind,
      meta: read.meta,
      metaProblem: read.problem,
      files,
      now,
      limits: setup.limits,
      requiredApiTypes: requiredApiTypes(),
    });
  const checks = { 'cau-hinh': check('cau-hinh'), 'xac-nhan': check('xac-nhan') };
  const status = procedureStatus({
    progress: progressFromYaml(read.raw),
    results: checks['xac-nhan'].results,
    apis: read.meta?.apis ?? {},
    configReady: checks['cau-hinh'].ok,
    confirmReady: checks['xac-nhan'].ok,
    now,
    calendar,
  });
  return { dir, status, checks, holidaysFile: file };
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
}

export interface RecordResult {
  file: string;
  changes: MetaChange[];
  at: number;
}

function recordChanges(o: RecordOptions, at: string): MetaChange[] {
  if (o.what === 'alerts') return [{ field: 'alerts.registered', path: ['alerts', 'registered'], value: at }];
  const kind = o.kind ?? 'cau-hinh';
  if (o.what === 'sent') return [{ field: `progress.${kind}.sent`, path: ['progress', kind, 'sent'], value: at }];
  return [
    { field: `progress.${kind}.result`, path: ['progress', kind, 'result'], value: at },
    { field: `progress.${kind}.outcome`, path: ['progress', kind, 'outcome'], value: o.outcome ?? 'ok' },
  ];
}

/** Records in evidence.yaml that a request was sent, its result received, or the error alerts registered. */
export async function recordProgress(o: RecordOptions): Promise<RecordResult> {
  const dir = await requireFolder(path.resolve(o.cwd ?? process.cwd(), o.dir));
  if ((await pathKind(path.join(dir, META_FILE))) !== 'file')
    throw new DvcError('evidence.item.metaFileMissing', { file: path.join(dir, META_FILE) }, ExitCode.Usage);
  const at = o.at === undefined ? (o.now ?? Date.now()) : parseVnTime(o.at);
  if (at === undefined) throw new DvcError('evidence.progress.badTime', { value: o.at ?? '' }, ExitCode.Usage);
  const read = await readMergedMeta(dir, await evidenceSetup(o));
  const progress = progressFromYaml(read.raw);
  if (o.what === 'received' && progress.requests[o.kind ?? 'cau-hinh'].sent === undefined)
    throw new DvcError(
      'evidence.progress.notSent',
      { kind: o.kind ?? 'cau-hinh', dir: hintArg(o.dir) },
      ExitCode.Usage,
    );
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
  const changes = recordChanges(o, formatVnTime(at));
  const file = await saveMetaChanges(dir, changes, '');
  return { file, changes, at };
}
