import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../test-support/excel-workbooks.js';
import { writeWorkbookWithSheets } from './write-mapped-workbook.js';

const FIXTURE = path.join(import.meta.dirname, '../../../fixtures/mau-34-tinh.xlsx');

/** Each entry's name with its DOS date and time fields, as stored. */
async function dosFields(bytes: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: false });
  const out: string[] = [];
  for await (const e of zip.eachEntry()) out.push(`${e.fileName} ${e.lastModFileDate}/${e.lastModFileTime}`);
  zip.close();
  return out;
}

/** The output written at a fixed instant with the process in time zone `tz`. */
async function writeIn(tz: string, out: string): Promise<Buffer> {
  const was = process.env.TZ;
  process.env.TZ = tz;
  try {
    await writeWorkbookWithSheets(FIXTURE, out, [{ name: 'Rà soát', rows: [['Mã', 'Tên']] }]);
  } finally {
    if (was === undefined) delete process.env.TZ;
    else process.env.TZ = was;
  }
  return readFile(out);
}

/** Each entry's method, CRC-32 (central directory) and stored bytes, as they lie in the zip. */
async function storedEntries(bytes: Buffer): Promise<Map<string, { method: number; crc: number; packed: Buffer }>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: false });
  const out = new Map<string, { method: number; crc: number; packed: Buffer }>();
  for await (const e of zip.eachEntry()) {
    const at = e.relativeOffsetOfLocalHeader;
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    out.set(e.fileName, {
      method: e.compressionMethod,
      crc: e.crc32,
      packed: bytes.subarray(start, start + e.compressedSize),
    });
  }
  zip.close();
  return out;
}

/** The same parts, in the same order, deflated at zlib level 1 (not the level 6 the writer uses). */
async function deflatedFast(bytes: Buffer): Promise<Buffer> {
  const out = new yazl.ZipFile();
  for (const [name, e] of await storedEntries(bytes))
    out.addBuffer(inflateRawSync(e.packed), name, { compressionLevel: 1, mtime: new Date(Date.UTC(2025, 0, 15)) });
  out.end();
  const chunks: Buffer[] = [];
  for await (const c of out.outputStream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The zip with the CRC-32 of `name` in its central directory record replaced by `crc`. */
function withCentralCrc(bytes: Buffer, name: string, crc: number): Buffer {
  const out = Buffer.from(bytes);
  const want = Buffer.from(name, 'utf8');
  for (let i = out.length - 46; i >= 0; i--) {
    if (out.readUInt32LE(i) !== 0x02014b50) continue;
    const len = out.readUInt16LE(i + 28);
    if (len === want.length && out.subarray(i + 46, i + 46 + len).equals(want)) {
      out.writeUInt32LE(crc >>> 0, i + 16);
      return out;
    }
  }
  throw new Error(`no central directory record for ${name}`);
}

afterEach(() => vi.useRealTimers());

describe('the output workbook through the one zip writer', () => {
  it('is the same bytes in every time zone, and each copied part keeps its date and time fields', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(Date.UTC(2026, 11, 6, 22, 15, 0)));
    const dir = await tempDir();
    try {
      const hanoi = await writeIn('Asia/Ho_Chi_Minh', path.join(dir, 'hanoi.xlsx'));
      const newYork = await writeIn('America/New_York', path.join(dir, 'new-york.xlsx'));
      expect(newYork.equals(hanoi)).toBe(true);
      const input = await dosFields(await readFile(FIXTURE));
      const output = await dosFields(hanoi);
      // The input's parts first, in their order and with their fields; the new sheet last, stamped 2026-12-06 22:14:
      // DOS date (46 << 9 | 12 << 5 | 6) and time (22 << 11 | 15 << 5), in UTC.
      expect(output.slice(0, input.length).map((l) => l.split(' ')[1])).toEqual(input.map((l) => l.split(' ')[1]));
      expect(output.slice(input.length)).toEqual([
        `xl/worksheets/sheet3.xml ${(46 << 9) | (12 << 5) | 6}/${(22 << 11) | (15 << 5)}`,
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("copies an unchanged part's deflated bytes as they are, and deflates again one whose CRC does not check out", async () => {
    const dir = await tempDir();
    try {
      // Deflated otherwise than the writer would deflate them, so that a copy and a new deflate differ.
      const inputBytes = await deflatedFast(await readFile(FIXTURE));
      const input = await storedEntries(inputBytes);
      const fast = path.join(dir, 'nen-nhanh.xlsx');
      await writeFile(fast, inputBytes);
      const out = path.join(dir, 'out.xlsx');
      await writeWorkbookWithSheets(fast, out, [{ name: 'Rà soát', rows: [['Mã', 'Tên']] }]);
      const output = await storedEntries(await readFile(out));
      const sheet = output.get('xl/worksheets/sheet1.xml')!;
      expect(sheet.method).toBe(8);
      expect(sheet.packed.equals(input.get('xl/worksheets/sheet1.xml')!.packed)).toBe(true);
      expect(sheet.crc).toBe(input.get('xl/worksheets/sheet1.xml')!.crc);
      // The workbook part gained a sheet: deflated anew, and its CRC is that of its new bytes.
      const book = output.get('xl/workbook.xml')!;
      expect(book.packed.equals(input.get('xl/workbook.xml')!.packed)).toBe(false);
      expect(crc32(inflateRawSync(book.packed)) >>> 0).toBe(book.crc);

      // The same input with a wrong CRC for sheet1 in its central directory: its bytes are not vouched for, so
      // the part is inflated and deflated again, and the output carries the CRC of its real content.
      const real = input.get('xl/worksheets/sheet1.xml')!.crc;
      const damaged = path.join(dir, 'crc-sai.xlsx');
      await writeFile(damaged, withCentralCrc(inputBytes, 'xl/worksheets/sheet1.xml', real ^ 1));
      const out2 = path.join(dir, 'out2.xlsx');
      await writeWorkbookWithSheets(damaged, out2, [{ name: 'Rà soát', rows: [['Mã', 'Tên']] }]);
      const again = (await storedEntries(await readFile(out2))).get('xl/worksheets/sheet1.xml')!;
      expect(again.crc).toBe(real);
      expect(inflateRawSync(again.packed).equals(inflateRawSync(input.get('xl/worksheets/sheet1.xml')!.packed))).toBe(
        true,
      );
      expect(again.packed.equals(input.get('xl/worksheets/sheet1.xml')!.packed)).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
