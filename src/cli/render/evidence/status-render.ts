import path from 'node:path';
import { runnableHints } from '../../hint-program.js';
import { hintArg } from '../../../core/shell/shell-arg.js';
import type { CliContext } from '../../context.js';
import type { StatusRun } from '../../../app/evidence/procedure-status.js';
import { nationalLabel, statusLines, type StatusLine } from '../../../core/evidence/procedure-lines.js';
import { formatVnTime } from '../../../core/evidence/working-time.js';
import type { ProcedureStatus } from '../../../core/evidence/procedure.js';
import type { EvidenceMsg } from '../../../core/evidence/evidence-types.js';

const MARK: Record<StatusLine['state'], string> = {
  done: '✓',
  pending: '·',
  waiting: '…',
  overdue: '!',
  rejected: '✗',
};

function colour(ctx: CliContext, l: StatusLine): string {
  const c = ctx.chalk;
  const paint = { done: c.green, pending: c.dim, waiting: c.yellow, overdue: c.red, rejected: c.red }[l.state];
  return paint(MARK[l.state]);
}

/** Times as ISO instants and as Vietnam time, for --json readers. */
function statusJson(st: ProcedureStatus) {
  const t = (ms: number | undefined) =>
    ms === undefined ? undefined : { iso: new Date(ms).toISOString(), vn: formatVnTime(ms) };
  return {
    nationalState: { id: st.national, label: nationalLabel(st) },
    steps: st.steps.map((s) => ({
      step: s.step,
      state: s.state,
      ...Object.fromEntries(
        Object.entries(s.facts).map(([k, v]) => [
          k,
          typeof v === 'number' && !['passing', 'types'].includes(k) ? t(v) : v,
        ]),
      ),
    })),
    deadline: st.deadline && { due: t(st.deadline.due), met: st.deadline.met },
    apiChecksAfterConfig: st.apiChecksAfterConfig.map((a) => ({ ...a, at: t(a.at) })),
    alerts: { ok: st.alerts.ok, registered: t(st.alerts.registered), problems: st.alerts.problems },
    problems: st.problems,
  };
}

/**
 * `dvc evidence status` in the officer's language, or as JSON. `typed` is the folder as it was typed, so that
 * the next steps name it that way and can be pasted as they are.
 */
export function renderStatus(ctx: CliContext, r: StatusRun, typed: string): void {
  const dst = r.checks['cau-hinh'].items.find((i) => i.id === 'metadata.dst' && i.ok)?.message.params?.value;
  const lines = statusLines(r.status, typeof dst === 'string' ? dst : '<DST>');
  const zip = path.relative(ctx.cwd, path.join(path.dirname(r.dir), `${path.basename(r.dir)}.zip`));
  const here = { dir: hintArg(typed), zip: hintArg(zip) };
  // Hints name dvc as it was started (`.\\dvc.exe` in the Windows single executable).
  const say = (m: EvidenceMsg) => runnableHints(ctx.t(m.key, { ...m.params, ...here }));
  const next = (l: StatusLine) => l.next && say(l.next);
  const also = (l: StatusLine) => (l.also ?? []).map(say);
  if (ctx.json) {
    ctx.printJson({
      ok: true,
      dir: r.dir,
      ...statusJson(r.status),
      lines: lines.map((l) => ({
        id: l.id,
        state: l.state,
        message: ctx.t(l.message.key, l.message.params),
        next: next(l),
        also: l.also ? also(l) : undefined,
      })),
      holidays: r.holidaysFile,
    });
    return;
  }
  ctx.print(ctx.t('evidence.status.title', { dir: r.dir }));
  ctx.print(
    ctx.chalk.bold(
      ctx.t('evidence.status.national', { state: ctx.t(`evidence.status.national.${r.status.national}`) }),
    ),
  );
  ctx.print('');
  for (const l of lines) {
    ctx.print(`${colour(ctx, l)} ${ctx.t(l.message.key, l.message.params)}`);
    if (l.next) ctx.print(ctx.chalk.dim(`    → ${next(l)}`));
    for (const a of also(l)) ctx.print(ctx.chalk.dim(`    → ${a}`));
  }
  for (const p of r.status.problems) ctx.warn(ctx.t('evidence.progress.badTime', { value: p }));
  ctx.info(ctx.t('evidence.status.holidays', { file: r.holidaysFile }));
}
