import { constants } from 'node:fs';
import { DvcError, ExitCode } from '../errors.js';
import { jsonErrorAt } from '../core/text/json-error-at.js';

export { jsonErrorAt };
import { open } from 'node:fs/promises';

/**
 * Every file dvc test-api and mock-api read (config, token, password, template, schema, CA, body, cases, mock store)
 * is read through here: it must be a regular file (not a FIFO, a device such as /dev/urandom, a socket or a folder)
 * no larger than its limit. Opened without blocking, so a FIFO with no writer is refused, not waited on. The limits
 * are documented in docs/test-api.md ("Tệp đọc vào").
 */
export const FILE_LIMITS = {
  config: 1024 * 1024,
  secret: 64 * 1024,
  template: 4 * 1024 * 1024,
  schema: 4 * 1024 * 1024,
  ca: 1024 * 1024,
  body: 20 * 1024 * 1024,
  cases: 50 * 1024 * 1024,
  store: 50 * 1024 * 1024,
} as const;

/** Thrown for a file that is not a regular one (`ENOTREG`) or is over its limit (`EFBIG`); else Node's own errors. */
export class FileShapeError extends Error {
  constructor(
    readonly code: 'ENOTREG' | 'EFBIG',
    readonly limit: number,
  ) {
    super(code);
  }
}

export async function readBoundedFile(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = await handle.stat();
    if (st.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
    if (!st.isFile()) throw new FileShapeError('ENOTREG', limit);
    if (st.size > limit) throw new FileShapeError('EFBIG', limit);
    const buf = Buffer.alloc(Math.min(st.size, limit) + 1);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, size, buf.length - size, size);
      if (bytesRead === 0) break;
      size += bytesRead;
      // A file that grew past its limit while read.
      if (size > limit) throw new FileShapeError('EFBIG', limit);
    }
    return buf.subarray(0, size);
  } finally {
    await handle.close();
  }
}

export async function readBoundedText(file: string, limit: number): Promise<string> {
  return (await readBoundedFile(file, limit)).toString('utf8');
}

/** The readable size of a limit: `64 KiB`, `20 MiB`. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
}

/** The usage error (exit 2) for a file of the wrong kind or size: it names the file and the limit, never its content. */
export function fileShapeError(e: FileShapeError, file: string): DvcError {
  if (e.code === 'EFBIG')
    return new DvcError('testApi.fileTooBig', { path: file, limit: sizeText(e.limit) }, ExitCode.Usage);
  return new DvcError('testApi.fileNotRegular', { path: file }, ExitCode.Usage);
}

/**
 * Reads an input file as UTF-8 text; a file of the wrong kind or size is a usage error (exit 2) naming the file
 * and the limit, never its content. Other errors go to `other` (the caller's own message), or are named by their
 * system code.
 */
export async function readInputText(
  file: string,
  limit: number,
  other?: (e: NodeJS.ErrnoException) => DvcError,
): Promise<string> {
  try {
    return await readBoundedText(file, limit);
  } catch (e) {
    if (e instanceof FileShapeError) throw fileShapeError(e, file);
    const err = e as NodeJS.ErrnoException;
    if (other) throw other(err);
    if (err.code === 'ENOENT') throw new DvcError('fs.notFound', { path: file }, ExitCode.Usage);
    if (err.code === 'EISDIR') throw new DvcError('fs.isDirectory', { path: file }, ExitCode.Usage);
    throw new DvcError('fs.readFailed', { path: file, code: err.code ?? 'EIO' }, ExitCode.Usage);
  }
}

/** JSON text parsed; broken JSON is `key` (exit 2) with the line and column where it breaks, never a quote of it. */
export function parseJsonText(text: string, key: string, params: Record<string, string | number>): unknown {
  try {
    return JSON.parse(text);
  } catch {
    const at = jsonErrorAt(text) ?? { line: 1, column: 1 };
    throw new DvcError(key, { ...params, line: at.line, column: at.column }, ExitCode.Usage);
  }
}
