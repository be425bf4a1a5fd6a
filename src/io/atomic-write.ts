import { createWriteStream, type WriteStream } from 'node:fs';
import { lstat, mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { DvcError, ExitCode } from '../errors.js';

export interface OutputOptions {
  /** Replace an existing file. Without it an existing output is an input error (exit 2). */
  force?: boolean;
  /** The command's input paths: an output may never be one of them, even with --force. */
  inputs?: readonly string[];
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
      throw new DvcError('fs.outputIsInput', { path: target }, ExitCode.Usage);
  }
  const existing = await lstat(abs).catch(() => null);
  if (existing?.isDirectory()) throw new DvcError('fs.isDirectory', { path: target }, ExitCode.Usage);
  if (existing && !o.force) throw new DvcError('fs.outputExists', { path: target }, ExitCode.Usage);
  const dir = await stat(path.dirname(abs)).catch(() => null);
  if (!dir?.isDirectory()) throw new DvcError('fs.dirMissing', { path: path.dirname(abs) }, ExitCode.Usage);
  return abs;
}

function tempNameFor(abs: string): string {
  return path.join(path.dirname(abs), `.${path.basename(abs)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes a whole output at once: a temporary file in the same folder, then a rename over the target. */
export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  o: OutputOptions = {},
): Promise<string> {
  const abs = await checkOutputPath(target, o);
  const tmp = tempNameFor(abs);
  try {
    await writeFile(tmp, data);
    await rename(tmp, abs);
  } catch (e) {
    await rm(tmp, { force: true });
    throw new DvcError('fs.cannotWrite', { path: target, reason: (e as Error).message }, ExitCode.Usage, { cause: e });
  }
  return abs;
}

export interface AtomicStream {
  stream: WriteStream;
  path: string;
  /** Flushes, closes and renames the temporary file over the target. */
  commit(): Promise<string>;
  /** Removes the temporary file; the target is left as it was. */
  abort(): Promise<void>;
}

/** A streaming output (large bundles): same guarantees as writeFileAtomic, commit() when the data is complete. */
export async function openAtomicStream(target: string, o: OutputOptions = {}): Promise<AtomicStream> {
  const abs = await checkOutputPath(target, o);
  const tmp = tempNameFor(abs);
  const stream = createWriteStream(tmp);
  const closed = new Promise<void>((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
  });
  return {
    stream,
    path: abs,
    async commit() {
      if (!stream.writableFinished) stream.end();
      await closed;
      await rename(tmp, abs);
      return abs;
    },
    async abort() {
      stream.destroy();
      await closed.catch(() => {});
      await rm(tmp, { force: true });
    },
  };
}

/** Creates a folder (and parents) for outputs such as `--save <dir>`. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
}
