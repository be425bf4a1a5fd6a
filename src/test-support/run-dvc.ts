import { Writable } from 'node:stream';
import { main } from '../cli/main.js';
import { resetV8Flags, v8FlagsSet } from '../cli/v8-flags.js';
import { REPO_ROOT, testEnv, type CliRun } from './run-cli.js';

class Sink extends Writable {
  text = '';
  override _write(chunk: Buffer | string, _enc: BufferEncoding, done: () => void): void {
    this.text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    done();
  }
}

/**
 * Runs the program in this process, with the same environment `runCli` gives a subprocess (pipes, no TTY, no
 * colour or language settings), and the same result shape. Use it for behaviour; keep `runCli` for the wiring
 * (the real exit code of the process, what reaches the real stdout, signals, TTYs). The program is told `cwd`
 * (the repository by default) as the folder it was started in; the process's own directory is left alone.
 */
export async function runDvc(args: string[], o: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  const env = testEnv(o.env);
  const stdout = new Sink();
  const stderr = new Sink();
  // A process runs dvc once: the V8 flags a run sets end with it, so they are turned off again after the run.
  const flags = v8FlagsSet();
  let code: number;
  try {
    code = await main(args, { stdout, stderr, stdinIsTTY: false }, env, o.cwd ?? REPO_ROOT);
  } finally {
    resetV8Flags(flags);
  }
  return { code, stdout: stdout.text, stderr: stderr.text };
}
