import { watchProcessState } from './process-state.js';

/**
 * How the commands that dvc prints as hints name the program: `dvc` when installed (on the PATH), `npx dvc-dat-dai`
 * when started with npx inside the project's clone, `.\dvc.exe` (or its full path) in the Windows single
 * executable, where no `dvc` is on the officer's PATH. Set once at start-up.
 */
let program = 'dvc';
watchProcessState('the program named in hints (cli/hint-program.ts)', {
  read: () => program,
  restore: (v) => (program = v as string),
});

export function setHintProgram(name: string): void {
  program = name;
}

/** A hint command line that begins with `dvc `, with the program named as the officer can run it. */
export function runnableHint(command: string): string {
  return command.startsWith('dvc ') ? `${program} ${command.slice(4)}` : command;
}

/** The package's name on npm; `dvc` there is another package, so a hint never says `npx dvc`. */
export const PACKAGE_NAME = 'dvc-dat-dai';

/**
 * The program's name for hints when started by npx or `npm exec` inside the project (npm says so in the
 * environment it gives the program); undefined otherwise.
 */
export function npxHintProgram(env: NodeJS.ProcessEnv): string | undefined {
  return env.npm_command === 'exec' && env.npm_package_name === PACKAGE_NAME ? `npx ${PACKAGE_NAME}` : undefined;
}

const COMMAND_HINT = /\bdvc (?=(?:map-communes|config|communes|test-api|mock-api|doctor|evidence)\b)/g;

/** Rewrites `dvc <command>` in every message to the program's name as this run can be started again. */
export function adaptHints(table: Record<string, string>, program: string): void {
  for (const [key, text] of Object.entries(table)) table[key] = text.replace(COMMAND_HINT, `${program} `);
}

/** Every `dvc <command>` inside a sentence of hints, with the program named as the officer can run it. */
export function runnableHints(text: string): string {
  return program === 'dvc'
    ? text
    : text.replace(/(^|[\s(:"'])dvc (?=[a-z])/g, (_m, before: string) => `${before}${program} `);
}
