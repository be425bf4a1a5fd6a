import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidenceCheckOptions } from './evidence.spec.js';
import { ExitCode } from '../../../errors.js';
import { runEvidenceCheck } from '../../../app/evidence/check-evidence.js';
import { nameNumbersHidden, scrubItems } from '../../../app/evidence/pack-privacy.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';
import { countFailures, itemsJson, printItems, printUnmasked } from '../../render/evidence/check-render.js';

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof evidenceCheckOptions>>): Promise<number> {
  const kind: RequestKind = opts.kind;
  const run = await runEvidenceCheck({ dir: args[0] ?? '.', kind, configPath: ctx.configPath, cwd: ctx.cwd });
  // Personal numbers in file names are masked in every output, as in the bundle.
  const hide = nameNumbersHidden(run.files);
  const outcome = { ...run.outcome, items: scrubItems(run.outcome.items, hide) };
  const unmasked = run.unmasked.map(hide);
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
