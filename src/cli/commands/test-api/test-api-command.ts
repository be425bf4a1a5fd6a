import { setV8Flag } from '../../v8-flags.js';
import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { testApiOptions } from './test-api.spec.js';

type Opts = OptionsOf<typeof testApiOptions>;
import type { CliContext } from '../../context.js';
import { DvcError, ExitCode } from '../../../errors.js';
import { runTestApi, type TestApiOptions, type TestApiRun } from '../../../app/test-api/run-test-api.js';
import { BodyInvalidError } from '../../../app/test-api/request-body.js';
import { writeFileAtomic, checkOutputPath } from '../../../io/atomic-write.js';
import { renderHuman } from '../../render/test-api/test-api-human.js';
import { runJson } from '../../render/test-api/test-api-json.js';
import { runJunit } from '../../render/test-api/test-api-junit.js';
import { renderBodyInvalid } from '../../render/test-api/test-api-issues.js';
import { progressBar } from '../../render/test-api/test-api-progress.js';
import { escapeForTerminal } from '../../../core/text/terminal-safe.js';

const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/** The type is required: its absence is a usage error listing the known types. */
async function requiredType(opts: Opts): Promise<string> {
  const type = str(opts.type);
  if (type) return type;
  const { listApiTypes } = await import('../../../core/api/api-type-registry.js');
  const types = listApiTypes()
    .map((x) => x.id)
    .join(', ');
  throw new DvcError('testApi.needType', { types }, ExitCode.Usage);
}

/** The command's options as the use case's typed options object. */
function optionsOf(type: string, opts: Opts, ctx: CliContext): TestApiOptions {
  return {
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
    insecure: opts.insecure === true,
    proxy: str(opts.proxy),
    follow: opts.follow === true,
    saveDir: str(opts.save),
    repeat: opts.repeat,
    concurrency: opts.concurrency,
    force: opts.force === true,
    configPath: ctx.configPath,
    cwd: ctx.cwd,
    env: ctx.env,
    onTarget: (t) => ctx.debug(`dvc test-api: ${t.method} ${t.url}${t.dst ? ` (dst ${t.dst})` : ''}`),
  };
}

/** --junit and --html, written (atomically) whatever the verdict. */
async function writeReports(
  result: TestApiRun,
  files: { junit?: string; html?: string },
  force: boolean,
  ctx: CliContext,
) {
  if (files.junit) {
    const file = await writeFileAtomic(files.junit, runJunit(result, ctx.lang), { force });
    ctx.info(ctx.t('testApi.h.junit', { file }));
  }
  if (files.html) {
    const { renderTestApiHtml } = await import('../../render/html/test-api-page.js');
    const file = await writeFileAtomic(files.html, renderTestApiHtml(result, { lang: ctx.lang }), { force });
    ctx.info(ctx.t('testApi.h.html', { file }));
  }
}

export async function run({ opts, ctx }: CommandInput<Opts>): Promise<number> {
  const type = await requiredType(opts);
  // undici parses HTTP with a WebAssembly module. V8 compiles it once quickly (Liftoff) and again optimised in the
  // background; for a few requests the second compile is never used, yet the process waits for it before it can
  // exit (~130 ms of a ~400 ms probe, measured). Set before any WebAssembly is compiled; a --repeat run keeps
  // the optimising tier. See docs/decisions.md.
  if (opts.repeat === undefined) setV8Flag('--liftoff-only');
  const force = opts.force === true;
  const files = { junit: str(opts.junit), html: str(opts.html) };
  for (const f of [files.junit, files.html]) if (f) await checkOutputPath(f, { force });
  const bar = ctx.progress && !ctx.json && opts.repeat !== undefined ? progressBar(ctx) : null;
  let result: TestApiRun;
  try {
    result = await runTestApi({
      ...optionsOf(type, opts, ctx),
      onProgress: bar ? (d, t) => bar.update(d, t) : undefined,
    });
  } catch (e) {
    if (e instanceof BodyInvalidError) return renderBodyInvalid(e, ctx);
    throw e;
  } finally {
    bar?.stop();
  }
  if (result.insecure && ctx.json)
    ctx.streams.stderr.write(`${ctx.t('cli.warning')}: ${ctx.t('testApi.warn.insecure')}\n`);
  await writeReports(result, files, force, ctx);
  if (ctx.json) ctx.printJson(runJson(result, ctx.lang));
  else renderHuman(result, ctx);
  if (result.saved.length)
    ctx.info(ctx.t('testApi.h.saved', { count: result.saved.length, dir: str(opts.save) ?? '' }));
  reportFaults(result, ctx);
  return result.exitCode;
}

/**
 * A transport fault is also an error message on stderr (the key fact, last), outside --json. The network library's
 * own words (English) follow only with --verbose.
 */
function reportFaults(result: TestApiRun, ctx: CliContext): void {
  if (ctx.json) return;
  const seen = new Set<string>();
  for (const p of result.probes) {
    if (!p.fault) continue;
    const text = escapeForTerminal(ctx.t(p.fault.message.key, p.fault.message.params));
    if (seen.has(text)) continue;
    seen.add(text);
    ctx.streams.stderr.write(`${ctx.chalk.red(ctx.t('cli.error'))}: ${text}\n`);
    if (ctx.verbose && p.fault.detail)
      ctx.streams.stderr.write(`  ${ctx.t('testApi.h.faultDetail')}: ${escapeForTerminal(p.fault.detail.trim())}\n`);
  }
}
