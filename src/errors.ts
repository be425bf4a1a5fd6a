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

export class DvcError extends Error {
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

export function isDvcError(e: unknown): e is DvcError {
  return e instanceof DvcError;
}
