import { lstat, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';

export interface CreatedPath {
  rel: string;
  created: boolean;
}

async function exists(p: string): Promise<boolean> {
  return (await lstat(p).catch(() => null)) !== null;
}

/**
 * Creates folders and files that do not exist yet; an existing one is left exactly as it is (`wx` refuses to
 * open an existing file, so even a race cannot overwrite one).
 */
export async function createMissing(
  root: string,
  dirs: readonly string[],
  files: ReadonlyArray<readonly [string, string]>,
): Promise<CreatedPath[]> {
  const out: CreatedPath[] = [];
  try {
    await mkdir(root, { recursive: true });
    for (const d of dirs) {
      const abs = path.join(root, d);
      const had = await exists(abs);
      if (!had) await mkdir(abs);
      out.push({ rel: `${d}/`, created: !had });
    }
    for (const [name, content] of files) {
      const abs = path.join(root, name);
      try {
        await writeFile(abs, content, { flag: 'wx' });
        out.push({ rel: name, created: true });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        out.push({ rel: name, created: false });
      }
    }
  } catch (e) {
    if (isDvcError(e)) throw e;
    throw new DvcError('fs.cannotWrite', { path: root, reason: (e as Error).message }, ExitCode.Usage, { cause: e });
  }
  return out;
}
