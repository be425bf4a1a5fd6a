import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../i18n/i18n.js';
import { hintedMessage, runnableHint } from './hint-program.js';
import type { MessageParams } from '../errors.js';
import { terminalParams } from './terminal-params.js';
import { writeJsonPieces } from './json-pieces.js';

/** Global options every command accepts. */
export interface GlobalOptions {
  lang: Lang;
  /** The language when it was chosen with `--lang` on the command line, which printed commands then repeat. */
  langFlag?: Lang;
  json: boolean;
  color: boolean;
  config?: string;
  quiet: boolean;
  verbose: boolean;
  input: boolean;
}

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdinIsTTY: boolean;
}

export interface Spinner {
  update(text: string): void;
  stop(): void;
}

/**
 * Everything a command needs from the terminal, in one object (in the manner of gh's iostreams):
 * language, colour, JSON mode, whether a person is there to answer prompts, and the two streams.
 */
export class CliContext {
  readonly lang: Lang;
  /** The language as chosen with `--lang` on this command line; undefined when it came from DVC_LANG or the default. */
  readonly langFlag?: Lang;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly verbose: boolean;
  readonly configPath?: string;
  readonly chalk: ChalkInstance;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** A person can answer prompts: TTYs on both ends, no CI, no --no-input, no --json. */
  readonly interactive: boolean;
  /** Spinners and progress bars may be drawn on stderr. */
  readonly progress: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  private jsonWritten = false;

  constructor(
    opts: GlobalOptions,
    readonly streams: Streams,
    env: NodeJS.ProcessEnv,
    cwd: string,
  ) {
    this.env = env;
    this.cwd = cwd;
    this.lang = opts.lang;
    this.langFlag = opts.langFlag;
    this.json = opts.json;
    this.quiet = opts.quiet;
    this.verbose = opts.verbose;
    this.configPath = opts.config;
    this.stdoutIsTTY = Boolean(streams.stdout.isTTY);
    this.stderrIsTTY = Boolean(streams.stderr.isTTY);
    const ci = isCi(env);
    const colour =
      opts.color &&
      !('NO_COLOR' in env && env.NO_COLOR !== undefined) &&
      env.TERM !== 'dumb' &&
      this.stdoutIsTTY &&
      !opts.json;
    this.chalk = new Chalk({ level: colour ? 1 : 0 });
    this.interactive = opts.input && !ci && !opts.json && this.stdoutIsTTY && streams.stdinIsTTY;
    this.progress = !ci && this.stderrIsTTY && !opts.quiet && env.TERM !== 'dumb';
  }

  /** A message for a person; names from inputs in `params` have their control characters made visible. */
  t(key: string, params?: MessageParams): string {
    return hintedMessage(this.lang, key, params && terminalParams(this.lang, key, params), this.langFlag);
  }

  /** A command line to paste (`dvc …`), named as this program can be started again, in the language of this run. */
  hint(command: string): string {
    return runnableHint(command, this.langFlag);
  }

  /** Writes a human result line to stdout (suppressed in JSON mode, where only the object goes out). */
  print(text = ''): void {
    if (this.json) return;
    this.streams.stdout.write(text.endsWith('\n') ? text : text + '\n');
  }

  /** Writes the one JSON object of this run. A second call is a programming error. */
  printJson(value: unknown): void {
    if (this.jsonWritten) throw new Error('printJson called twice in one run');
    this.jsonWritten = true;
    // In pieces: a report of thousands of files is never one string of millions of characters (see json-pieces.ts).
    writeJsonPieces(value, this.streams.stdout);
  }

  get hasWrittenJson(): boolean {
    return this.jsonWritten;
  }

  /** Progress and notes for a person: stderr, hidden by --quiet and --json. */
  info(text: string): void {
    if (this.quiet || this.json) return;
    this.streams.stderr.write(text + '\n');
  }

  warn(text: string): void {
    if (this.json) return;
    this.streams.stderr.write(this.chalk.yellow(`${this.t('cli.warning')}: `) + text + '\n');
  }

  debug(text: string): void {
    if (!this.verbose) return;
    this.streams.stderr.write(this.chalk.dim(text) + '\n');
  }

  /** A spinner on stderr when a person watches a TTY; otherwise a no-op (never in CI). */
  async spinner(text: string): Promise<Spinner> {
    // A pseudo-terminal that reports 0 columns (e.g. `script` without a size) makes ora's line count infinite.
    if (!this.progress || this.json || (this.streams.stderr as NodeJS.WriteStream).columns === 0)
      return { update() {}, stop() {} };
    const { default: ora } = await import('ora');
    const s = ora({ text, stream: this.streams.stderr as NodeJS.WriteStream, color: 'cyan' }).start();
    return {
      update: (next) => {
        s.text = next;
      },
      stop: () => s.stop(),
    };
  }
}

export function isCi(env: NodeJS.ProcessEnv): boolean {
  const v = env.CI;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}
