import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { processStateLeaks, processStateNow } from '../cli/process-state.js';

/**
 * Test files share worker processes (vitest.config.ts: isolate false), so a test that leaves the process changed
 * changes the tests after it. Each test is checked on its way out: the working directory, the environment, the
 * exit code, the listeners on process, the V8 flags set and the module-level values a run leaves behind (both
 * named in src/cli/process-state.ts; V8 gives no way to read a flag back, so dvc sets them in one place that
 * records them) must be as they were before it. A test that changed one of them fails, naming what it left behind,
 * and the process is put back so that the next test starts clean. The same holds for a file as a whole, so that
 * its beforeAll and afterAll hooks are checked too.
 */

const WATCHED_EVENTS = [
  'SIGINT',
  'SIGTERM',
  'SIGHUP',
  'SIGBREAK',
  'exit',
  'beforeExit',
  'uncaughtException',
  'uncaughtExceptionMonitor',
  'unhandledRejection',
  'rejectionHandled',
  'warning',
  'message',
] as const;

interface Snapshot {
  cwd: string;
  env: Record<string, string | undefined>;
  exitCode: typeof process.exitCode;
  listeners: Map<string, ((...args: unknown[]) => void)[]>;
  state: Map<string, string>;
}

function snapshot(): Snapshot {
  return {
    cwd: process.cwd(),
    env: { ...process.env },
    exitCode: process.exitCode,
    listeners: new Map(
      WATCHED_EVENTS.map((e) => [e, process.listeners(e as NodeJS.Signals) as ((...args: unknown[]) => void)[]]),
    ),
    state: processStateNow(),
  };
}

/** What differs between `before` and now, one line each; the process is put back as it was. */
export function leaksSince(before: Snapshot): string[] {
  const leaks: string[] = [];
  let cwd: string | undefined;
  try {
    cwd = process.cwd();
  } catch {
    cwd = undefined;
  }
  if (cwd !== before.cwd) {
    leaks.push(`working directory: ${before.cwd} -> ${cwd ?? '(deleted)'}`);
    process.chdir(before.cwd);
  }
  const keys = new Set([...Object.keys(before.env), ...Object.keys(process.env)]);
  for (const k of [...keys].sort()) {
    const was = before.env[k];
    const now = process.env[k];
    if (was === now) continue;
    leaks.push(`process.env.${k}: ${JSON.stringify(was)} -> ${JSON.stringify(now)}`);
    if (was === undefined) delete process.env[k];
    else process.env[k] = was;
  }
  if (process.exitCode !== before.exitCode) {
    leaks.push(`process.exitCode: ${String(before.exitCode)} -> ${String(process.exitCode)}`);
    process.exitCode = before.exitCode;
  }
  for (const [event, was] of before.listeners) {
    const now = process.listeners(event as NodeJS.Signals) as ((...args: unknown[]) => void)[];
    const added = now.filter((l) => !was.includes(l));
    const removed = was.filter((l) => !now.includes(l));
    if (added.length === 0 && removed.length === 0) continue;
    leaks.push(`process listeners on '${event}': ${was.length} -> ${now.length}`);
    for (const l of added) process.removeListener(event, l);
    for (const l of removed) process.on(event, l);
  }
  leaks.push(...processStateLeaks(before.state));
  return leaks;
}

export { snapshot };

/** Fails with what `who` left changed since `since`, after putting the process back. */
export function expectUnchanged(since: Snapshot | undefined, who: string): void {
  if (!since) return;
  const leaks = leaksSince(since);
  if (leaks.length > 0) throw new Error(`${who} left the process changed:\n  ${leaks.join('\n  ')}`);
}

let beforeFile: Snapshot | undefined;
let before: Snapshot | undefined;

beforeAll(() => (beforeFile = snapshot()));
afterAll(() => expectUnchanged(beforeFile, "the test file's hooks"));
beforeEach(() => (before = snapshot()));
afterEach(() => expectUnchanged(before, 'the test'));
