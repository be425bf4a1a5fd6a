import { open, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { StringDecoder } from 'node:string_decoder';
import os from 'node:os';
import path from 'node:path';
import { removeTemporary, trackTemporary } from '../atomic-write.js';

/**
 * Where pack keeps the masked texts between masking them (which gives their size and digest, needed before the
 * first byte of the bundle is written) and writing them: one temporary file, appended to, read back by offset.
 * Each text is masked once, and what pack holds of it is a piece at a time, whatever the folder holds. The file
 * is removed when pack ends, fails, or is stopped by Ctrl+C (it is tracked with the outputs' temporary files).
 */
export class MaskSpool {
  private fh: FileHandle | undefined;
  private path: string | undefined;
  private scratch = Buffer.alloc(0);
  /** Where the next bytes go: the end of what was kept. */
  end = 0;

  /** The temporary file, while there is one. */
  get file(): string | undefined {
    return this.path;
  }

  private async handle(): Promise<FileHandle> {
    if (this.fh) return this.fh;
    const file = path.join(os.tmpdir(), `dvc-masked-${process.pid}-${randomBytes(6).toString('hex')}.bin`);
    this.fh = await open(file, 'wx+', 0o600);
    this.path = file;
    trackTemporary(file);
    return this.fh;
  }

  async append(b: Buffer): Promise<void> {
    const fh = await this.handle();
    let done = 0;
    while (done < b.length) {
      const { bytesWritten } = await fh.write(b, done, b.length - done, this.end + done);
      done += bytesWritten;
    }
    this.end += b.length;
  }

  /** Forgets what was appended from `offset` on (a text that turned out to need no masking). */
  rewind(offset: number): void {
    this.end = offset;
  }

  /** The bytes at `offset`, in a buffer reused by the next read: valid until then. */
  async read(offset: number, size: number): Promise<Buffer> {
    const fh = await this.handle();
    if (this.scratch.length < size) this.scratch = Buffer.alloc(Math.max(size, 64 * 1024));
    let n = 0;
    while (n < size) {
      const { bytesRead } = await fh.read(this.scratch, n, size - n, offset + n);
      if (bytesRead === 0) break;
      n += bytesRead;
    }
    return this.scratch.subarray(0, n);
  }

  /** Closes and removes the temporary file; safe to call more than once. */
  async close(): Promise<void> {
    const fh = this.fh;
    const file = this.path;
    this.fh = undefined;
    this.path = undefined;
    await fh?.close().catch(() => {});
    if (file) await removeTemporary(file);
  }
}

/** What textChunks reads at a time. */
export const READ_BYTES = 64 * 1024;

/**
 * A UTF-8 text file as strings of at most about 64 K characters, decoded as one `readFile(…, 'utf8')` would. `buf`,
 * when given, is read into (a caller reading texts one after another reuses it: a buffer per note would be 64 KiB
 * for the garbage collector to find late, ten thousand times over).
 */
export async function* textChunks(file: string, buf: Buffer = Buffer.alloc(READ_BYTES)): AsyncGenerator<string> {
  const fh = await open(file, 'r');
  const decoder = new StringDecoder('utf8');
  try {
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      const s = decoder.write(buf.subarray(0, bytesRead));
      if (s.length > 0) yield s;
    }
    const rest = decoder.end();
    if (rest.length > 0) yield rest;
  } finally {
    await fh.close();
  }
}
