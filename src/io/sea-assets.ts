/**
 * Files carried inside `dvc.exe`, the Windows single executable (docs/windows.md). There the program has no
 * package folder beside it: data/ travels as assets of the executable, read with `node:sea` (the version, for
 * `--version`, is read in src/cli/sea-version.ts).
 * Everywhere else (npm install, dist/, tests) `isSea()` is false and these functions return null.
 */
import { getAsset, isSea } from 'node:sea';

/** Asset keys are the file names relative to the package root, with forward slashes: `data/gso-2025.json.gz`. */
export const SEA_DATA_INDEX = 'data/index.json';

export function runningAsSea(): boolean {
  try {
    return isSea();
  } catch {
    return false;
  }
}

/** The bytes of an asset; null outside the executable or when it carries no such asset. */
export function seaAsset(key: string): Buffer | null {
  if (!runningAsSea()) return null;
  try {
    return Buffer.from(getAsset(key));
  } catch {
    return null;
  }
}

/** The data files the executable carries, as `{ file, bytes }`, listed at build time (node:sea cannot list). */
export function seaDataIndex(): { file: string; bytes: number }[] | null {
  const bytes = seaAsset(SEA_DATA_INDEX);
  if (!bytes) return null;
  return JSON.parse(bytes.toString('utf8')) as { file: string; bytes: number }[];
}
