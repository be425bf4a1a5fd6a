import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { evidencePackOptions } from './evidence.spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { hintArg } from '../../../core/shell/shell-arg.js';
import { packEvidence } from '../../../app/evidence/pack-evidence.js';
import { untilSigint } from './sigint.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';
import { packageVersion } from '../../package-version.js';
import { renderEvidenceIndexHtml } from '../../render/html/evidence-index.js';
import { packTexts } from '../../render/evidence/evidence-texts.js';
import { countFailures, itemsJson, printItems, printUnmasked } from '../../render/evidence/check-render.js';

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
      indexPage: (model) => renderEvidenceIndexHtml(model, { lang: ctx.lang }),
    }),
  );
  const { errors } = countFailures(r.check.items);
  if (ctx.json) {
    ctx.printJson({
      ok: !r.refused,
      complete: r.check.ok,
      kind,
      bundle: r.bundle,
      sha256: r.sha256,
      bytes: r.bytes,
      payload: r.refused ? undefined : { files: r.payloadFiles, bytes: r.payloadBytes },
      timestamp: r.timestamp,
      timestampFrom: r.timestampFrom,
      gaps: r.gaps,
      personalData: keepPersonalData ? 'kept' : 'masked',
      notMasked: r.unmasked,
      items: itemsJson(
        ctx,
        r.check.items.filter((i) => !i.ok),
      ),
      maxRssBytes: process.resourceUsage().maxRSS * 1024,
    });
    return r.refused ? ExitCode.CheckFailed : ExitCode.Ok;
  }
  printUnmasked(ctx, r.unmasked);
  if (r.refused) {
    printItems(
      ctx,
      r.check.items.filter((i) => !i.ok),
    );
    ctx.print('');
    ctx.print(ctx.chalk.red(ctx.t('evidence.pack.refused', { errors })));
    return ExitCode.CheckFailed;
  }
  if (r.gaps.length > 0) ctx.warn(ctx.t('evidence.pack.incomplete', { count: r.gaps.length }));
  ctx.print(
    ctx.t('evidence.pack.done', { file: r.bundle ?? '', files: r.payloadFiles ?? 0, bytes: r.payloadBytes ?? 0 }),
  );
  ctx.print(ctx.t('evidence.pack.sha256', { sha: r.sha256 ?? '' }));
  return ExitCode.Ok;
}
