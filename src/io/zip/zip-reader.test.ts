import { describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { SafeZip, ZIP_LIMITS, ZipEntryError, ZipLimitError } from './zip-reader.js';
import { rawZip } from '../../test-support/hostile-zip.js';
import { rejectionOf } from '../../test-support/rejection.js';

const limitOf = (p: Promise<unknown>) => rejectionOf(p, ZipLimitError);

describe('the one zip reader and its limits table', () => {
  it('reads a workbook-sized zip from memory: stored and deflated entries, whole', async () => {
    const text = Buffer.from('<sheetData/>'.repeat(50));
    const zip = await SafeZip.fromBuffer(
      rawZip([
        { name: 'a.xml', data: Buffer.from('stored') },
        { name: 'b.xml', data: text, deflate: true },
      ]),
      ZIP_LIMITS.workbook,
    );
    expect(zip.entries.map((e) => e.name)).toEqual(['a.xml', 'b.xml']);
    expect(zip.readAll(zip.entries[0]!).toString()).toBe('stored');
    expect(zip.readAll(zip.entries[1]!).equals(text)).toBe(true);
  });

  it('a workbook refuses an unsafe name at open; a bundle lists it for the caller to report', async () => {
    const bytes = rawZip([{ name: '../evil.xml', data: Buffer.from('x') }]);
    await expect(SafeZip.fromBuffer(bytes, ZIP_LIMITS.workbook)).rejects.toThrow(
      new ZipEntryError('../evil.xml', 'invalid relative path: ../evil.xml'),
    );
    const zip = await SafeZip.fromBuffer(bytes, ZIP_LIMITS.bundle);
    expect(zip.entries.map((e) => e.name)).toEqual(['../evil.xml']);
  });

  it('a workbook part past its bound is refused before it is inflated; one at the bound is read', async () => {
    const max = ZIP_LIMITS.workbook.maxEntryBytes;
    // Declares one byte more than a part may hold; its data is tiny, so only the declared size can refuse it.
    const bytes = rawZip([{ name: 'big.xml', data: Buffer.from('x'), declaredSize: max + 1 }]);
    const wb = await SafeZip.fromBuffer(bytes, ZIP_LIMITS.workbook);
    let thrown: unknown;
    try {
      wb.readAll(wb.entries[0]!);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toEqual(new ZipLimitError('entryBytes', max + 1, max, 'big.xml'));
    // At the bound the part is read, and its one byte is found short of what it declares.
    const at = await SafeZip.fromBuffer(
      rawZip([{ name: 'big.xml', data: Buffer.from('x'), declaredSize: max }]),
      ZIP_LIMITS.workbook,
    );
    expect(() => at.readAll(at.entries[0]!)).toThrow(new ZipEntryError('big.xml', 'size mismatch'));
  });

  it('a bundle is refused at open past the ratio and the total; a workbook has neither limit', async () => {
    const floor = ZIP_LIMITS.bundle.ratioFloorBytes;
    const zeros = Buffer.alloc(floor + 1);
    const bomb = rawZip([{ name: 'zeros.bin', data: zeros, deflated: deflateRawSync(zeros) }]);
    const ratio = Math.round((floor + 1) / deflateRawSync(zeros).length);
    const e = await limitOf(SafeZip.fromBuffer(bomb, ZIP_LIMITS.bundle));
    expect([e.limit, e.found, e.max]).toEqual(['ratio', `${ratio} (zeros.bin)`, ZIP_LIMITS.bundle.maxRatio]);
    const wb = await SafeZip.fromBuffer(bomb, ZIP_LIMITS.workbook);
    expect(wb.readAll(wb.entries[0]!).equals(zeros)).toBe(true);

    // The total, with a profile of a small total (16 GB of declared data would need zip64 records).
    const small = { ...ZIP_LIMITS.bundle, maxTotalBytes: 10 };
    const two = rawZip([
      { name: 'a', data: Buffer.alloc(5) },
      { name: 'b', data: Buffer.alloc(6) },
    ]);
    const t = await limitOf(SafeZip.fromBuffer(two, small));
    expect([t.limit, t.found, t.max]).toEqual(['totalBytes', 11, 10]);
    expect((await SafeZip.fromBuffer(two, { ...small, maxTotalBytes: 11 })).entries).toHaveLength(2);
  });

  it('more entries than the profile allows: refused before any is listed', async () => {
    const many = Array.from({ length: ZIP_LIMITS.workbook.maxEntries + 1 }, (_, i) => ({
      name: `p${i}`,
      data: Buffer.alloc(0),
    }));
    const e = await limitOf(SafeZip.fromBuffer(rawZip(many), ZIP_LIMITS.workbook));
    expect([e.limit, e.found, e.max]).toEqual(['entries', many.length, ZIP_LIMITS.workbook.maxEntries]);
  });

  it('an entry whose local header lies past the end of the zip has no data offset, and is refused when read', async () => {
    const bytes = rawZip([{ name: 'a.xml', data: Buffer.from('x') }]);
    // The central directory follows the one local header (30 bytes, the name, the data); its offset field is at 42.
    bytes.writeUInt32LE(bytes.length + 100, 30 + 5 + 1 + 42);
    const zip = await SafeZip.fromBuffer(bytes, ZIP_LIMITS.workbook);
    expect(zip.entries[0]).toMatchObject({ name: 'a.xml', localNameDiffers: true, dataOffset: undefined });
    expect(() => zip.readAll(zip.entries[0]!)).toThrow(new ZipEntryError('a.xml', 'invalid local file header'));
  });
});
