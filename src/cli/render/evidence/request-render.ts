import { ExitCode } from '../../../errors.js';
import type { CliContext } from '../../context.js';
import type { RequestOutcome, UnfitEvidence } from '../../../app/evidence/request-evidence.js';
import type { RequestKind } from '../../../core/evidence/evidence-types.js';

/** Why a piece of evidence may not go with the request, in the officer's language. */
function unfitText(ctx: CliContext, u: UnfitEvidence): string {
  if (u.why === 'failed') return ctx.t('evidence.request.failedResult', { file: u.file });
  if (u.why === 'loopback') return ctx.t('evidence.request.loopbackResult', { file: u.file, url: u.url });
  return ctx.t('evidence.request.badUrl', { type: u.type, url: u.url });
}

/** `dvc evidence request`: the text on stdout (or JSON), the file written, or what stops it (exit 1). */
export function renderRequestOutcome(
  ctx: CliContext,
  o: { kind: RequestKind; keepPersonalData: boolean },
  r: RequestOutcome,
): number {
  const { kind } = o;
  if (!r.ok) {
    const which = r.unfit.map((u) => unfitText(ctx, u));
    if (ctx.json) ctx.printJson({ ok: false, kind, unfit: r.unfit, message: which });
    else ctx.warn(ctx.t('evidence.request.badApiResult', { files: which.join('; ') }));
    return ExitCode.CheckFailed;
  }
  if (o.keepPersonalData) ctx.warn(ctx.t('evidence.privacy.kept'));
  if (ctx.json) {
    ctx.printJson({ ok: true, kind, fields: r.fields, file: r.written });
    return ExitCode.Ok;
  }
  ctx.streams.stdout.write(r.text);
  if (r.written) ctx.info(ctx.t('evidence.request.written', { file: r.written }));
  return ExitCode.Ok;
}
