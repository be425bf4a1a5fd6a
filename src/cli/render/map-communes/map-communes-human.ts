import type { CliContext } from '../../context.js';
import type { MapCommunesResult } from '../../../app/map-communes/run-map-communes.js';

/** The terminal summary of a map-communes run: counts per status, notes, what was written, what to do next. */
export function renderMapCommunesHuman(
  ctx: CliContext,
  r: MapCommunesResult,
  o: { html?: string; decisionsHint: string },
): void {
  const c = ctx.chalk;
  const s = r.summary;
  ctx.print(c.bold(ctx.t('mc.summary.title', { rows: s.rows, provinces: r.provinces.length })));
  const line = (n: number, key: string, colour: (t: string) => string) =>
    ctx.print(`  ${colour(String(n).padStart(6))}  ${ctx.t(key)}`);
  line(s.exact, 'mc.summary.exact', c.green);
  line(s.normalised, 'mc.summary.normalised', c.greenBright);
  line(s.decided, 'mc.summary.decided', c.blue);
  line(s.ambiguous, 'mc.summary.ambiguous', s.ambiguous ? c.yellow : (t) => t);
  line(s.notFound, 'mc.summary.notFound', s.notFound ? c.red : (t) => t);
  line(s.taxUnused, 'mc.summary.taxUnused', (t) => t);
  line(s.conflicts, 'mc.summary.conflicts', s.conflicts ? c.red : (t) => t);
  if (r.provinces.length > 1) {
    ctx.print('');
    for (const p of r.provinces) {
      const review = p.ambiguous + p.notFound;
      ctx.print(
        `  ${p.provinceName.padEnd(28)} ${String(p.rows).padStart(6)}  ✓ ${String(p.exact + p.normalised + p.decided).padStart(6)}  ${review ? c.yellow(`? ${review}`) : ''}`,
      );
    }
  }
  if (r.editions?.length) {
    ctx.print('');
    ctx.print(ctx.t('mc.editions.title'));
    for (const e of r.editions) ctx.print(`  ${e.mismatch ? c.yellow(e.text) : e.text}`);
  }
  for (const n of r.notes) ctx.warn(ctx.t(n.key, n.params));
  ctx.print('');
  ctx.print(ctx.t('mc.summary.output', { file: r.output }));
  if (r.mapOut) ctx.print(ctx.t('mc.summary.mapOut', { file: r.mapOut }));
  if (o.html) ctx.print(ctx.t('mc.summary.html', { file: o.html }));
  const review = s.ambiguous + s.notFound;
  ctx.print(
    review > 0 ? ctx.t('mc.summary.review', { count: review, file: o.decisionsHint }) : ctx.t('mc.summary.allGood'),
  );
}
