import { ExitCode } from '../../../errors.js';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidenceStatusOptions } from './evidence.spec.js';
import { evidenceStatus } from '../../../app/evidence/procedure-status.js';
import { renderStatus } from '../../render/evidence/status-render.js';

/** `dvc evidence status`: where the province stands in the procedure. */
export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof evidenceStatusOptions>>): Promise<number> {
  const dir = args[0] ?? '.';
  const r = await evidenceStatus({ dir, holidays: opts.holidays, configPath: ctx.configPath, cwd: ctx.cwd });
  renderStatus(ctx, r, dir);
  return ExitCode.Ok;
}
