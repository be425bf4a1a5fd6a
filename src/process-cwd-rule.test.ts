import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { processCwdProblem } from '../scripts/process-cwd-rule.mjs';
import { REPO_ROOT } from './test-support/run-cli.js';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

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
    const found = [...sources(path.join(REPO_ROOT, 'src'))]
      .map((f) => processCwdProblem(path.relative(REPO_ROOT, f).split(path.sep).join('/'), readFileSync(f, 'utf8')))
      .filter((p) => p !== null);
    expect(found).toEqual([]);
  });
});
