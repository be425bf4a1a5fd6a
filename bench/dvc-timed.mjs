// Runs the built dvc as a whole process and measures it: wall time, and peak RSS from GNU time (-v) when the
// machine has it, else from the maxRssBytes field of the command's `--json` output. Shared by the evidence benches.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const builtBin = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'dvc.js');

/** True when /usr/bin/time is GNU time, which reports the peak RSS of the process it runs. */
export const gnuTime =
  existsSync('/usr/bin/time') &&
  spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident');

/** The maxRssBytes of a `--json` output, or 0 when there is none. */
function jsonRss(stdout) {
  try {
    return JSON.parse(stdout).maxRssBytes ?? 0;
  } catch {
    return 0;
  }
}

/**
 * Runs `dvc ...args` in `cwd` (this checkout's build, or the dvc.js named by `bin`); returns its time in ms, its peak
 * RSS in bytes and the spawn result. An exit code outside `okCodes` throws, with the end of what dvc wrote on stderr.
 */
export function dvcTimed(args, { cwd, okCodes = [0], bin = builtBin }) {
  const full = gnuTime ? ['-v', process.execPath, bin, ...args] : [bin, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(gnuTime ? '/usr/bin/time' : process.execPath, full, {
    encoding: 'utf8',
    cwd,
    maxBuffer: 1 << 26,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!okCodes.includes(r.status)) {
    throw new Error(`dvc ${args.slice(0, 2).join(' ')} exited ${r.status}: ${r.stderr.slice(-2000)}`);
  }
  const fromTime = gnuTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024 : 0;
  return { ms, rss: fromTime || jsonRss(r.stdout), r };
}
