/**
 * The one table of a bag's limits: `dvc evidence verify` rejects a bag past them (exit 2, naming the limit), and
 * `dvc evidence pack` refuses, before writing, a folder whose bag would pass them (docs/evidence.md). `check`,
 * `status` and `pack` also stop reading a folder of more files than a bag may hold.
 */
export const BAG_LIMITS = {
  /** Entries in the zip, or files in the folder. */
  maxEntries: 10_000,
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: 16 * 1024 ** 3,
  /** Uncompressed ÷ compressed size of one entry larger than ratioFloorBytes. */
  maxRatio: 100,
  ratioFloorBytes: 1024 ** 2,
  /** One tag file read as text. */
  tagTextBytes: 4 * 1024 ** 2,
  /** All tag files read as text, together. */
  tagTextTotal: 16 * 1024 ** 2,
} as const;

/** The tag files every bag dvc writes has beside its payload: bagit.txt, bag-info.txt and the two manifests. */
export const TAG_FILES = 4;

export interface LimitBreach {
  limit: 'entries' | 'totalBytes' | 'tagTextBytes';
  found: number;
  max: number;
}

/**
 * SHA-256 manifest line: 64 hex digits, two spaces, the path (`data/<name>`), a line feed. `check`, `status` and
 * `pack` also stop reading a folder whose names would pass tagTextBytes.
 */
export function manifestLineBytes(name: string): number {
  return 64 + 2 + 'data/'.length + Buffer.byteLength(name, 'utf8') + 1;
}

/**
 * What a bag of these payload entries would break of the table, checked before the first byte is written; the
 * tag files' own size is estimated from the paths (bag-info.txt is small, the payload manifest is the big one).
 */
export function packLimitBreach(entries: ReadonlyArray<{ name: string; size: number }>): LimitBreach | undefined {
  const count = entries.length + TAG_FILES;
  if (count > BAG_LIMITS.maxEntries) return { limit: 'entries', found: count, max: BAG_LIMITS.maxEntries };
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > BAG_LIMITS.maxTotalBytes) return { limit: 'totalBytes', found: total, max: BAG_LIMITS.maxTotalBytes };
  const manifest = entries.reduce((n, e) => n + manifestLineBytes(e.name), 0);
  if (manifest > BAG_LIMITS.tagTextBytes)
    return { limit: 'tagTextBytes', found: manifest, max: BAG_LIMITS.tagTextBytes };
  return undefined;
}
