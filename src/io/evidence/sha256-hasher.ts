import { createHash, type Hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { DvcError, ExitCode } from '../../errors.js';
import type { ChunkPool, Hold } from './chunk-pool.js';

/**
 * SHA-256 of a sequence of byte streams, one after the other: update() feeds the current stream, digest() ends it.
 * `pack` uses one for the payload files (manifest-sha256.txt, from exactly the bytes written to the zip) and one
 * for the bundle itself.
 */
export interface Sha256Hasher {
  /** Adds bytes to the current stream. Bytes of a pooled slot are held until hashed, never copied. */
  update(bytes: Buffer, hold?: Hold): void;
  /** Ends the current stream; resolves to its SHA-256 in hex. The next update() starts the next stream. */
  digest(): Promise<string>;
  /** Throws the hashing's failure, if it has failed (a long file need not be written to its end first). */
  throwIfFailed(): void;
  /** Stops the hashing; pending digests reject, retained slots are released. */
  close(): Promise<void>;
}

/** Hashing on the calling thread: for small bags, where starting a thread costs more than it saves. */
export function inThreadSha256(): Sha256Hasher {
  let h: Hash = createHash('sha256');
  return {
    update(bytes) {
      h.update(bytes);
    },
    digest() {
      const hex = h.digest('hex');
      h = createHash('sha256');
      return Promise.resolve(hex);
    },
    throwIfFailed() {},
    close: () => Promise.resolve(),
  };
}

/**
 * The worker's code, run with `eval` so that it needs no file of its own next to the compiled module (the
 * Windows single executable is one bundled script). Pooled bytes come as an offset and a length in the shared
 * memory; other bytes are copied into a ring of shared memory (or, when the ring is full, come as a copy of
 * their own). Every update in shared memory is acknowledged, in order, so the slot or the ring's space is reused.
 */
export const HASH_WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const shared = Buffer.from(workerData.shared);
const ring = workerData.ring ? Buffer.from(workerData.ring) : undefined;
let h = createHash('sha256');
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    h.update(m.bytes ?? (m.ring ? ring : shared).subarray(m.offset, m.offset + m.length));
    if (m.bytes === undefined) parentPort.postMessage({ op: 'hashed' });
  } else if (m.op === 'digest') {
    parentPort.postMessage({ op: 'digest', hex: h.digest('hex') });
    h = createHash('sha256');
  }
});
`;

type Reply = { op: 'hashed' } | { op: 'digest'; hex: string };

/**
 * Shared memory for the bytes that are not in a pool slot (the deflated texts, the zip's headers): copied here
 * rather than into a new buffer per update, which the worker's heap would collect late (tens of MB with
 * hundreds of texts). Space is given back in the order it was taken, as the worker acknowledges each update.
 */
const RING_BYTES = 4 * 1048576;

class CopyRing {
  readonly shared = new SharedArrayBuffer(RING_BYTES);
  private readonly bytes = Buffer.from(this.shared);
  private readonly taken: { offset: number; length: number }[] = [];
  private head = 0;

  /** Copies `b` into the ring; its offset there, or undefined when there is no room now. */
  put(b: Uint8Array): number | undefined {
    const n = b.length;
    let at: number | undefined;
    const oldest = this.taken[0];
    if (!oldest) at = n <= RING_BYTES ? 0 : undefined;
    else if (this.head > oldest.offset)
      at = n <= RING_BYTES - this.head ? this.head : n < oldest.offset ? 0 : undefined;
    else at = n < oldest.offset - this.head ? this.head : undefined;
    if (at === undefined) return undefined;
    this.bytes.set(b, at);
    this.taken.push({ offset: at, length: n });
    this.head = at + n;
    return at;
  }

  /** The oldest copy was hashed: its space is free again. */
  release(): void {
    this.taken.shift();
    if (this.taken.length === 0) this.head = 0;
  }
}

class WorkerHasher implements Sha256Hasher {
  private readonly held: Hold[] = [];
  private readonly digests: { resolve: (hex: string) => void; reject: (e: DvcError) => void }[] = [];
  private failure: DvcError | undefined;
  private closing = false;

  constructor(
    private readonly worker: Worker,
    private readonly pool: ChunkPool,
    private readonly ring: CopyRing,
  ) {
    worker.on('message', (m: Reply) => this.onReply(m));
    worker.on('error', (e) => this.fail(e.message));
    worker.on('exit', (code) => {
      if (!this.closing) this.fail(`exit ${code}`);
    });
  }

  private onReply(m: Reply): void {
    if (m.op === 'hashed') this.held.shift()?.release();
    else this.digests.shift()?.resolve(m.hex);
  }

  /** The worker is gone: nothing may wait for it any more. */
  private fail(reason: string): void {
    this.failure ??= new DvcError('evidence.pack.hashFailed', { reason }, ExitCode.Internal);
    for (const s of this.held.splice(0)) s.release();
    for (const d of this.digests.splice(0)) d.reject(this.failure);
  }

  update(bytes: Buffer, hold?: Hold): void {
    if (this.failure) return;
    const at = hold ? this.pool.locate(bytes) : undefined;
    if (hold && at) {
      hold.retain();
      this.held.push(hold);
      this.worker.postMessage({ op: 'update', offset: at.offset, length: at.length });
      return;
    }
    const offset = bytes.length > 0 ? this.ring.put(bytes) : undefined;
    if (offset !== undefined) {
      this.held.push({ retain() {}, release: () => this.ring.release() });
      this.worker.postMessage({ op: 'update', ring: true, offset, length: bytes.length });
    } else {
      // The ring is full (the worker is behind): one copy into a buffer of its own, moved to the worker.
      const copy = new Uint8Array(bytes);
      this.worker.postMessage({ op: 'update', bytes: copy }, [copy.buffer]);
    }
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  digest(): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    const p = new Promise<string>((resolve, reject) => this.digests.push({ resolve, reject }));
    this.worker.postMessage({ op: 'digest' });
    return p;
  }

  async close(): Promise<void> {
    if (!this.closing) {
      this.closing = true;
      await this.worker.terminate();
    }
    this.fail('closed');
  }
}

/**
 * Hashing on a worker thread, so that SHA-256 runs beside the reading, the CRC-32 and the writing on the main
 * thread. Resolves once the worker is running. `source` replaces the worker's code (tests).
 */
export async function workerSha256(pool: ChunkPool, o: { source?: string } = {}): Promise<Sha256Hasher> {
  const ring = new CopyRing();
  const worker = new Worker(o.source ?? HASH_WORKER_SOURCE, {
    eval: true,
    workerData: { shared: pool.shared, ring: ring.shared },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  }).catch((e: unknown) => {
    throw new DvcError('evidence.pack.hashFailed', { reason: (e as Error).message }, ExitCode.Internal);
  });
  return new WorkerHasher(worker, pool, ring);
}
