import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { ZipWriter, METHOD_DEFLATE, METHOD_STORE } from './zip-writer.js';
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
