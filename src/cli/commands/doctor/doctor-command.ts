import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { doctorOptions } from './doctor.spec.js';
import { ExitCode } from '../../../errors.js';
import { runDoctor, type DoctorCheck } from '../../../app/doctor/run-doctor.js';

/** `dvc doctor`: one line per check (✓ / ! / ✗) with the fix under each problem; exit 1 when any check is an error. */
export async function run({ opts, ctx }: CommandInput<OptionsOf<typeof doctorOptions>>): Promise<number> {
  const spinner = await ctx.spinner(ctx.t('doctor.title'));
  const result = await runDoctor({
    configPath: ctx.configPath,
    cwd: ctx.cwd,
    env: ctx.env,
    dst: opts.dst,
    timeoutMs: opts.timeout,
  }).finally(() => spinner.stop());
  const text = (c: DoctorCheck) => ({
    id: c.id,
    ok: c.ok,
    severity: c.severity,
    message: ctx.t(c.message.key, c.message.params),
    fix: c.fix ? ctx.t(c.fix.key, c.fix.params) : null,
  });
  if (ctx.json) {
    ctx.printJson({ ok: result.ok, checks: result.checks.map(text) });
    return result.ok ? ExitCode.Ok : ExitCode.CheckFailed;
  }
  const { chalk } = ctx;
  ctx.print(chalk.bold(ctx.t('doctor.title')));
  for (const c of result.checks) {
    const shown = text(c);
    const mark = c.ok ? chalk.green('✓') : c.severity === 'warning' ? chalk.yellow('!') : chalk.red('✗');
    ctx.print(`${mark} ${shown.message}`);
    if (!c.ok && shown.fix) ctx.print(chalk.dim(`  → ${shown.fix}`));
  }
  const errors = result.checks.filter((c) => !c.ok && c.severity === 'error').length;
  const warnings = result.checks.filter((c) => !c.ok && c.severity === 'warning').length;
  ctx.print('');
  ctx.print(
    result.ok
      ? chalk.green(ctx.t('doctor.summary.ok', { warnings }))
      : chalk.red(ctx.t('doctor.summary.fail', { errors, warnings })),
  );
  return result.ok ? ExitCode.Ok : ExitCode.CheckFailed;
}
