import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** Raised as a plain error with a code that classifyFault maps to `tooLarge`. */
export function tooLarge(limit: number): Error {
  return Object.assign(new Error(`response larger than ${limit} bytes`), { code: 'DVC_TOO_LARGE' });
}

/**
 * Reads a response body up to `limit` bytes on the wire, stopping (and destroying the stream) at the first
 * byte past it: a 50 MB answer never sits in memory.
 */
export async function readLimited(
  body: AsyncIterable<Buffer> & { destroy(err?: Error): void },
  limit: number,
  onChunk?: () => void,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    onChunk?.();
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw tooLarge(limit);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/** Decodes gzip, deflate (zlib or raw) and br; the decoded size is held to the same limit (no zip bombs). */
export function decodeBody(wire: Buffer, contentEncoding: string | undefined, limit: number): Buffer {
  const encodings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s && s !== 'identity');
  let out = wire;
  const opts = { maxOutputLength: limit };
  try {
    for (const enc of encodings.reverse()) {
      if (enc === 'gzip' || enc === 'x-gzip') out = gunzipSync(out, opts);
      else if (enc === 'br') out = brotliDecompressSync(out, opts);
      else if (enc === 'deflate') {
        try {
          out = inflateSync(out, opts);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw e;
          out = inflateRawSync(out, opts);
        }
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) throw tooLarge(limit);
    throw Object.assign(new Error(`cannot decode ${contentEncoding} body: ${(e as Error).message}`), {
      code: 'DVC_BAD_ENCODING',
    });
  }
  return out;
}
