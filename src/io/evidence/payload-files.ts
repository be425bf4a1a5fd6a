import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import path from 'node:path';

/** Streams and hashes of the files of an evidence folder, for `pack` (src/app reaches files only through here). */

export const CHUNK = 1 << 20;

export function joinRel(dir: string, rel: string): string {
  return path.join(dir, ...rel.split('/'));
}

/** The file's bytes in chunks of 4 MiB, never the whole file at once. */
export function streamFile(file: string): AsyncIterable<Buffer> {
  return createReadStream(file, { highWaterMark: 4 * CHUNK }) as AsyncIterable<Buffer>;
}

export async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** A small text file of the folder, whole (the caller knows it is at most TEXT_LIMIT bytes). */
export async function readTextFile(file: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(file, 'utf8');
}

/**
 * A small payload file whole (a text to deflate, at most 1 MiB), read into one reused buffer: the bytes are valid
 * until the next call. A file that grew reads one byte more than `size`, so the caller sees it changed.
 */
let scratch = Buffer.alloc(0);
export async function readSmallFile(file: string, size: number): Promise<Buffer> {
  const { open } = await import('node:fs/promises');
  if (scratch.length < size + 1) scratch = Buffer.alloc(Math.max(size + 1, 64 * 1024));
  const fh = await open(file, 'r');
  try {
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(scratch, n, size + 1 - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === size + 1) break;
    }
    return scratch.subarray(0, n);
  } finally {
    await fh.close();
  }
}
