import type { CommandInput } from '../../command-spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { draftRequest, renderRequest, type RequestFormat } from '../../../app/evidence/request-evidence.js';
import { missingRequestFields } from '../../../core/evidence/check-rules.js';
import { findPersonalNumbers } from '../../../core/evidence/personal-data.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';
import { writeFileAtomic } from '../../../io/atomic-write.js';
import { askAndSave } from './evidence-prompts.js';
import path from 'node:path';

export async function run({ args, opts, ctx }: CommandInput): Promise<number> {
  const kind = opts.kind as RequestKind;
  const draft = await draftRequest({ dir: args[0] ?? '.', kind, configPath: ctx.configPath, cwd: ctx.cwd });
  if (draft.missing.length > 0) {
    if (!ctx.interactive)
      throw new DvcError('evidence.missingFields', { fields: draft.missing.join(', '), kind }, ExitCode.Usage);
    draft.meta = await askAndSave(ctx, draft.dir, draft.meta, draft.missing);
    const still = missingRequestFields(kind, draft.meta);
    if (still.length > 0)
      throw new DvcError(
        'evidence.answers.stillMissing',
        { fields: still.join(', '), kind, file: path.join(draft.dir, 'evidence.yaml') },
        ExitCode.Usage,
      );
  }
  const rendered = renderRequest(draft, opts.format as RequestFormat, opts.redact === true);
  let written: string | undefined;
  if (typeof opts.out === 'string') {
    if (findPersonalNumbers(path.basename(opts.out)).length > 0)
      throw new DvcError('evidence.personalInOutName', { name: path.basename(opts.out) }, ExitCode.Usage);
    written = await writeFileAtomic(path.resolve(ctx.cwd, opts.out), rendered.text, {
      force: opts.force === true,
      inputs: [path.join(draft.dir, 'evidence.yaml')],
    });
  }
  if (ctx.json) {
    ctx.printJson({ ok: true, kind, fields: rendered.fields, file: written });
    return 0;
  }
  ctx.streams.stdout.write(rendered.text);
  if (written) ctx.info(ctx.t('evidence.request.written', { file: written }));
  return 0;
}
