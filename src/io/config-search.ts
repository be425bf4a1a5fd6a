import os from 'node:os';
import path from 'node:path';

/** The names looked for in each folder, in this order (docs/config.md). */
export const SEARCH_PLACES = [
  'package.json',
  'dvc.config.json',
  'dvc.config.yaml',
  'dvc.config.yml',
  'dvc.config.mjs',
  '.dvcrc',
  '.dvcrc.json',
  '.dvcrc.yaml',
  '.dvcrc.yml',
] as const;

/** The names looked for in the user's own config folder, after every project folder. */
export const USER_PLACES = ['config', 'config.json', 'config.yaml', 'config.yml', 'config.mjs'] as const;

export interface SearchRoots {
  home: string;
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
}

/** The user's config folder: `$XDG_CONFIG_HOME/dvc` (`~/.config/dvc`), `%APPDATA%\dvc\Config`, or macOS's Preferences. */
export function userConfigDir(r: SearchRoots): string {
  const p = r.platform === 'win32' ? path.win32 : path;
  if (r.platform === 'win32') return p.join(r.env.APPDATA || p.join(r.home, 'AppData', 'Roaming'), 'dvc', 'Config');
  if (r.platform === 'darwin') return p.join(r.home, 'Library', 'Preferences', 'dvc');
  return p.join(r.env.XDG_CONFIG_HOME || p.join(r.home, '.config'), 'dvc');
}

/**
 * Every file a search from `cwd` looks at, in order: the search places of `cwd`, then of each parent folder up to
 * the home folder (up to the root when `cwd` is not under it), then the user's config folder. The first one that
 * exists and holds a configuration wins.
 */
export function searchCandidates(
  cwd: string,
  r: SearchRoots = { home: os.homedir(), env: process.env, platform: process.platform },
): string[] {
  const out: string[] = [];
  const stop = path.resolve(r.home);
  let dir = path.resolve(cwd);
  for (;;) {
    for (const place of SEARCH_PLACES) out.push(path.join(dir, place));
    const parent = path.dirname(dir);
    if (dir === stop || parent === dir) break;
    dir = parent;
  }
  const user = userConfigDir(r);
  for (const place of USER_PLACES) out.push(path.join(user, place));
  return out;
}
