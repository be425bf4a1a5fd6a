import { open as openYauzl, type Entry, type ZipFile } from 'yauzl';
import type { Readable } from 'node:stream';
import { DvcError, ExitCode } from '../../errors.js';

/**
 * Reads a zip someone else made, without extracting anything: the central directory through yauzl (zip64
 * aware), names decoded and judged here, every entry's content counted while it inflates and stopped as soon as
 * it passes its declared size. Nothing is written to disk.
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

export class SafeZip {
  private constructor(
    private readonly zip: ZipFile,
    readonly entries: ZipEntryInfo[],
    readonly fileSize: number,
  ) {}

  static async open(file: string): Promise<SafeZip> {
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
    ).catch((e: Error) => {
      throw new DvcError('evidence.verify.notZip', { file, reason: e.message }, ExitCode.Usage, { cause: e });
    });
    const entries: ZipEntryInfo[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (e: Entry) => {
          const rawName = (e as unknown as { fileName: Buffer | string }).fileName;
          const name =
            typeof rawName === 'string' ? rawName.normalize('NFC') : decodeName(rawName, e.generalPurposeBitFlag);
          const unixHost = e.versionMadeBy >> 8 === 3;
          const mode = (e.externalFileAttributes >>> 16) & 0o170000;
          entries.push({
            name,
            method: e.compressionMethod,
            compressedSize: e.compressedSize,
            size: e.uncompressedSize,
            isDirectory: name.endsWith('/') || (unixHost && mode === 0o040000),
            isSymlink: unixHost && mode === 0o120000,
            encrypted: (e.generalPurposeBitFlag & 1) !== 0,
            entry: e,
          });
          zip.readEntry();
        });
        zip.once('end', () => resolve());
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (e) {
      zip.close();
      throw new DvcError('evidence.verify.notZip', { file, reason: (e as Error).message }, ExitCode.Usage, {
        cause: e,
      });
    }
    return new SafeZip(zip, entries, zip.fileSize);
  }

  /** The entry's bytes, inflated; throws EntryTooLargeError past the declared size, never buffering the whole entry. */
  async *read(info: ZipEntryInfo): AsyncGenerator<Buffer> {
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
  }
}
