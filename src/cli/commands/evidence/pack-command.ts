import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidencePackOptions } from './evidence.spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { hintArg } from '../../../core/shell/shell-arg.js';
import { packEvidence } from '../../../app/evidence/pack-evidence.js';
import { untilSigint } from './sigint.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';
import { packageVersion } from '../../package-version.js';
import { renderEvidenceIndexPieces } from '../../render/html/evidence-index.js';
import { packTexts } from '../../render/evidence/evidence-texts.js';
import { renderPack } from '../../render/evidence/pack-render.js';

export async function run({ args, opts, ctx }: CommandInput<OptionsOf<typeof evidencePackOptions>>): Promise<number> {
  if (opts.out === undefined)
    throw new DvcError('evidence.pack.outMissing', { dir: hintArg(args[0] ?? '.') }, ExitCode.Usage);
  const out = opts.out;
  const keepPersonalData = opts.keepPersonalData === true;
  if (keepPersonalData) ctx.warn(ctx.t('evidence.privacy.kept'));
  const kind: RequestKind = opts.kind;
  const r = await untilSigint((signal) =>
    packEvidence({
      signal,
      dir: args[0] ?? '.',
      out,
      kind,
      allowIncomplete: opts.allowIncomplete === true,
      force: opts.force === true,
      keepPersonalData,
      texts: packTexts(ctx.lang),
      version: packageVersion(),
      sourceDateEpoch: ctx.env.SOURCE_DATE_EPOCH,
      forceZip64: ctx.env.DVC_ZIP64 === '1',
      configPath: ctx.configPath,
      cwd: ctx.cwd,
      indexPage: (model) => renderEvidenceIndexPieces(model, { lang: ctx.lang }),
    }),
  );
  return renderPack(ctx, { kind, keepPersonalData }, r);
}
