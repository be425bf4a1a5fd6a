import type { CliContext } from './context.js';

/**
 * The declarative description of one command: what commander needs to parse it and print its help,
 * without loading the command's implementation. Each command keeps its spec in `commands/<name>.spec.ts`
 * (light: no heavy imports) and its code in `commands/<name>.ts`, loaded only when it runs.
 */
export interface OptionSpec {
  /** commander flags, e.g. `--out <file>`, `--force`, `--no-validate`. */
  flags: string;
  /** catalogue key of the description. */
  desc: string;
  default?: string | boolean | string[];
  choices?: readonly string[];
  /** May be given several times; the values are collected into an array. */
  repeatable?: boolean;
  /** Parse as a number; a bad value is a usage error (exit 2). */
  number?: boolean;
  hidden?: boolean;
}

export interface ArgumentSpec {
  name: string;
  desc: string;
  required?: boolean;
  variadic?: boolean;
}

export interface CommandInput {
  args: string[];
  opts: Record<string, unknown>;
  ctx: CliContext;
}

export type CommandRun = (input: CommandInput) => Promise<number>;

export interface CommandSpec {
  name: string;
  desc: string;
  aliases?: string[];
  args?: ArgumentSpec[];
  options?: OptionSpec[];
  /** Two real examples at least: shown at the end of the command's help. */
  examples: string[];
  /** Loads the implementation; absent on a pure group of subcommands. */
  load?: () => Promise<{ run: CommandRun }>;
  subcommands?: CommandSpec[];
}
