import { describe, expect, it } from 'vitest';
import { processCwdProblem } from '../scripts/process-cwd-rule.mjs';
import { sourceTexts } from './test-support/source-files.js';

describe('the lint rule on process.cwd()', () => {
  it('refuses it below src/cli and lets src/cli, tests and test-support use it', () => {
    const text = 'const dir = path.resolve(o.cwd ?? process.cwd(), o.dir);';
    expect(processCwdProblem('src/app/evidence/check-evidence.ts', text)).toBe(
      'src/app/evidence/check-evidence.ts: process.cwd() outside src/cli (take the folder as a parameter from the command)',
    );
    expect(processCwdProblem('src/io/config.ts', text)).not.toBeNull();
    expect(processCwdProblem('src/cli/working-dir.ts', text)).toBeNull();
    expect(processCwdProblem('src/app/evidence/check-evidence.test.ts', text)).toBeNull();
    expect(processCwdProblem('src/test-support/process-guard.ts', text)).toBeNull();
    expect(processCwdProblem('src/io/config.ts', 'loadConfig({ cwd: o.cwd })')).toBeNull();
  });

  it('finds nothing in the source today', () => {
    const found = [...sourceTexts()].map(([rel, text]) => processCwdProblem(rel, text)).filter((p) => p !== null);
    expect(found).toEqual([]);
  });
});
