import { createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { link, lstat, mkdir, open, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { DvcError, ExitCode } from '../errors.js';
import { errnoCode, fsError } from './fs-errors.js';

/**
 * Writing outputs so that a user never loses a file: data goes to a temporary file in the target's folder, and
 * only a complete file takes the target's name. Without --force that last step is an exclusive create (a hard
 * link, which fails when the name exists), so two runs writing the same output never replace each other's file
 * silently: the second one refuses. Temporary files still open when the process is stopped by Ctrl+C (SIGINT),
 * SIGTERM or an early exit are removed. Every failure is a DvcError naming the user's path (see fs-errors.ts).
 */

export interface OutputOptions {
  /** Replace an existing file. Without it an existing output is an input error (exit 2). */
  force?: boolean;
  /** The command's input paths: an output may never be one of them, even with --force. */
  inputs?: readonly string[];
  /** The option that named this output, for the message that asks for another name (default `--out`). */
  option?: string;
}

async function canonical(p: string): Promise<string> {
  const abs = path.resolve(p);
  try {
    return await realpath(abs);
  } catch {
    try {
      return path.join(await realpath(path.dirname(abs)), path.basename(abs));
    } catch {
      return abs;
    }
  }
}

function sameFile(a: string, b: string): boolean {
  return process.platform === 'win32' || process.platform === 'darwin' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

/** Checks that `target` may be written: not an input, not an existing file unless forced, its folder exists. */
export async function checkOutputPath(target: string, o: OutputOptions = {}): Promise<string> {
  const abs = path.resolve(target);
  const canon = await canonical(abs);
  for (const input of o.inputs ?? []) {
    if (sameFile(canon, await canonical(input)))
      throw new DvcError('fs.outputIsInput', { path: target, option: o.option ?? '--out' }, ExitCode.Usage);
  }
  const existing = await lstat(abs).catch(() => null);
  if (existing?.isDirectory()) throw new DvcError('fs.isDirectory', { path: target }, ExitCode.Usage);
  // A device, a FIFO or a socket (also behind a link) is never replaced, --force or not: as root, renaming a file
  // over /dev/full would replace the device node itself.
  const kind = existing?.isSymbolicLink() ? await stat(abs).catch(() => null) : existing;
  if (kind?.isDirectory()) throw new DvcError('fs.isDirectory', { path: target }, ExitCode.Usage);
  if (kind && !kind.isFile()) throw new DvcError('fs.notRegularFile', { path: target }, ExitCode.Usage);
  if (existing && !o.force)
    throw new DvcError('fs.outputExists', { path: target, option: o.option ?? '--out' }, ExitCode.Usage);
  const dir = await stat(path.dirname(abs)).catch(() => null);
  if (!dir?.isDirectory()) throw new DvcError('fs.dirMissing', { path: path.dirname(abs) }, ExitCode.Usage);
  return abs;
}

/**
 * Refuses two outputs of one run that name the same file (after resolving ".", "..", links and, on Windows and
 * macOS, case): the second would silently replace the first. `outputs` pairs each option with its path.
 */
export async function assertDistinctOutputs(outputs: readonly { option: string; path: string | undefined | null }[]) {
  const seen: { option: string; canon: string }[] = [];
  for (const o of outputs) {
    if (!o.path) continue;
    const canon = await canonical(o.path);
    const other = seen.find((s) => sameFile(s.canon, canon));
    if (other)
      throw new DvcError('fs.outputsClash', { path: o.path, option: o.option, other: other.option }, ExitCode.Usage);
    seen.push({ option: o.option, canon });
  }
}

function tempNameFor(abs: string): string {
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Temporary files (and empty name reservations) this process has created and not yet committed or removed. */
const liveTemps = new Set<string>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;
let handlersInstalled = false;

function removeLiveTemps(): void {
  for (const f of liveTemps) {
    try {
      rmSync(f, { force: true });
    } catch {
      // Best effort: the process is going away.
    }
  }
  liveTemps.clear();
}

function onStopSignal(signal: NodeJS.Signals): void {
  removeLiveTemps();
  uninstallHandlers();
  // Another part of the program handles this signal (a server shutting down): let it decide when to exit.
  // Otherwise die of the same signal, so the shell sees the conventional status (130 for Ctrl+C, 143 for SIGTERM).
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  for (const s of STOP_SIGNALS) process.off(s, onStopSignal);
  process.off('exit', removeLiveTemps);
  handlersInstalled = false;
}

/** Registers a temporary file so that a stop signal or an exit removes it. */
function track(file: string): string {
  liveTemps.add(file);
  if (!handlersInstalled) {
    for (const s of STOP_SIGNALS) process.on(s, onStopSignal);
    process.on('exit', removeLiveTemps);
    handlersInstalled = true;
  }
  return file;
}

async function untrackAndRemove(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => {});
  liveTemps.delete(file);
  if (liveTemps.size === 0) uninstallHandlers();
}

/** A temporary file of the caller's (not an output), removed like ours on a stop signal or an exit. */
export function trackTemporary(file: string): void {
  track(file);
}

/** Removes a temporary file given to trackTemporary, and stops tracking it. */
export async function removeTemporary(file: string): Promise<void> {
  await untrackAndRemove(file);
}

/** The temporary files this process would remove on a stop signal now (for tests and diagnostics). */
export function liveTempFiles(): string[] {
  return [...liveTemps];
}

function outputTaken(target: string): DvcError {
  return new DvcError('fs.outputTaken', { path: target }, ExitCode.Usage);
}

/**
 * Gives the complete temporary file the target's name. With force it replaces what is there. Without, the name
 * is created exclusively: a hard link (atomic, fails if the name exists); where the file system has no hard
 * links (FAT32/exFAT drives, some network shares) the name is reserved with an exclusive open, then replaced.
 */
async function commitTemp(tmp: string, abs: string, target: string, force: boolean): Promise<void> {
  if (force) {
    await rename(tmp, abs);
    return;
  }
  try {
    await link(tmp, abs);
    return;
  } catch (e) {
    if (errnoCode(e) === 'EEXIST') throw outputTaken(target);
  }
  const reserved = await open(abs, 'wx').catch((e: unknown) => {
    throw errnoCode(e) === 'EEXIST' ? outputTaken(target) : e;
  });
  track(abs);
  try {
    await reserved.close();
    await rename(tmp, abs);
    liveTemps.delete(abs);
  } catch (e) {
    await untrackAndRemove(abs);
    throw e;
  }
}

/** Writes a whole output at once: a temporary file in the same folder, then an exclusive create of the target. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  o: OutputOptions = {},
): Promise<string> {
  const abs = await checkOutputPath(target, o);
  const tmp = track(tempNameFor(abs));
  try {
    await writeFile(tmp, data, { flag: 'wx' });
    await commitTemp(tmp, abs, target, o.force === true);
  } catch (e) {
    throw fsError(e, { path: target, op: 'write' });
  } finally {
    await untrackAndRemove(tmp);
  }
  return abs;
}

export interface AtomicStream {
  stream: WriteStream;
  path: string;
  /** Flushes, closes and gives the temporary file the target's name. Throws a DvcError naming the target. */
  commit(): Promise<string>;
  /** Removes the temporary file; the target is left as it was. */
  abort(): Promise<void>;
  /** The DvcError for a failure met while writing the stream (names the target, never the temporary file). */
  error(e: unknown): DvcError;
}

/** A streaming output (large bundles): same guarantees as writeFileAtomic, commit() when the data is complete. */
export async function openAtomicStream(target: string, o: OutputOptions = {}): Promise<AtomicStream> {
  const abs = await checkOutputPath(target, o);
  const tmp = track(tempNameFor(abs));
  const stream = createWriteStream(tmp, { flags: 'wx' });
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  closed.catch(() => {}); // surfaced by commit() or abort()
  const error = (e: unknown) => fsError(e, { path: target, op: 'write' });
  const abort = async () => {
    stream.destroy();
    await closed.catch(() => {});
    await untrackAndRemove(tmp);
  };
  return {
    stream,
    path: abs,
    error,
    abort,
    async commit() {
      try {
        if (!stream.writableFinished) stream.end();
        await closed;
        await commitTemp(tmp, abs, target, o.force === true);
      } catch (e) {
        await abort();
        throw error(e);
      }
      await untrackAndRemove(tmp);
      return abs;
    },
  };
}

/**
 * Writes everything `source` produces to `target` atomically. A file-system failure is a DvcError naming the
 * target; a failure of the source itself is passed on as it is.
 */
export async function writeStreamAtomic(target: string, source: Readable, o: OutputOptions = {}): Promise<string> {
  const sink = await openAtomicStream(target, o);
  try {
    await pipeline(source, sink.stream);
  } catch (e) {
    await sink.abort();
    throw errnoCode(e) === undefined ? e : sink.error(e);
  }
  return sink.commit();
}

/** Creates a folder (and parents) for outputs such as `--save <dir>`. */
export async function ensureDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (e) {
    throw fsError(e, { path: dir, op: 'write' });
  }
}
