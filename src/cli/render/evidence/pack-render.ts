import { ExitCode } from '../../../errors.js';
import type { CliContext } from '../../context.js';
import type { PackResult } from '../../../app/evidence/pack-evidence.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';
import { countFailures, itemsJson, printItems, printUnmasked } from './check-render.js';

/** `dvc evidence pack`: the bundle written and its digest, or the gaps that stopped it (exit 1). */
export function renderPack(
  ctx: CliContext,
  o: { kind: RequestKind; keepPersonalData: boolean },
  r: PackResult,
): number {
  const { errors } = countFailures(r.check.items);
  if (ctx.json) {
    ctx.printJson({
      ok: !r.refused,
      complete: r.check.ok,
      kind: o.kind,
      bundle: r.bundle,
      sha256: r.sha256,
      bytes: r.bytes,
      payload: r.refused ? undefined : { files: r.payloadFiles, bytes: r.payloadBytes },
      timestamp: r.timestamp,
      timestampFrom: r.timestampFrom,
      gaps: r.gaps,
      personalData: o.keepPersonalData ? 'kept' : 'masked',
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
