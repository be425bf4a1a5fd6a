import type { CliContext } from '../../context.js';
import type { MapCommunesReport as MapCommunesResult, TextedRow as ReportRow } from './map-communes-words.js';
import { displayName, isFilled, needsDecision, shownName } from '../../../app/map-communes/present.js';
import { escapeForTerminal, escapeName } from '../../../core/text/terminal-safe.js';

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
        `  ${escapeForTerminal(displayName(p.provinceName)).padEnd(28)} ${String(p.rows).padStart(6)}  ✓ ${String(p.exact + p.normalised + p.decided).padStart(6)}  ${review ? c.yellow(`? ${review}`) : ''}`,
      );
    }
  }
}

const codeAndName = (code: string | undefined, name: string | undefined) =>
  code ? [code, name && displayName(name)].filter(Boolean).join(' ') : '—';

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

/** Where the full list of questioned codes can be read: the review sheet, the HTML report, or how to get one. */
function moreLine(ctx: CliContext, r: MapCommunesResult, count: number, html: string | undefined): string {
  if (r.output) return ctx.t('mc.audit.more.sheet', { count, file: r.output });
  if (html) return ctx.t('mc.audit.more.html', { count, file: html });
  return ctx.t('mc.audit.more.none', { count });
}

/** One questioned code: the commune and its district, what is wrong with the officer's code, what dvc proposes. */
function renderQuestioned(ctx: CliContext, x: ReportRow): void {
  // Names as the officer reads them: a standard sheet typed in a legacy font is decoded too.
  const head = { code: x.code, name: displayName(x.name), row: x.rowNumber, district: shownName(x.districtName) };
  ctx.print(`    ${ctx.t(x.districtName ? 'mc.audit.rowHead' : 'mc.audit.rowHeadNoDistrict', head)}`);
  const problem = x.existingReason?.text ?? codeAndName(x.existingCode, x.existingName);
  ctx.print(`        ${ctx.t('mc.audit.rowExisting', { problem })}`);
  const dvc = isFilled(x) ? codeAndName(x.taxCode, x.taxName) : undefined;
  if (x.status === 'decided')
    ctx.print(`        ${ctx.t('mc.audit.rowDecided', { dvc: dvc ?? ctx.t('mc.existingReason.noTaxCommune') })}`);
  else if (dvc) ctx.print(`        ${ctx.t('mc.audit.rowDvc', { dvc })}`);
  else ctx.print(`        ${ctx.t('mc.audit.rowNoDvc', { status: ctx.t(`status.${x.status}`) })}`);
}

/** What became of the differing codes: kept (some still are), replaced by --replace-existing, or by decisions. */
function differsFate(r: MapCommunesResult): string {
  const differing = r.rows.filter((x) => x.existingVerdict === 'differs');
  if (differing.some((x) => !x.existingReplaced)) return 'mc.audit.kept';
  return differing.some((x) => x.status !== 'decided') ? 'mc.audit.replaced' : 'mc.audit.decided';
}

/** The audit of codes already in the target column: counts per verdict, then the codes that are questioned. */
function renderAudit(ctx: CliContext, r: MapCommunesResult, html: string | undefined): void {
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
  // A subset of the three above, and the plainest mistake of all: said on its own line.
  const notInTax = e.notInTaxSheet ?? 0;
  if (notInTax > 0) ctx.print(`  ${c.red(String(notInTax).padStart(6))}  ${ctx.t('mc.existing.notInTaxSheet')}`);
  const questioned: ReportRow[] = r.rows.filter(
    (x) => x.existingVerdict === 'differs' || x.existingInTaxSheet === false,
  );
  for (const x of questioned.slice(0, DIFFERS_SHOWN)) renderQuestioned(ctx, x);
  if (questioned.length > DIFFERS_SHOWN) ctx.print(`    ${moreLine(ctx, r, questioned.length - DIFFERS_SHOWN, html)}`);
  if (e.differs > 0 && r.output) ctx.print(ctx.t(differsFate(r)));
}

/** The terminal summary of a map-communes run: counts per status, the audit, what was written, what to do next. */
export function renderMapCommunesHuman(ctx: CliContext, r: MapCommunesResult, o: { html?: string }): void {
  renderCounts(ctx, r);
  renderAudit(ctx, r, o.html);
  renderEditions(ctx, r);
  for (const n of r.notes) ctx.warn(ctx.t(n.key, n.params));
  ctx.print('');
  // File names stay on their line: a line feed in one is escaped like any other control character.
  if (r.output) ctx.print(ctx.t('mc.summary.output', { file: escapeName(r.output) }));
  else if (r.mapOut || o.html) ctx.print(ctx.t('mc.audit.noWorkbook'));
  else ctx.print(ctx.t('mc.audit.nothingWritten'));
  if (r.mapOut) ctx.print(ctx.t('mc.summary.mapOut', { file: escapeName(r.mapOut) }));
  if (o.html) ctx.print(ctx.t('mc.summary.html', { file: escapeName(o.html) }));
  const review = r.rows.filter(needsDecision).length;
  const hint = { file: escapeName(r.output ?? ''), sheet: escapeName(r.reviewSheet ?? ''), count: review };
  if (r.output && r.nextStep) {
    ctx.print(ctx.t('mc.summary.next', hint));
    ctx.print(`  ${ctx.hint(r.nextStep)}`);
    if (r.reviewStep) {
      ctx.print(ctx.t('mc.summary.reviewStep'));
      ctx.print(`  ${ctx.hint(r.reviewStep)}`);
    }
  } else if (r.output && r.nextStepRefused) {
    ctx.print(ctx.t('mc.summary.nextNoCommand', hint));
    const p = r.nextStepRefused.params;
    ctx.print(ctx.t(r.nextStepRefused.key, { ...p, arg: escapeName(String(p.arg ?? '')) }));
  } else if (review === 0) ctx.print(ctx.t('mc.summary.allGood'));
}
