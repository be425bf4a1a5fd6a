import { setFlagsFromString } from 'node:v8';
import { watchProcessState } from './process-state.js';

/**
 * The one place dvc sets V8 flags (`npm run lint` refuses setFlagsFromString anywhere else). V8 gives no way to read
 * a flag back, so every flag set is recorded here, and can be given its default again: boolean flags that are off by
 * default (`--name`; `--no-name` turns it off again), and the numeric flags listed in NUMERIC_DEFAULTS, whose default
 * is written down there.
 */
const KEY = Symbol.for('dvc.v8FlagsSet');
const holder = globalThis as { [KEY]?: string[] };
const flagsSet: string[] = (holder[KEY] ??= []);

const BOOLEAN_FLAG = /^--(?!no-)[a-z][a-z0-9-]*$/;
const NUMERIC_FLAG = /^--([a-z][a-z0-9-]*)=(\d{1,9})$/;

/**
 * Numeric flags dvc may set, with V8's default in Node 20 (`node --v8-options`). Only speed depends on them; the
 * default is what a reset gives back.
 */
const NUMERIC_DEFAULTS: Readonly<Record<string, number>> = {
  // Bytecode executed between two looks at whether a function is hot enough to optimise.
  'interrupt-budget': 67584,
};

/** The flag with its name only (`--interrupt-budget=500000` → `--interrupt-budget`). */
const nameOf = (flag: string) => flag.replace(/=.*$/, '');

/** Sets a V8 flag for the rest of this process, and records it. */
export function setV8Flag(flag: string): void {
  const numeric = NUMERIC_FLAG.exec(flag);
  if (numeric ? NUMERIC_DEFAULTS[numeric[1]] === undefined : !BOOLEAN_FLAG.test(flag))
    throw new Error(`not a V8 flag dvc can turn back: ${flag}`);
  setFlagsFromString(flag);
  const at = flagsSet.findIndex((f) => nameOf(f) === nameOf(flag));
  if (at === -1) flagsSet.push(flag);
  else flagsSet[at] = flag;
}

/** The flags set in this process so far, in the order they were first set. */
export function v8FlagsSet(): string[] {
  return [...flagsSet];
}

/** Gives every flag set since `kept` was read its value of then, so the process is as it was then. */
export function resetV8Flags(kept: readonly string[] = []): void {
  for (const flag of flagsSet.filter((f) => !kept.includes(f))) {
    const name = nameOf(flag);
    const before = kept.find((f) => nameOf(f) === name);
    const numeric = NUMERIC_FLAG.exec(flag);
    if (before) setFlagsFromString(before);
    else if (numeric) setFlagsFromString(`${name}=${NUMERIC_DEFAULTS[numeric[1]]}`);
    else setFlagsFromString(`--no-${flag.slice(2)}`);
    flagsSet.splice(flagsSet.indexOf(flag), 1, ...(before ? [before] : []));
  }
}

watchProcessState('V8 flags set (cli/v8-flags.ts)', {
  read: v8FlagsSet,
  restore: (v) => resetV8Flags(v as string[]),
});
