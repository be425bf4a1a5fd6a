import { ExitCode } from '../../../errors.js';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { reviewSpec } from './review.spec.js';
import { serveReview } from './serve-review.js';
import { reviewTexts } from '../../render/review/review-texts.js';
import { matchChoicesOf } from '../map-communes/match-choices.js';

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof reviewSpec.options>>): Promise<number> {
  const end = await serveReview(
    ctx,
    {
      workbook: args[0],
      input: opts.from,
      ...matchChoicesOf(opts),
      texts: reviewTexts(ctx.lang),
    },
    { open: opts.open !== false },
  );
  if (ctx.json) ctx.printJson({ ok: true, ...end });
  return ExitCode.Ok;
}
