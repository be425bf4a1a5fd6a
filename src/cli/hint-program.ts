/**
 * How the commands that dvc prints as hints name the program: `dvc` from npm, `.\dvc.exe` (or its full path) in the
 * Windows single executable, where no `dvc` is on the officer's PATH. Set once at start-up by the launcher.
 */
let program = 'dvc';

export function setHintProgram(name: string): void {
  program = name;
}

/** A hint command line that begins with `dvc `, with the program named as the officer can run it. */
export function runnableHint(command: string): string {
  return command.startsWith('dvc ') ? `${program} ${command.slice(4)}` : command;
}

/** Every `dvc <command>` inside a sentence of hints, with the program named as the officer can run it. */
export function runnableHints(text: string): string {
  return program === 'dvc'
    ? text
    : text.replace(/(^|[\s(:"'])dvc (?=[a-z])/g, (_m, before: string) => `${before}${program} `);
}
