import { createHash, type Hash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { DvcError, ExitCode } from '../../errors.js';
import type { Hold } from '../evidence/chunk-pool.js';
import { ByteBlocks } from './byte-blocks.js';
import {
  METHOD_DEFLATE,
  METHOD_STORE,
  U32_MAX,
  centralHeader,
  dataDescriptor,
  endRecords,
  localHeader,
  type EntryHeader,
  type EntryTotals,
} from './zip-records.js';

export { METHOD_DEFLATE, METHOD_STORE };

const WRITE_AHEAD = 8 * 1048576;
/**
 * Pieces up to this size are copied into a staging block of STAGE_BYTES rather than written one by one. A stored
 * entry's piece of at most this size is copied before the writer asks for the next one: its source may then
 * reuse one buffer for every piece (see ZipWriter.addEntry).
 */
export const STAGE_COPY_MAX = 16 * 1024;
const STAGE_BYTES = 256 * 1024;

/** A staging block, held by the write and the hashing of its bytes; back to the spares when both are done. */
class StageBlock implements Hold {
  used = 0;
  private holders = 0;

  constructor(
    readonly bytes: Buffer,
    private readonly spares: StageBlock[],
  ) {}

  retain(): void {
    this.holders++;
  }

  release(): void {
    if (--this.holders > 0) return;
    this.used = 0;
    this.spares.push(this);
  }
}

export interface AddEntryOptions {
  method: number;
  mtimeMs: number;
  /** The size the caller expects (from stat); decides zip64 up front, since the local header comes first. */
  expectedSize: number;
  /** Sees every uncompressed chunk, e.g. to hash the payload in the same pass. */
  onData?: (chunk: Buffer) => void;
  /** zlib's deflate level (default 6, zlib's own default). */
  level?: number;
}

/** Hashes the zip's bytes as they go out (by default on this thread; see evidence/sha256-hasher). */
export interface OutputHasher {
  update(bytes: Buffer, hold?: Hold): void;
  digest(): Promise<string>;
}

function sameThreadSha256(): OutputHasher {
  const h: Hash = createHash('sha256');
  return { update: (b) => h.update(b), digest: () => Promise.resolve(h.digest('hex')) };
}

/** An entry whose stored bytes the caller writes piece by piece (see ZipWriter.beginStored). */
export interface StoredEntry {
  /** CRC-32 and size of `bytes`, then queued for the file; `hold` is retained until they are written. */
  write(bytes: Buffer, hold?: Hold): Promise<void>;
  /** Writes the data descriptor; returns the entry's totals. */
  end(): Promise<EntryTotals>;
}

export interface ZipSummary {
  bytes: number;
  sha256: string;
  entries: number;
}

/**
 * A minimal streaming zip writer: one pass, nothing held in memory but the central directory. Each entry's
 * CRC and sizes go into a data descriptor after its data; the output's SHA-256 is computed as bytes go out.
 * Times are DOS fields computed in UTC plus a UTC extended timestamp, so the bytes never depend on TZ.
 */
export class ZipWriter {
  private offset = 0;
  private readonly central = new ByteBlocks();
  private entryCount = 0;
  /**
   * The names written so far, as SHA-256 digests (a bundle of ten thousand long names would hold each name again,
   * 400 bytes as a string of two bytes a character; a digest is 44 one-byte characters).
   */
  private readonly names = new Set<string>();
  private readonly hash: OutputHasher;
  private inflight: { bytes: number; done: Promise<void> }[] = [];
  private inflightBytes = 0;
  /** Small pieces (headers, descriptors, deflated small texts) gathered here and written as one. */
  private stage: StageBlock | undefined;
  private readonly spareStages: StageBlock[] = [];
  /** Writes handed to the stream (tests: small pieces are gathered, not written one by one). */
  writes = 0;

  constructor(
    private readonly out: Writable,
    private readonly o: { forceZip64?: boolean; hasher?: OutputHasher } = {},
  ) {
    this.hash = o.hasher ?? sameThreadSha256();
  }

  /**
   * Bytes for the file, in order. A small piece is copied into a staging block, so that what waits for the disk
   * is one block, not a buffer per header or per small entry (a deflated note is a view of a 16 KiB zlib buffer,
   * and ten thousand of them queued would hold ten thousand such buffers); a large piece is written as it is.
   */
  private async put(b: Buffer, hold?: Hold): Promise<void> {
    if (b.length === 0) return;
    this.offset += b.length;
    if (b.length <= STAGE_COPY_MAX) {
      if (this.stage && this.stage.used + b.length > this.stage.bytes.length) await this.flushStage();
      this.stage ??= this.spareStages.pop() ?? new StageBlock(Buffer.allocUnsafeSlow(STAGE_BYTES), this.spareStages);
      b.copy(this.stage.bytes, this.stage.used);
      this.stage.used += b.length;
      return;
    }
    await this.flushStage();
    await this.send(b, hold);
  }

  /** Writes the staging block; it is reused once the file and the hashing are done with it. */
  private async flushStage(): Promise<void> {
    const s = this.stage;
    if (!s || s.used === 0) return;
    this.stage = undefined;
    s.retain();
    try {
      await this.send(s.bytes.subarray(0, s.used), s);
    } finally {
      s.release();
    }
  }

  /**
   * Hashes and queues bytes for the file. Past WRITE_AHEAD bytes in flight it waits for the oldest chunk to be
   * written, not for the whole queue to drain ('drain' fires only when it is empty): the disk then never waits for
   * the hashing and the hashing never waits for an empty queue, and memory stays bounded.
   */
  private async send(b: Buffer, hold?: Hold): Promise<void> {
    this.hash.update(b, hold);
    this.writes++;
    hold?.retain();
    const done = new Promise<void>((resolve, reject) => {
      this.out.write(b, (err) => {
        hold?.release();
        // A stream that failed before this write (it could not be opened) says why, not just that it is destroyed.
        if (err) reject(this.out.errored ?? err);
        else resolve();
      });
    });
    // Awaited below or in flush(); a failure also reaches the stream's 'error' listeners.
    done.catch(() => {});
    this.inflight.push({ bytes: b.length, done });
    this.inflightBytes += b.length;
    while (this.inflightBytes > WRITE_AHEAD) {
      const oldest = this.inflight.shift()!;
      await oldest.done;
      this.inflightBytes -= oldest.bytes;
    }
  }

  /** Waits until every queued byte has been handed to the file. */
  private async flush(): Promise<void> {
    await this.flushStage();
    for (const w of this.inflight) await w.done;
    this.inflight = [];
    this.inflightBytes = 0;
  }

  /** Memory the writer keeps until finish(): the central directory's blocks (tests, diagnostics). */
  get heldBytes(): number {
    return this.central.heldBytes;
  }

  /** The local header of a new entry; its offset and whether it needs zip64 records. */
  private async begin(
    name: string,
    o: Pick<AddEntryOptions, 'method' | 'mtimeMs' | 'expectedSize'>,
  ): Promise<{ header: EntryHeader; offset: number }> {
    const seen = createHash('sha256').update(name, 'utf8').digest('base64');
    if (this.names.has(seen)) throw new DvcError('evidence.zip.duplicateName', { name }, ExitCode.Internal);
    this.names.add(seen);
    const zip64 = this.o.forceZip64 === true || o.expectedSize >= U32_MAX || this.offset >= U32_MAX;
    if (o.method === METHOD_DEFLATE && o.expectedSize >= 0xf0000000)
      throw new DvcError('evidence.zip.deflateTooLarge', { name }, ExitCode.Internal);
    const header: EntryHeader = { name: Buffer.from(name, 'utf8'), method: o.method, mtimeMs: o.mtimeMs, zip64 };
    const offset = this.offset;
    await this.put(localHeader(header));
    return { header, offset };
  }

  /** The data descriptor and the central directory record of a finished entry. */
  private async end(header: EntryHeader, totals: EntryTotals): Promise<EntryTotals> {
    if (!header.zip64 && (totals.size >= U32_MAX || totals.compressedSize >= U32_MAX))
      throw new DvcError('evidence.zip.grewPast4G', { name: header.name.toString('utf8') }, ExitCode.Internal);
    await this.put(dataDescriptor(header.zip64, totals));
    this.central.append(centralHeader(header, totals));
    this.entryCount++;
    return totals;
  }

  /**
   * A stored entry written piece by piece, for large files read into reusable buffers: each piece is written as
   * it is (no copy) and its buffer held until the file has it.
   */
  async beginStored(name: string, o: Omit<AddEntryOptions, 'method' | 'onData'>): Promise<StoredEntry> {
    const { header, offset } = await this.begin(name, { ...o, method: METHOD_STORE });
    let crc = 0;
    let size = 0;
    return {
      write: (bytes, hold) => {
        crc = crc32(bytes, crc);
        size += bytes.length;
        return this.put(bytes, hold);
      },
      end: () => this.end(header, { crc, size, compressedSize: size, offset }),
    };
  }

  /**
   * One entry from a source. A stored entry's pieces are taken one at a time, each of at most STAGE_COPY_MAX bytes
   * copied before the next is asked for (a source may encode them all into one buffer); a larger one is held until
   * written. An array of Buffers (bytes in memory) is deflated in one synchronous call: a bag
   * of ten thousand small notes then creates no zlib stream per file (their native memory is what made RSS
   * grow); a stream source is deflated as it flows.
   */
  async addEntry(
    name: string,
    source: AsyncIterable<Buffer> | Iterable<Buffer>,
    o: AddEntryOptions,
  ): Promise<EntryTotals> {
    const { header, offset } = await this.begin(name, o);
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    const tapped = async function* () {
      for await (const c of source) {
        crc = crc32(c, crc);
        size += c.length;
        o.onData?.(c);
        yield c;
      }
    };
    if (o.method === METHOD_STORE) {
      for await (const c of tapped()) {
        compressedSize += c.length;
        await this.put(c);
      }
    } else if (Array.isArray(source)) {
      // Bytes in memory (small texts): one synchronous deflate, no stream and no zlib instance to collect later.
      const parts = [
        ...tappedSync(source, (c) => {
          crc = crc32(c, crc);
          size += c.length;
          o.onData?.(c);
        }),
      ];
      // One part (the usual case) is deflated where it lies: no copy.
      const input = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      const packed = deflateRawSync(input, { level: o.level ?? 6, chunkSize: deflateChunkBytes(input.length) });
      compressedSize = packed.length;
      await this.put(packed);
    } else {
      const deflater = createDeflateRaw({ level: o.level ?? 6 });
      const input = Readable.from(tapped());
      input.on('error', (e) => deflater.destroy(e));
      input.pipe(deflater);
      for await (const c of deflater as AsyncIterable<Buffer>) {
        compressedSize += c.length;
        await this.put(c);
      }
    }
    return this.end(header, { crc, size, compressedSize, offset });
  }

  /**
   * One entry whose bytes are already compressed (`method`), with the CRC-32 and size of the bytes they inflate
   * to: copied as they are, e.g. an unchanged part of a workbook, whose deflate stream need not be made again.
   * The caller vouches for `crc` and `size` (it has inflated the bytes and checked them).
   */
  async addCompressed(
    name: string,
    packed: Buffer,
    o: { method: number; mtimeMs: number; crc: number; size: number },
  ): Promise<EntryTotals> {
    const { header, offset } = await this.begin(name, { method: o.method, mtimeMs: o.mtimeMs, expectedSize: o.size });
    await this.put(packed);
    return this.end(header, { crc: o.crc >>> 0, size: o.size, compressedSize: packed.length, offset });
  }

  /** Writes the central directory and end records; the caller then ends and commits the stream. */
  async finish(): Promise<ZipSummary> {
    const cdOffset = this.offset;
    for (const c of this.central.pieces()) await this.put(c);
    const size = this.offset - cdOffset;
    await this.put(endRecords({ entries: this.entryCount, size, offset: cdOffset, zip64: this.o.forceZip64 === true }));
    await this.flush();
    return { bytes: this.offset, sha256: await this.hash.digest(), entries: this.entryCount };
  }
}

/** Already-compressed formats are stored; deflating them costs time and gains nothing. */
const STORED_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'webp',
  'heic',
  'mp4',
  'm4v',
  'mov',
  'webm',
  'mkv',
  'zip',
  'gz',
  '7z',
  'rar',
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'mp3',
  'm4a',
]);

export function methodFor(name: string, size: number): number {
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (STORED_EXTENSIONS.has(ext) || size >= 0xf0000000 || size === 0) return METHOD_STORE;
  return METHOD_DEFLATE;
}

/**
 * The output buffer of one synchronous deflate: zlib allocates it whole whatever it holds (16 KiB by default), so a
 * note of a few hundred bytes would cost 16 KiB until the garbage collector finds it. Sized to what the input
 * deflates to at worst (raw deflate adds a few bytes per stored block), a small input costs about its own size; the
 * compressed bytes do not depend on it (zlib only copies its output out in pieces of this size).
 */
export function deflateChunkBytes(inputBytes: number): number {
  return Math.min(DEFAULT_DEFLATE_CHUNK, Math.max(64, inputBytes + (inputBytes >> 10) + 64));
}

const DEFAULT_DEFLATE_CHUNK = 16 * 1024;

function* tappedSync(parts: readonly Buffer[], tap: (c: Buffer) => void): Generator<Buffer> {
  for (const c of parts) {
    tap(c);
    yield c;
  }
}
