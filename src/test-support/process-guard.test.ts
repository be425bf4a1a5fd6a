import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, leaksSince, snapshot } from './process-guard.js';
import { resetV8Flags, setV8Flag, v8FlagsSet } from '../cli/v8-flags.js';
import { runnableHint, setHintProgram } from '../cli/hint-program.js';
import { watchProcessState } from '../cli/process-state.js';

/** True while V8 accepts natives syntax: a flag whose effect a test can see. */
function nativesSyntaxOn(): boolean {
  try {
    return new Function('return %IsSmi(1)')() === true;
  } catch {
    return false;
  }
}

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

  it('names a V8 flag a test set and leaves set, and turns it off again', () => {
    const before = snapshot();
    expect(nativesSyntaxOn()).toBe(false);
    setV8Flag('--allow-natives-syntax');
    expect(nativesSyntaxOn()).toBe(true);
    const name = 'V8 flags set (cli/v8-flags.ts)';
    const was = before.state.get(name)!;
    expect(leaksSince(before)).toEqual([
      `${name}: ${was} -> ${JSON.stringify([...(JSON.parse(was) as string[]), '--allow-natives-syntax'])}`,
    ]);
    expect(nativesSyntaxOn()).toBe(false);
    expect(v8FlagsSet()).not.toContain('--allow-natives-syntax');
    expect(leaksSince(before)).toEqual([]);
  });

  it('refuses to set a flag it could not turn back', () => {
    expect(() => setV8Flag('--max-old-space-size=64')).toThrow(
      'not a V8 flag dvc can turn back: --max-old-space-size=64',
    );
    expect(() => setV8Flag('--no-opt')).toThrow('not a V8 flag dvc can turn back: --no-opt');
    expect(() => setV8Flag('--interrupt-budget=-1')).toThrow('not a V8 flag dvc can turn back');
    resetV8Flags(v8FlagsSet());
  });

  it('records a numeric flag once, with its latest value, and gives back the value it had', () => {
    const kept = v8FlagsSet();
    setV8Flag('--interrupt-budget=400000');
    setV8Flag('--interrupt-budget=500000');
    expect(v8FlagsSet()).toEqual([...kept, '--interrupt-budget=500000']);
    const withOne = v8FlagsSet();
    setV8Flag('--interrupt-budget=900000');
    expect(v8FlagsSet()).toEqual([...kept, '--interrupt-budget=900000']);
    resetV8Flags(withOne);
    expect(v8FlagsSet()).toEqual(withOne);
    resetV8Flags(kept);
    expect(v8FlagsSet()).toEqual(kept);
  });

  it('names a module-level value a run left changed, and puts it back', () => {
    const before = snapshot();
    setHintProgram('npx dvc-dat-dai');
    expect(leaksSince(before)).toEqual([
      'the program named in hints (cli/hint-program.ts): "dvc" -> "npx dvc-dat-dai"',
    ]);
    expect(runnableHint('dvc doctor')).toBe('dvc doctor');
  });

  it('compares a value whose module was loaded during the test with its value at load', () => {
    const before = snapshot();
    let value = 1;
    watchProcessState('a value planted by process-guard.test.ts', {
      read: () => value,
      restore: (v) => (value = v as number),
    });
    value = 2;
    expect(leaksSince(before)).toEqual(['a value planted by process-guard.test.ts: 1 -> 2']);
    expect(value).toBe(1);
  });

  it('fails the test that planted a V8 flag, naming it, and passes once the process is back', () => {
    const before = snapshot();
    const name = 'V8 flags set (cli/v8-flags.ts)';
    const was = before.state.get(name)!;
    setV8Flag('--allow-natives-syntax');
    expect(() => expectUnchanged(before, 'the test')).toThrow(
      `the test left the process changed:\n  ${name}: ${was} -> ${JSON.stringify([...(JSON.parse(was) as string[]), '--allow-natives-syntax'])}`,
    );
    expect(() => expectUnchanged(before, 'the test')).not.toThrow();
  });
});
