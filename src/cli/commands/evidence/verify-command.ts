import type { CommandInput } from '../../command-spec.js';
import { ExitCode } from '../../../errors.js';
import { verifyBag } from '../../../app/evidence/verify-evidence.js';
import { untilSigint } from './sigint.js';

export async function run({ args, ctx }: CommandInput): Promise<number> {
  const r = await untilSigint((signal) => verifyBag({ target: args[0], cwd: ctx.cwd, signal }));
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
