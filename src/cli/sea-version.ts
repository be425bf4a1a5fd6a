import { getAsset, isSea } from 'node:sea';

/**
 * The version dvc.exe was built from: the Windows single executable has no package.json beside it and carries it
 * as an asset instead (scripts/build-win.mjs). Null everywhere else. Kept in cli/ and free of io/ so that
 * `dvc --help` still loads no io module.
 */
export function seaPackageVersion(): string | null {
  try {
    if (!isSea()) return null;
    return (JSON.parse(getAsset('package.json', 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}
