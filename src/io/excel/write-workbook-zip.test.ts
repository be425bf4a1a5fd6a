import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
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
});
