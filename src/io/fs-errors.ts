/**
 * The one place where a file-system error becomes a message for the officer. Every reader and writer of user files
 * goes through here, so a file held open by Excel, a folder that cannot be written or a full disk reads the same
 * everywhere, names the user's own file (never a temporary file) and never shows the raw system text.
 *
 * Windows reports a file another program holds as EBUSY (sharing violation) and, for a rename over a file Excel
 * has open or a write into a protected folder, as EPERM (access denied); the two cannot be told apart there, so
 * EPERM on Windows says both remedies.
 */
import path from 'node:path';
import { DvcError, ExitCode, isDvcError } from '../errors.js';

export type FsOperation = 'read' | 'write';

export interface FsErrorContext {
  /** The path the user gave (the output, not its temporary file). */
  path: string;
  op: FsOperation;
  /** Injected by tests to exercise the Windows branches on any system. */
  platform?: NodeJS.Platform;
}

/** The errno code of a Node file-system error, if it has one. */
export function errnoCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

function writeKey(code: string | undefined, platform: NodeJS.Platform): string {
  switch (code) {
    case 'EBUSY':
    case 'ETXTBSY':
      return 'fs.locked';
    case 'EPERM':
      return platform === 'win32' ? 'fs.lockedOrDenied' : 'fs.writeDenied';
    case 'EACCES':
    case 'EROFS':
      return 'fs.writeDenied';
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return 'fs.diskFull';
    case 'ENOENT':
    case 'ENOTDIR':
      return 'fs.dirMissing';
    case 'EISDIR':
      return 'fs.isDirectory';
    default:
      return 'fs.writeFailed';
  }
}

function readKey(code: string | undefined, platform: NodeJS.Platform): string {
  switch (code) {
    case 'ENOENT':
      return 'fs.notFound';
    case 'EISDIR':
      return 'fs.isDirectory';
    case 'EBUSY':
      return 'fs.readLocked';
    case 'EPERM':
      return platform === 'win32' ? 'fs.readLocked' : 'fs.readDenied';
    case 'EACCES':
      return 'fs.readDenied';
    default:
      return 'fs.readFailed';
  }
}

/**
 * The DvcError (exit 2) for a failed read or write of `ctx.path`. A DvcError passes through unchanged, so a
 * caller may wrap a whole sequence of steps. A missing folder names the folder.
 */
export function fsError(e: unknown, ctx: FsErrorContext): DvcError {
  if (isDvcError(e)) return e;
  const code = errnoCode(e);
  const platform = ctx.platform ?? process.platform;
  const key = ctx.op === 'read' ? readKey(code, platform) : writeKey(code, platform);
  const where = key === 'fs.dirMissing' ? path.dirname(ctx.path) : ctx.path;
  return new DvcError(key, { path: where, code: code ?? 'UNKNOWN' }, ExitCode.Usage, { cause: e });
}
