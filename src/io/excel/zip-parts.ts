/**
 * The parts of an .xlsx package, read from a buffer. Entries are inflated only when asked for, so reading
 * two sheets of a large workbook does not inflate its images or other sheets. Inflating never produces more
 * than the part's declared size, nor more than MAX_PART_BYTES (a zip bomb stops there, memory stays bounded),
 * and two parts whose names differ only in case are refused: OPC names are case-insensitive, so one would
 * silently shadow the other.
 */
import { inflateRawSync } from 'node:zlib';
import yauzl from 'yauzl';
import { DvcError, ExitCode } from '../../errors.js';
import { MAX_PART_BYTES, MAX_PARTS, megabytes } from './workbook-limits.js';
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
    private readonly label = 'workbook',
  ) {}

  /** `label` names the file in messages (its base name). */
  static async fromBuffer(buffer: Buffer, label = 'workbook'): Promise<ZipParts> {
    const zip = await yauzl.fromBufferPromise(buffer, {
      decodeStrings: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
    const entries: ZipPart[] = [];
    const where = new Map<string, { start: number; size: number; method: number; uncompressed: number }>();
    const firstName = new Map<string, string>();
    try {
      if (zip.entryCount > MAX_PARTS)
        throw new DvcError('excel.limit.entries', { path: label, limit: MAX_PARTS }, ExitCode.Usage);
      for await (const entry of zip.eachEntry()) {
        if (entry.fileName.endsWith('/')) continue;
        const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
        const name = entry.fileName.replace(/^\/+/, '');
        const key = name.toLowerCase();
        const first = firstName.get(key);
        if (first !== undefined)
          throw new DvcError('excel.zip.caseDuplicate', { path: label, first, second: name }, ExitCode.Usage);
        firstName.set(key, name);
        entries.push({ name, mtime: entry.getLastModDate() });
        where.set(key, {
          start: fileDataStart,
          size: entry.compressedSize,
          method: entry.compressionMethod,
          uncompressed: entry.uncompressedSize,
        });
      }
    } finally {
      zip.close();
    }
    return new ZipParts(buffer, entries, where, label);
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
    const tooLarge = () =>
      new DvcError('excel.limit.partSize', { path: this.label, part: name, limit: megabytes(MAX_PART_BYTES) });
    const corrupt = (reason: string) =>
      new DvcError('excel.corrupt', { path: this.label, reason: `${name}: ${reason}` }, ExitCode.Usage);
    if (w.uncompressed > MAX_PART_BYTES) throw tooLarge();
    let data: Buffer;
    if (w.method === 0) data = Buffer.from(raw);
    else if (w.method === 8) data = inflateBounded(raw, w.uncompressed, corrupt);
    else throw corrupt(`compression method ${w.method}`);
    if (data.length !== w.uncompressed) throw corrupt('size mismatch');
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

/**
 * Inflates at most `declared` bytes (never more than MAX_PART_BYTES): a part whose data inflates past its declared
 * size is damaged or hostile, and zlib stops as soon as it passes the bound instead of filling memory.
 */
function inflateBounded(raw: Buffer, declared: number, corrupt: (reason: string) => DvcError): Buffer {
  try {
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, Math.min(declared, MAX_PART_BYTES)) });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw corrupt(code === 'ERR_BUFFER_TOO_LARGE' ? 'inflates past its declared size' : 'invalid compressed data');
  }
}
