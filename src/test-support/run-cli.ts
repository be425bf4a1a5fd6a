import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(REPO_ROOT, 'bin', 'dvc.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment a test run of the program gets: this process's, clean of colour and language settings and of
 * npm's note that npx started the program, then `extra` (a variable set to undefined there is removed).
 */
export function testEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DVC_LANG: '',
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    DVC_DEBUG: undefined,
    // A test run started by npx (`npx vitest`) must not make the program name itself `npx dvc-dat-dai` in hints.
    npm_command: undefined,
    ...extra,
  };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env;
}

/**
 * Runs the built CLI as a subprocess, the way a user or a CI job does: stdout and stderr are pipes (not TTYs),
 * stdin is closed unless `stdin` is given. The environment starts clean of colour and language settings and of npm's
 * note that npx started the program.
 */
export function runCli(
  args: string[],
  o: { env?: NodeJS.ProcessEnv; cwd?: string; stdin?: string | 'open'; timeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<CliRun> {
  const env = testEnv(o.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(o.nodeArgs ?? []), BIN, ...args], {
      cwd: o.cwd ?? REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `dvc ${args.join(' ')} did not finish in ${o.timeoutMs ?? 30000} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, o.timeoutMs ?? 30000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    if (o.stdin === 'open') return;
    if (o.stdin !== undefined) child.stdin.write(o.stdin);
    child.stdin.end();
  });
}
