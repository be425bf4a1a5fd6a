import { constants } from 'node:fs';
import { DvcError, ExitCode } from '../errors.js';
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

/**
 * Where JSON text breaks, as line and column (1-based), found by a scan of its own: JSON.parse's messages quote
 * the text itself (`Unexpected token 'r', "root:x:0:0…" is not valid JSON`), and a file's content never goes into
 * a message. Iterative, so no depth of nesting overflows. Returns null for valid JSON.
 */
export function jsonErrorAt(text: string): { line: number; column: number } | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = () => {
    const before = text.slice(0, Math.min(i, n));
    const lines = before.split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  };
  const str = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i++, false);
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    for (const w of ['true', 'false', 'null']) if (text.startsWith(w, i)) return ((i += w.length), true);
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  // The stack holds the open containers: '[' or '{'.
  const stack: string[] = [];
  ws();
  for (;;) {
    // a value
    ws();
    if (text[i] === '[' || text[i] === '{') {
      const open = text[i]!;
      i++;
      ws();
      if ((open === '[' && text[i] === ']') || (open === '{' && text[i] === '}')) i++;
      else {
        stack.push(open);
        if (open === '{') {
          if (!str()) return fail();
          ws();
          if (text[i] !== ':') return fail();
          i++;
        }
        continue;
      }
    } else if (text[i] === '"') {
      if (!str()) return fail();
    } else if (!scalar()) return fail();
    // after a value: close containers or go to the next member
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i === n ? null : fail();
      }
      if (text[i] === ',') {
        i++;
        ws();
        if (top === '{') {
          if (!str()) return fail();
          ws();
          if (text[i] !== ':') return fail();
          i++;
        }
        break;
      }
      if ((top === '[' && text[i] === ']') || (top === '{' && text[i] === '}')) {
        i++;
        stack.pop();
        continue;
      }
      return fail();
    }
  }
}

/** The readable size of a limit: `64 KiB`, `20 MiB`. */
export function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MiB` : `${bytes / 1024} KiB`;
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
    if (e instanceof FileShapeError) {
      if (e.code === 'EFBIG')
        throw new DvcError('testApi.fileTooBig', { path: file, limit: sizeText(limit) }, ExitCode.Usage);
      throw new DvcError('testApi.fileNotRegular', { path: file }, ExitCode.Usage);
    }
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
