import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidenceRequestOptions } from './evidence.spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { draftRequest, renderRequest } from '../../../app/evidence/request-evidence.js';
import { missingRequestFields } from '../../../core/evidence/check-rules.js';
import { findPersonalNumbers } from '../../../core/evidence/personal-data.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';
import { writeFileAtomic } from '../../../io/atomic-write.js';
import { askAndSave } from './evidence-prompts.js';
import path from 'node:path';

export async function run({
  args,
  opts,
  ctx,
}: CommandInput<OptionsOf<typeof evidenceRequestOptions>>): Promise<number> {
  const kind: RequestKind = opts.kind;
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
  if (draft.unfit.length > 0) {
    const which = draft.unfit.map((u) =>
      u.why === 'failed'
        ? ctx.t('evidence.request.failedResult', { file: u.file })
        : u.why === 'loopback'
          ? ctx.t('evidence.request.loopbackResult', { file: u.file, url: u.url })
          : ctx.t('evidence.request.badUrl', { type: u.type, url: u.url }),
    );
    if (ctx.json) ctx.printJson({ ok: false, kind, unfit: draft.unfit, message: which });
    else ctx.warn(ctx.t('evidence.request.badApiResult', { files: which.join('; ') }));
    return ExitCode.CheckFailed;
  }
  const keep = opts.keepPersonalData === true;
  if (keep) ctx.warn(ctx.t('evidence.privacy.kept'));
  const rendered = renderRequest(draft, opts.format, !keep);
  let written: string | undefined;
  if (opts.out !== undefined) {
    if (findPersonalNumbers(path.basename(opts.out)).length > 0)
      throw new DvcError('evidence.personalInOutName', { name: path.basename(opts.out) }, ExitCode.Usage);
    // The file is opened in Notepad and pasted into the portal's form: CRLF line ends, as HUONG-DAN.txt has.
    written = await writeFileAtomic(path.resolve(ctx.cwd, opts.out), rendered.text.replace(/\r?\n/g, '\r\n'), {
      force: opts.force === true,
      inputs: [path.join(draft.dir, 'evidence.yaml')],
    });
  }
  if (ctx.json) {
    ctx.printJson({ ok: true, kind, fields: rendered.fields, file: written });
    return ExitCode.Ok;
  }
  ctx.streams.stdout.write(rendered.text);
  if (written) ctx.info(ctx.t('evidence.request.written', { file: written }));
  return ExitCode.Ok;
}
