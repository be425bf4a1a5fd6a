import { BAG_LIMITS } from '../../core/evidence/bag-limits.js';

/**
 * The one table of the limits dvc puts on a zip it reads (src/io/zip/zip-reader.ts), one profile per kind of
 * file. Every zip is treated as hostile: a file past a limit is refused (exit 2, the limit named) before the entry
 * that passes it is inflated. The figures differ because the two readers differ in what they inflate:
 * - a workbook is read lazily, part by part, into memory: each part is bounded (a zip bomb stops at 24 MB), the
 *   parts never read (pictures, other sheets) cost nothing, so neither a total nor a ratio is needed, and a
 *   picture that compresses well or a large one that is never read must not refuse the workbook;
 * - an evidence bundle is read whole, every entry streamed and hashed without being kept: no entry needs a bound
 *   of its own, but the total bounds the time and the ratio catches a bomb before it is inflated
 *   (core/evidence/bag-limits.ts, the table `pack` checks too).
 * Names: a workbook refuses the file on an unsafe name (absolute, `..`, a drive letter), as an OPC package never
 * has one; a bundle lists such a name as a problem of the bag, so that `verify` can show every problem at once.
 */
export interface ZipLimits {
  /** More entries than this: refused before any is read. */
  maxEntries: number;
  /** One entry's declared uncompressed size; checked when the entry is read. */
  maxEntryBytes: number;
  /** The sum of the declared uncompressed sizes; checked at open. */
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed size of one entry larger than ratioFloorBytes; checked at open. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** An unsafe entry name refuses the whole file ('refuse'), or is left for the caller to report ('report'). */
  unsafeNames: 'refuse' | 'report';
}

/** One part of a workbook once inflated: stops a zip bomb before it fills memory. */
const WORKBOOK_PART_BYTES = 24 * 1024 * 1024;

export const ZIP_LIMITS = {
  workbook: {
    /** Excel writes a few dozen parts; a package of thousands is not a workbook. */
    maxEntries: 10_000,
    maxEntryBytes: WORKBOOK_PART_BYTES,
    maxTotalBytes: Number.POSITIVE_INFINITY,
    maxRatio: Number.POSITIVE_INFINITY,
    ratioFloorBytes: 0,
    unsafeNames: 'refuse',
  },
  bundle: {
    maxEntries: BAG_LIMITS.maxEntries,
    maxEntryBytes: BAG_LIMITS.maxTotalBytes,
    maxTotalBytes: BAG_LIMITS.maxTotalBytes,
    maxRatio: BAG_LIMITS.maxRatio,
    ratioFloorBytes: BAG_LIMITS.ratioFloorBytes,
    unsafeNames: 'report',
  },
} as const satisfies Record<string, ZipLimits>;

export type ZipLimitName = 'entries' | 'entryBytes' | 'totalBytes' | 'ratio';

/** A zip past one of its profile's limits; the caller words it for its own command. */
export class ZipLimitError extends Error {
  constructor(
    readonly limit: ZipLimitName,
    /** What was found: a number, or for a ratio the rounded ratio and the entry's name. */
    readonly found: number | string,
    readonly max: number,
    readonly entryName?: string,
  ) {
    super(`zip limit ${limit}: ${found} > ${max}`);
  }
}
