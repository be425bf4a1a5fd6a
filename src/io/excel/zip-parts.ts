/**
 * The parts of an .xlsx package, read from a buffer. Entries are inflated only when asked for, so reading
 * two sheets of a large workbook does not inflate its images or other sheets.
 */
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { stripBom } from '../../core/text/utf8.js';

export interface ZipPart {
  /** The entry name as stored (forward slashes, no leading slash). */
  name: string;
  mtime: Date;
}

export class ZipParts {
  private readonly cache = new Map<string, Buffer>();
  private constructor(
    private readonly buffer: Buffer,
    readonly entries: readonly ZipPart[],
    private readonly where: ReadonlyMap<string, { start: number; size: number; method: number; uncompressed: number }>,
  ) {}

  static async fromBuffer(buffer: Buffer): Promise<ZipParts> {
    const zip = await yauzl.fromBufferPromise(buffer, {
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
    const entries: ZipPart[] = [];
    const where = new Map<string, { start: number; size: number; method: number; uncompressed: number }>();
    try {
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue;
        const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
        const name = entry.fileName.replace(/^\/+/, '');
        entries.push({ name, mtime: entry.getLastModDate() });
        where.set(name.toLowerCase(), {
          start: fileDataStart,
          size: entry.compressedSize,
          method: entry.compressionMethod,
          uncompressed: entry.uncompressedSize,
        });
      }
    } finally {
      zip.close();
    }
    return new ZipParts(buffer, entries, where);
  }

  /** Part names are case-insensitive in OPC; a leading slash is accepted. */
  has(name: string): boolean {
    return this.where.has(name.replace(/^\/+/, '').toLowerCase());
  }

  get(name: string): Buffer | undefined {
    const key = name.replace(/^\/+/, '').toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const w = this.where.get(key);
    if (!w) return undefined;
    const raw = this.buffer.subarray(w.start, w.start + w.size);
    let data: Buffer;
    if (w.method === 0) data = Buffer.from(raw);
    else if (w.method === 8) data = inflateRawSync(raw);
    else throw new Error(`unsupported zip compression method ${w.method} for ${name}`);
    if (data.length !== w.uncompressed) throw new Error(`zip entry ${name}: size mismatch`);
    this.cache.set(key, data);
    return data;
  }

  text(name: string): string | undefined {
    const b = this.get(name);
    if (!b) return undefined;
    const s = b.toString('utf8');
    return stripBom(s);
  }
}
