import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { testApiTemplateOptions } from './test-api.spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { suggestBody } from '../../../app/test-api/type-template.js';
import { BodyInvalidError } from '../../../app/test-api/request-body.js';
import { renderBodyInvalid } from '../../render/test-api/test-api-issues.js';

export async function run({ opts, ctx }: CommandInput<OptionsOf<typeof testApiTemplateOptions>>): Promise<number> {
  const type = opts.type;
  if (!type) throw new DvcError('testApi.needType', { types: 'tra-cuu, thong-bao-thue, chung-tu' }, ExitCode.Usage);
  const r = await suggestBody({
    type,
    dst: opts.dst,
    xmlFile: opts.xml,
    configPath: ctx.configPath,
    cwd: ctx.cwd,
  });
  if (r.issues.length) return renderBodyInvalid(new BodyInvalidError(r.type, r.issues), ctx);
  for (const w of r.warnings) ctx.warn(ctx.t(w.key, w.params));
  if (ctx.json) {
    ctx.printJson({ ok: true, type: r.type, dst: r.dst, body: r.body });
    return ExitCode.Ok;
  }
  // The body alone on stdout, so that `> body.json` gives a file ready for --body.
  ctx.streams.stdout.write(JSON.stringify(r.body, null, 2) + '\n');
  ctx.info(ctx.chalk.green('✓ ') + ctx.t('testApi.h.templateValid', { type: r.type }));
  return ExitCode.Ok;
}
