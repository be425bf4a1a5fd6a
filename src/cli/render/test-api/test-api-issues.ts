import { ExitCode } from '../../../errors.js';
import type { BodyInvalidError } from '../../../app/test-api/request-body.js';
import type { CliContext } from '../../context.js';

/** A body that fails validation: every field path with what is wrong and a right value; exit 2. */
export function renderBodyInvalid(e: BodyInvalidError, ctx: CliContext): number {
  const head = ctx.t(e.key, e.params);
  const issues = e.issues.map((i) => ({
    path: i.path,
    problem: ctx.t(i.problem.key, i.problem.params),
    ...(i.example !== undefined ? { example: i.example } : {}),
  }));
  if (ctx.json) {
    ctx.printJson({ ok: false, error: { code: e.key, message: head, exitCode: ExitCode.Usage }, issues });
    return ExitCode.Usage;
  }
  const err = ctx.streams.stderr;
  err.write(`${ctx.chalk.red(ctx.t('cli.error'))}: ${head}\n`);
  for (const i of issues) {
    err.write(`  ✗ ${ctx.t('testApi.bodyIssue', { path: i.path || '(body)', problem: i.problem })}\n`);
    if (i.example !== undefined) err.write(`    ${ctx.t('testApi.bodyIssueExample', { example: i.example })}\n`);
  }
  return ExitCode.Usage;
}
