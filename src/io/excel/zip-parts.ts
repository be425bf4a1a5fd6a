/**
 * The parts of an .xlsx package, read from a buffer through the one zip reader (io/zip/zip-reader.ts, profile
 * `workbook`). Entries are inflated only when asked for, so reading two sheets of a large workbook does not
 * inflate its images or other sheets. Inflating never produces more than the part's declared size, nor more than
 * MAX_PART_BYTES (a zip bomb stops there, memory stays bounded), and two parts whose names differ only in case
 * are refused: OPC names are case-insensitive, so one would silently shadow the other.
 */
import { crc32 } from 'node:zlib';
import { DvcError, ExitCode } from '../../errors.js';
import { SafeZip, ZIP_LIMITS, ZipEntryError, ZipLimitError, type ZipEntryInfo } from '../zip/zip-reader.js';
import { MAX_PART_BYTES, megabytes } from './workbook-limits.js';
import { stripBom } from '../../core/text/utf8.js';

export interface ZipPart {
  /** The entry name as stored (forward slashes, no leading slash). */
  name: string;
  /** The entry's DOS date and time fields read as UTC: written back as they are, whatever the time zone. */
  mtime: Date;
}

/** The DOS date and time fields of an entry, as a UTC instant (see ZipPart.mtime). */
function dosFieldsAsUtc(e: ZipEntryInfo): Date {
  const { lastModFileDate: d, lastModFileTime: t } = e.entry;
  return new Date(Date.UTC(1980 + (d >> 9), ((d >> 5) & 0xf) - 1, d & 0x1f, t >> 11, (t >> 5) & 0x3f, (t & 0x1f) * 2));
}

export class ZipParts {
  private readonly cache = new Map<string, Buffer>();
  private constructor(
    private readonly zip: SafeZip,
    readonly entries: readonly ZipPart[],
    private readonly where: ReadonlyMap<string, ZipEntryInfo>,
    private readonly label = 'workbook',
  ) {}

  /** `label` names the file in messages (its base name). */
  static async fromBuffer(buffer: Buffer, label = 'workbook'): Promise<ZipParts> {
    let zip: SafeZip;
    try {
      zip = await SafeZip.fromBuffer(buffer, ZIP_LIMITS.workbook);
    } catch (e) {
      if (e instanceof ZipLimitError)
        throw new DvcError('excel.limit.entries', { path: label, limit: e.max }, ExitCode.Usage);
      throw e;
    }
    const entries: ZipPart[] = [];
    const where = new Map<string, ZipEntryInfo>();
    const firstName = new Map<string, string>();
    for (const entry of zip.entries) {
      if (entry.isDirectory) continue;
      const name = entry.name.replace(/\\/g, '/').replace(/^\/+/, '');
      const key = name.toLowerCase();
      const first = firstName.get(key);
      if (first !== undefined)
        throw new DvcError('excel.zip.caseDuplicate', { path: label, first, second: name }, ExitCode.Usage);
      firstName.set(key, name);
      if (entry.dataOffset === undefined) throw new Error(`invalid local file header: ${name}`);
      entries.push({ name, mtime: dosFieldsAsUtc(entry) });
      where.set(key, entry);
    }
    return new ZipParts(zip, entries, where, label);
  }

  /** Part names are case-insensitive in OPC; a leading slash is accepted. */
  has(name: string): boolean {
    return this.where.has(name.replace(/^\/+/, '').toLowerCase());
  }

  get(name: string): Buffer | undefined {
    const key = name.replace(/^\/+/, '').toLowerCase();
    const hit = this.cache.get(key);
    if (hit) return hit;
    const entry = this.where.get(key);
    if (!entry) return undefined;
    let data: Buffer;
    try {
      data = this.zip.readAll(entry);
    } catch (e) {
      if (e instanceof ZipLimitError)
        throw new DvcError('excel.limit.partSize', { path: this.label, part: name, limit: megabytes(MAX_PART_BYTES) });
      if (e instanceof ZipEntryError)
        throw new DvcError('excel.corrupt', { path: this.label, reason: `${name}: ${e.message}` }, ExitCode.Usage);
      throw e;
    }
    this.cache.set(key, data);
    return data;
  }

  /**
   * The part's deflated bytes as stored in the input, with the CRC-32 and size of what they inflate to, when it
   * can be copied as it is: deflated, and its bytes inflate (within the limits, as `get` reads them) to exactly
   * what the central directory says. Otherwise undefined, and the caller deflates `get(name)` again.
   */
  deflated(name: string): { bytes: Buffer; crc: number; size: number } | undefined {
    const entry = this.where.get(name.replace(/^\/+/, '').toLowerCase());
    if (!entry || entry.method !== 8 || entry.dataOffset === undefined) return undefined;
    const data = this.get(name);
    if (!data || data.length !== entry.size) return undefined;
    const crc = entry.entry.crc32 >>> 0;
    if (crc32(data) >>> 0 !== crc) return undefined;
    const buffer = this.zip.buffer;
    if (!buffer) return undefined;
    return {
      bytes: buffer.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
      crc,
      size: data.length,
    };
  }

  text(name: string): string | undefined {
    const b = this.get(name);
    if (!b) return undefined;
    const s = b.toString('utf8');
    return stripBom(s);
  }
}
