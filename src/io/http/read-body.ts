import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** Raised as a plain error with a code that classifyFault maps to `tooLarge`. */
export function tooLarge(limit: number): Error {
  return Object.assign(new Error(`response larger than ${limit} bytes`), { code: 'DVC_TOO_LARGE' });
}

/** Decodes gzip, deflate (zlib or raw) and br; the decoded size is held to the same limit (no zip bombs). */
export function decodeBody(wire: Buffer, contentEncoding: string | undefined, limit: number): Buffer {
  if (!contentEncoding) return wire;
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
