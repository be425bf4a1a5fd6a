import { createHash } from 'node:crypto';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';
import {
  BAGIT_TXT,
  compareUtf8,
  encodeManifestPath,
  manifestText,
  type ManifestEntry,
} from '../../core/evidence/bagit.js';
import { bagPath, type PayloadSource } from '../../core/evidence/bag-plan.js';
import { openAtomicStream, type AtomicStream } from '../../io/atomic-write.js';
import { BAG_LIMITS } from '../../core/evidence/bag-limits.js';
import { METHOD_STORE, STAGE_COPY_MAX, ZipWriter, methodFor } from '../../io/zip/zip-writer.js';
import { ChunkPool } from '../../io/evidence/chunk-pool.js';
import { FileChangedError, PayloadReader, type FileChunk } from '../../io/evidence/payload-reader.js';
import { inThreadSha256, workerSha256, type Sha256Hasher } from '../../io/evidence/sha256-hasher.js';
import { joinRel, readSmallFile } from '../../io/evidence/payload-files.js';
import { INDEX_PAGE } from './index-page.js';

/**
 * Writing a planned bag: the payload read through a pool of reusable buffers, each piece CRC-32'd, written to the
 * zip and hashed (payload manifest and bundle) on worker threads for large bags; then the tag files.
 */

/**
 * Payload files are read into POOL_SLOTS reusable buffers of SLOT_BYTES (the bound on what pack holds of them:
 * 4 MiB; 32 slots measured no faster). From HASH_THREAD_MIN_BYTES of pooled payload on, the payload files' SHA-256 runs
 * on one worker thread beside the reading, the CRC-32 and the writing; the bundle's SHA-256 runs on the main
 * thread (about 0.4 s per 650 MB here), since a second thread is a second isolate, 10–20 MB (docs/decisions.md).
 */
const POOL_SLOTS = 8;
const SLOT_BYTES = 512 * 1024;
const HASH_THREAD_MIN_BYTES = 8 * 1048576;

/** Everything decided before the first byte is written. */
export interface BagPlan {
  dir: string;
  out: string;
  stem: string;
  entries: PayloadSource[];
  /** Texts dvc generates and payload text files masked, by name (the path inside `data/`). */
  memory: Map<string, Bytes>;
  page?: PagePlan;
  /** Hashes of files sorted after the index page, by name, computed first so the page can list them. */
  early: Map<string, string>;
  bagInfo: Buffer;
  stampMs: number;
  stampFrom: string;
  payloadBytes: number;
}

export interface PagePlan {
  /** The page's size in bytes, measured with a placeholder per hash of the same length. */
  size: number;
  /**
   * The real page, drawn again when its turn comes, with the hashes in the placeholders' stead, a piece at a time
   * (called once, when the page is written): what pack holds of it is one row, not the page. `done` holds the
   * digests of the entries before the page, in their order. Given `reuse`, every piece is encoded into it, each
   * valid until the next is asked for (the zip writer copies a stored entry's small pieces).
   */
  fill(
    entries: readonly PayloadSource[],
    done: readonly string[],
    memory: ReadonlyMap<string, Bytes>,
    early: ReadonlyMap<string, string>,
    reuse?: Buffer,
  ): Iterable<Buffer>;
}

/** What writing needs of pack's options. */
export interface WriteBagOptions {
  force: boolean;
  /** Force zip64 records (tests of the zip64 path without a 4 GB file). */
  forceZip64?: boolean;
  /** Ctrl+C: the writing stops at the next piece, the temporary file is removed, exit 130. */
  signal?: AbortSignal;
  /** Starts a SHA-256 hashing (tests inject a failing one); by default a worker thread for large bags. */
  startSha256?: (pool: ChunkPool) => Promise<Sha256Hasher>;
}

export interface WrittenBag {
  bundle: string;
  sha256: string;
  bytes: number;
  timestamp: string;
  timestampFrom: string;
}

export function sha256(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

/** Bytes the bag carries instead of a file's: a text dvc wrote, or a masked file read again when its turn comes. */
export type Bytes = Buffer | { size: number; sha256: string; load(): Promise<Buffer> };

export function digestOf(b: Bytes): string {
  return Buffer.isBuffer(b) ? sha256(b) : b.sha256;
}

/**
 * The zip method of a bag entry: deflate for texts up to BAG_LIMITS.ratioFloorBytes, store for anything larger,
 * so that no entry dvc writes can pass verify's compression-ratio limit.
 */
function bagMethod(name: string, size: number): number {
  return size > BAG_LIMITS.ratioFloorBytes ? METHOD_STORE : methodFor(name, size);
}

/**
 * Whether the payload files are hashed on a thread: only files read through the pool are hashed there (texts are
 * hashed here), so a folder of ten thousand notes starts no thread, whose isolate would cost 10–20 MB for nothing.
 */
export function hashesOnThread(plan: Pick<BagPlan, 'entries' | 'memory' | 'dir'>): boolean {
  const pooled = plan.entries.reduce((n, e) => n + (pooledFile(plan, e) ? e.size : 0), 0);
  return pooled >= HASH_THREAD_MIN_BYTES;
}

async function startHasher(o: WriteBagOptions, plan: BagPlan, pool: ChunkPool): Promise<Sha256Hasher> {
  if (o.startSha256) return o.startSha256(pool);
  return hashesOnThread(plan) ? workerSha256(pool) : inThreadSha256();
}

/**
 * The payload's and the bundle's hashers; every one that started is in `started` (to close), even on failure.
 * The bundle's is on the main thread unless a test injects its own.
 */
async function startHashers(
  o: WriteBagOptions,
  plan: BagPlan,
  pool: ChunkPool,
  started: Sha256Hasher[],
): Promise<[Sha256Hasher, Sha256Hasher]> {
  const bundle = o.startSha256 ? o.startSha256(pool) : Promise.resolve(inThreadSha256());
  const both = await Promise.allSettled([startHasher(o, plan, pool), bundle]);
  for (const r of both) if (r.status === 'fulfilled') started.push(r.value);
  for (const r of both) if (r.status === 'rejected') throw r.reason;
  return [started[0]!, started[1]!];
}

export async function writeBag(o: WriteBagOptions, plan: BagPlan): Promise<WrittenBag> {
  const sink = await openAtomicStream(plan.out, { force: o.force, inputs: [plan.dir] });
  const pool = new ChunkPool(POOL_SLOTS, SLOT_BYTES);
  const hashers: Sha256Hasher[] = [];
  try {
    const [hasher, bundleHasher] = await startHashers(o, plan, pool, hashers);
    const zip = new ZipWriter(sink.stream, { forceZip64: o.forceZip64, hasher: bundleHasher });
    await writeEntries(zip, plan, { pool, hasher, signal: o.signal });
    bundleHasher.throwIfFailed();
    const summary = await zip.finish();
    sink.stream.end();
    const bundle = await sink.commit();
    return {
      bundle,
      sha256: summary.sha256,
      bytes: summary.bytes,
      timestamp: new Date(plan.stampMs).toISOString(),
      timestampFrom: plan.stampFrom,
    };
  } catch (e) {
    await abortQuietly(sink);
    throw isDvcError(e) ? e : sink.error(e);
  } finally {
    await Promise.all(hashers.map((h) => h.close()));
  }
}

async function abortQuietly(sink: AtomicStream): Promise<void> {
  await sink.abort().catch(() => {});
}

interface PayloadIo {
  pool: ChunkPool;
  hasher: Sha256Hasher;
  signal?: AbortSignal;
}

function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DvcError('evidence.pack.cancelled', {}, ExitCode.Cancelled);
}

/** bag-info.txt and bagit.txt, the payload in byte order of names, then the manifests. */
async function writeEntries(zip: ZipWriter, plan: BagPlan, io: PayloadIo): Promise<void> {
  const base = `${plan.stem}/`;
  const mtimeMs = plan.stampMs;
  const tagDigests: ManifestEntry[] = [];
  const addTag = async (name: string, b: Buffer) => {
    await zip.addEntry(base + name, [b], { method: bagMethod(name, b.length), mtimeMs, expectedSize: b.length });
    tagDigests.push({ path: name, digest: sha256(b) });
  };
  await addTag('bag-info.txt', plan.bagInfo);
  await addTag('bagit.txt', Buffer.from(BAGIT_TXT, 'utf8'));
  const digests = await writePayload(zip, plan, base, io);
  const size = inByteOrder(plan.entries) ? manifestBytes(plan.entries, digests) : undefined;
  if (size === undefined || bagMethod('manifest-sha256.txt', size) !== METHOD_STORE) {
    const manifest = plan.entries.map((e, i) => ({ path: bagPath(e), digest: digests[i]! }));
    await addTag('manifest-sha256.txt', Buffer.from(manifestText(manifest), 'utf8'));
  } else {
    // A manifest too large to deflate (ten thousand files of long names: 3 MB) is written in blocks as it is made,
    // each line from the entry's name and digest (no path kept per file).
    const digest = createHash('sha256');
    await zip.addEntry(base + 'manifest-sha256.txt', manifestBlocks(plan.entries, digests), {
      method: METHOD_STORE,
      mtimeMs,
      expectedSize: size,
      onData: (c) => digest.update(c),
    });
    tagDigests.push({ path: 'manifest-sha256.txt', digest: digest.digest('hex') });
  }
  const tagText = Buffer.from(manifestText(tagDigests), 'utf8');
  await zip.addEntry(base + 'tagmanifest-sha256.txt', [tagText], {
    method: bagMethod('x.txt', tagText.length),
    mtimeMs,
    expectedSize: tagText.length,
  });
}

function manifestLine(e: PayloadSource, digest: string): string {
  return `${digest}  ${encodeManifestPath(bagPath(e))}\n`;
}

/** Whether the entries are in the manifest's order (byte order of the UTF-8 paths), as the payload is written. */
function inByteOrder(entries: readonly PayloadSource[]): boolean {
  return entries.every((e, i) => i === 0 || compareUtf8(entries[i - 1]!.name, e.name) <= 0);
}

function manifestBytes(entries: readonly PayloadSource[], digests: readonly string[]): number {
  return entries.reduce((n, e, i) => n + Buffer.byteLength(manifestLine(e, digests[i]!), 'utf8'), 0);
}

const MANIFEST_BLOCK_CHARS = 32 * 1024;

/** manifestText's bytes, for entries already in its order, in blocks of about 32 K characters. */
function* manifestBlocks(entries: readonly PayloadSource[], digests: readonly string[]): Generator<Buffer> {
  let lines: string[] = [];
  let chars = 0;
  for (const [i, e] of entries.entries()) {
    const line = manifestLine(e, digests[i]!);
    lines.push(line);
    chars += line.length;
    if (chars >= MANIFEST_BLOCK_CHARS) {
      yield Buffer.from(lines.join(''), 'utf8');
      lines = [];
      chars = 0;
    }
  }
  if (lines.length > 0) yield Buffer.from(lines.join(''), 'utf8');
}

/** Stored files on disk go through the pooled reader; texts to deflate and bytes in memory do not. */
function pooledFile(
  plan: Pick<BagPlan, 'memory' | 'dir'>,
  e: PayloadSource,
): { path: string; size: number } | undefined {
  if (e.rel === undefined || plan.memory.has(e.name) || bagMethod(e.name, e.size) !== METHOD_STORE) return undefined;
  return { path: joinRel(plan.dir, e.rel), size: e.size };
}

/** The digests of the entries written so far, in order; a failed hashing surfaces at the next entry. */
class PendingDigests {
  private readonly all: Promise<string>[] = [];

  add(p: Promise<string>): void {
    p.catch(() => {}); // awaited in settled(); a rejection must not go unhandled meanwhile
    this.all.push(p);
  }

  settled(): Promise<string[]> {
    return Promise.all(this.all);
  }
}

/** Writes the payload entries in order; returns their digests, in the same order. */
async function writePayload(zip: ZipWriter, plan: BagPlan, base: string, io: PayloadIo): Promise<string[]> {
  const pooled = plan.entries.map((e) => pooledFile(plan, e));
  const reader = new PayloadReader(pooled, io.pool);
  const digests = new PendingDigests();
  // Texts in memory (at most 1 MiB each) are hashed here: posting them to the hashing thread would copy each one
  // into its heap, and hundreds of notes would grow that heap; files through the pool are shared, not copied.
  const small = inThreadSha256();
  try {
    for (const [i, e] of plan.entries.entries()) {
      stopIfCancelled(io.signal);
      const page =
        plan.page && e.rel === undefined && e.name === INDEX_PAGE
          ? plan.page.fill(plan.entries, await digests.settled(), plan.memory, plan.early, pageBlock(e))
          : undefined;
      const name = `${base}data/${e.name}`;
      const hasher = pooled[i] ? io.hasher : small;
      const totals = pooled[i]
        ? await writePooled(zip, name, reader.chunks(i), { ...io, plan, size: e.size })
        : await writeUnpooled(zip, name, e, { ...io, hasher, plan, page });
      if (totals.size !== e.size) throw new FileChangedError(e.rel ?? bagPath(e));
      hasher.throwIfFailed();
      digests.add(hasher.digest());
    }
  } catch (err) {
    if (err instanceof FileChangedError)
      throw new DvcError('evidence.pack.fileChanged', { file: changedName(plan, err.file) }, ExitCode.Usage);
    // A payload file that vanished or became unreadable since the folder was read: named, exit 2.
    const source = (err as NodeJS.ErrnoException).path;
    if (typeof source === 'string' && (err as NodeJS.ErrnoException).code !== undefined && source.startsWith(plan.dir))
      throw new DvcError(
        'evidence.fileUnreadable',
        { file: changedName(plan, source), reason: (err as NodeJS.ErrnoException).code ?? '' },
        ExitCode.Usage,
      );
    throw err;
  } finally {
    await reader.close();
  }
  return digests.settled();
}

/**
 * The one buffer a stored page is encoded into, a block at a time: the zip writer copies a stored entry's pieces of
 * up to STAGE_COPY_MAX bytes before it asks for the next, so a 22 MB page leaves no block per row or per 64 KiB for
 * the garbage collector. A deflated page (a stream that reads ahead) gets new blocks.
 */
function pageBlock(e: PayloadSource): Buffer | undefined {
  return bagMethod(e.name, e.size) === METHOD_STORE ? Buffer.allocUnsafeSlow(STAGE_COPY_MAX) : undefined;
}

/** The folder-relative name of a file that changed, as the officer sees it. */
function changedName(plan: BagPlan, file: string): string {
  const e = plan.entries.find((x) => x.rel !== undefined && (x.rel === file || joinRel(plan.dir, x.rel) === file));
  return e?.rel ?? file;
}

/** A stored file: each pooled chunk is hashed and written as it is, its buffer reused once both are done. */
async function writePooled(
  zip: ZipWriter,
  name: string,
  chunks: AsyncIterable<FileChunk>,
  x: PayloadIo & { plan: BagPlan; size: number },
): Promise<{ size: number }> {
  const entry = await zip.beginStored(name, { mtimeMs: x.plan.stampMs, expectedSize: x.size });
  for await (const c of chunks) {
    try {
      stopIfCancelled(x.signal);
      x.hasher.throwIfFailed();
      x.hasher.update(c.bytes, c.slot);
      await entry.write(c.bytes, c.slot);
    } finally {
      c.slot.release();
    }
  }
  return entry.end();
}

/** Texts dvc generated (the index page a piece at a time), masked text files, and files to deflate. */
async function writeUnpooled(
  zip: ZipWriter,
  name: string,
  e: PayloadSource,
  x: PayloadIo & { plan: BagPlan; page?: Iterable<Buffer> },
): Promise<{ size: number }> {
  if (x.page)
    return zip.addEntry(name, x.page, {
      method: bagMethod(e.name, e.size),
      mtimeMs: x.plan.stampMs,
      expectedSize: e.size,
      onData: (c) => x.hasher.update(c),
    });
  const held = x.plan.memory.get(e.name);
  const mem = held === undefined || Buffer.isBuffer(held) ? held : await held.load();
  // A text to deflate is at most BAG_LIMITS.ratioFloorBytes (larger ones are stored): read whole, deflated in one go.
  const bytes = mem ?? (await readSmallFile(joinRel(x.plan.dir, e.rel ?? ''), e.size));
  return zip.addEntry(name, [bytes], {
    method: bagMethod(e.name, e.size),
    mtimeMs: x.plan.stampMs,
    expectedSize: e.size,
    onData: (c) => x.hasher.update(c),
  });
}
