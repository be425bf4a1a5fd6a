import { z } from 'zod';
import { DvcError, ExitCode } from '../errors.js';
import { t, type Lang } from '../i18n/i18n.js';
import type { CliContext } from './context.js';

/**
 * The declarative description of one command: what commander needs to parse it and print its help,
 * without loading the command's implementation. Each command keeps its spec in `commands/<name>.spec.ts`
 * (light: no heavy imports) and its code in `commands/<name>-command.ts`, loaded only when it runs.
 *
 * A command's options are one typed object derived from its option list: `OptionsOf<typeof options>` at compile
 * time, `parseOptions` (a zod schema built from the same list) at run time. This module loads zod, so the program
 * imports it only when a command runs, never for `--help` or `--version`.
 */
export interface OptionSpec {
  /** commander flags, e.g. `--out <file>`, `--force`, `--no-validate`. */
  readonly flags: string;
  /** catalogue key of the description. */
  readonly desc: string;
  /** Shown in the help; a number option's default is written as text and parsed like a given value. */
  readonly default?: string | boolean;
  readonly choices?: readonly string[];
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

// ---- run time: the same derivation as a zod schema ----

/** The key commander stores an option under: `--max-time` → `maxTime`, `--no-validate` → `validate`. */
export function optionKey(flags: string): string {
  const long = /--([\w-]+)/.exec(flags)?.[1] ?? /-(\w)/.exec(flags)?.[1] ?? flags;
  return long.replace(/^no-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}

/** The long flag as a user types it, for messages: `--timeout`. */
export function optionName(flags: string): string {
  return /--[\w-]+/.exec(flags)?.[0] ?? flags.split(/[ ,]/)[0];
}

function numberSchema(o: OptionSpec, lang: Lang): z.ZodType<number> {
  return z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const n = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw);
    const issue = (key: string, params = {}) => {
      ctx.addIssue({ code: 'custom', message: t(lang, key, params) });
      return z.NEVER;
    };
    if (!Number.isFinite(n)) return issue('cli.notANumber');
    if (o.integer && !Number.isInteger(n)) return issue('cli.notAnInteger');
    if (o.min !== undefined && n < o.min) return issue('cli.atLeast', { min: o.min });
    if (o.max !== undefined && n > o.max) return issue('cli.atMost', { max: o.max });
    return n;
  });
}

function valueSchema(o: OptionSpec, lang: Lang): z.ZodType {
  if (o.repeatable) return z.array(z.string());
  if (o.number) return numberSchema(o, lang);
  if (o.choices) {
    const choices = o.choices;
    return z.string().refine((v) => choices.includes(v), {
      message: t(lang, 'cli.choices', { choices: choices.join(', ') }),
    });
  }
  return /[<[]/.test(o.flags) ? z.string() : z.boolean();
}

/** The zod schema of an option list: one key per option, typed as `OptionsOf` says. */
export function optionsSchema(options: readonly OptionSpec[], lang: Lang): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const o of options) {
    const value = valueSchema(o, lang);
    shape[optionKey(o.flags)] = o.default !== undefined ? value.prefault(o.default as never) : value.optional();
  }
  return z.object(shape);
}

/**
 * Checks and converts what commander collected for a command into its typed options object. A bad value is a
 * usage error (exit 2) naming the option, the value and what is expected, in the user's language.
 */
export function parseOptions<L extends readonly OptionSpec[]>(
  options: L,
  raw: Record<string, unknown>,
  lang: Lang,
): OptionsOf<L> {
  const own = Object.fromEntries(options.map((o) => [optionKey(o.flags), raw[optionKey(o.flags)]]));
  const parsed = optionsSchema(options, lang).safeParse(own);
  if (parsed.success) return parsed.data as OptionsOf<L>;
  const issue = parsed.error.issues[0];
  const key = String(issue.path[0]);
  const spec = options.find((o) => optionKey(o.flags) === key);
  if (spec?.invalid) throw new DvcError(spec.invalid, { value: String(own[key]) }, ExitCode.Usage);
  throw new DvcError(
    'cli.invalidOptionValue',
    { name: spec ? optionName(spec.flags) : key, value: String(own[key]), reason: issue.message },
    ExitCode.Usage,
  );
}
