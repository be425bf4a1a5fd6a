import type { CommandInput } from '../../command-spec.js';
import { ExitCode } from '../../../errors.js';
import { apiTypes } from '../../../app/test-api/type-template.js';

export async function run({ ctx }: CommandInput): Promise<number> {
  const types = await apiTypes({ configPath: ctx.configPath, cwd: ctx.cwd });
  const title = (x: (typeof types)[number]) => x.title ?? ctx.t(x.titleKey);
  if (ctx.json) {
    ctx.printJson({
      ok: true,
      types: types.map((x) => ({
        id: x.id,
        title: title(x),
        service: x.service,
        servicePublished: x.servicePublished,
        origin: x.origin,
        responseRule: x.responseRule,
      })),
    });
    return ExitCode.Ok;
  }
  ctx.print(ctx.chalk.bold(ctx.t('testApi.h.typesTitle')));
  for (const x of types) {
    const service = x.servicePublished
      ? x.service
      : `${x.service} ${ctx.chalk.dim(ctx.t('testApi.h.serviceUnpublished'))}`;
    ctx.print(`  ${ctx.chalk.cyan(x.id.padEnd(16))} ${title(x)}`);
    ctx.print(`  ${' '.repeat(16)} service: ${service}`);
  }
  return ExitCode.Ok;
}
