import { setFlagsFromString } from 'node:v8';
import { watchProcessState } from './process-state.js';

/**
 * The one place dvc sets V8 flags (`npm run lint` refuses setFlagsFromString anywhere else). V8 gives no way to read
 * a flag back, so every flag set is recorded here, and can be given its default again: only boolean flags that are
 * off by default are set (`--name`; `--no-name` turns it off again).
 */
const KEY = Symbol.for('dvc.v8FlagsSet');
const holder = globalThis as { [KEY]?: string[] };
const flagsSet: string[] = (holder[KEY] ??= []);

const BOOLEAN_FLAG = /^--(?!no-)[a-z][a-z0-9-]*$/;

/** Sets a boolean V8 flag for the rest of this process, and records it. */
export function setV8Flag(flag: string): void {
  if (!BOOLEAN_FLAG.test(flag)) throw new Error(`not a boolean V8 flag: ${flag}`);
  setFlagsFromString(flag);
  if (!flagsSet.includes(flag)) flagsSet.push(flag);
}

/** The flags set in this process so far, in the order they were first set. */
export function v8FlagsSet(): string[] {
  return [...flagsSet];
}

/** Turns off every flag set since `kept` was read, so the process is as it was then. */
export function resetV8Flags(kept: readonly string[] = []): void {
  for (const flag of flagsSet.filter((f) => !kept.includes(f))) {
    setFlagsFromString(`--no-${flag.slice(2)}`);
    flagsSet.splice(flagsSet.indexOf(flag), 1);
  }
}

watchProcessState('V8 flags set (cli/v8-flags.ts)', {
  read: v8FlagsSet,
  restore: (v) => resetV8Flags(v as string[]),
});
