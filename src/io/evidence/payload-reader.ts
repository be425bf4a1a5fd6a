import { open, type FileHandle } from 'node:fs/promises';
import { PoolClosedError, type ChunkPool, type Slot } from './chunk-pool.js';
import { fsError } from '../fs-errors.js';

/** A piece of a payload file, read into a pooled slot: `bytes` is a view of `slot.buffer`. */
export interface FileChunk {
  bytes: Buffer;
  slot: Slot;
}

/** The file no longer has the size it had when the folder was listed (it is being written to). */
export class FileChangedError extends Error {
  constructor(readonly file: string) {
    super(`${file} changed while it was being packed`);
  }
}

type Item = { index: number } & ({ chunk: FileChunk } | { end: true } | { error: unknown });

/**
 * Reads the files of a bag, one after the other in the order they go into the zip, ahead of the writer: while one
 * chunk is being written and hashed the next ones are already being read, up to the pool's size. Each file is read
 * in slot-sized pieces with positional reads; a file that grows or shrinks meanwhile is a FileChangedError.
 * `chunks(i)` must be consumed in the order of the list (entries without a file are skipped).
 */
export class PayloadReader {
  private readonly queue: Item[] = [];
  private wake: (() => void) | undefined;
  private stopped = false;
  private readonly probe = Buffer.alloc(1);
  private readonly done: Promise<void>;

  constructor(
    private readonly files: readonly ({ path: string; size: number } | undefined)[],
    private readonly pool: ChunkPool,
  ) {
    this.done = this.run();
  }

  private push(item: Item): void {
    this.queue.push(item);
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  private async run(): Promise<void> {
    for (const [index, f] of this.files.entries()) {
      if (this.stopped) return;
      if (f === undefined) continue;
      let fh: FileHandle | undefined;
      try {
        fh = await open(f.path, 'r');
        await this.readFile(index, fh, f);
      } catch (e) {
        if (e instanceof PoolClosedError) return;
        this.push({ index, error: e instanceof FileChangedError ? e : fsError(e, { path: f.path, op: 'read' }) });
      } finally {
        await fh?.close().catch(() => {});
      }
    }
  }

  private async readFile(index: number, fh: FileHandle, f: { path: string; size: number }): Promise<void> {
    let pos = 0;
    while (pos < f.size) {
      const slot = await this.pool.acquire();
      if (this.stopped) {
        slot.release();
        return;
      }
      let bytesRead = 0;
      try {
        ({ bytesRead } = await fh.read(slot.buffer, 0, Math.min(slot.buffer.length, f.size - pos), pos));
      } catch (e) {
        slot.release();
        throw e;
      }
      if (bytesRead === 0) {
        slot.release();
        throw new FileChangedError(f.path);
      }
      pos += bytesRead;
      this.push({ index, chunk: { bytes: slot.buffer.subarray(0, bytesRead), slot } });
    }
    const { bytesRead } = await fh.read(this.probe, 0, 1, pos);
    if (bytesRead > 0) throw new FileChangedError(f.path);
    this.push({ index, end: true });
  }

  private async nextItem(): Promise<Item> {
    while (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.queue.shift()!;
  }

  /**
   * The chunks of file `index`, in order. The caller holds each chunk's slot once and must release it
   * (`chunk.slot.release()`) when it no longer needs the bytes; anyone else keeping them retains the slot first.
   */
  async *chunks(index: number): AsyncGenerator<FileChunk> {
    for (;;) {
      const item = await this.nextItem();
      if (item.index !== index) throw new Error(`payload read out of order: ${item.index} while ${index} was asked`);
      if ('error' in item) throw item.error;
      if ('end' in item) return;
      yield item.chunk;
    }
  }

  /** Stops reading ahead (and the pool: nothing waits for a slot any more) and gives back every slot queued. */
  async close(): Promise<void> {
    this.stopped = true;
    this.pool.close();
    for (const item of this.queue.splice(0)) if ('chunk' in item) item.chunk.slot.release();
    // A read in flight finishes, sees `stopped`, and releases its slot; wait so no file handle stays open.
    await this.done;
    for (const item of this.queue.splice(0)) if ('chunk' in item) item.chunk.slot.release();
  }
}
