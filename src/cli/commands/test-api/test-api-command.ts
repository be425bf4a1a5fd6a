import { setFlagsFromString } from 'node:v8';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { testApiOptions } from './test-api.spec.js';
import type { CliContext } from '../../context.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { runTestApi, type TestApiRun } from '../../../app/test-api/run-test-api.js';
import { BodyInvalidError } from '../../../app/test-api/request-body.js';
import { writeFileAtomic, checkOutputPath } from '../../../io/atomic-write.js';
import { renderHuman } from '../../render/test-api/test-api-human.js';
import { runJson } from '../../render/test-api/test-api-json.js';
import { runJunit } from '../../render/test-api/test-api-junit.js';
import { renderBodyInvalid } from '../../render/test-api/test-api-issues.js';
import { progressBar } from '../../render/test-api/test-api-progress.js';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

export async function run({ opts, ctx }: CommandInput<OptionsOf<typeof testApiOptions>>): Promise<number> {
  const type = str(opts.type);
  if (!type) {
    const { listApiTypes } = await import('../../../core/api/api-type-registry.js');
    let types = 'tra-cuu, thong-bao-thue, chung-tu';
    try {
      types = listApiTypes()
        .map((x) => x.id)
        .join(', ');
    } catch {
      // the built-in list above
    }
    throw new DvcError('testApi.needType', { types }, ExitCode.Usage);
  }
  // undici parses HTTP with a WebAssembly module. V8 compiles it once quickly (Liftoff) and again optimised in the
  // background; for a few requests the second compile is never used, yet the process waits for it before it can
  // exit (~130 ms of a ~400 ms probe, measured). Set before any WebAssembly is compiled; a --repeat run keeps
  // the optimising tier. See docs/decisions.md.
  if (opts.repeat === undefined) setFlagsFromString('--liftoff-only');
  const junit = str(opts.junit);
  if (junit) await checkOutputPath(junit, { force: opts.force === true });
  const html = str(opts.html);
  if (html) await checkOutputPath(html, { force: opts.force === true });
  const insecure = opts.insecure === true;
  const bar = ctx.progress && !ctx.json && opts.repeat !== undefined ? progressBar(ctx) : null;
  let result: TestApiRun;
  try {
    result = await runTestApi({
      type,
      url: str(opts.url),
      dst: str(opts.dst),
      bodyFile: str(opts.body),
      casesFile: str(opts.cases),
      validate: opts.validate,
      timeoutMs: opts.timeout,
      maxTimeMs: opts.maxTime,
      maxBytes: opts.maxSize,
      caFiles: opts.ca ?? [],
      insecure,
      proxy: str(opts.proxy),
      follow: opts.follow === true,
      saveDir: str(opts.save),
      repeat: opts.repeat,
      concurrency: opts.concurrency,
      force: opts.force === true,
      configPath: ctx.configPath,
      cwd: ctx.cwd,
      env: ctx.env,
      onProgress: bar ? (d, t) => bar.update(d, t) : undefined,
      onTarget: (t) => ctx.debug(`dvc test-api: ${t.method} ${t.url}${t.dst ? ` (dst ${t.dst})` : ''}`),
    });
  } catch (e) {
    bar?.stop();
    if (e instanceof BodyInvalidError) return renderBodyInvalid(e, ctx);
    throw e;
  }
  bar?.stop();
  if (result.insecure && ctx.json)
    ctx.streams.stderr.write(`${ctx.t('cli.warning')}: ${ctx.t('testApi.warn.insecure')}\n`);
  if (junit) {
    const file = await writeFileAtomic(junit, runJunit(result, ctx.lang), { force: opts.force === true });
    ctx.info(ctx.t('testApi.h.junit', { file }));
  }
  if (html) {
    const { renderTestApiHtml } = await import('../../render/html/test-api-page.js');
    const file = await writeFileAtomic(html, renderTestApiHtml(result, { lang: ctx.lang }), {
      force: opts.force === true,
    });
    ctx.info(ctx.t('testApi.h.html', { file }));
  }
  if (ctx.json) ctx.printJson(runJson(result, ctx.lang));
  else renderHuman(result, ctx);
  if (result.saved.length)
    ctx.info(ctx.t('testApi.h.saved', { count: result.saved.length, dir: str(opts.save) ?? '' }));
  reportFaults(result, ctx);
  return result.exitCode;
}

/** A transport fault is also an error message on stderr (the key fact, last), outside --json. */
function reportFaults(result: TestApiRun, ctx: CliContext): void {
  if (ctx.json) return;
  const seen = new Set<string>();
  for (const p of result.probes) {
    if (!p.fault) continue;
    const text = ctx.t(p.fault.message.key, p.fault.message.params);
    if (seen.has(text)) continue;
    seen.add(text);
    ctx.streams.stderr.write(`${ctx.chalk.red(ctx.t('cli.error'))}: ${text}\n`);
  }
}
