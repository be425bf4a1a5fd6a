import { DvcError, ExitCode } from '../errors.js';
import { t, type Lang } from '../i18n/i18n.js';
import type { CliContext } from './context.js';

/**
 * The declarative description of one command: what commander needs to parse it and print its help,
 * without loading the command's implementation. Each command keeps its spec in `commands/<name>.spec.ts`
 * (light: no heavy imports) and its code in `commands/<name>-command.ts`, loaded only when it runs.
 *
 * A command's options are one typed object derived from its option list: `OptionsOf<typeof options>` at compile
 * time, `parseOptions` (the same derivation as a checker) at run time. It needs no schema library: a single probe
 * pays no start-up time for one (docs/decisions.md).
 */
export interface OptionSpec {
  /** commander flags, e.g. `--out <file>`, `--force`, `--no-validate`. */
  readonly flags: string;
  /** catalogue key of the description. */
  readonly desc: string;
  /** Shown in the help; a number option's default is written as text and parsed like a given value. */
  readonly default?: string | boolean;
  readonly choices?: readonly string[];
  /** With `choices`: the catalogue key of each choice's title, listed in the help after the description. */
  readonly choiceTitles?: Readonly<Record<string, string>>;
  /** May be given several times; the values are collected into an array. */
  readonly repeatable?: boolean;
  /** Parse as a number; a bad value is a usage error (exit 2). */
  readonly number?: boolean;
  /** With `number`: a whole number, and its bounds. */
  readonly integer?: boolean;
  readonly min?: number;
  readonly max?: number;
  /** Catalogue key (parameter `{value}`) of the message for a refused value, instead of the generic one. */
  readonly invalid?: string;
  readonly hidden?: boolean;
}

export interface ArgumentSpec {
  readonly name: string;
  readonly desc: string;
  readonly required?: boolean;
  readonly variadic?: boolean;
}

/** What a command's `run` receives: its arguments, its options as one typed object, the terminal context. */
export interface CommandInput<O = Record<string, unknown>> {
  args: string[];
  opts: O;
  ctx: CliContext;
}

/** A command's implementation module. (A method, so that a run taking its own typed options fits.) */
export interface CommandModule {
  run(input: CommandInput): Promise<number>;
}

export interface CommandSpec {
  name: string;
  desc: string;
  aliases?: readonly string[];
  args?: readonly ArgumentSpec[];
  options?: readonly OptionSpec[];
  /** Two real examples at least: shown at the end of the command's help. */
  examples: readonly string[];
  /** Loads the implementation; absent on a pure group of subcommands. */
  load?: () => Promise<CommandModule>;
  subcommands?: readonly CommandSpec[];
}

/**
 * The options of `list` with the given flags, in the list's order and with their literal types: for a command that
 * takes some of another command's options, so that each option is described once.
 */
export function pickOptions<L extends readonly OptionSpec[], const F extends L[number]['flags']>(
  list: L,
  flags: readonly F[],
): Extract<L[number], { flags: F }>[] {
  const wanted = new Set<string>(flags);
  return list.filter((o): o is Extract<L[number], { flags: F }> => wanted.has(o.flags));
}

// ---- compile time: the options object of an option list ----

type LongName<F extends string> = F extends `${string}--${infer Rest}`
  ? Rest extends `${infer Name} ${string}`
    ? Name
    : Rest
  : never;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
type KeyOf<F extends string> = LongName<F> extends `no-${infer N}` ? Camel<N> : Camel<LongName<F>>;
type TakesValue<F extends string> = F extends `${string}<${string}>` | `${string}[${string}]` ? true : false;
type ValueOf<O extends OptionSpec> = O extends { repeatable: true }
  ? string[]
  : O extends { number: true }
    ? number
    : O extends { choices: readonly (infer C)[] }
      ? C
      : TakesValue<O['flags']> extends true
        ? string
        : boolean;
/** Always present after parsing: it has a default, or it is a `--no-x` switch (true unless given). */
type Present<O extends OptionSpec> = O extends { default: string | boolean }
  ? true
  : LongName<O['flags']> extends `no-${string}`
    ? true
    : false;

/** The typed options object of a command, derived from its option list (declared `as const`). */
export type OptionsOf<L extends readonly OptionSpec[]> = {
  [O in L[number] as Present<O> extends true ? KeyOf<O['flags']> : never]: ValueOf<O>;
} & {
  [O in L[number] as Present<O> extends true ? never : KeyOf<O['flags']>]?: ValueOf<O>;
};

// ---- run time: the same derivation, as a checker ----

/** The key commander stores an option under: `--max-time` → `maxTime`, `--no-validate` → `validate`. */
export function optionKey(flags: string): string {
  const long = /--([\w-]+)/.exec(flags)?.[1] ?? /-(\w)/.exec(flags)?.[1] ?? flags;
  return long.replace(/^no-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/** The long flag as a user types it, for messages: `--timeout`. */
export function optionName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0];
}

/** A value that does not fit its option: the reason, in the user's language. */
class OptionIssue {
  constructor(readonly message: string) {}
}

function numberValue(o: OptionSpec, raw: unknown, lang: Lang): number | OptionIssue {
  if (typeof raw !== 'string' && typeof raw !== 'number') return new OptionIssue(t(lang, 'cli.notANumber'));
  const n = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw);
  if (!Number.isFinite(n)) return new OptionIssue(t(lang, 'cli.notANumber'));
  if (o.integer && !Number.isInteger(n)) return new OptionIssue(t(lang, 'cli.notAnInteger'));
  if (o.min !== undefined && n < o.min) return new OptionIssue(t(lang, 'cli.atLeast', { min: o.min }));
  if (o.max !== undefined && n > o.max) return new OptionIssue(t(lang, 'cli.atMost', { max: o.max }));
  return n;
}

/** The typed value of one option, as `OptionsOf` says, or why it is not one. */
function optionValue(o: OptionSpec, raw: unknown, lang: Lang): unknown {
  if (o.repeatable) {
    const list = Array.isArray(raw) ? raw : [raw];
    return list.every((v) => typeof v === 'string') ? list : new OptionIssue(t(lang, 'cli.expectedValue'));
  }
  if (o.number) return numberValue(o, raw, lang);
  if (o.choices) {
    return typeof raw === 'string' && o.choices.includes(raw)
      ? raw
      : new OptionIssue(t(lang, 'cli.choices', { choices: o.choices.join(', ') }));
  }
  const takesValue = /[<[]/.test(o.flags);
  if (takesValue) return typeof raw === 'string' ? raw : new OptionIssue(t(lang, 'cli.expectedValue'));
  return typeof raw === 'boolean' ? raw : new OptionIssue(t(lang, 'cli.expectedValue'));
}

/**
 * Checks and converts what commander collected for a command into its typed options object. A bad value is a
 * usage error (exit 2) naming the option, the value and what is expected, in the user's language. An option left
 * out takes its default, checked like a given value.
 */
export function parseOptions<L extends readonly OptionSpec[]>(
  options: L,
  raw: Record<string, unknown>,
  lang: Lang,
): OptionsOf<L> {
  const out: Record<string, unknown> = {};
  for (const o of options) {
    const key = optionKey(o.flags);
    const given = raw[key] ?? o.default;
    if (given === undefined) continue;
    const value = optionValue(o, given, lang);
    if (value instanceof OptionIssue) {
      if (o.invalid) throw new DvcError(o.invalid, { value: String(given) }, ExitCode.Usage);
      throw new DvcError(
        'cli.invalidOptionValue',
        { name: optionName(o.flags), value: String(given), reason: value.message },
        ExitCode.Usage,
      );
    }
    out[key] = value;
  }
  return out as OptionsOf<L>;
}
