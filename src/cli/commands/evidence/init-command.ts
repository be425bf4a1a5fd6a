import type { CommandInput, OptionsOf } from '../../command-spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import type { evidenceInitOptions } from './evidence.spec.js';
import { planInit, writeInit } from '../../../app/evidence/init-evidence.js';
import { AnswersCancelled, askMissing } from './evidence-prompts.js';
import { hintArg } from '../../../core/shell/shell-arg.js';

const OPTIONAL_AT_INIT = new Set(['contactName', 'contactPhone', 'dossierCode', 'testDate']);

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof evidenceInitOptions>>): Promise<number> {
  const dir = args[0] ?? '.';
  const plan = await planInit({ dir, dst: opts.dst, configPath: ctx.configPath, cwd: ctx.cwd });
  let meta = plan.meta;
  if (ctx.interactive && !plan.metaExists && plan.missing.length > 0) {
    try {
      meta = await askMissing(ctx, meta, plan.missing, OPTIONAL_AT_INIT);
    } catch (e) {
      if (!(e instanceof AnswersCancelled)) throw e;
      // Ctrl+C: the folder is made with what was answered so far, then the command stops as cancelled.
      await writeInit(plan, e.partial);
      throw new DvcError('cli.cancelled', {}, ExitCode.Cancelled);
    }
  }
  const result = await writeInit(plan, meta);
  if (ctx.json) {
    ctx.printJson({
      ok: true,
      dir: result.dir,
      created: result.paths.filter((p) => p.created).map((p) => p.rel),
      kept: result.paths.filter((p) => !p.created).map((p) => p.rel),
      missing: result.missing,
    });
    return ExitCode.Ok;
  }
  ctx.print(ctx.t('evidence.init.done', { dir: result.dir }));
  for (const p of result.paths)
    ctx.print(ctx.t(p.created ? 'evidence.init.created' : 'evidence.init.kept', { path: p.rel }));
  if (result.missing.length > 0)
    ctx.info(ctx.t('evidence.init.missing', { fields: result.missing.join(', '), dir: hintArg(dir) }));
  ctx.info(ctx.t('evidence.init.next', { dir: hintArg(dir) }));
  return ExitCode.Ok;
}
