import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { ZipWriter, METHOD_DEFLATE, METHOD_STORE, deflateChunkBytes } from './zip-writer.js';
import { ByteBlocks } from './byte-blocks.js';
import { deflateRawSync } from 'node:zlib';
import { Writable } from 'node:stream';
import { dosDateTimeUtc } from './dos-time.js';
import { SafeZip, ZIP_LIMITS } from './zip-reader.js';
import { rawZip } from '../../test-support/hostile-zip.js';

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-zip-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function write(file: string, forceZip64: boolean): Promise<string> {
  const out = createWriteStream(file);
  const z = new ZipWriter(out, { forceZip64 });
  const mtimeMs = Date.UTC(2026, 10, 20, 13, 45, 30);
  await z.addEntry('a/ảnh.png', [Buffer.from('png-bytes')], { method: METHOD_STORE, mtimeMs, expectedSize: 9 });
  await z.addEntry('a/yêu-cầu.txt', [Buffer.from('xin chào '.repeat(100))], {
    method: METHOD_DEFLATE,
    mtimeMs,
    expectedSize: 1000,
  });
  const s = await z.finish();
  out.end();
  await once(out, 'close');
  return s.sha256;
}

async function entries(file: string): Promise<Record<string, { data: string; date: Date }>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out: Record<string, { data: string; date: Date }> = {};
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) =>
      zip.openReadStream(e, (err, s) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        s.on('data', (c: Buffer) => parts.push(c)).on('end', () => {
          out[e.fileName] = {
            data: Buffer.concat(parts).toString('utf8'),
            date: e.getLastModDate({ forceDosFormat: true, timezone: 'UTC' }),
          };
          zip.readEntry();
        });
      }),
    );
    zip.on('end', resolve).on('error', reject);
    zip.readEntry();
  });
  return out;
}

describe('ZipWriter', () => {
  for (const zip64 of [false, true]) {
    it(`writes entries yauzl and unzip read back${zip64 ? ' (zip64 records)' : ''}`, async () => {
      const file = path.join(tmp, `t${zip64 ? 64 : 32}.zip`);
      const sha = await write(file, zip64);
      const e = await entries(file);
      expect(Object.keys(e)).toEqual(['a/ảnh.png', 'a/yêu-cầu.txt']);
      expect(e['a/ảnh.png'].data).toBe('png-bytes');
      expect(e['a/yêu-cầu.txt'].data).toBe('xin chào '.repeat(100));
      expect(e['a/ảnh.png'].date.toISOString()).toBe('2026-11-20T13:45:30.000Z');
      expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors');
      const { createHash } = await import('node:crypto');
      expect(sha).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    });
  }

  it('computes DOS fields in UTC whatever the local zone', () => {
    expect(dosDateTimeUtc(Date.UTC(2026, 10, 20, 0, 0, 0))).toEqual({
      date: ((2026 - 1980) << 9) | (11 << 5) | 20,
      time: 0,
    });
    expect(dosDateTimeUtc(0)).toEqual(dosDateTimeUtc(Date.UTC(1980, 0, 1)));
  });

  it('deflates at the level asked for (zlib 6 when none is), from bytes in memory and from a stream', async () => {
    // Text that compresses differently at zlib's fast level (2) and its default (6).
    const text = Buffer.from(
      Array.from({ length: 4000 }, (_, i) => `<row r="${i}"><c t="s"><v>${(i * 7919) % 1013}</v></c></row>`).join(''),
    );
    const file = path.join(tmp, 'levels.zip');
    const out = createWriteStream(file);
    const z = new ZipWriter(out);
    const how = { method: METHOD_DEFLATE, mtimeMs: 0, expectedSize: text.length };
    const sizes = {
      default: (await z.addEntry('default.xml', [text], how)).compressedSize,
      level2: (await z.addEntry('level2.xml', [text], { ...how, level: 2 })).compressedSize,
      streamed: (
        await z.addEntry(
          'streamed.xml',
          (async function* () {
            yield text;
          })(),
          { ...how, level: 2 },
        )
      ).compressedSize,
    };
    await z.finish();
    out.end();
    await once(out, 'close');
    expect(sizes).toEqual({
      default: deflateRawSync(text, { level: 6 }).length,
      level2: deflateRawSync(text, { level: 2 }).length,
      streamed: deflateRawSync(text, { level: 2 }).length,
    });
    expect(sizes.level2).not.toBe(sizes.default);
    const e = await entries(file);
    for (const name of ['default.xml', 'level2.xml', 'streamed.xml']) expect(e[name].data).toBe(text.toString());
  });

  it('refuses a duplicate name', async () => {
    const out = createWriteStream(path.join(tmp, 'dup.zip'));
    const z = new ZipWriter(out);
    await z.addEntry('x', [Buffer.from('1')], { method: METHOD_STORE, mtimeMs: 0, expectedSize: 1 });
    await expect(
      z.addEntry('x', [Buffer.from('2')], { method: METHOD_STORE, mtimeMs: 0, expectedSize: 1 }),
    ).rejects.toMatchObject({ key: 'evidence.zip.duplicateName' });
    out.destroy();
  });
});

describe('ZipWriter on many small entries', () => {
  it('gathers small pieces into few writes, in order, around a large piece written as it is', async () => {
    const file = path.join(tmp, 'many.zip');
    const sink = createWriteStream(file);
    const seen: number[] = [];
    const counting = new Writable({
      write(chunk: Buffer, _enc, cb) {
        seen.push(chunk.length);
        sink.write(chunk, cb);
      },
    });
    const z = new ZipWriter(counting);
    const note = (i: number) => Buffer.from(`Ghi chú ${i}: hồ sơ đã gửi\n`.repeat(3));
    const large = randomBytes(100 * 1024);
    for (let i = 0; i < 2000; i++) {
      const b = note(i);
      await z.addEntry(`n/${i}.txt`, [b], { method: METHOD_DEFLATE, mtimeMs: 0, expectedSize: b.length });
      if (i === 1000) {
        const e = await z.beginStored('big.bin', { mtimeMs: 0, expectedSize: large.length });
        await e.write(large);
        await e.end();
      }
    }
    const s = await z.finish();
    counting.end();
    await once(counting, 'finish');
    sink.end();
    await once(sink, 'close');
    // 2,001 entries, each a header, its data and a descriptor: over 6,000 writes when each piece went on its own.
    expect(z.writes).toBe(seen.length);
    expect(seen.length).toBeLessThan(10);
    expect(seen).toContain(large.length);
    expect(s.sha256).toBe(createHash('sha256').update(readFileSync(file)).digest('hex'));
    // unzip checks every entry's CRC-32, the large one's too.
    expect(execFileSync('unzip', ['-tq', file], { encoding: 'utf8' })).toContain('No errors');
    const e = await entries(file);
    expect(Object.keys(e)).toHaveLength(2001);
    expect(e['n/1999.txt']!.data).toBe(note(1999).toString('utf8'));
  });

  it('a file that cannot be opened fails with its own reason, even when the first bytes were gathered first', async () => {
    const out = createWriteStream(path.join(tmp, 'no-such-folder', 'x.zip'));
    out.on('error', () => {});
    const z = new ZipWriter(out);
    const work = (async () => {
      for (let i = 0; i < 5; i++)
        await z.addEntry(`${i}.txt`, [Buffer.from('x')], { method: METHOD_DEFLATE, mtimeMs: 0, expectedSize: 1 });
      await new Promise((r) => setTimeout(r, 20)); // the stream has failed and been destroyed by now
      return z.finish();
    })();
    await expect(work).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the central directory in blocks of its own, not in views of the buffers it was built from', async () => {
    const z = new ZipWriter(new Writable({ write: (_c, _e, cb) => cb() }));
    const names = Array.from({ length: 5000 }, (_, i) => `03-phan-mem-mot-cua/ghi-chu-${i}.txt`);
    for (const name of names)
      await z.addEntry(name, [Buffer.from('x')], { method: METHOD_DEFLATE, mtimeMs: 0, expectedSize: 1 });
    // Each record: 46 bytes, the name, a 9-byte timestamp field; held in 64 KiB blocks (about 450 kB in all),
    // where views of the 8 KiB pool slabs they were built in would hold up to 40 MB.
    const records = names.reduce((n, name) => n + 46 + name.length + 9, 0);
    expect(z.heldBytes).toBe(Math.ceil(records / 65536) * 65536);
    await z.finish();
  });
});

describe('ByteBlocks', () => {
  it('copies what it is given: the pieces it holds are views of its own few blocks', () => {
    const kept = new ByteBlocks(1024);
    const given: Buffer[] = [];
    for (let i = 0; i < 300; i++) {
      const slab = Buffer.alloc(8192, i % 256);
      given.push(slab.subarray(0, 10));
      kept.append(slab.subarray(0, 10));
    }
    for (const g of given) g.fill(0xff);
    const pieces = kept.pieces();
    expect(new Set(pieces.map((p) => p.buffer)).size).toBe(3);
    expect(
      Buffer.concat(pieces).equals(Buffer.concat(Array.from({ length: 300 }, (_, i) => Buffer.alloc(10, i)))),
    ).toBe(true);
    expect(kept.heldBytes).toBe(3 * 1024);
  });
});

describe('deflateChunkBytes', () => {
  it('holds what a small input deflates to at worst, and the deflated bytes do not depend on it', () => {
    for (const n of [1, 10, 100, 1000, 4000, 15000, 16 * 1024, 20000]) {
      for (const input of [randomBytes(n), Buffer.from('hồ sơ '.repeat(n).slice(0, n))]) {
        const tight = deflateRawSync(input, { level: 6, chunkSize: deflateChunkBytes(input.length) });
        expect(tight.equals(deflateRawSync(input, { level: 6 }))).toBe(true);
        if (input.length < 16 * 1024) expect(tight.length).toBeLessThanOrEqual(deflateChunkBytes(input.length));
      }
    }
    // A note of a few hundred bytes costs about its size, not zlib's 16 KiB default.
    expect(deflateChunkBytes(300)).toBe(364);
    expect(deflateChunkBytes(1 << 20)).toBe(16 * 1024);
  });
});

/** Reads every piece of an entry, keeping none. */
async function drain(pieces: AsyncIterable<Buffer>): Promise<void> {
  for await (const _ of pieces) void _;
}

describe('SafeZip', () => {
  it('lists names and stops an entry that inflates past its declared size', async () => {
    const file = path.join(tmp, 't32.zip');
    const z = await SafeZip.open(file, ZIP_LIMITS.bundle);
    try {
      expect(z.entries.map((e) => e.name)).toEqual(['a/ảnh.png', 'a/yêu-cầu.txt']);
      const lying = { ...z.entries[1], size: 10 };
      await expect(drain(z.read(lying))).rejects.toThrow(/more than 10 bytes/);
    } finally {
      z.close();
    }
  });

  it('reads a stored entry straight from the file in large pieces, the same bytes yauzl gives', async () => {
    const data = randomBytes(9 * 1048576 + 7);
    const file = path.join(tmp, 'stored.zip');
    writeFileSync(
      file,
      rawZip([
        { name: 'v.mp4', data },
        { name: 'after.txt', data: Buffer.from('x') },
      ]),
    );
    const z = await SafeZip.open(file, ZIP_LIMITS.bundle);
    try {
      const h = createHash('sha256');
      let pieces = 0;
      for await (const c of z.read(z.entries[0]!)) {
        h.update(c);
        pieces++;
      }
      expect(h.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
      expect(pieces).toBe(3);
      const lying = { ...z.entries[0]!, size: 1000 };
      await expect(drain(z.read(lying))).rejects.toThrow(/more than 1000 bytes/);
    } finally {
      z.close();
    }
  });

  it('a stored entry that runs past the end of the zip is an error, not a wait or a crash', async () => {
    const file = path.join(tmp, 'short.zip');
    writeFileSync(file, rawZip([{ name: 'v.mp4', data: randomBytes(5000) }]));
    const z = await SafeZip.open(file, ZIP_LIMITS.bundle);
    try {
      const beyond = { ...z.entries[0]!, compressedSize: 10 * 1048576, size: 10 * 1048576 };
      await expect(
        (async () => {
          for await (const _ of z.read(beyond)) void _;
        })(),
      ).rejects.toThrow(/ends inside this entry/);
    } finally {
      z.close();
    }
  });
});
