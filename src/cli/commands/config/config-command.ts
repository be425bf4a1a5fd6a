import type { CommandInput } from '../../command-spec.js';
import { ExitCode } from '../../../errors.js';
import { checkConfig } from '../../../app/config/config-check.js';

export async function run({ ctx }: CommandInput): Promise<number> {
  const summary = await checkConfig({ configPath: ctx.configPath, cwd: ctx.cwd });
  if (ctx.json) {
    ctx.printJson({ ok: true, ...summary });
    return ExitCode.Ok;
  }
  ctx.print(ctx.chalk.green('✓ ') + ctx.t('config.valid', { file: summary.file }));
  for (const p of summary.provinces) {
    ctx.print(`  ${ctx.chalk.bold(p.key)}  ${p.name}  (auth: ${p.auth}${p.dstcode ? `, dstcode: ${p.dstcode}` : ''})`);
    for (const [type, url] of Object.entries(p.apis)) ctx.print(`    ${type.padEnd(16)} ${url}`);
  }
  return ExitCode.Ok;
}
