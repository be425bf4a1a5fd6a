import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { leaksSince, snapshot } from './process-guard.js';

describe('the after-each process check', () => {
  it('names each change a test leaves behind, and puts the process back', () => {
    const before = snapshot();
    const listener = () => {};
    process.chdir(os.tmpdir());
    process.env.DVC_GUARD_ADDED = 'x';
    process.exitCode = 4;
    process.on('SIGTERM', listener);
    process.on('uncaughtException', listener);
    const leaks = leaksSince(before);
    expect(leaks).toEqual([
      `working directory: ${before.cwd} -> ${os.tmpdir()}`,
      'process.env.DVC_GUARD_ADDED: undefined -> "x"',
      `process.exitCode: ${String(before.exitCode)} -> 4`,
      `process listeners on 'SIGTERM': ${process.listenerCount('SIGTERM')} -> ${process.listenerCount('SIGTERM') + 1}`,
      `process listeners on 'uncaughtException': ${process.listenerCount('uncaughtException')} -> ${process.listenerCount('uncaughtException') + 1}`,
    ]);
    expect(process.cwd()).toBe(before.cwd);
    expect('DVC_GUARD_ADDED' in process.env).toBe(false);
    expect(process.exitCode).toBe(before.exitCode);
    expect(process.listeners('SIGTERM')).not.toContain(listener);
    expect(leaksSince(before)).toEqual([]);
  });

  it('notices a changed or removed variable and gives it back its value', () => {
    process.env.DVC_GUARD_KEPT = 'a';
    const before = snapshot();
    process.env.DVC_GUARD_KEPT = 'b';
    expect(leaksSince(before)).toEqual(['process.env.DVC_GUARD_KEPT: "a" -> "b"']);
    expect(process.env.DVC_GUARD_KEPT).toBe('a');
    delete process.env.DVC_GUARD_KEPT;
    expect(leaksSince(before)).toEqual(['process.env.DVC_GUARD_KEPT: "a" -> undefined']);
    delete process.env.DVC_GUARD_KEPT;
  });
});
