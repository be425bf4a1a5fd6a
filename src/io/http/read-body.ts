import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';

/** Raised as a plain error with a code that classifyFault maps to `tooLarge`. */
export function tooLarge(limit: number): Error {
  return Object.assign(new Error(`response larger than ${limit} bytes`), { code: 'DVC_TOO_LARGE' });
}

/** The part of a response body stream that readLimited uses (undici's body is a Node Readable). */
export interface BodyStream {
  on(event: 'data', fn: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'close', fn: () => void): unknown;
  on(event: 'error', fn: (err: Error) => void): unknown;
  removeListener(event: string, fn: (...args: never[]) => void): unknown;
  destroy(err?: Error): void;
  readonly destroyed?: boolean;
}

/**
 * Reads a response body up to `limit` bytes on the wire, stopping (and destroying the stream) at the first
 * byte past it: a 50 MB answer never sits in memory. Listens to the stream's events (an async iterator costs a
 * load run a tenth of its time); a stream closed before its end is a premature close, as `for await` would say.
 */
export function readLimited(body: BodyStream, limit: number, onChunk?: () => void): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      body.removeListener('data', onData);
      body.removeListener('end', onEnd);
      body.removeListener('error', onError);
      body.removeListener('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      onChunk?.();
      size += chunk.length;
      if (size > limit) {
        stop();
        body.on('error', () => {});
        body.destroy();
        reject(tooLarge(limit));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (err: Error) => {
      stop();
      reject(err);
    };
    const onClose = () => {
      stop();
      reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    };
    if (body.destroyed) {
      onClose();
      return;
    }
    body.on('data', onData);
    body.on('end', onEnd);
    body.on('error', onError);
    body.on('close', onClose);
  });
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
