import { createHash, type Hash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { crc32, createDeflateRaw } from 'node:zlib';
import { DvcError, ExitCode } from '../../errors.js';
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

export interface AddEntryOptions {
  method: number;
  mtimeMs: number;
  /** The size the caller expects (from stat); decides zip64 up front, since the local header comes first. */
  expectedSize: number;
  /** Sees every uncompressed chunk, e.g. to hash the payload in the same pass. */
  onData?: (chunk: Buffer) => void;
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
  private readonly central: Buffer[] = [];
  private readonly names = new Set<string>();
  private readonly hash: Hash = createHash('sha256');
  private inflight: { bytes: number; done: Promise<void> }[] = [];
  private inflightBytes = 0;

  constructor(
    private readonly out: Writable,
    private readonly o: { forceZip64?: boolean } = {},
  ) {}

  /**
   * Queues bytes for the file. Past WRITE_AHEAD bytes in flight it waits for the oldest chunk to be written, not
   * for the whole queue to drain ('drain' fires only when it is empty): the disk then never waits for the
   * hashing and the hashing never waits for an empty queue, and memory stays bounded.
   */
  private async put(b: Buffer): Promise<void> {
    if (b.length === 0) return;
    this.hash.update(b);
    this.offset += b.length;
    const done = new Promise<void>((resolve, reject) => {
      this.out.write(b, (err) => (err ? reject(err) : resolve()));
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
    for (const w of this.inflight) await w.done;
    this.inflight = [];
    this.inflightBytes = 0;
  }

  async addEntry(
    name: string,
    source: AsyncIterable<Buffer> | Iterable<Buffer>,
    o: AddEntryOptions,
  ): Promise<EntryTotals> {
    if (this.names.has(name)) throw new DvcError('evidence.zip.duplicateName', { name }, ExitCode.Internal);
    this.names.add(name);
    const zip64 = this.o.forceZip64 === true || o.expectedSize >= U32_MAX || this.offset >= U32_MAX;
    if (o.method === METHOD_DEFLATE && o.expectedSize >= 0xf0000000)
      throw new DvcError('evidence.zip.deflateTooLarge', { name }, ExitCode.Internal);
    const header: EntryHeader = { name: Buffer.from(name, 'utf8'), method: o.method, mtimeMs: o.mtimeMs, zip64 };
    const offset = this.offset;
    await this.put(localHeader(header));
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
    } else {
      const deflater = createDeflateRaw({ level: 6 });
      const input = Readable.from(tapped());
      input.on('error', (e) => deflater.destroy(e));
      input.pipe(deflater);
      for await (const c of deflater as AsyncIterable<Buffer>) {
        compressedSize += c.length;
        await this.put(c);
      }
    }
    if (!zip64 && (size >= U32_MAX || compressedSize >= U32_MAX))
      throw new DvcError('evidence.zip.grewPast4G', { name }, ExitCode.Internal);
    const totals: EntryTotals = { crc, size, compressedSize, offset };
    await this.put(dataDescriptor(zip64, totals));
    this.central.push(centralHeader(header, totals));
    return totals;
  }

  /** Writes the central directory and end records; the caller then ends and commits the stream. */
  async finish(): Promise<ZipSummary> {
    const cdOffset = this.offset;
    for (const c of this.central) await this.put(c);
    const size = this.offset - cdOffset;
    await this.put(
      endRecords({ entries: this.central.length, size, offset: cdOffset, zip64: this.o.forceZip64 === true }),
    );
    await this.flush();
    return { bytes: this.offset, sha256: this.hash.digest('hex'), entries: this.central.length };
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
