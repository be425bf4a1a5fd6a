import { setV8Flag } from '../../v8-flags.js';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { testApiRehearseOptions } from './test-api.spec.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { runRehearsal } from '../../../app/test-api/rehearse.js';
import { BodyInvalidError } from '../../../app/test-api/request-body.js';
import { checkOutputPath, writeFileAtomic } from '../../../io/atomic-write.js';
import { renderBodyInvalid } from '../../render/test-api/test-api-issues.js';
import { rehearsalJson, rehearsalJunit, renderRehearsalHuman } from '../../render/test-api/rehearse-report.js';

/** An option given as an empty string counts as not given. */
const str = (v: string | undefined) => (v === '' ? undefined : v);

/** `dvc test-api rehearse --dst X`: the five steps of a test payment, with synthetic data, as one result. */
export async function run({ opts, ctx }: CommandInput<OptionsOf<typeof testApiRehearseOptions>>): Promise<number> {
  const dst = str(opts.dst);
  if (!dst) throw new DvcError('rehearse.needDst', {}, ExitCode.Usage);
  // Five requests: the optimised WebAssembly tier would never be used (see test-api-command.ts).
  setV8Flag('--liftoff-only');
  const force = opts.force === true;
  const junit = str(opts.junit);
  const html = str(opts.html);
  for (const f of [junit, html]) if (f) await checkOutputPath(f, { force });
  let result;
  try {
    result = await runRehearsal({
      dst,
      timeoutMs: opts.timeout,
      maxTimeMs: opts.maxTime,
      maxBytes: 10 * 1024 * 1024,
      caFiles: opts.ca ?? [],
      insecure: opts.insecure === true,
      proxy: str(opts.proxy),
      saveDir: str(opts.save),
      force,
      configPath: ctx.configPath,
      cwd: ctx.cwd,
      env: ctx.env,
    });
  } catch (e) {
    if (e instanceof BodyInvalidError) return renderBodyInvalid(e, ctx);
    throw e;
  }
  if (junit)
    ctx.info(
      ctx.t('testApi.h.junit', { file: await writeFileAtomic(junit, rehearsalJunit(result, ctx.lang), { force }) }),
    );
  if (html) {
    const { renderRehearsalHtml } = await import('../../render/html/test-api-rehearsal.js');
    ctx.info(
      ctx.t('testApi.h.html', { file: await writeFileAtomic(html, renderRehearsalHtml(result, ctx.lang), { force }) }),
    );
  }
  if (ctx.json) ctx.printJson(rehearsalJson(result, ctx.lang));
  else renderRehearsalHuman(result, ctx);
  return result.exitCode;
}
