import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DvcError, ExitCode } from '../errors.js';
import { readCsvLines, readCsvRecords } from './csv-in.js';

const parseCsv = (text: string) => readCsvLines(text, 'x.csv', 'mc.err.decisionsRead').map((r) => r.cells);
const parseCsvRecords = (text: string) => readCsvRecords(text, 'x.csv', 'mc.err.decisionsRead');

function writeCsv(rows: string[][]): string {
  return rows
    .map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(','))
    .join('\r\n');
}

describe('the CSV reader', () => {
  it('reads a Windows file: BOM, CRLF, quoted commas and quotes, Vietnamese text', () => {
    const text = '\uFEFFstd_code,tax_code,note\r\n00001,10105001,"Phường Phúc Xá, ""đã xác nhận"""\r\n00004,-,\r\n';
    expect(parseCsv(text)).toEqual([
      ['std_code', 'tax_code', 'note'],
      ['00001', '10105001', 'Phường Phúc Xá, "đã xác nhận"'],
      ['00004', '-', ''],
    ]);
  });

  it('accepts semicolons when the header has no comma', () => {
    expect(parseCsvRecords('std_code;tax_code\n1;2\n').records).toEqual([{ std_code: '1', tax_code: '2' }]);
  });

  it('round-trips any table written with RFC 4180 quoting', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'ư', ',', '"', '\n', '\r\n', ' ', '1') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        expect(parseCsv(writeCsv(table))).toEqual(table);
      }),
    );
  });

  it('names the line each row starts on, a quoted line break included', () => {
    const lines = readCsvLines('a,b\n1,"x\ny"\n2,z\n', 'x.csv', 'mc.err.decisionsRead');
    expect(lines.map((l) => l.line)).toEqual([1, 2, 4]);
  });

  it('refuses a file it cannot read with the given message and exit 2, naming the file', () => {
    let err: unknown;
    try {
      readCsvLines('a,b\n1,"unclosed\n', 'quyet-dinh.csv', 'mc.err.decisionsRead');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DvcError);
    expect((err as DvcError).exitCode).toBe(ExitCode.Usage);
    expect((err as DvcError).params).toMatchObject({ file: 'quyet-dinh.csv', line: 2 });
    // Said in the officer's words: the quote opened and never closed.
    expect((err as DvcError).key).toBe('mc.err.decisionsRead.quoteNotClosed');
  });
});
