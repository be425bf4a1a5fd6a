import { runnableHint } from '../../hint-program.js';
import type { CliContext } from '../../context.js';
import type { MapCommunesResult, ReportRow } from '../../../app/map-communes/map-communes-result.js';
import { needsDecision } from '../../../app/map-communes/present.js';
import { escapeForTerminal } from '../../../core/text/terminal-safe.js';

/** Lines of differing codes printed before "… and N more". */
const DIFFERS_SHOWN = 10;

function renderCounts(ctx: CliContext, r: MapCommunesResult): void {
  const c = ctx.chalk;
  const s = r.summary;
  ctx.print(c.bold(ctx.t('mc.summary.title', { rows: s.rows, provinces: r.provinces.length })));
  const line = (n: number, key: string, colour: (t: string) => string) =>
    ctx.print(`  ${colour(String(n).padStart(6))}  ${ctx.t(key)}`);
  line(s.exact, 'mc.summary.exact', c.green);
  line(s.normalised, 'mc.summary.normalised', c.greenBright);
  line(s.decided, 'mc.summary.decided', c.blue);
  if (s.overrides > 0) line(s.overrides, 'mc.summary.overrides', c.magenta);
  line(s.ambiguous, 'mc.summary.ambiguous', s.ambiguous ? c.yellow : (t) => t);
  line(s.notFound, 'mc.summary.notFound', s.notFound ? c.red : (t) => t);
  line(s.taxUnused, 'mc.summary.taxUnused', (t) => t);
  line(s.conflicts, 'mc.summary.conflicts', s.conflicts ? c.red : (t) => t);
  if (r.provinces.length > 1) {
    ctx.print('');
    for (const p of r.provinces) {
      const review = p.ambiguous + p.notFound;
      ctx.print(
        `  ${escapeForTerminal(p.provinceName).padEnd(28)} ${String(p.rows).padStart(6)}  ✓ ${String(p.exact + p.normalised + p.decided).padStart(6)}  ${review ? c.yellow(`? ${review}`) : ''}`,
      );
    }
  }
}

const codeAndName = (code: string | undefined, name: string | undefined) =>
  code ? [code, name].filter(Boolean).join(' ') : '—';

/** The edition of each sheet, province by province; a mismatch in colour. */
function renderEditions(ctx: CliContext, r: MapCommunesResult): void {
  if (!r.editions?.length) return;
  ctx.print('');
  ctx.print(ctx.t('mc.editions.title'));
  for (const e of r.editions) {
    const text = escapeForTerminal(e.text); // the province names come from the workbook
    ctx.print(`  ${e.mismatch ? ctx.chalk.yellow(text) : text}`);
  }
}

/** The audit of codes already in the target column: counts per verdict, then the codes that differ. */
function renderAudit(ctx: CliContext, r: MapCommunesResult): void {
  const c = ctx.chalk;
  const e = r.summary.existing;
  const total = e.confirmed + e.differs + e.unchecked;
  if (total === 0) return;
  ctx.print('');
  ctx.print(c.bold(ctx.t('mc.audit.title', { column: r.targetColumn, count: total })));
  ctx.print(`  ${c.green(String(e.confirmed).padStart(6))}  ${ctx.t('mc.existing.confirmed')}`);
  ctx.print(
    `  ${(e.differs ? c.magenta : (t: string) => t)(String(e.differs).padStart(6))}  ${ctx.t('mc.existing.differs')}`,
  );
  ctx.print(`  ${String(e.unchecked).padStart(6)}  ${ctx.t('mc.existing.unchecked')}`);
  const differs: ReportRow[] = r.rows.filter((x) => x.existingVerdict === 'differs');
  for (const x of differs.slice(0, DIFFERS_SHOWN)) {
    const params = {
      code: x.code,
      name: x.name,
      row: x.rowNumber,
      existing: codeAndName(x.existingCode, x.existingName),
      dvc: codeAndName(x.taxCode, x.taxName),
    };
    ctx.print(`    ${ctx.t('mc.audit.differsLine', params)}`);
  }
  if (differs.length > DIFFERS_SHOWN)
    ctx.print(`    ${ctx.t('mc.audit.more', { count: differs.length - DIFFERS_SHOWN })}`);
  if (differs.length > 0 && r.output)
    ctx.print(ctx.t(differs.some((x) => x.existingReplaced) ? 'mc.audit.replaced' : 'mc.audit.kept'));
}

/** The terminal summary of a map-communes run: counts per status, the audit, what was written, what to do next. */
export function renderMapCommunesHuman(ctx: CliContext, r: MapCommunesResult, o: { html?: string }): void {
  renderCounts(ctx, r);
  renderAudit(ctx, r);
  renderEditions(ctx, r);
  for (const n of r.notes) ctx.warn(ctx.t(n.key, n.params));
  ctx.print('');
  if (r.output) ctx.print(ctx.t('mc.summary.output', { file: r.output }));
  else ctx.print(ctx.t('mc.audit.noWorkbook'));
  if (r.mapOut) ctx.print(ctx.t('mc.summary.mapOut', { file: r.mapOut }));
  if (o.html) ctx.print(ctx.t('mc.summary.html', { file: o.html }));
  const review = r.rows.filter(needsDecision).length;
  if (r.output && r.nextStep) {
    ctx.print(ctx.t('mc.summary.next', { file: r.output, count: review }));
    ctx.print(`  ${runnableHint(r.nextStep)}`);
  } else if (review === 0) ctx.print(ctx.t('mc.summary.allGood'));
}
