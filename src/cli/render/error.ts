import { ExitCode, type DvcError } from '../../errors.js';
import { terminalParams } from '../terminal-params.js';
import { t, type Lang } from '../../i18n/i18n.js';
import { hintedMessage } from '../hint-program.js';
import type { Streams } from '../context.js';

export interface ErrorRenderOptions {
  lang: Lang;
  /** The language chosen with `--lang`, which the commands in a message repeat. */
  langFlag?: Lang;
  json: boolean;
  streams: Streams;
  debug: boolean;
  original: unknown;
}

/** Prints an error: one JSON object on stdout in --json mode, else a message on stderr. Stack only with DVC_DEBUG=1. */
export function renderError(err: DvcError, o: ErrorRenderOptions): void {
  const params = o.json ? err.params : terminalParams(o.lang, err.key, err.params);
  const message = hintedMessage(o.lang, err.key, params, o.langFlag);
  if (o.json) {
    o.streams.stdout.write(
      JSON.stringify({ ok: false, error: { code: err.key, message, exitCode: err.exitCode } }, null, 2) + '\n',
    );
  } else {
    // A cancel is what the person asked for: said as it is, not as an error.
    const cancelled = err.exitCode === ExitCode.Cancelled;
    o.streams.stderr.write(cancelled ? `${message}\n` : `${t(o.lang, 'cli.error')}: ${message}\n`);
  }
  if (o.debug) {
    const stack = o.original instanceof Error ? o.original.stack : String(o.original);
    o.streams.stderr.write(`${stack}\n`);
  }
}
