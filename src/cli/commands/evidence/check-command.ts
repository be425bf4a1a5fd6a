import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidenceCheckOptions } from './evidence.spec.js';
import { ExitCode } from '../../../errors.js';
import { runEvidenceCheck } from '../../../app/evidence/check-evidence.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';
import { countFailures, itemsJson, printItems, printUnmasked } from './evidence-render.js';

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof evidenceCheckOptions>>): Promise<number> {
  const kind: RequestKind = opts.kind;
  const { outcome, unmasked } = await runEvidenceCheck({ dir: args[0] ?? '.', kind, configPath: ctx.configPath, cwd: ctx.cwd });
  const code = outcome.ok ? ExitCode.Ok : ExitCode.CheckFailed;
  if (ctx.json) {
    ctx.printJson({ ok: outcome.ok, kind, items: itemsJson(ctx, outcome.items), notMasked: unmasked });
    return code;
  }
  printItems(ctx, outcome.items);
  printUnmasked(ctx, unmasked);
  const { errors, warnings } = countFailures(outcome.items);
  ctx.print('');
  if (!outcome.ok) ctx.print(ctx.chalk.red(ctx.t('evidence.check.failed', { kind, errors, warnings })));
  else
    ctx.print(
      ctx.chalk.green(ctx.t(warnings > 0 ? 'evidence.check.okWithWarnings' : 'evidence.check.ok', { kind, warnings })),
    );
  return code;
}
