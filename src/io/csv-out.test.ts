import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvLines } from './csv-in.js';

const parseCsv = (text: string) => readCsvLines(text, 'map.csv', 'mc.err.decisionsRead').map((r) => r.cells);
import { toCsv } from './csv-out.js';

describe('toCsv', () => {
  it('writes a BOM, CRLF line ends and RFC 4180 quoting', () => {
    const csv = toCsv([
      ['ma_gso', 'ten', 'ma_cqt'],
      ['00001', 'Phường Phúc Xá', '1010101'],
      ['00004', 'Xã "Trúc", Bạch\nmới', null],
      [3, 4.5, ''],
    ]);
    expect(csv).toBe(
      '\ufeffma_gso,ten,ma_cqt\r\n00001,Phường Phúc Xá,1010101\r\n00004,"Xã ""Trúc"", Bạch\nmới",\r\n3,4.5,\r\n',
    );
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-1+1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a cell starting like a formula: %j',
    (v) => {
      const [, line] = toCsv([['a'], [v]])
        .slice(1)
        .split('\r\n');
      expect(line.replace(/^"/, '').startsWith(`'`)).toBe(true);
    },
  );

  it('leaves numbers alone, even negative ones, and writes text in NFC', () => {
    expect(toCsv([[-5, 'Hòa'.normalize('NFD')]])).toBe('\ufeff-5,Hòa\r\n');
  });

  it('reads back through the CSV parser to the same cells', () => {
    const cell = fc
      .string({ unit: fc.constantFrom('a', 'ư', ',', '"', '\n', ' ', '1', 'x') })
      .filter((s) => !/^[=+\-@\t\r]/.test(s));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => [...r, ...Array(width).fill('')].slice(0, width));
        const back = parseCsv(toCsv(table));
        expect(back).toEqual(table);
      }),
    );
  });
});
