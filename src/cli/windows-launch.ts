import { ExitCode } from '../errors.js';
import { adaptHints, setHintProgram } from './hint-program.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseLang, t, type Lang } from '../i18n/i18n.js';
import { runningAsSea } from '../io/sea-assets.js';
import { seaPackageVersion } from './sea-version.js';
import { CATALOG } from '../i18n/catalog.js';
import { shellArg } from '../core/shell/shell-arg.js';
import { isCi } from './context.js';
import { run } from './entry.js';

/**
 * How `dvc.exe` was started. Windows Explorer starts a program with no argument on a double-click, and with the
 * dropped file's full path as the only argument on a drag-and-drop; anything else was typed in a console.
 */
export type Launch =
  { kind: 'double-click' } | { kind: 'drop'; file: string } | { kind: 'version' } | { kind: 'command'; argv: string[] };

const WORKBOOK = /\.(xlsx|xlsm|xls)$/i;

export function classifyLaunch(argv: readonly string[]): Launch {
  if (argv.length === 0) return { kind: 'double-click' };
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return { kind: 'version' };
  if (argv.length === 1 && !argv[0].startsWith('-') && WORKBOOK.test(argv[0])) return { kind: 'drop', file: argv[0] };
  return { kind: 'command', argv: [...argv] };
}

/**
 * Where a dropped workbook's result goes: `<name>.doi-chieu.xlsx` beside it, or, when that exists already,
 * `<name>.doi-chieu (2).xlsx`, `(3)` … as Explorer numbers copies. `paths` is node:path's win32 or posix flavour.
 */
export function dropOutputPath(input: string, exists: (p: string) => boolean, paths: path.PlatformPath = path): string {
  const { dir, name } = paths.parse(input);
  const candidate = (n: number) => paths.join(dir, `${name}.doi-chieu${n === 1 ? '' : ` (${n})`}.xlsx`);
  let n = 1;
  while (exists(candidate(n)) && n < 1000) n++;
  return candidate(n);
}

/**
 * Explorer closes a console window as soon as its program ends; a person who dropped a file or double-clicked
 * must get to read the result first. Never in CI, never without a keyboard (stdin not a terminal), and not when
 * started from cmd.exe (which sets PROMPT in its children's environment) since that window stays open anyway.
 */
export function shouldPause(launch: Launch, o: { stdinIsTTY: boolean; env: NodeJS.ProcessEnv }): boolean {
  if (launch.kind !== 'double-click' && launch.kind !== 'drop') return false;
  if (!o.stdinIsTTY || isCi(o.env) || o.env.DVC_NO_PAUSE === '1') return false;
  return o.env.PROMPT === undefined;
}

/**
 * How a hint names the program so that it runs pasted into cmd.exe and PowerShell: `.\dvc.exe` in the folder that
 * holds it (PowerShell runs nothing from the current folder without `.\`), else its full path.
 */
export function exeHintProgram(execPath: string, cwd: string, paths: path.PlatformPath = path): string {
  const here = paths.resolve(cwd).toLowerCase() === paths.dirname(execPath).toLowerCase();
  return here ? `.\\${paths.basename(execPath)}` : shellArg(execPath);
}

export { adaptHints } from './hint-program.js';

export interface LaunchIo {
  stdout: NodeJS.WritableStream;
  stdin: NodeJS.ReadStream;
  env: NodeJS.ProcessEnv;
  exists: (p: string) => boolean;
  /** Runs a dvc command line (entry.ts's `run`); replaceable in tests. */
  runCommand: (argv: string[]) => Promise<number>;
}

function defaultIo(): LaunchIo {
  return { stdout: process.stdout, stdin: process.stdin, env: process.env, exists: existsSync, runCommand: run };
}

function waitForKey(stdin: NodeJS.ReadStream): Promise<void> {
  return new Promise((resolve) => {
    stdin.setRawMode?.(true);
    stdin.resume();
    stdin.once('data', () => {
      stdin.setRawMode?.(false);
      stdin.pause();
      resolve();
    });
  });
}

async function runLaunch(launch: Launch, lang: Lang, io: LaunchIo): Promise<number> {
  switch (launch.kind) {
    case 'double-click':
      io.stdout.write(t(lang, 'win.help', { version: seaPackageVersion() ?? '' }) + '\n');
      return ExitCode.Ok;
    case 'version': {
      const version = seaPackageVersion();
      if (!version) return io.runCommand(['--version']);
      io.stdout.write(version + '\n');
      return ExitCode.Ok;
    }
    case 'drop': {
      io.stdout.write(t(lang, 'win.drop.start', { file: path.basename(launch.file) }) + '\n');
      const out = dropOutputPath(launch.file, io.exists);
      return io.runCommand(['map-communes', launch.file, '--out', out]);
    }
    case 'command':
      return io.runCommand(launch.argv);
  }
}

/** The front door of dvc.exe: Explorer's two ways of starting it, then the ordinary command line. */
export async function launchWindows(argv: string[], io: LaunchIo = defaultIo()): Promise<number> {
  const launch = classifyLaunch(argv);
  if (runningAsSea()) {
    // The console window's title, set once: libuv otherwise reads it back from the console when asked, and Wine's
    // console answers in a way that trips an assertion in libuv (seen with the spinner on a Wine terminal).
    process.title = 'dvc';
    const program = exeHintProgram(process.execPath, process.cwd());
    for (const table of Object.values(CATALOG)) adaptHints(table, program);
    setHintProgram(program);
  }
  const lang = parseLang(io.env.DVC_LANG) ?? 'vi';
  const code = await runLaunch(launch, lang, io);
  if (shouldPause(launch, { stdinIsTTY: Boolean(io.stdin.isTTY), env: io.env })) {
    io.stdout.write('\n' + t(lang, 'win.pause'));
    await waitForKey(io.stdin);
    io.stdout.write('\n');
  }
  return code;
}
