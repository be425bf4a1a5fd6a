import path from 'node:path';
import type { CommandInput } from '../../command-spec.js';
import { ExitCode } from '../../../errors.js';
import { mapCommunes, type MapCommunesResult } from '../../../app/map-communes/run-map-communes.js';
import { renderMapCommunesHuman } from '../../render/map-communes/map-communes-human.js';

export async function run({ args, opts, ctx }: CommandInput): Promise<number> {
  const spinner = await ctx.spinner(ctx.t('mc.progress.read', { file: path.basename(args[0]) }));
  let result: MapCommunesResult;
  try {
    result = await mapCommunes({
      input: args[0],
      out: opts.out as string | undefined,
      mapOut: opts.mapOut as string | undefined,
      force: opts.force === true,
      stdSheet: opts.stdSheet as string | undefined,
      taxSheet: opts.taxSheet as string | undefined,
      stdCols: opts.stdCols as string | undefined,
      taxCols: opts.taxCols as string | undefined,
      provinces: (opts.province as string[] | undefined) ?? [],
      reference: opts.reference as 'gso-2025' | 'gso-2004' | undefined,
      decisions: opts.decisions as string | undefined,
      viaMerges: opts.viaMerges === true,
      allowMixedEditions: opts.allowMixedEditions === true,
      otherOutputs: typeof opts.html === 'string' ? [opts.html] : [],
      lang: ctx.lang,
      onProgress: (key, params) => spinner.update(ctx.t(key, params)),
    });
  } finally {
    spinner.stop();
  }
  if (typeof opts.html === 'string') {
    const { renderMapCommunesHtml } = await import('../../render/html/map-communes-page.js');
    const { writeFileAtomic } = await import('../../../io/atomic-write.js');
    const html = renderMapCommunesHtml({ ...result, mapOut: result.mapOut ?? undefined }, { lang: ctx.lang });
    await writeFileAtomic(opts.html, html, { force: opts.force === true, inputs: [args[0], result.output] });
  }
  const failed = opts.strict === true && (result.summary.ambiguous > 0 || result.summary.notFound > 0);
  if (ctx.json) {
    ctx.printJson({ ...result, ok: !failed, html: typeof opts.html === 'string' ? opts.html : null });
  } else {
    renderMapCommunesHuman(ctx, result, {
      html: typeof opts.html === 'string' ? opts.html : undefined,
      decisionsHint: result.output,
    });
  }
  return failed ? ExitCode.CheckFailed : ExitCode.Ok;
}
