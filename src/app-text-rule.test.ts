import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_LITERALS_ALLOWED, APP_TEXT_ALLOWED, appTextProblems } from '../scripts/app-text-rule.mjs';
import { REPO_ROOT } from './test-support/run-cli.js';

function* sources(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* sources(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

const FILE = 'src/app/map-communes/write-outputs.ts';

describe('the lint rule on words in src/app', () => {
  it('refuses an import of the catalogue: static, type-only or dynamic', () => {
    const why = '(src/app returns codes and parameters; a renderer in src/cli words them)';
    expect(appTextProblems(FILE, "import { t } from '../../i18n/i18n.js';")).toEqual([
      `${FILE}: imports ../../i18n/i18n.js ${why}`,
    ]);
    expect(appTextProblems(FILE, "import type { Lang } from '../../i18n/i18n.js';")).toHaveLength(1);
    expect(appTextProblems(FILE, "const m = await import('../../i18n/catalog.js');")).toHaveLength(1);
    expect(appTextProblems(FILE, "import { x } from '../../core/i18n-free.js';")).toEqual([]);
  });

  it('refuses a Vietnamese literal and an English sentence, naming the line', () => {
    const text = [
      "const title = 'Rà soát';",
      'const note = `the code ${code} is not in the tax sheet`;',
      "throw new DvcError('mc.err.decisionsInvalid', { count: 2 });",
    ].join('\n');
    expect(appTextProblems(FILE, text)).toEqual([
      `${FILE}:1: Vietnamese text in src/app: "Rà soát" (word it in src/cli)`,
      `${FILE}:2: English text in src/app: " is not in the tax sheet" (word it in src/cli)`,
    ]);
  });

  it('lets codes, keys, sheet names, comments, tests and other floors be', () => {
    const text = [
      '// Rows the officer has to decide: no code found, or dvc disagrees with the code already there.',
      "const sheet = 'MX Bo TTTT';",
      'const key = `reason.${code}`;',
      "const status = r.status === 'not_found' ? 'differs' : 'exact';",
    ].join('\n');
    expect(appTextProblems(FILE, text)).toEqual([]);
    const words = "import { t } from '../../i18n/i18n.js'; const x = 'Rà soát';";
    expect(appTextProblems('src/app/map-communes/write-outputs.test.ts', words)).toEqual([]);
    expect(appTextProblems('src/cli/render/map-communes/map-communes-sheets.ts', words)).toEqual([]);
    expect(appTextProblems('src/core/workbook/reference-sheet.ts', words)).toEqual([]);
  });

  it('lets an allowed literal be, in its own file only', () => {
    expect(APP_LITERALS_ALLOWED.get('src/app/test-api/probe-target.ts')?.has('gzip, deflate, br')).toBe(true);
    const text = "const accept = 'gzip, deflate, br';";
    expect(appTextProblems('src/app/test-api/probe-target.ts', text)).toEqual([]);
    expect(appTextProblems(FILE, text)).toHaveLength(1);
  });

  it('finds nothing in the source today, and every allowed file still needs its place on the list', () => {
    expect([...APP_TEXT_ALLOWED.keys()]).toEqual([]);
    const found = [...sources(path.join(REPO_ROOT, 'src'))].flatMap((f) =>
      appTextProblems(path.relative(REPO_ROOT, f).split(path.sep).join('/'), readFileSync(f, 'utf8')),
    );
    expect(found).toEqual([]);
    for (const rel of APP_TEXT_ALLOWED.keys()) {
      const text = readFileSync(path.join(REPO_ROOT, rel), 'utf8');
      // Read as if it were not on the list: an allowed file that no longer words anything comes off it.
      expect(appTextProblems(rel.replace('src/app/', 'src/app/_unlisted_/'), text), rel).not.toEqual([]);
    }
  });
});
