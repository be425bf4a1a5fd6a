/**
 * A fixed set of reusable buffers ("slots") carved out of one SharedArrayBuffer, for packing large files without
 * allocating a buffer per chunk: a file is read into a slot, the same bytes are written to the zip and hashed (on
 * another thread, which sees the shared memory without a copy), and the slot is reused once every holder has let
 * go. Memory is bounded by `count × size` whatever the files weigh.
 */
/** Something that keeps a buffer's bytes valid while held: retained by each pending user of the bytes. */
export interface Hold {
  retain(): void;
  release(): void;
}

export class Slot implements Hold {
  private holders = 0;

  constructor(
    private readonly pool: ChunkPool,
    readonly index: number,
    /** The whole slot; a chunk is a prefix of it. */
    readonly buffer: Buffer,
  ) {}

  /** One more user of the bytes (a pending write, a pending hash). */
  retain(): void {
    this.holders++;
  }

  /** That user is done; the last one gives the slot back to the pool. */
  release(): void {
    if (this.holders <= 0) throw new Error(`slot ${this.index} released more often than retained`);
    this.holders--;
    if (this.holders === 0) this.pool.giveBack(this);
  }
}

export class PoolClosedError extends Error {
  constructor() {
    super('the chunk pool is closed');
  }
}

export class ChunkPool {
  readonly shared: SharedArrayBuffer;
  private readonly free: Slot[] = [];
  private readonly waiting: { resolve: (s: Slot) => void; reject: (e: Error) => void }[] = [];
  private closed = false;

  constructor(
    readonly count: number,
    readonly slotSize: number,
  ) {
    this.shared = new SharedArrayBuffer(count * slotSize);
    for (let i = 0; i < count; i++) this.free.push(new Slot(this, i, Buffer.from(this.shared, i * slotSize, slotSize)));
  }

  /**
   * A free slot, held once by the caller (release() when done); waits while every slot is in use. After close()
   * it rejects with PoolClosedError, so that no reader waits for a slot that will never come back.
   */
  acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    const s = this.free.pop();
    if (s) {
      s.retain();
      return Promise.resolve(s);
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Refuses every waiting and future acquire(); slots already held stay valid until released. */
  close(): void {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(new PoolClosedError());
  }

  /** Slots not held by anyone (tests, diagnostics). */
  get available(): number {
    return this.free.length;
  }

  /** Where `bytes` sits in the shared memory, when it is a view of one of this pool's slots. */
  locate(bytes: Buffer): { offset: number; length: number } | undefined {
    if (bytes.buffer !== this.shared) return undefined;
    return { offset: bytes.byteOffset, length: bytes.length };
  }

  /** @internal Called by Slot.release(). */
  giveBack(s: Slot): void {
    const next = this.waiting.shift();
    if (next) {
      s.retain();
      next.resolve(s);
    } else this.free.push(s);
  }
}
