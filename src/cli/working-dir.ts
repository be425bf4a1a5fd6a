import { DvcError, ExitCode } from '../errors.js';

/**
 * The folder the program was started in. Only src/cli/ asks the process for it; the layers below receive it.
 * A shell can stand in a folder that was deleted since: Node then cannot tell the folder, and that is the
 * person's to fix (change folder), not a crash.
 */
export function workingDir(): string {
  try {
    return process.cwd();
  } catch (e) {
    throw new DvcError('cli.cwdGone', {}, ExitCode.Usage, { cause: e });
  }
}
