/**
 * A plain map-communes run loads only what it uses: the CSV modules (csv-parse, csv-stringify) and the review's
 * store come in only when a CSV is read or written (docs/decisions.md, "map-communes as a whole process"). The
 * built CLI runs under a module-load hook that lists every URL it loads.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, REPO_ROOT, testEnv } from '../test-support/run-cli.js';

let dir: string;
let register: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'dvc-modules-'));
  const hooks = path.join(dir, 'hooks.mjs');
  writeFileSync(
    hooks,
    `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  appendFileSync(process.env.DVC_TEST_LOADED, url + '\\n');
  return next(url, context);
}
`,
  );
  register = path.join(dir, 'register.mjs');
  writeFileSync(
    register,
    `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
  );
  copyFileSync(path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx'), path.join(dir, 'in.xlsx'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The URLs of the modules one `dvc map-communes` run loads (ESM hook: a dependency's own require() is not seen). */
function loadedBy(args: string[]): string[] {
  const list = path.join(dir, `loaded-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(list, '');
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, BIN, 'map-communes', ...args], {
    cwd: dir,
    env: testEnv({ DVC_TEST_LOADED: list }),
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(list, 'utf8').trim().split('\n');
}

const csvModule = (u: string) => /\/node_modules\/csv-(parse|stringify)\//.test(u);
const reviewStore = (u: string) => u.endsWith('/dist/io/review-store.js');

describe('the modules a map-communes run loads', () => {
  it('a plain run loads neither the CSV modules nor the review store', () => {
    const loaded = loadedBy(['in.xlsx', '--out', 'out.xlsx', '--force']);
    expect(loaded.some((u) => u.endsWith('/dist/app/map-communes/run-map-communes.js'))).toBe(true);
    expect(loaded.filter(csvModule)).toEqual([]);
    expect(loaded.filter(reviewStore)).toEqual([]);
  });

  it('a run that writes the MAP table loads the CSV writer (the hook sees it)', () => {
    const loaded = loadedBy(['in.xlsx', '--out', 'out2.xlsx', '--map-out', 'map.csv', '--force']);
    expect(loaded.some((u) => /\/node_modules\/csv-stringify\//.test(u))).toBe(true);
  });
});
