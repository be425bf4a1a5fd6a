/**
 * Loads the reference lists shipped in the package's data/ folder (gzipped compact JSON, see
 * docs/reference-data.md). The folder is found from this module's own location, so it works from dist/, from
 * src/ under the test runner and from a global install. Each file is read once per process, on first use.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DvcError, ExitCode } from '../errors.js';
import { seaAsset } from './sea-assets.js';
import {
  decodeConversionLinks,
  decodeEditionIndexes,
  decodeMergeTable,
  decodeReferenceList,
  mergeHint,
  type ConversionLinks,
  type Edition,
  type EditionIndex,
  type MergeHint,
  type MergeTable,
  type ReferenceList,
} from '../core/reference/reference.js';

/** The package's data/ folder: two levels above dist/io/ (or src/io/). */
export function referenceDataDir(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data');
}

export const MERGE_TABLE_FILE = 'gso-2025-merges.json.gz';
export const CONVERSION_LINKS_FILE = 'nso-2025-conversion-links.json.gz';
export const EDITION_INDEX_FILE = 'edition-index.json.gz';

export function referenceFile(edition: Edition): string {
  return `${edition}.json.gz`;
}

/** The file's bytes; inside dvc.exe the default data folder is the executable's own `data/…` assets. */
function readDataBytes(file: string): Buffer {
  const asset = path.dirname(file) === referenceDataDir() ? seaAsset(`data/${path.basename(file)}`) : null;
  return asset ?? readFileSync(file);
}

function readGzipJson(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readDataBytes(file);
  } catch (e) {
    throw new DvcError('reference.missing', { file }, ExitCode.Internal, { cause: e });
  }
  try {
    return JSON.parse(gunzipSync(bytes).toString('utf8')) as unknown;
  } catch (e) {
    throw new DvcError(
      'reference.corrupt',
      { what: path.basename(file), detail: e instanceof Error ? e.message : String(e) },
      ExitCode.Internal,
      { cause: e },
    );
  }
}

const decoded = new Map<string, unknown>();

/** A shipped file read and decoded once per process; the path keys the cache (tests point at other folders). */
function cachedData<T>(file: string, decode: (json: unknown) => T): T {
  if (!decoded.has(file)) decoded.set(file, decode(readGzipJson(file)));
  return decoded.get(file) as T;
}

/** One edition's communes with their province and district; cached. `dir` overrides the data folder (tests). */
export function loadReferenceList(edition: Edition, dir = referenceDataDir()): ReferenceList {
  return cachedData(path.join(dir, referenceFile(edition)), (json) => decodeReferenceList(json, edition));
}

/** The derived 2025 merge table (old GSO commune → new commune(s)); cached. */
export function loadMergeTable(dir = referenceDataDir()): MergeTable {
  return cachedData(path.join(dir, MERGE_TABLE_FILE), decodeMergeTable);
}

/** The official conversion links of the statistics office (old GSO commune → new commune(s)); cached. */
export function loadConversionLinks(dir = referenceDataDir()): ConversionLinks {
  return cachedData(path.join(dir, CONVERSION_LINKS_FILE), decodeConversionLinks);
}

/**
 * The edition check's indexes of the three shipped lists, in the order of EDITIONS; cached. Made from the lists by
 * scripts/build-edition-index.mjs (a test holds the two equal).
 */
export function loadEditionIndexes(dir = referenceDataDir()): EditionIndex[] {
  return cachedData(path.join(dir, EDITION_INDEX_FILE), decodeEditionIndexes);
}

/** `mergeHint` against the shipped merge table: the 2025 commune(s) an old GSO commune went into, or null. */
export function mergeHintFor(oldCode: string, dir = referenceDataDir()): MergeHint | null {
  return mergeHint(loadMergeTable(dir), oldCode);
}
