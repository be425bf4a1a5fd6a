import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { mockApiOptions } from './mock-api.spec.js';
import { ExitCode } from '../../../errors.js';
import { shellArg } from '../../../core/shell/shell-arg.js';
import { mockApiConfig, startMockApi } from '../../../app/mock-api/run-mock-api.js';

export async function run({ opts, ctx }: CommandInput<OptionsOf<typeof mockApiOptions>>): Promise<number> {
  const common = {
    configPath: ctx.configPath,
    cwd: ctx.cwd,
    dst: opts.dst,
    host: opts.host,
    port: opts.port,
    tls: opts.tls === true,
    caOut: opts.caOut,
  };
  if (opts.printConfig === true) {
    ctx.printJson(await mockApiConfig(common));
    return ExitCode.Ok;
  }
  // Listen for the stop signals before the URLs go out: a script may send SIGTERM as soon as it has read them.
  const stopRequested = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const started = await startMockApi({
    ...common,
    env: ctx.env,
    lang: ctx.lang,
    store: opts.store,
    delayMs: opts.delay,
    failRate: opts.failRate,
    seed: opts.seed,
    status: opts.status,
    onExchange: (e) =>
      ctx.debug(
        `${e.method} ${e.path} → ${e.status}${e.errorCode !== undefined ? ` error_code=${e.errorCode}` : ''} ${e.ms.toFixed(1)} ms`,
      ),
  });
  const { server } = started;
  if (ctx.json) {
    // One line, so a script can read the first line of stdout while the server keeps running.
    ctx.streams.stdout.write(
      JSON.stringify({
        ok: true,
        urls: server.urls,
        port: server.port,
        origin: server.origin,
        caFile: started.caFile ?? null,
        auth: started.auth,
        dst: started.dst ?? null,
      }) + '\n',
    );
  } else {
    for (const [id, url] of Object.entries(server.urls)) ctx.print(`${id.padEnd(16)} POST ${url}`);
    if (started.caFile) ctx.info(ctx.t('mock.caFile', { file: shellArg(started.caFile) }));
    ctx.info(ctx.t('mock.auth', { auth: started.auth }));
    if (started.stored.notices + started.stored.receipts > 0)
      ctx.info(ctx.t('mock.storeLoaded', { ...started.stored, file: String(opts.store) }));
    ctx.info(ctx.t('mock.listening'));
  }
  await stopRequested;
  await started.stop();
  ctx.info(ctx.t('mock.stopped'));
  return ExitCode.Ok;
}
