import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidenceCheckOptions } from './evidence.spec.js';
import { checkFolder } from '../../../app/evidence/check-folder.js';
import { renderCheck } from '../../render/evidence/check-render.js';

/** `dvc evidence check`: the folder against the checklist of a request kind. */
export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof evidenceCheckOptions>>): Promise<number> {
  const r = await checkFolder({ dir: args[0] ?? '.', kind: opts.kind, configPath: ctx.configPath, cwd: ctx.cwd });
  return renderCheck(ctx, opts.kind, r.outcome, r.unmasked);
}
