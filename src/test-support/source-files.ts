import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './run-cli.js';

function* tsFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* tsFiles(p);
    else if (p.endsWith('.ts')) yield p;
  }
}

/** Every .ts file below src/, by its path from the repository root (forward slashes), with its text. */
export function sourceTexts(): Map<string, string> {
  return new Map(
    [...tsFiles(path.join(REPO_ROOT, 'src'))].map((f) => [
      path.relative(REPO_ROOT, f).split(path.sep).join('/'),
      readFileSync(f, 'utf8'),
    ]),
  );
}
