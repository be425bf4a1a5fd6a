import { Command, CommanderError, Option, type Help } from 'commander';
import { DvcError, ExitCode, isDvcError } from '../errors.js';
import { parseLang, t, type Lang } from '../i18n/i18n.js';
import { CliContext, type GlobalOptions, type Streams } from './context.js';
import type { CommandSpec, OptionSpec } from './command-spec.js';
import { COMMANDS } from './commands/command-registry.js';
import { suggest } from './suggest.js';
import { packageVersion } from './package-version.js';
import { renderError } from './render/error.js';
import { workingDir } from './working-dir.js';

export { packageVersion };

/**
 * What can be known from argv before commander runs: the language and output mode of help and errors, and
 * `langFlag`, the language when `--lang` chose it (printed commands repeat it; DVC_LANG the next run reads itself).
 */
export function prescan(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { lang: Lang; json: boolean; badLang?: string; langFlag?: Lang } {
  let lang: Lang = parseLang(env.DVC_LANG) ?? 'vi';
  let langFlag: Lang | undefined;
  let badLang: string | undefined;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') break;
    if (a === '--json') json = true;
    let value: string | undefined;
    if (a === '--lang') value = argv[i + 1];
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
    if (value !== undefined) {
      const parsed = parseLang(value);
      if (parsed) lang = langFlag = parsed;
      else badLang = value;
    }
  }
  return { lang, json, badLang, langFlag };
}

interface RunState {
  lang: Lang;
  langFlag?: Lang;
  json: boolean;
  streams: Streams;
  env: NodeJS.ProcessEnv;
  cwd: string;
  exitCode: number;
  commandPath: string;
}

export async function main(
  argv: string[],
  streams?: Partial<Streams>,
  env: NodeJS.ProcessEnv = process.env,
  cwd?: string,
): Promise<number> {
  const io: Streams = {
    stdout: streams?.stdout ?? process.stdout,
    stderr: streams?.stderr ?? process.stderr,
    stdinIsTTY: streams?.stdinIsTTY ?? Boolean(process.stdin.isTTY),
  };
  const pre = prescan(argv, env);
  const state: RunState = {
    lang: pre.lang,
    langFlag: pre.langFlag,
    json: pre.json,
    streams: io,
    env,
    cwd: '',
    exitCode: ExitCode.Ok,
    commandPath: '',
  };
  try {
    if (pre.badLang !== undefined) throw new DvcError('cli.badLang', { value: pre.badLang }, ExitCode.Usage);
    state.cwd = cwd ?? workingDir();
    if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
      io.stdout.write(packageVersion() + '\n');
      return ExitCode.Ok;
    }
    const program = buildProgram(state);
    await program.parseAsync(argv, { from: 'user' });
    return state.exitCode;
  } catch (e) {
    return handleError(e, state);
  }
}

function handleError(e: unknown, state: RunState): number {
  const err = toDvcError(e, state);
  if (!err) return ExitCode.Ok;
  renderError(err, {
    lang: state.lang,
    langFlag: state.langFlag,
    json: state.json,
    streams: state.streams,
    debug: state.env.DVC_DEBUG === '1',
    original: e,
  });
  return err.exitCode;
}

/** Maps whatever was thrown to a DvcError; null when it was commander's normal stop after help or version. */
function toDvcError(e: unknown, state: RunState): DvcError | null {
  if (isDvcError(e)) return e;
  if (e instanceof CommanderError) {
    if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help')
      return null;
    if (e.exitCode === 0) return null;
    return commanderToDvc(e, state);
  }
  // Ctrl+C at a prompt: a person cancelling, not a crash.
  if (e instanceof Error && e.name === 'ExitPromptError') return new DvcError('cli.cancelled', {}, ExitCode.Cancelled);
  const detail = e instanceof Error ? e.message : String(e);
  return new DvcError('cli.internal', { detail }, ExitCode.Internal, { cause: e });
}

function quoted(message: string): string {
  const m = /'([^']+)'/.exec(message);
  return m ? m[1] : message;
}

function commanderToDvc(e: CommanderError, state: RunState): DvcError {
  const command = state.commandPath || '';
  const lang = state.lang;
  const names = (spec: readonly CommandSpec[]) => spec.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  switch (e.code) {
    case 'commander.unknownCommand': {
      const name = quoted(e.message);
      const s = suggest(name, names(currentSubcommands(state)));
      return new DvcError('cli.unknownCommand', { name, suggestion: s ? t(lang, 'cli.didYouMean', { name: s }) : '' });
    }
    case 'commander.unknownOption': {
      const name = quoted(e.message);
      const s = suggest(name, registered.flags.get(command) ?? []);
      return new DvcError('cli.unknownOption', {
        name,
        command,
        suggestion: s ? t(lang, 'cli.didYouMean', { name: s }) : '',
      });
    }
    case 'commander.missingArgument':
      return new DvcError('cli.missingArgument', { name: quoted(e.message), command });
    case 'commander.optionMissingArgument':
      return new DvcError('cli.missingOptionValue', { name: quoted(e.message), command });
    case 'commander.excessArguments': {
      const m = /Expected (\d+) arguments? but got (\d+)/.exec(e.message);
      return new DvcError('cli.tooManyArguments', { expected: m?.[1] ?? '?', got: m?.[2] ?? '?', command });
    }
    default:
      // Every other commander error comes from a check dvc does not use (choices and numbers are checked by the
      // command's options schema): say which command line was refused, in the user's language.
      return new DvcError('cli.badCommandLine', { command });
  }
}

/** The commands and, per command path ("" for the program, "evidence pack"…), the flags it accepts. */
let registered: { specs: readonly CommandSpec[]; flags: Map<string, string[]> } = { specs: COMMANDS, flags: new Map() };

/** The subcommands of the command being parsed when the error happened (top level when none). */
function currentSubcommands(state: RunState): readonly CommandSpec[] {
  let specs = registered.specs;
  for (const name of state.commandPath.split(' ').filter(Boolean)) {
    const next = specs.find((c) => c.name === name || c.aliases?.includes(name));
    if (!next?.subcommands) break;
    specs = next.subcommands;
  }
  return specs;
}

const GLOBAL_OPTIONS: OptionSpec[] = [
  { flags: '--lang <lang>', desc: 'cli.opt.lang' },
  { flags: '--json', desc: 'cli.opt.json' },
  { flags: '--no-color', desc: 'cli.opt.noColor' },
  { flags: '--config <file>', desc: 'cli.opt.config' },
  { flags: '-q, --quiet', desc: 'cli.opt.quiet' },
  { flags: '-v, --verbose', desc: 'cli.opt.verbose' },
  { flags: '--no-input', desc: 'cli.opt.noInput' },
];

const longFlags = (options: readonly OptionSpec[]) =>
  options.flatMap((o) => o.flags.split(/[ ,|]+/).filter((f) => f.startsWith('--')));

function buildProgram(state: RunState): Command {
  const lang = state.lang;
  const program = new Command('dvc');
  configure(program, state, true);
  program
    .description(t(lang, 'cli.description'))
    .version(packageVersion(), '-V, --version', t(lang, 'cli.opt.version'));
  for (const o of GLOBAL_OPTIONS) program.addOption(toOption(o, lang));
  program.addHelpText(
    'after',
    examplesText(lang, ['dvc map-communes fixtures/mau-63-tinh.xlsx', 'dvc test-api --dst HNI --type tra-cuu --json']),
  );
  const globals = [...longFlags(GLOBAL_OPTIONS), '--help', '--version'];
  const flags = new Map<string, string[]>([['', globals]]);
  for (const spec of COMMANDS) addCommand(program, spec, state, { globals, flags }, spec.name);
  registered = { specs: COMMANDS, flags };
  program.hook('preSubcommand', (_self, sub) => {
    state.commandPath = sub.name();
  });
  return program;
}

/** Commander's own words (help titles, "[options]", defaults and choices) in the user's language. */
function helpConfiguration(lang: Lang): Partial<Help> {
  const titles: Record<string, string> = {
    'Usage:': t(lang, 'cli.help.usage'),
    'Options:': t(lang, 'cli.help.options'),
    'Commands:': t(lang, 'cli.help.commands'),
    'Arguments:': t(lang, 'cli.help.arguments'),
    'Global Options:': t(lang, 'cli.help.globalOptions'),
  };
  const tokens = (s: string) =>
    s.replace('[options]', t(lang, 'cli.help.optionsToken')).replace('[command]', t(lang, 'cli.help.commandToken'));
  return {
    showGlobalOptions: true,
    // The program's own options only (--lang, --json …): a sub-command's help never lists its parent's options,
    // which do not apply to it (`test-api types` is not a probe).
    visibleGlobalOptions: (cmd) => {
      let root = cmd;
      while (root.parent) root = root.parent;
      return root === cmd ? [] : root.options.filter((o) => !o.hidden);
    },
    styleTitle: (s) => titles[s] ?? s,
    styleUsage: tokens,
    styleSubcommandTerm: tokens,
    optionDescription: (o) => {
      const extra: string[] = [];
      if (o.argChoices) extra.push(t(lang, 'cli.choices', { choices: o.argChoices.join(', ') }));
      if (o.defaultValue !== undefined && typeof o.defaultValue !== 'boolean')
        extra.push(t(lang, 'cli.help.default', { value: String(o.defaultValue) }));
      return extra.length ? `${o.description} (${extra.join('; ')})` : o.description;
    },
  };
}

function configure(cmd: Command, state: RunState, hasSubcommands: boolean): void {
  cmd
    .exitOverride()
    .configureOutput({
      writeOut: (s) => state.streams.stdout.write(s),
      writeErr: (s) => state.streams.stderr.write(s),
      outputError: () => {},
    })
    .configureHelp(helpConfiguration(state.lang))
    .helpOption('-h, --help', t(state.lang, 'cli.opt.help'));
  // `help [command]` only where there are commands to ask about.
  if (hasSubcommands) cmd.helpCommand('help [command]', t(state.lang, 'cli.help.command'));
  else cmd.helpCommand(false);
}

function examplesText(lang: Lang, examples: readonly string[]): string {
  return `\n${t(lang, 'cli.help.examples')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`;
}

/**
 * The commander option of a spec. Values stay text here (choices shown in the help, not enforced): the command's
 * options schema checks and converts them, so that every refusal is a catalogue message.
 */
function toOption(o: OptionSpec, lang: Lang): Option {
  const opt = new Option(o.flags, optionText(o, lang));
  // Choices with titles are listed in the description already.
  if (o.choices && !o.choiceTitles) opt.argChoices = [...o.choices];
  if (o.hidden) opt.hideHelp();
  if (o.repeatable) opt.argParser((value: string, prev: unknown) => [...(Array.isArray(prev) ? prev : []), value]);
  if (o.default !== undefined) opt.default(o.default);
  return opt;
}

/** An option's help text: its description, then each choice with its title where the spec gives titles. */
function optionText(o: OptionSpec, lang: Lang): string {
  const titles = o.choiceTitles;
  if (!titles || !o.choices) return t(lang, o.desc);
  return `${t(lang, o.desc)}: ${o.choices.map((c) => (titles[c] ? `${c} (${t(lang, titles[c])})` : c)).join(', ')}`;
}

interface FlagTable {
  globals: string[];
  flags: Map<string, string[]>;
}

function addCommand(parent: Command, spec: CommandSpec, state: RunState, table: FlagTable, commandPath: string): void {
  const lang = state.lang;
  const cmd = new Command(spec.name);
  configure(cmd, state, Boolean(spec.subcommands?.length));
  cmd.description(t(lang, spec.desc));
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  for (const a of spec.args ?? []) {
    const label = a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`;
    cmd.argument(label, t(lang, a.desc));
  }
  for (const o of spec.options ?? []) cmd.addOption(toOption(o, lang));
  // "Did you mean" offers only what this command accepts: its own options and the global ones.
  table.flags.set(commandPath, [...longFlags(spec.options ?? []), ...table.globals]);
  cmd.addHelpText('after', examplesText(lang, spec.examples));
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, state, table, `${commandPath} ${sub.name}`);
  cmd.hook('preSubcommand', (_self, sub) => {
    state.commandPath = `${commandPath} ${sub.name()}`;
  });
  if (spec.load) cmd.action(runAction(spec, state));
  parent.addCommand(cmd);
}

/** Loads the command, turns what commander collected into its typed options, and runs it. */
function runAction(spec: CommandSpec, state: RunState) {
  return async (...actionArgs: unknown[]): Promise<void> => {
    const self = actionArgs[actionArgs.length - 1] as Command;
    const ctx = new CliContext(globalsOf(self.optsWithGlobals(), state), state.streams, state.env, state.cwd);
    const args = self.processedArgs.flatMap((a: unknown) =>
      Array.isArray(a) ? a : a === undefined ? [] : [a],
    ) as string[];
    const [mod, { parseOptions }] = await Promise.all([spec.load!(), import('./command-spec.js')]);
    // With the globals: a parent's option written after a subcommand (`test-api template --type x`) lands on the
    // parent, as commander parses it; the command's schema keeps only its own keys.
    const opts = parseOptions(spec.options ?? [], self.optsWithGlobals(), state.lang);
    state.exitCode = await mod.run({ args, opts, ctx });
  };
}

function globalsOf(opts: Record<string, unknown>, state: RunState): GlobalOptions {
  return {
    lang: state.lang,
    langFlag: state.langFlag,
    json: opts.json === true,
    color: opts.color !== false,
    config: typeof opts.config === 'string' ? opts.config : undefined,
    quiet: opts.quiet === true,
    verbose: opts.verbose === true,
    input: opts.input !== false,
  };
}
