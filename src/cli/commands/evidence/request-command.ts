import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidenceRequestOptions } from './evidence.spec.js';
import { draftRequest, finishRequest } from '../../../app/evidence/request-evidence.js';
import { askAndSave } from './evidence-prompts.js';
import { renderRequestOutcome } from '../../render/evidence/request-render.js';

/** `dvc evidence request`: the text to paste into the support form; missing fields are asked for on a terminal. */
export async function run({
  args,
  opts,
  ctx,
}: CommandInput<OptionsOf<typeof evidenceRequestOptions>>): Promise<number> {
  const kind = opts.kind;
  const draft = await draftRequest({ dir: args[0] ?? '.', kind, configPath: ctx.configPath, cwd: ctx.cwd });
  const ask = draft.missing.length > 0 && ctx.interactive;
  if (ask) draft.meta = await askAndSave(ctx, draft.dir, draft.meta, draft.missing);
  const keepPersonalData = opts.keepPersonalData === true;
  const r = await finishRequest(draft, {
    format: opts.format,
    keepPersonalData,
    out: opts.out,
    force: opts.force === true,
    cwd: ctx.cwd,
    asked: ask,
  });
  return renderRequestOutcome(ctx, { kind, keepPersonalData }, r);
}
