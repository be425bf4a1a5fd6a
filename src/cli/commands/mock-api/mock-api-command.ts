import type { CommandInput, OptionsOf } from '../../command-spec.js';
import type { mockApiOptions } from './mock-api.spec.js';
import { ExitCode } from '../../../errors.js';
import { hintArg } from '../../../core/shell/shell-arg.js';
import { mockApiConfig, startMockApi } from '../../../app/mock-api/run-mock-api.js';

/** How often a server started by `npx` checks that npx is still there. */
const PARENT_CHECK_MS = 500;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Resolves on SIGINT or SIGTERM, listened for before the URLs go out (a script may signal as soon as it has read
 * them). Started through `npx dvc mock-api … &`, the process that `kill %1` (or PowerShell's Stop-Process) ends is
 * npm, which does not pass the signal on: the server would keep the port. So under `npm exec` the server also
 * stops when the process that started it is gone.
 */
function stopSignal(env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise<void>((resolve) => {
    let watch: NodeJS.Timeout | undefined;
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (watch) clearInterval(watch);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (env.npm_command === 'exec') {
      const parent = process.ppid;
      watch = setInterval(() => {
        if (process.ppid !== parent || !alive(parent)) stop();
      }, PARENT_CHECK_MS);
      watch.unref(); // the server keeps the process alive, never this check
    }
  });
}

export async function run({ opts, ctx }: CommandInput<OptionsOf<typeof mockApiOptions>>): Promise<number> {
  const common = {
    configPath: ctx.configPath,
    cwd: ctx.cwd,
    dst: opts.dst,
    host: opts.host,
    port: opts.port,
    tls: opts.tls === true,
    caOut: opts.caOut,
    emulate: opts.emulate,
  };
  if (opts.printConfig === true) {
    ctx.printJson(await mockApiConfig(common));
    return ExitCode.Ok;
  }
  const stopRequested = stopSignal(ctx.env);
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
    if (started.caFile) ctx.info(ctx.t('mock.caFile', { file: hintArg(started.caFile) }));
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
