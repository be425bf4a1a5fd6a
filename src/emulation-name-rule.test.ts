import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMULATION_REGISTRY, emulationNameProblems, emulationNames } from '../scripts/emulation-name-rule.mjs';
import { EMULATION_NAMES } from './core/api/emulation/emulations.js';
import { REPO_ROOT } from './test-support/run-cli.js';

const names = emulationNames(readFileSync(path.join(REPO_ROOT, EMULATION_REGISTRY), 'utf8'));

describe('the lint rule on emulation names', () => {
  it('reads the names from the registry, as the program does', () => {
    expect(names).toEqual([...EMULATION_NAMES]);
  });

  it('refuses a planted name written as a literal, with its line, in any form a literal takes', () => {
    const [first, second] = EMULATION_NAMES;
    const planted = [
      `// the ${first} system, \`${first}\` in a comment, is no literal`,
      `const emulation = o.emulate ?? '${first}';`,
      `type E = { emulate?: "${second}" };`,
      `const rules = { '${second}': 1, other: \`${first}\` };`,
      `const text = 'like ${first} does'; const url = '${second}-v2';`,
    ].join('\n');
    const rule = (n: string) => `the emulation name '${n}' written as a literal (read it from ${EMULATION_REGISTRY})`;
    expect(emulationNameProblems('src/io/mock-server.ts', planted, names)).toEqual([
      `src/io/mock-server.ts:2: ${rule(first)}`,
      `src/io/mock-server.ts:3: ${rule(second)}`,
      `src/io/mock-server.ts:4: ${rule(second)}`,
      `src/io/mock-server.ts:4: ${rule(first)}`,
    ]);
    // A property key picked from a type (an option of that name) is not a name of the system; a union of names is.
    const keys = [
      `type A = Pick<Options, 'input' | '${first}'>;`,
      `type B = Omit<Options, '${first}'> & { r: Options['${first}'] };`,
      `type C = Record<'${first}' | 'x', number>;`,
    ].join('\n');
    expect(emulationNameProblems('src/app/a.ts', keys, names)).toEqual([`src/app/a.ts:3: ${rule(first)}`]);
    expect(emulationNameProblems(EMULATION_REGISTRY, planted, names)).toEqual([]);
    expect(emulationNameProblems('src/io/mock-emulation.test.ts', planted, names)).toEqual([]);
    expect(emulationNameProblems('src/test-support/probe-servers.ts', planted, names)).toEqual([]);
  });

  it('finds nothing in the source today', () => {
    const files = readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => `src/${f.split(path.sep).join('/')}`);
    expect(files).toContain(EMULATION_REGISTRY);
    const found = files.flatMap((rel) =>
      emulationNameProblems(rel, readFileSync(path.join(REPO_ROOT, rel), 'utf8'), names),
    );
    expect(found).toEqual([]);
  });
});
