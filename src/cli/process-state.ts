/**
 * What a run of dvc leaves in its process after it ends: V8 flags, and the few module-level values set while it
 * runs. The program runs once per process, so this matters only where it runs many times in one (the in-process
 * test runner; test files sharing a worker): each such value is named here, and the after-each check of the tests
 * (src/test-support/process-guard.ts) fails a test or a file that leaves one changed. `npm run lint` refuses a
 * module-level `let` that is neither here nor listed as a cache (scripts/process-state-rule.mjs).
 *
 * The table lives on globalThis under a registered symbol: a second copy of a module (vi.resetModules) reports
 * to the same table.
 */
export interface WatchedState {
  read(): unknown;
  /** Puts back a value read before. */
  restore(value: unknown): void;
}

interface Entry extends WatchedState {
  /** The value when the module was loaded. */
  initial: unknown;
}

const KEY = Symbol.for('dvc.processState');
const holder = globalThis as { [KEY]?: Map<string, Entry> };
const table: Map<string, Entry> = (holder[KEY] ??= new Map());

/** Names a value that outlives a run; call it once, where the module defines the value. */
export function watchProcessState(name: string, state: WatchedState): void {
  table.set(name, { ...state, initial: state.read() });
}

/** Every watched value now, as JSON text, by name. */
export function processStateNow(): Map<string, string> {
  return new Map([...table].map(([name, e]) => [name, JSON.stringify(e.read())]));
}

/**
 * What changed since `before` (a value whose module was loaded since is compared with its value at load), one
 * line each; every changed value is put back.
 */
export function processStateLeaks(before: ReadonlyMap<string, string>): string[] {
  const leaks: string[] = [];
  for (const [name, e] of table) {
    const was = before.get(name) ?? JSON.stringify(e.initial);
    const now = JSON.stringify(e.read());
    if (was === now) continue;
    leaks.push(`${name}: ${was} -> ${now}`);
    e.restore(JSON.parse(was) as unknown);
  }
  return leaks;
}
