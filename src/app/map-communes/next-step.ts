/**
 * The command an officer runs for the next round of decisions, printed so that it can be pasted as it is into the
 * shell of the machine: single quotes for bash and zsh, double quotes for cmd.exe and PowerShell alike. Where no
 * quoting is safe (a control character; `%`, `$` or `` ` `` on Windows) no command is printed, and the officer is
 * told why.
 */
import path from 'node:path';
import { quoteArg, shellArg, type HintShell } from '../../core/shell/shell-arg.js';

/** A file name as a hint argument; one that begins with '-' is written `./-name`, so it is never read as an option. */
export function pathArg(file: string): string {
  return shellArg(file.startsWith('-') ? `./${file}` : file);
}

/**
 * `tinh.doi-chieu.xlsx` → `tinh.doi-chieu-2.xlsx` → `tinh.doi-chieu-3.xlsx`. Only a short round number after a
 * hyphen counts, so `gui-2021.xlsx` becomes `gui-2021-2.xlsx`, not `gui-2022.xlsx`.
 */
export function nextRoundPath(output: string): string {
  const parsed = path.parse(output);
  const numbered = /^(.*)-(\d{1,3})$/.exec(parsed.name);
  const name = numbered ? `${numbered[1]}-${Number(numbered[2]) + 1}` : `${parsed.name}-2`;
  return parsed.dir ? path.join(parsed.dir, `${name}${parsed.ext}`) : `${name}${parsed.ext}`;
}

export interface NextStepInput {
  input: string;
  output: string;
  stdSheet?: string;
  taxSheet?: string;
  stdCols?: string;
  taxCols?: string;
  provinces?: string[];
  reference?: string;
  viaMerges?: boolean;
  allowMixedEditions?: boolean;
  replaceExisting?: boolean;
}

/** The next round's command, or why none can be printed safely for this shell. */
export type NextStep = { command: string } | { refused: { key: string; params: Record<string, string | number> } };

/**
 * The next round's arguments, program first: every option of this run that changes the result, the output just
 * written as the decisions, and a new output.
 */
export function nextStepArgs(i: NextStepInput): string[] {
  const args = ['map-communes', dashSafe(i.input)];
  const add = (flag: string, v: string | undefined) => {
    if (v !== undefined) args.push(flag, v);
  };
  add('--std-sheet', i.stdSheet);
  add('--tax-sheet', i.taxSheet);
  add('--std-cols', i.stdCols);
  add('--tax-cols', i.taxCols);
  for (const p of i.provinces ?? []) add('--province', p);
  add('--reference', i.reference);
  if (i.viaMerges) args.push('--via-merges');
  if (i.allowMixedEditions) args.push('--allow-mixed-editions');
  if (i.replaceExisting) args.push('--replace-existing');
  add('--decisions', dashSafe(i.output));
  add('--out', dashSafe(nextRoundPath(i.output)));
  return args;
}

/** The same round decided in the browser: `review <output> --from <input> [the same choices]`. */
export function reviewStepArgs(i: NextStepInput): string[] {
  const [, input, ...rest] = nextStepArgs(i);
  const choices = rest.slice(0, -4);
  return ['review', dashSafe(i.output), '--from', input, ...choices];
}

const dashSafe = (file: string) => (file.startsWith('-') ? `./${file}` : file);

/** `dvc map-communes <input> [the same choices] --decisions <output> --out <next output>`, quoted for `shell`. */
export function nextStepCommand(i: NextStepInput, shell: HintShell = 'windows'): NextStep {
  return quotedCommand(nextStepArgs(i), shell);
}

/** `dvc review <output> --from <input> [the same choices]`, quoted for `shell`. */
export function reviewStepCommand(i: NextStepInput, shell: HintShell = 'windows'): NextStep {
  return quotedCommand(reviewStepArgs(i), shell);
}

function quotedCommand(args: readonly string[], shell: HintShell): NextStep {
  const quoted: string[] = ['dvc'];
  for (const arg of args) {
    const q = quoteArg(arg, shell);
    if (!q.ok) {
      const key = q.why === 'control' ? 'mc.next.refusedControl' : 'mc.next.refusedWindows';
      return { refused: { key, params: { arg, chars: q.chars } } };
    }
    quoted.push(q.text);
  }
  return { command: quoted.join(' ') };
}
