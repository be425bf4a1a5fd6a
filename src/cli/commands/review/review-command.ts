import { ExitCode } from '../../../errors.js';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { reviewOptions } from './review.spec.js';
import { serveReview } from './serve-review.js';
import { reviewTexts } from '../../render/review/review-texts.js';

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof reviewOptions>>): Promise<number> {
  const end = await serveReview(
    ctx,
    {
      workbook: args[0],
      input: opts.from,
      stdSheet: opts.stdSheet,
      taxSheet: opts.taxSheet,
      stdCols: opts.stdCols,
      taxCols: opts.taxCols,
      provinces: opts.province ?? [],
      reference: opts.reference as 'gso-2025' | 'gso-2004' | undefined,
      viaMerges: opts.viaMerges === true,
      allowMixedEditions: opts.allowMixedEditions === true,
      replaceExisting: opts.replaceExisting === true,
      texts: reviewTexts(ctx.lang),
    },
    { open: opts.open !== false },
  );
  if (ctx.json) ctx.printJson({ ok: true, ...end });
  return ExitCode.Ok;
}
