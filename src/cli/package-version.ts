import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { seaPackageVersion } from './sea-version.js';

/** The version in package.json (the help, `--version` and evidence bundles show it). */
export function packageVersion(): string {
  const carried = seaPackageVersion(); // dvc.exe has no package.json beside it
  if (carried) return carried;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const pkg = JSON.parse(readFileSync(path.join(here, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}
