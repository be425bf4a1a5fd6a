import { describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { DvcError, ExitCode } from '../../errors.js';
import { ChunkPool } from './chunk-pool.js';
import { inThreadSha256, workerSha256, type Sha256Hasher } from './sha256-hasher.js';

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Feeds `data` through pooled slots, releasing the caller's hold at once (as pack does after writing). */
async function feedPooled(h: Sha256Hasher, pool: ChunkPool, data: Buffer): Promise<void> {
  for (let at = 0; at < data.length; at += pool.slotSize) {
    const slot = await pool.acquire();
    const piece = data.subarray(at, at + pool.slotSize);
    piece.copy(slot.buffer);
    h.update(slot.buffer.subarray(0, piece.length), slot);
    slot.release();
  }
}

describe('SHA-256 on a worker thread', () => {
  it('hashes bytes from outside the pool through its shared ring in order, when the ring wraps or is full too', async () => {
    const pool = new ChunkPool(1, 64 * 1024);
    const h = await workerSha256(pool);
    try {
      // 40 buffers of 0.3 to 1.9 MB, written back to back over a 4 MiB ring, overwritten as soon as handed over
      // (as the zip writer's buffers are): each is copied before update returns, whatever the worker's pace.
      const parts = Array.from({ length: 40 }, (_, i) => randomBytes(300_000 + ((i * 397_331) % 1_600_000)));
      const scratch = Buffer.alloc(2_000_000);
      for (const p of parts) {
        p.copy(scratch);
        h.update(scratch.subarray(0, p.length));
        scratch.fill(0);
      }
      expect(await h.digest()).toBe(sha256(Buffer.concat(parts)));
      h.update(Buffer.from('tagmanifest'));
      expect(await h.digest()).toBe(sha256(Buffer.from('tagmanifest')));
    } finally {
      await h.close();
    }
  });

  it('gives each stream the SHA-256 of its bytes, pooled or copied, and gives every slot back', async () => {
    const pool = new ChunkPool(3, 64 * 1024);
    const h = await workerSha256(pool);
    try {
      const big = randomBytes(1_000_003);
      const small = Buffer.from('bag-info.txt, xin chào');
      await feedPooled(h, pool, big);
      const first = h.digest();
      h.update(small);
      h.update(big.subarray(0, 10));
      const second = h.digest();
      const empty = h.digest();
      expect(await first).toBe(sha256(big));
      expect(await second).toBe(sha256(Buffer.concat([small, big.subarray(0, 10)])));
      expect(await empty).toBe(sha256(Buffer.alloc(0)));
      expect(pool.available).toBe(3);
    } finally {
      await h.close();
    }
  });

  it('agrees with hashing on the calling thread', async () => {
    const pool = new ChunkPool(2, 4096);
    const data = randomBytes(50_000);
    const results: string[] = [];
    for (const h of [inThreadSha256(), await workerSha256(pool)]) {
      await feedPooled(h, pool, data);
      results.push(await h.digest());
      await h.close();
    }
    expect(results[0]).toBe(sha256(data));
    expect(results[1]).toBe(results[0]);
  });

  it('turns a worker that fails into a clear error: pending digests reject, slots come back, nothing hangs', async () => {
    const pool = new ChunkPool(2, 4096);
    const failing = `require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });`;
    const h = await workerSha256(pool, { source: failing });
    try {
      await feedPooled(h, pool, randomBytes(6000));
      const err = await h.digest().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DvcError);
      expect((err as DvcError).key).toBe('evidence.pack.hashFailed');
      expect((err as DvcError).exitCode).toBe(ExitCode.Internal);
      expect((err as DvcError).params.reason).toContain('boom');
      expect(() => h.throwIfFailed()).toThrow(DvcError);
      expect(pool.available).toBe(2);
      await expect(h.digest()).rejects.toBeInstanceOf(DvcError);
    } finally {
      await h.close();
    }
  });

  it('a worker whose code does not even run is a clear error too, not a wait', async () => {
    const h = await workerSha256(new ChunkPool(1, 1024), { source: 'this is not javascript(' });
    try {
      h.update(Buffer.from('x'));
      const err = await h.digest().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DvcError);
      expect((err as DvcError).key).toBe('evidence.pack.hashFailed');
    } finally {
      await h.close();
    }
  });

  it('close() while a digest is pending rejects it instead of leaving it waiting', async () => {
    const pool = new ChunkPool(1, 1024);
    const silent = `require('node:worker_threads').parentPort.on('message', () => {});`;
    const h = await workerSha256(pool, { source: silent });
    const pending = h.digest();
    await h.close();
    await expect(pending).rejects.toBeInstanceOf(DvcError);
  });
});
