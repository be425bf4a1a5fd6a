import { ExitCode } from '../../../errors.js';
import type { CliContext } from '../../context.js';
import type { VerifyResult } from '../../../app/evidence/verify-evidence.js';

/** `dvc evidence verify`: each problem, then the verdict (exit 1 when any). */
export function renderVerify(ctx: CliContext, r: VerifyResult): number {
  const problems = r.problems.map((p) => ({
    ...p,
    message: ctx.t(`evidence.verify.problem.${p.code}`, { path: p.path, detail: p.detail }),
  }));
  if (ctx.json) {
    ctx.printJson({
      ok: r.ok,
      target: r.target,
      kind: r.kind,
      base: r.base,
      payload: r.payload,
      info: r.info,
      problems,
    });
    return r.ok ? ExitCode.Ok : ExitCode.CheckFailed;
  }
  for (const p of problems) ctx.print(`${ctx.chalk.red('✗')} ${p.message}`);
  if (r.ok)
    ctx.print(
      ctx.chalk.green(
        ctx.t('evidence.verify.ok', { target: r.target, files: r.payload.files, bytes: r.payload.bytes }),
      ),
    );
  else ctx.print(ctx.chalk.red(ctx.t('evidence.verify.failed', { target: r.target, count: problems.length })));
  return r.ok ? ExitCode.Ok : ExitCode.CheckFailed;
}
