import { watchProcessState } from './process-state.js';
import { formatTemplate, t, templateOf, type Lang } from '../i18n/i18n.js';
import type { MessageParams } from '../errors.js';

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

/**
 * The words a hint repeats after the program's name: `--lang <lang>` when this run's language was chosen with
 * `--lang` on the command line. A language from DVC_LANG, or the default, is found again by the next run itself.
 */
const langWords = (langFlag: Lang | undefined) => (langFlag ? ` --lang ${langFlag}` : '');

/**
 * A hint command line that begins with `dvc `, with the program named as the officer can run it and the language
 * chosen with `--lang` (`langFlag`) repeated right after it, where it is a global option of every command.
 */
export function runnableHint(command: string, langFlag?: Lang): string {
  return command.startsWith('dvc ') ? `${program}${langWords(langFlag)} ${command.slice(4)}` : command;
}

// A command by its name, or the `{command}` of a usage message ("See: dvc {command} --help").
const COMMAND_NAMES = '(?:(?:map-communes|config|communes|test-api|mock-api|doctor|evidence|review)\\b|\\{command\\})';
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The pattern of pasteReadyAt per program name, made once (a cache: one name per process, two in some tests). */
const PASTE_READY = new Map<string, RegExp>();

/**
 * Where a template names the program at the start of a command to paste, not as a word of a sentence ("a limit of
 * dvc evidence verify"): after a colon or an opening quote ("then: dvc evidence sent {dir}", `run "dvc config
 * check"`), or when arguments follow the command (a `{placeholder}`, a `<value>` or an option).
 */
function pasteReadyAt(name: string): RegExp {
  const known = PASTE_READY.get(name);
  if (known) return known;
  const p = name === 'dvc' ? 'dvc' : `(?:dvc|${escapeRegExp(name)})`;
  const re = new RegExp(
    `(?:(?<=^|: |["\u201c])${p}(?= ${COMMAND_NAMES})|(?<=^|[\\s(])${p}(?= ${COMMAND_NAMES}(?: [a-z][a-z-]*)? [{<-]))`,
    'g',
  );
  PASTE_READY.set(name, re);
  return re;
}

/** A template's commands to paste, each with `--lang <langFlag>` after the program's name. */
export function templateWithLang(template: string, langFlag: Lang): string {
  if (!template.includes('dvc') && !template.includes(program)) return template;
  return template.replace(pasteReadyAt(program), (p) => `${p}${langWords(langFlag)}`);
}

/**
 * A catalogue message whose commands to paste repeat the language chosen with `--lang` (`langFlag`); without it,
 * the message as `t` makes it.
 */
export function hintedMessage(lang: Lang, key: string, params: MessageParams | undefined, langFlag?: Lang): string {
  if (!langFlag) return t(lang, key, params);
  const template = templateOf(lang, key);
  const adapted = templateWithLang(template, langFlag);
  return adapted === template ? t(lang, key, params) : formatTemplate(adapted, params);
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
    : text.replace(/(^|[\s(:"'])dvc (?=[a-z]|--lang )/g, (_m, before: string) => `${before}${program} `);
}
