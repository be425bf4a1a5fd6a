import {
  open as openYauzl,
  fromBufferPromise as yauzlFromBuffer,
  validateFileName,
  type Entry,
  type ZipFile,
} from 'yauzl';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { ZipLimitError, type ZipLimits } from './zip-limits.js';

export { ZIP_LIMITS, ZipLimitError, type ZipLimits } from './zip-limits.js';

/**
 * Reads a zip someone else made, without extracting anything: the central directory through yauzl (zip64
 * aware), names decoded and judged here, each local header's name compared with the central directory's,
 * every entry's content counted while it inflates and stopped as soon as it passes its declared size.
 * Nothing is written to disk. The one reader of zips in dvc: evidence bundles (a file, streamed) and workbooks
 * (a buffer, read part by part), each with its profile of limits (zip-limits.ts).
 */
export interface ZipEntryInfo {
  /** Decoded name, NFC. */
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  isDirectory: boolean;
  /** Unix mode in the external attributes says symbolic link. */
  isSymlink: boolean;
  encrypted: boolean;
  /** The local header names another file than the central directory does (or there is no local header). */
  localNameDiffers: boolean;
  /** Where the entry's data starts (after its local header), when the local header could be read. */
  dataOffset?: number;
  /** Internal handle. */
  entry: Entry;
}

export class EntryTooLargeError extends Error {
  constructor(
    readonly entryName: string,
    readonly declared: number,
  ) {
    super(`${entryName}: more than ${declared} bytes`);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Buffer, flags: number): string {
  if (flags & 0x800) return Buffer.from(raw).toString('utf8').normalize('NFC');
  try {
    return utf8.decode(raw).normalize('NFC');
  } catch {
    return Buffer.from(raw).toString('latin1');
  }
}

function rawName(e: Entry): Buffer {
  const n = (e as unknown as { fileName: Buffer | string }).fileName;
  return typeof n === 'string' ? Buffer.from(n, 'utf8') : n;
}

function describe(e: Entry): Omit<ZipEntryInfo, 'localNameDiffers' | 'dataOffset'> {
  const name = decodeName(rawName(e), e.generalPurposeBitFlag);
  const unixHost = e.versionMadeBy >> 8 === 3;
  const mode = (e.externalFileAttributes >>> 16) & 0o170000;
  return {
    name,
    method: e.compressionMethod,
    compressedSize: e.compressedSize,
    size: e.uncompressedSize,
    isDirectory: name.endsWith('/') || (unixHost && mode === 0o040000),
    isSymlink: unixHost && mode === 0o120000,
    encrypted: (e.generalPurposeBitFlag & 1) !== 0,
    entry: e,
  };
}

/** Is the name in the entry's local header byte for byte the central directory's? Where does its data start? */
async function localHeaderOf(src: ByteSource, e: Entry): Promise<{ nameMatches: boolean; dataOffset?: number }> {
  const central = rawName(e);
  const head = Buffer.alloc(30 + central.length);
  const { bytesRead } = await src.read(head, head.length, e.relativeOffsetOfLocalHeader);
  if (bytesRead < head.length || head.readUInt32LE(0) !== 0x04034b50) return { nameMatches: false };
  const len = head.readUInt16LE(26);
  if (len !== central.length || !head.subarray(30, 30 + len).equals(central)) return { nameMatches: false };
  return { nameMatches: true, dataOffset: e.relativeOffsetOfLocalHeader + 30 + len + head.readUInt16LE(28) };
}

/** Stored bytes are read this many at a time, straight from the file. */
const STORED_CHUNK = 4 * 1048576;

/** Where the zip's bytes are: a file read piece by piece, or a buffer already in memory (a workbook). */
interface ByteSource {
  read(into: Buffer, length: number, position: number): Promise<{ bytesRead: number }>;
  /** The whole zip, when it is in memory: entries can then be read synchronously. */
  buffer?: Buffer;
  close(): Promise<void>;
}

function fileSource(fh: FileHandle): ByteSource {
  return { read: (into, length, position) => fh.read(into, 0, length, position), close: () => fh.close() };
}

function bufferSource(buffer: Buffer): ByteSource {
  return {
    read: (into, length, position) =>
      Promise.resolve({
        bytesRead:
          position >= buffer.length ? 0 : buffer.copy(into, 0, position, Math.min(buffer.length, position + length)),
      }),
    buffer,
    close: () => Promise.resolve(),
  };
}

/** An entry whose bytes are not what its headers say (a damaged or hostile zip). */
export class ZipEntryError extends Error {
  constructor(
    readonly entryName: string,
    reason: string,
  ) {
    super(reason);
  }
}

const YAUZL_OPTIONS = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: false,
  strictFileNames: false,
} as const;

/** An absolute name, a drive letter or a `..` step (backslashes read as slashes); undefined for a safe name. */
export function unsafeNameReason(name: string): string | undefined {
  return validateFileName(name.replace(/\\/g, '/')) ?? undefined;
}

/**
 * The one zip reader: yauzl lists the central directory, the profile's limits (zip-limits.ts) are checked
 * before anything is inflated, and each entry is read bounded by its declared size.
 */
export class SafeZip {
  private constructor(
    private readonly zip: ZipFile,
    readonly entries: ZipEntryInfo[],
    readonly fileSize: number,
    private readonly src: ByteSource,
    private readonly limits: ZipLimits,
  ) {}

  /** A zip file on disk; any failure to read it as a zip is thrown as is (the caller words it). */
  static async open(file: string, limits: ZipLimits): Promise<SafeZip> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      openYauzl(file, YAUZL_OPTIONS, (err, z) => (err ? reject(err) : resolve(z))),
    );
    return SafeZip.from(zip, limits, async () => fileSource(await openFile(file, 'r')));
  }

  /** A zip in memory, e.g. a workbook; its entries can also be read with readAll. */
  static async fromBuffer(buffer: Buffer, limits: ZipLimits): Promise<SafeZip> {
    const zip = await yauzlFromBuffer(buffer, YAUZL_OPTIONS);
    return SafeZip.from(zip, limits, () => Promise.resolve(bufferSource(buffer)));
  }

  private static async from(zip: ZipFile, limits: ZipLimits, source: () => Promise<ByteSource>): Promise<SafeZip> {
    try {
      if (zip.entryCount > limits.maxEntries) throw new ZipLimitError('entries', zip.entryCount, limits.maxEntries);
      const src = await source();
      try {
        const entries = await SafeZip.list(zip, src);
        checkEntries(entries, limits);
        return new SafeZip(zip, entries, zip.fileSize, src, limits);
      } catch (e) {
        await src.close();
        throw e;
      }
    } catch (e) {
      zip.close();
      throw e;
    }
  }

  private static async list(zip: ZipFile, src: ByteSource): Promise<ZipEntryInfo[]> {
    const raw: Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: Entry) => {
        raw.push(e);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
    const out: ZipEntryInfo[] = [];
    for (const e of raw) {
      const local = await localHeaderOf(src, e);
      out.push({ ...describe(e), localNameDiffers: !local.nameMatches, dataOffset: local.dataOffset });
    }
    return out;
  }

  /** Past the profile's bound for one entry: refused before a byte of it is inflated. */
  private assertEntrySize(info: ZipEntryInfo): void {
    if (info.size > this.limits.maxEntryBytes)
      throw new ZipLimitError('entryBytes', info.size, this.limits.maxEntryBytes, info.name);
  }

  /**
   * The whole entry at once, from a zip in memory (fromBuffer): stored or deflated, never inflated past its
   * declared size nor past the profile's bound for one entry (zlib stops there instead of filling memory).
   */
  readAll(info: ZipEntryInfo): Buffer {
    const buffer = this.src.buffer;
    if (!buffer) throw new Error('readAll needs a zip in memory');
    this.assertEntrySize(info);
    if (info.dataOffset === undefined) throw new ZipEntryError(info.name, 'invalid local file header');
    const raw = buffer.subarray(info.dataOffset, info.dataOffset + info.compressedSize);
    let data: Buffer;
    if (info.method === 0) data = Buffer.from(raw);
    else if (info.method === 8) data = inflateBounded(info, raw, Math.min(info.size, this.limits.maxEntryBytes));
    else throw new ZipEntryError(info.name, `compression method ${info.method}`);
    if (data.length !== info.size) throw new ZipEntryError(info.name, 'size mismatch');
    return data;
  }

  /**
   * The entry's bytes, inflated; throws EntryTooLargeError past the declared size, never buffering the whole entry.
   * A stored entry is read straight from the file in large pieces; each piece is valid only until the next one is
   * asked for (copy it to keep it).
   */
  read(info: ZipEntryInfo): AsyncGenerator<Buffer> {
    this.assertEntrySize(info);
    return info.method === 0 && info.dataOffset !== undefined
      ? this.readStored(info, info.dataOffset)
      : this.inflate(info);
  }

  /** Two buffers in turn: the next piece is being read while the caller hashes the current one. */
  private async *readStored(info: ZipEntryInfo, start: number): AsyncGenerator<Buffer> {
    const end = start + info.compressedSize;
    const bufs = [Buffer.allocUnsafe(Math.min(STORED_CHUNK, info.compressedSize)), Buffer.allocUnsafe(0)];
    if (info.compressedSize > STORED_CHUNK) bufs[1] = Buffer.allocUnsafe(STORED_CHUNK);
    const readAt = (i: number, pos: number) => {
      const p = this.src.read(bufs[i % 2]!, Math.min(STORED_CHUNK, end - pos), pos);
      p.catch(() => {}); // awaited below; a failure while the caller holds a piece must not go unhandled
      return p;
    };
    let n = 0;
    let pending = end > start ? readAt(0, start) : undefined;
    try {
      for (let i = 0, pos = start; pending; i++) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) throw new Error(`${info.name}: the zip ends inside this entry`);
        pos += bytesRead;
        pending = pos < end ? readAt(i + 1, pos) : undefined;
        n += bytesRead;
        if (n > info.size) throw new EntryTooLargeError(info.name, info.size);
        yield bufs[i % 2]!.subarray(0, bytesRead);
      }
    } finally {
      // Stopped early (an error, or the caller gave up): let the read in flight end before the buffer goes.
      await pending?.catch(() => {});
    }
  }

  private async *inflate(info: ZipEntryInfo): AsyncGenerator<Buffer> {
    const stream = await new Promise<Readable>((resolve, reject) =>
      this.zip.openReadStream(info.entry, (err, s) => (err ? reject(err) : resolve(s))),
    );
    let n = 0;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        n += chunk.length;
        if (n > info.size) throw new EntryTooLargeError(info.name, info.size);
        yield chunk;
      }
    } finally {
      stream.destroy();
    }
  }

  /** The whole zip, when it was read from a buffer (fromBuffer). */
  get buffer(): Buffer | undefined {
    return this.src.buffer;
  }

  close(): void {
    this.zip.close();
    this.src.close().catch(() => {});
  }
}

/** The profile's limits on the whole zip and on the entries' names, from the central directory alone. */
function checkEntries(entries: readonly ZipEntryInfo[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    if (limits.unsafeNames === 'refuse') {
      const reason = unsafeNameReason(e.name);
      if (reason !== undefined) throw new ZipEntryError(e.name, reason);
    }
    total += e.size;
    const ratio = e.size / Math.max(e.compressedSize, 1);
    if (e.size > limits.ratioFloorBytes && ratio > limits.maxRatio)
      throw new ZipLimitError('ratio', `${Math.round(ratio)} (${e.name})`, limits.maxRatio, e.name);
  }
  if (total > limits.maxTotalBytes) throw new ZipLimitError('totalBytes', total, limits.maxTotalBytes);
}

function inflateBounded(info: ZipEntryInfo, raw: Buffer, bound: number): Buffer {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, bound) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new ZipEntryError(
      info.name,
      code === 'ERR_BUFFER_TOO_LARGE' ? 'inflates past its declared size' : 'invalid compressed data',
    );
  }
}
