import { ExitCode } from '../../../errors.js';
import type { CliContext } from '../../context.js';
import type { CheckItem, RequestKind } from '../../../core/evidence/evidence-types.js';
import type { CheckOutcome } from '../../../core/evidence/check-rules.js';

/** One object per item for --json: messages rendered in the chosen language. */
export function itemsJson(ctx: CliContext, items: readonly CheckItem[]) {
  return items.map((i) => ({
    id: i.id,
    ok: i.ok,
    severity: i.severity,
    message: ctx.t(i.message.key, i.message.params),
    fix: i.fix ? ctx.t(i.fix.key, i.fix.params) : undefined,
  }));
}

export function countFailures(items: readonly CheckItem[]): { errors: number; warnings: number } {
  return {
    errors: items.filter((i) => !i.ok && i.severity === 'error').length,
    warnings: items.filter((i) => !i.ok && i.severity === 'warning').length,
  };
}

/** Human list: passing items with ✓, gaps with ✗ (error) or ! (warning) and the fix under each. */
export function printItems(ctx: CliContext, items: readonly CheckItem[]): void {
  const c = ctx.chalk;
  const order = (i: CheckItem) => (i.ok ? 2 : i.severity === 'error' ? 0 : 1);
  for (const i of [...items].sort((a, b) => order(a) - order(b))) {
    const mark = i.ok ? c.green('✓') : i.severity === 'error' ? c.red('✗') : c.yellow('!');
    if (i.ok && ctx.quiet) continue;
    ctx.print(`${mark} ${ctx.t(i.message.key, i.message.params)}`);
    if (!i.ok && i.fix) ctx.print(c.dim(`    → ${ctx.t('evidence.check.fix')}: ${ctx.t(i.fix.key, i.fix.params)}`));
  }
}

/** The files whose content dvc cannot mask, so that the officer masks them before taking the picture. */
export function printUnmasked(ctx: CliContext, files: readonly string[]): void {
  if (files.length === 0) return;
  ctx.warn(ctx.t('evidence.privacy.unmasked', { count: files.length }));
  for (const f of files) ctx.info(`  - ${f}`);
}

/** `dvc evidence check`: every item, the files dvc cannot mask, and the verdict (exit 1 when a gap remains). */
export function renderCheck(ctx: CliContext, kind: RequestKind, outcome: CheckOutcome, unmasked: string[]): number {
  const code = outcome.ok ? ExitCode.Ok : ExitCode.CheckFailed;
  if (ctx.json) {
    ctx.printJson({ ok: outcome.ok, kind, items: itemsJson(ctx, outcome.items), notMasked: unmasked });
    return code;
  }
  printItems(ctx, outcome.items);
  printUnmasked(ctx, unmasked);
  const { errors, warnings } = countFailures(outcome.items);
  ctx.print('');
  if (!outcome.ok) ctx.print(ctx.chalk.red(ctx.t('evidence.check.failed', { kind, errors, warnings })));
  else
    ctx.print(
      ctx.chalk.green(ctx.t(warnings > 0 ? 'evidence.check.okWithWarnings' : 'evidence.check.ok', { kind, warnings })),
    );
  return code;
}
