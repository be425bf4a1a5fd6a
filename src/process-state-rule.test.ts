import { describe, expect, it } from 'vitest';
import { MODULE_LETS, processStateProblems } from '../scripts/process-state-rule.mjs';
import { sourceTexts } from './test-support/source-files.js';

describe('the lint rule on what a run leaves in its process', () => {
  it("refuses V8's flag setter outside the module that records V8 flags, tests included", () => {
    // The name is put together, so that this file does not itself call what the rule refuses.
    const call = ['setFlags', 'FromString'].join('');
    const text = `import { ${call} } from 'node:v8';\n${call}('--liftoff-only');`;
    expect(processStateProblems('src/cli/commands/test-api/test-api-command.ts', text)).toEqual([
      `src/cli/commands/test-api/test-api-command.ts: ${call} outside src/cli/v8-flags.ts (use setV8Flag, which records the flag)`,
    ]);
    expect(processStateProblems('src/app/x.test.ts', text)).toHaveLength(1);
    expect(processStateProblems('src/cli/v8-flags.ts', text)).toEqual([]);
  });

  it('refuses a module-level let that is neither watched nor listed, and nothing in a test', () => {
    const text = "let mode = 'a';\nexport let count = 0;\nfunction f() {\n  let inner = 1;\n}";
    expect(processStateProblems('src/app/y.ts', text).map((p) => p.split(':')[1]?.trim())).toEqual([
      'module-level `let mode` outside src/cli/process-state.ts (watch it with watchProcessState, or list it in scripts/process-state-rule.mjs with the reason no test can see it)',
      'module-level `let count` outside src/cli/process-state.ts (watch it with watchProcessState, or list it in scripts/process-state-rule.mjs with the reason no test can see it)',
    ]);
    expect(
      processStateProblems('src/app/y.ts', `${text}\nwatchProcessState('mode', { read: () => mode, restore() {} });`),
    ).toEqual([]);
    expect(processStateProblems('src/app/y.test.ts', text)).toEqual([]);
    expect(processStateProblems('src/test-support/y.ts', text)).toEqual([]);
  });

  it('finds nothing in the source today, and every listed let still exists', () => {
    const texts = sourceTexts();
    expect([...texts].flatMap(([rel, text]) => processStateProblems(rel, text))).toEqual([]);
    const stale = [...MODULE_LETS.keys()].filter((k) => {
      const [rel, name] = k.split(' ');
      return !new RegExp(`^(?:export )?(?:let|var) ${name}\\b`, 'm').test(texts.get(rel!) ?? '');
    });
    expect(stale).toEqual([]);
  });
});
