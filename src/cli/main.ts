import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { DvcError, ExitCode, isDvcError } from '../errors.js';
import { parseLang, t, type Lang } from '../i18n/i18n.js';
import { CliContext, type GlobalOptions, type Streams } from './context.js';
import type { CommandSpec, OptionSpec } from './command-spec.js';
import { COMMANDS } from './commands/command-registry.js';
import { suggest } from './suggest.js';
import { renderError } from './render/error.js';

import { packageVersion } from './package-version.js';
export { packageVersion };

/** What can be known from argv before commander runs: the language and output mode of help and errors. */
export function prescan(argv: string[], env: NodeJS.ProcessEnv): { lang: Lang; json: boolean; badLang?: string } {
  let lang: Lang = parseLang(env.DVC_LANG) ?? 'vi';
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
      if (parsed) lang = parsed;
      else badLang = value;
    }
  }
  return { lang, json, badLang };
}

interface RunState {
  lang: Lang;
  json: boolean;
  streams: Streams;
  env: NodeJS.ProcessEnv;
  exitCode: number;
  commandPath: string;
}

export async function main(
  argv: string[],
  streams?: Partial<Streams>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const io: Streams = {
    stdout: streams?.stdout ?? process.stdout,
    stderr: streams?.stderr ?? process.stderr,
    stdinIsTTY: streams?.stdinIsTTY ?? Boolean(process.stdin.isTTY),
  };
  const pre = prescan(argv, env);
  const state: RunState = { lang: pre.lang, json: pre.json, streams: io, env, exitCode: ExitCode.Ok, commandPath: '' };
  try {
    if (pre.badLang !== undefined) throw new DvcError('cli.badLang', { value: pre.badLang }, ExitCode.Usage);
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
  const names = (spec: CommandSpec[]) => spec.flatMap((c) => [c.name, ...(c.aliases ?? [])]);
  switch (e.code) {
    case 'commander.unknownCommand': {
      const name = quoted(e.message);
      const s = suggest(name, names(currentSubcommands(state)));
      return new DvcError('cli.unknownCommand', { name, suggestion: s ? t(lang, 'cli.didYouMean', { name: s }) : '' });
    }
    case 'commander.unknownOption': {
      const name = quoted(e.message);
      const s = suggest(name, currentOptionFlags(state));
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
    case 'commander.excessArguments':
      return new DvcError('cli.tooManyArguments', { value: e.message.replace(/^error: /, ''), command });
    case 'commander.invalidArgument': {
      const m = /option '([^']+)' argument '([^']*)' is invalid\. ?(.*)$/s.exec(e.message.replace(/^error: /, ''));
      if (m) return new DvcError('cli.invalidOptionValue', { name: m[1], value: m[2], reason: m[3] });
      return new DvcError('cli.usageError', { detail: e.message.replace(/^error: /, '') });
    }
    default:
      return new DvcError('cli.usageError', { detail: e.message.replace(/^error: /, '') });
  }
}

let registered: { specs: CommandSpec[]; flags: string[] } = { specs: COMMANDS, flags: [] };

/** The subcommands of the command being parsed when the error happened (top level when none). */
function currentSubcommands(state: RunState): CommandSpec[] {
  let specs = registered.specs;
  for (const name of state.commandPath.split(' ').filter(Boolean)) {
    const next = specs.find((c) => c.name === name || c.aliases?.includes(name));
    if (!next?.subcommands) break;
    specs = next.subcommands;
  }
  return specs;
}

function currentOptionFlags(_state: RunState): string[] {
  return registered.flags;
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

function buildProgram(state: RunState): Command {
  const lang = state.lang;
  const program = new Command('dvc');
  configure(program, state);
  program
    .description(t(lang, 'cli.description'))
    .version(packageVersion(), '-V, --version', t(lang, 'cli.opt.version'));
  for (const o of GLOBAL_OPTIONS) program.addOption(toOption(o, lang));
  program.addHelpText(
    'after',
    examplesText(lang, ['dvc map-communes fixtures/mau-63-tinh.xlsx', 'dvc test-api --dst HNI --type tra-cuu --json']),
  );
  const flags = GLOBAL_OPTIONS.flatMap((o) => o.flags.split(/[ ,|]+/).filter((f) => f.startsWith('--')));
  for (const spec of COMMANDS) addCommand(program, spec, state, flags, spec.name);
  registered = { specs: COMMANDS, flags };
  program.hook('preSubcommand', (_self, sub) => {
    state.commandPath = sub.name();
  });
  return program;
}

function configure(cmd: Command, state: RunState): void {
  const titles: Record<string, string> = {
    'Usage:': t(state.lang, 'cli.help.usage'),
    'Options:': t(state.lang, 'cli.help.options'),
    'Commands:': t(state.lang, 'cli.help.commands'),
    'Arguments:': t(state.lang, 'cli.help.arguments'),
    'Global Options:': t(state.lang, 'cli.help.globalOptions'),
  };
  cmd
    .exitOverride()
    .configureOutput({
      writeOut: (s) => state.streams.stdout.write(s),
      writeErr: (s) => state.streams.stderr.write(s),
      outputError: () => {},
    })
    .configureHelp({ showGlobalOptions: true, styleTitle: (s) => titles[s] ?? s })
    .helpOption('-h, --help', t(state.lang, 'cli.opt.help'))
    .helpCommand('help [command]', t(state.lang, 'cli.help.command'));
}

function examplesText(lang: Lang, examples: string[]): string {
  return `\n${t(lang, 'cli.help.examples')}\n${examples.map((e) => `  $ ${e}`).join('\n')}\n`;
}

function toOption(o: OptionSpec, lang: Lang): Option {
  const opt = new Option(o.flags, t(lang, o.desc));
  if (o.choices) opt.choices(o.choices);
  if (o.hidden) opt.hideHelp();
  if (o.repeatable) {
    opt.argParser((value: string, prev: unknown) => [...(Array.isArray(prev) ? prev : []), value]);
  } else if (o.number) {
    opt.argParser((value: string) => {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(t(lang, 'cli.notANumber'));
      return n;
    });
  }
  if (o.default !== undefined) opt.default(o.default);
  return opt;
}

function addCommand(parent: Command, spec: CommandSpec, state: RunState, flags: string[], commandPath: string): void {
  const lang = state.lang;
  const cmd = new Command(spec.name);
  configure(cmd, state);
  cmd.description(t(lang, spec.desc));
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  for (const a of spec.args ?? []) {
    const label = a.required ? `<${a.name}${a.variadic ? '...' : ''}>` : `[${a.name}${a.variadic ? '...' : ''}]`;
    cmd.argument(label, t(lang, a.desc));
  }
  for (const o of spec.options ?? []) {
    cmd.addOption(toOption(o, lang));
    flags.push(...o.flags.split(/[ ,|]+/).filter((f) => f.startsWith('--')));
  }
  cmd.addHelpText('after', examplesText(lang, spec.examples));
  for (const sub of spec.subcommands ?? []) addCommand(cmd, sub, state, flags, `${commandPath} ${sub.name}`);
  cmd.hook('preSubcommand', (_self, sub) => {
    state.commandPath = `${commandPath} ${sub.name()}`;
  });
  if (spec.load) {
    const load = spec.load;
    cmd.action(async (...actionArgs: unknown[]) => {
      const self = actionArgs[actionArgs.length - 1] as Command;
      const opts = self.optsWithGlobals() as Record<string, unknown>;
      const ctx = new CliContext(globalsOf(opts, state), state.streams, state.env);
      const args = self.processedArgs.flatMap((a: unknown) =>
        Array.isArray(a) ? a : a === undefined ? [] : [a],
      ) as string[];
      const mod = await load();
      state.exitCode = await mod.run({ args, opts, ctx });
    });
  }
  parent.addCommand(cmd);
}

function globalsOf(opts: Record<string, unknown>, state: RunState): GlobalOptions {
  return {
    lang: state.lang,
    json: opts.json === true,
    color: opts.color !== false,
    config: typeof opts.config === 'string' ? opts.config : undefined,
    quiet: opts.quiet === true,
    verbose: opts.verbose === true,
    input: opts.input !== false,
  };
}
