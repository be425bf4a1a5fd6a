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

/** A small payload file whole (a text to deflate, at most 1 MiB); its size is checked by the caller. */
export async function readSmallFile(file: string, size: number): Promise<Buffer> {
  const { readFile } = await import('node:fs/promises');
  const b = await readFile(file);
  return b.length === size ? b : b.subarray(0, Math.min(b.length, size + 1));
}
