/**
 * The reference data shipped in the package's `data/` folder, as `dvc doctor` reports it: each file's name and
 * size. The edition is the file name without its extensions (`gso-2025.json.gz` → `gso-2025`).
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seaDataIndex } from './sea-assets.js';

export interface DataFile {
  edition: string;
  file: string;
  bytes: number;
}

function editionOf(file: string): string {
  return file.replace(/\.(json|csv|tsv)(\.gz)?$/i, '');
}

export function dataDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
}

/** The data files, by name; null when the folder is missing (a broken install). */
export async function listDataFiles(dir = dataDir()): Promise<DataFile[] | null> {
  const carried = dir === dataDir() ? seaDataIndex() : null;
  if (carried) return carried.map(({ file, bytes }) => ({ edition: editionOf(file), file, bytes }));
  const names = await readdir(dir).catch(() => null);
  if (!names) return null;
  const out: DataFile[] = [];
  for (const file of names.sort()) {
    if (!/\.(json|csv|tsv)(\.gz)?$/i.test(file)) continue;
    const s = await stat(path.join(dir, file)).catch(() => null);
    if (s?.isFile()) out.push({ edition: editionOf(file), file, bytes: s.size });
  }
  return out;
}
