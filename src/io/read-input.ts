import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The plain file reads of the use cases (src/app reaches files only through src/io): text, bytes, and a
 * temporary folder. Errors are Node's own (with their `code`); each use case says what they mean to the user.
 */

export function readText(file: string): Promise<string> {
  return readFile(file, 'utf8');
}

export function readBytes(file: string): Promise<Buffer> {
  return readFile(file);
}

/** The text, or an Error whose message is the errno code: for checks that report a missing file, not throw. */
export function readTextOrError(file: string): Promise<string | Error> {
  return readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => new Error(e.code ?? e.message));
}

export function makeTempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), prefix));
}

export function removeDir(dir: string): Promise<void> {
  return rm(dir, { recursive: true, force: true });
}
