import type { CommandInput } from '../../command-spec.js';
import { wrapWords } from '../../render/test-api/rehearse-report.js';
import { ExitCode } from '../../../errors.js';
import { apiTypes } from '../../../app/test-api/type-template.js';
import { describePresets } from '../../../core/api/api-type-registry.js';

export async function run({ ctx }: CommandInput): Promise<number> {
  const types = await apiTypes({ configPath: ctx.configPath, cwd: ctx.cwd });
  const title = (x: (typeof types)[number]) => x.title ?? x.titles?.[ctx.lang] ?? x.id;
  const presets = describePresets().map(({ wrapper, ...p }) => ({ ...p, ...(wrapper ? { wrapper } : {}) }));
  if (ctx.json) {
    ctx.printJson({
      ok: true,
      types: types.map((x) => ({
        id: x.id,
        title: title(x),
        service: x.service ?? null,
        origin: x.origin,
        role: x.role ?? null,
        responseRule: x.responseRule,
      })),
      conventions: presets,
    });
    return ExitCode.Ok;
  }
  ctx.print(ctx.chalk.bold(ctx.t('testApi.h.typesTitle')));
  for (const x of types) {
    const service = x.service ?? ctx.chalk.dim(ctx.t('testApi.h.bareBody'));
    ctx.print(`  ${ctx.chalk.cyan(x.id.padEnd(16))} ${title(x)}`);
    ctx.print(`  ${' '.repeat(16)} service: ${service}`);
  }
  ctx.print('');
  ctx.print(ctx.chalk.bold(ctx.t('testApi.h.conventionsTitle')));
  for (const p of presets) {
    const statuses = p.statuses?.join(', ') ?? '2xx';
    const codes = p.successCodes
      ? p.successCodes.map((c) => JSON.stringify(c)).join(', ')
      : ctx.t('testApi.h.typeCodes');
    ctx.print(`  ${ctx.chalk.cyan(p.name.padEnd(16))} HTTP ${statuses} · ${p.codeField ?? 'error_code'} ∈ {${codes}}`);
    // The source wrapped to the console's 80 columns, under the preset's column.
    for (const line of wrapWords(p.source, 80 - 19, '')) ctx.print(`  ${' '.repeat(16)} ${ctx.chalk.dim(line)}`);
  }
  return ExitCode.Ok;
}
