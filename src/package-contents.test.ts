import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './test-support/run-cli.js';

const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  dependencies: Record<string, string>;
};
const lock = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package-lock.json'), 'utf8')) as {
  name: string;
  packages: Record<string, { name?: string; bin?: Record<string, string> }>;
};

/** Markdown files an officer reads: the README and docs/. */
function docFiles(): string[] {
  const docs = readdirSync(path.join(REPO_ROOT, 'docs')).filter((f) => f.endsWith('.md'));
  return ['README.md', ...docs.map((f) => path.join('docs', f))];
}

function* jsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'test-support') yield* jsFiles(p);
    } else if (p.endsWith('.js')) yield p;
  }
}

const packageOf = (specifier: string) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

/** The packages the compiled program loads: static and dynamic imports, and `require` through createRequire. */
function importedPackages(): Set<string> {
  const out = new Set<string>();
  const IMPORT = /(?:^(?:import|export)\b[^;]*?from\s+|import\(\s*|^import\s+)['"]([^'"./][^'"]*)['"]/gm;
  const REQUIRED = /['"]((?:@[\w-]+\/)?[\w-]+)(?:\/[\w./-]+)?['"]/g;
  for (const file of jsFiles(path.join(REPO_ROOT, 'dist'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(IMPORT)) if (!m[1].startsWith('node:')) out.add(packageOf(m[1]));
    // A module that builds its own `require` names its packages as plain strings.
    if (text.includes('createRequire'))
      for (const m of text.matchAll(REQUIRED)) if (m[1] in pkg.dependencies) out.add(m[1]);
  }
  return out;
}

describe('the npm package', () => {
  it('depends at run time on exactly the packages the compiled program imports', () => {
    expect([...importedPackages()].sort()).toEqual(Object.keys(pkg.dependencies).sort());
  });

  it('leaves out screenshots, test-only modules, compiled tests, test lists, benchmarks and outputs of the sample run', async () => {
    const { stdout } = await promisify(execFile)('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
      cwd: REPO_ROOT,
      maxBuffer: 16 * 1024 * 1024,
    });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path);
    expect(files).toContain('bin/dvc.js');
    expect(files).toContain('dist/cli/entry.js');
    expect(files).toContain('fixtures/mau-63-tinh.xlsx');
    const unwanted = files.filter((f) =>
      /^(docs\/img\/|dist\/test-support\/|fixtures\/lists\/|bench\/|src\/)|\.test\.js$|\.doi-chieu/.test(f),
    );
    expect(unwanted).toEqual([]);
    // The report fixtures are test data: they live in test-support and are not shipped in any form.
    expect(files.filter((f) => /sample-models/.test(f))).toEqual([]);
  });

  it('is named dvc-dat-dai on npm (the name dvc belongs to another package) and still installs the program dvc', () => {
    expect(pkg.name).toBe('dvc-dat-dai');
    expect(pkg.bin).toEqual({ dvc: 'bin/dvc.js', 'dvc-dat-dai': 'bin/dvc.js' });
    expect([lock.name, lock.packages[''].name]).toEqual(['dvc-dat-dai', 'dvc-dat-dai']);
    expect(lock.packages[''].bin).toEqual(pkg.bin);
  });

  it('never tells anyone to type `npx dvc`, which outside the clone runs the registry package of that name', () => {
    const found: string[] = [];
    for (const file of docFiles()) {
      const text = readFileSync(path.join(REPO_ROOT, file), 'utf8');
      text.split('\n').forEach((line, i) => {
        if (/\bnpx dvc\s/.test(line)) found.push(`${file}:${i + 1}`);
      });
    }
    expect(found).toEqual([]);
  });
});
