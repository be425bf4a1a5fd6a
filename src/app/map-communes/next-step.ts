/**
 * The command an officer runs for the next round of decisions, printed so that it can be pasted as it is into
 * cmd.exe, PowerShell or bash: an argument with anything but letters, digits and `_ . / \ : -` is put in double
 * quotes, which all three shells read the same way for a file name.
 */
import path from 'node:path';
import { shellArg } from '../../core/shell/shell-arg.js';

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
  replaceExisting?: boolean;
}

/** `dvc map-communes <input> [the same choices] --decisions <output> --out <next output>`. */
export function nextStepCommand(i: NextStepInput): string {
  const args = ['dvc', 'map-communes', pathArg(i.input)];
  const add = (flag: string, v: string | undefined) => {
    if (v !== undefined) args.push(flag, pathArg(v));
  };
  add('--std-sheet', i.stdSheet);
  add('--tax-sheet', i.taxSheet);
  add('--std-cols', i.stdCols);
  add('--tax-cols', i.taxCols);
  for (const p of i.provinces ?? []) add('--province', p);
  add('--reference', i.reference);
  if (i.replaceExisting) args.push('--replace-existing');
  add('--decisions', i.output);
  add('--out', nextRoundPath(i.output));
  return args.join(' ');
}
