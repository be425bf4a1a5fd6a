import path from 'node:path';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { mapCommunesOptions } from './map-communes.spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import type { CliContext } from '../../context.js';
import { mapCommunes, type MapCommunesResult } from '../../../app/map-communes/run-map-communes.js';
import { renderMapCommunesHuman } from '../../render/map-communes/map-communes-human.js';
import { mapCommunesTexts } from '../../render/map-communes/map-communes-sheets.js';
import { withTexts } from '../../render/map-communes/map-communes-words.js';
import { needsDecision } from '../../../app/map-communes/present.js';
import type { ReviewEnd } from '../review/serve-review.js';
import { reviewTexts } from '../../render/review/review-texts.js';
import { matchChoicesOf } from './match-choices.js';
import { setV8Flag } from '../../v8-flags.js';

/**
 * A run is one pass over two sheets: V8 optimises a function only once it has run this much bytecode, about seven
 * times its default, so the compiler's threads spend their time on the scans and the matching, not on code that runs
 * a few hundred times (docs/decisions.md, "A map-communes run optimises only its hot code").
 */
const INTERRUPT_BUDGET = '--interrupt-budget=500000';

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof mapCommunesOptions>>): Promise<number> {
  if (opts.review === true && opts.audit === true) throw new DvcError('review.err.reviewAudit', {}, ExitCode.Usage);
  setV8Flag(INTERRUPT_BUDGET);
  const spinner = await ctx.spinner(ctx.t('mc.progress.read', { file: path.basename(args[0]) }));
  const html = opts.html;
  let result: MapCommunesResult;
  try {
    result = await mapCommunes({
      input: args[0],
      out: opts.out,
      mapOut: opts.mapOut,
      force: opts.force === true,
      ...matchChoicesOf(opts),
      decisions: opts.decisions,
      audit: opts.audit === true,
      otherOutputs: html ? [html] : [],
      texts: mapCommunesTexts(ctx.lang),
      onProgress: (key, params) => spinner.update(ctx.t(key, params)),
    });
  } finally {
    spinner.stop();
  }
  const report = withTexts(result, ctx.lang);
  if (html) {
    const { renderMapCommunesHtml } = await import('../../render/html/map-communes-page.js');
    const { writeFileAtomic } = await import('../../../io/atomic-write.js');
    const inputs = [args[0], ...(result.output ? [result.output] : [])];
    await writeFileAtomic(html, renderMapCommunesHtml(report, { lang: ctx.lang }), {
      force: opts.force === true,
      inputs,
      option: '--html',
    });
  }
  // --strict fails while a row waits for a decision (ambiguous, not found, or a differing code not decided).
  const failed = opts.strict === true && result.rows.some(needsDecision);
  // The next steps name the program as this run was started, and its --lang, in JSON as on the screen.
  const nextStep = result.nextStep && ctx.hint(result.nextStep);
  const reviewStep = result.reviewStep && ctx.hint(result.reviewStep);
  if (!ctx.json) renderMapCommunesHuman(ctx, report, { html });
  // With --review, --json prints one object when the review ends: the run's, and the review's under `review`.
  const review = opts.review === true && result.output ? await reviewOf(args[0], result.output, opts, ctx) : undefined;
  if (ctx.json)
    ctx.printJson({ ...report, nextStep, reviewStep, ok: !failed, html: html ?? null, ...(review ? { review } : {}) });
  return failed ? ExitCode.CheckFailed : ExitCode.Ok;
}

/** `--review`: the review of the output just written, with the same choices (the next round repeats them). */
async function reviewOf(
  input: string,
  output: string,
  opts: OptionsOf<typeof mapCommunesOptions>,
  ctx: CliContext,
): Promise<ReviewEnd> {
  const { serveReview } = await import('../review/serve-review.js');
  const setup = { workbook: output, input, ...matchChoicesOf(opts), texts: reviewTexts(ctx.lang) };
  return serveReview(ctx, setup, { open: opts.open !== false });
}
