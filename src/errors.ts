/**
 * The one error type of dvc. Deep layers throw it with a message key from the catalogue,
 * the parameters of that message and an exit code; only src/cli/ turns it into text and an exit.
 */
export const ExitCode = {
  Ok: 0,
  CheckFailed: 1,
  Usage: 2,
  Network: 3,
  Internal: 70,
  /** Ctrl+C: the person stopped the command (128 + SIGINT, as shells report it). */
  Cancelled: 130,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

export type MessageParams = Record<string, string | number | boolean | undefined | null>;

/** The brand that marks a DvcError, shared across copies of this module (a second load, a bundle, a worker). */
const DVC_ERROR = Symbol.for('dvc.error');

export class DvcError extends Error {
  readonly [DVC_ERROR] = true;
  readonly key: string;
  readonly params: MessageParams;
  readonly exitCode: ExitCodeValue;

  constructor(
    key: string,
    params: MessageParams = {},
    exitCode: ExitCodeValue = ExitCode.Usage,
    options?: { cause?: unknown },
  ) {
    super(`${key} ${JSON.stringify(params)}`, options);
    this.name = 'DvcError';
    this.key = key;
    this.params = params;
    this.exitCode = exitCode;
  }
}

/** True for a DvcError, even one made by another copy of this module, where `instanceof` says no. */
export function isDvcError(e: unknown): e is DvcError {
  return typeof e === 'object' && e !== null && (e as { [DVC_ERROR]?: unknown })[DVC_ERROR] === true;
}
