/** `dvc review … --json` as a running process: its address, the lines it printed, and how it ended. */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { BIN, REPO_ROOT, runCli } from './run-cli.js';
import { tempDir } from './excel-workbooks.js';

export interface ReviewProcess {
  child: ChildProcess;
  url: string;
  origin: string;
  /** The address line, as printed on stderr. */
  start: string;
  /** Every line of stdout so far (the JSON object printed at the end). */
  lines: string[];
  stderr: () => string;
  exited: Promise<number | null>;
  stop(): Promise<number | null>;
}

export async function startReview(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ReviewProcess> {
  const child = spawn(process.execPath, [BIN, ...args, '--json', '--no-open'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DVC_LANG: '', ...env },
  });
  const lines: string[] = [];
  let err = '';
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    let nl: number;
    while ((nl = out.indexOf('\n')) >= 0) {
      lines.push(out.slice(0, nl));
      out = out.slice(nl + 1);
    }
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  // The address is one JSON line on stderr: stdout keeps its one object for the end.
  const first = await new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8').on('data', (d: string) => {
      err += d;
      const line = err.split('\n').find((l) => l.startsWith('{"url"'));
      if (line) resolve(line);
    });
    child.once('exit', () => reject(new Error(`dvc review did not start: ${err}`)));
  });
  const { url } = JSON.parse(first) as { url: string };
  return {
    child,
    start: first,
    url,
    origin: new URL(url).origin,
    lines,
    stderr: () => err,
    exited,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      return exited;
    },
  };
}

/** Round 1 of the sample in a fresh folder, ready to review: `mau-63-tinh.xlsx`, `mau-63-tinh.doi-chieu.xlsx`. */
export async function sampleRound1(
  sample = 'mau-63-tinh.xlsx',
): Promise<{ dir: string; input: string; workbook: string }> {
  const dir = await tempDir('dvc-review-');
  const input = path.join(dir, sample);
  await copyFile(path.join(REPO_ROOT, 'fixtures', sample), input);
  const r = await runCli(['map-communes', input]);
  if (r.code !== 0) throw new Error(r.stderr);
  return { dir, input, workbook: input.replace(/\.xlsx$/, '.doi-chieu.xlsx') };
}
