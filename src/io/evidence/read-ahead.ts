import { readFile } from 'node:fs/promises';

/**
 * Reads the small files of a list a few at a time ahead of their turn, so that packing many photos does not
 * wait for one open/read/close after another; large files are left to be streamed. Memory stays bounded by
 * `window` × `maxSize`.
 */
export class ReadAhead {
  private readonly pending = new Map<number, Promise<Buffer>>();
  private next = 0;

  constructor(
    private readonly files: readonly ({ path: string; size: number } | undefined)[],
    private readonly o: { window: number; maxSize: number },
  ) {
    this.fill(0);
  }

  private small(i: number): boolean {
    const f = this.files[i];
    return f !== undefined && f.size <= this.o.maxSize;
  }

  private fill(from: number): void {
    this.next = Math.max(this.next, from);
    while (this.next < this.files.length && this.pending.size < this.o.window) {
      const i = this.next++;
      if (!this.small(i)) continue;
      const p = readFile(this.files[i]!.path);
      p.catch(() => {});
      this.pending.set(i, p);
    }
  }

  /** The whole content of file `i` when it is small (read ahead), else undefined: stream it. */
  async take(i: number): Promise<Buffer | undefined> {
    const p = this.pending.get(i);
    this.pending.delete(i);
    this.fill(i + 1);
    return p ? await p : undefined;
  }
}
