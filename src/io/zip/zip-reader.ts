import { open as openYauzl, type Entry, type ZipFile } from 'yauzl';
import { open as openFile, type FileHandle } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';

/**
 * Reads a zip someone else made, without extracting anything: the central directory through yauzl (zip64
 * aware), names decoded and judged here, each local header's name compared with the central directory's,
 * every entry's content counted while it inflates and stopped as soon as it passes its declared size.
 * Nothing is written to disk.
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
async function localHeaderOf(fh: FileHandle, e: Entry): Promise<{ nameMatches: boolean; dataOffset?: number }> {
  const central = rawName(e);
  const head = Buffer.alloc(30 + central.length);
  const { bytesRead } = await fh.read(head, 0, head.length, e.relativeOffsetOfLocalHeader);
  if (bytesRead < head.length || head.readUInt32LE(0) !== 0x04034b50) return { nameMatches: false };
  const len = head.readUInt16LE(26);
  if (len !== central.length || !head.subarray(30, 30 + len).equals(central)) return { nameMatches: false };
  return { nameMatches: true, dataOffset: e.relativeOffsetOfLocalHeader + 30 + len + head.readUInt16LE(28) };
}

/** Stored bytes are read this many at a time, straight from the file. */
const STORED_CHUNK = 4 * 1048576;

function notZip(file: string, e: unknown): DvcError {
  return new DvcError('evidence.verify.notZip', { file, reason: (e as Error).message }, ExitCode.Usage, { cause: e });
}

export interface ZipLimits {
  /** More entries than this: exit 2 before any is read. */
  maxEntries: number;
}

export class SafeZip {
  private constructor(
    private readonly zip: ZipFile,
    readonly entries: ZipEntryInfo[],
    readonly fileSize: number,
    private readonly fh: FileHandle,
  ) {}

  static async open(file: string, limits: ZipLimits): Promise<SafeZip> {
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      openYauzl(
        file,
        {
          lazyEntries: true,
          autoClose: false,
          decodeStrings: false,
          validateEntrySizes: false,
          strictFileNames: false,
        },
        (err, z) => (err ? reject(err) : resolve(z)),
      ),
    ).catch((e: unknown) => {
      throw notZip(file, e);
    });
    try {
      if (zip.entryCount > limits.maxEntries)
        throw new DvcError(
          'evidence.verify.limit',
          { file, limit: 'entries', found: zip.entryCount, max: limits.maxEntries },
          ExitCode.Usage,
        );
      const fh = await openFile(file, 'r');
      try {
        return new SafeZip(zip, await SafeZip.list(zip, fh), zip.fileSize, fh);
      } catch (e) {
        await fh.close();
        throw e;
      }
    } catch (e) {
      zip.close();
      throw isDvcError(e) ? e : notZip(file, e);
    }
  }

  private static async list(zip: ZipFile, fh: FileHandle): Promise<ZipEntryInfo[]> {
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
      const local = await localHeaderOf(fh, e);
      out.push({ ...describe(e), localNameDiffers: !local.nameMatches, dataOffset: local.dataOffset });
    }
    return out;
  }

  /**
   * The entry's bytes, inflated; throws EntryTooLargeError past the declared size, never buffering the whole entry.
   * A stored entry is read straight from the file in large pieces; each piece is valid only until the next one is
   * asked for (copy it to keep it).
   */
  read(info: ZipEntryInfo): AsyncGenerator<Buffer> {
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
      const p = this.fh.read(bufs[i % 2]!, 0, Math.min(STORED_CHUNK, end - pos), pos);
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

  close(): void {
    this.zip.close();
    this.fh.close().catch(() => {});
  }
}
