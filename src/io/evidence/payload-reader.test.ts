import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { DvcError } from '../../errors.js';
import { ChunkPool } from './chunk-pool.js';
import { FileChangedError, PayloadReader } from './payload-reader.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-reader-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function file(name: string, data: Buffer): { path: string; size: number } {
  const p = path.join(tmp, name);
  writeFileSync(p, data);
  return { path: p, size: data.length };
}

async function collect(reader: PayloadReader, i: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of reader.chunks(i)) {
    parts.push(Buffer.from(c.bytes));
    c.slot.release();
  }
  return Buffer.concat(parts);
}

describe('PayloadReader', () => {
  it('reads each file, in order, in slot-sized pieces, and gives every slot back', async () => {
    const a = randomBytes(10_000);
    const b = randomBytes(3);
    const pool = new ChunkPool(2, 4096);
    const reader = new PayloadReader(
      [file('a.bin', a), undefined, file('b.bin', b), file('e.bin', Buffer.alloc(0))],
      pool,
    );
    expect((await collect(reader, 0)).equals(a)).toBe(true);
    expect((await collect(reader, 2)).equals(b)).toBe(true);
    expect((await collect(reader, 3)).length).toBe(0);
    await reader.close();
    expect(pool.available).toBe(2);
  });

  it('a file that grew after it was listed is a FileChangedError', async () => {
    const f = file('grew.bin', randomBytes(5000));
    writeFileSync(f.path, randomBytes(5001));
    const reader = new PayloadReader([f], new ChunkPool(2, 4096));
    await expect(collect(reader, 0)).rejects.toBeInstanceOf(FileChangedError);
    await reader.close();
  });

  it('a file that shrank is a FileChangedError too', async () => {
    const f = file('shrank.bin', randomBytes(9000));
    truncateSync(f.path, 100);
    const reader = new PayloadReader([f], new ChunkPool(2, 4096));
    await expect(collect(reader, 0)).rejects.toBeInstanceOf(FileChangedError);
    await reader.close();
  });

  it('a file that cannot be read is a DvcError naming it', async () => {
    const missing = { path: path.join(tmp, 'gone.png'), size: 10 };
    const reader = new PayloadReader([missing], new ChunkPool(1, 1024));
    const err = await collect(reader, 0).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DvcError);
    expect(JSON.stringify((err as DvcError).params)).toContain('gone.png');
    await reader.close();
  });

  it('close() while it waits for a slot ends the reading instead of hanging', async () => {
    const pool = new ChunkPool(1, 1024);
    const reader = new PayloadReader([file('long.bin', randomBytes(8192))], pool);
    const chunks = reader.chunks(0);
    const first = await chunks.next();
    expect(first.done).toBe(false);
    // The only slot is held by the caller: the reader waits for it; closing must end that wait.
    await reader.close();
    if (!first.done) first.value.slot.release();
    expect(pool.available).toBe(1);
  });
});
