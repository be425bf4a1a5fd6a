/** The limits on a decisions CSV: a hostile file is refused early, and its content is never echoed back whole. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DvcError } from '../errors.js';
import { t } from '../i18n/i18n.js';
import { tempDir } from '../test-support/excel-workbooks.js';
import { MAX_CSV_RECORD_CHARS, readCsvLines } from './csv-in.js';
import { MAX_DECISIONS_BYTES, readDecisions } from './decisions-file.js';

async function refusal(content: string): Promise<DvcError> {
  const file = path.join(await tempDir('dvc-decisions-'), 'quyet-dinh.csv');
  await writeFile(file, content);
  const e = await readDecisions(file).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(DvcError);
  expect((e as DvcError).exitCode).toBe(2);
  return e as DvcError;
}

describe('a decisions CSV dvc refuses', () => {
  it('refuses a file over the size limit before reading it', async () => {
    const e = await refusal(`std_code,tax_code\n${'1'.repeat(MAX_DECISIONS_BYTES)},2\n`);
    expect(e.key).toBe('mc.err.decisionsSize');
    expect(t('en', e.key, e.params)).toContain('is 16 MB, over the 16 MB limit');
  });

  it('refuses one line of 5 MB as a record over the limit, quoting at most 200 characters of it', async () => {
    const e = await refusal(`std_code,tax_code\n00070,"${'x'.repeat(5 * 1024 * 1024)}\n`);
    expect(e.key).toBe('mc.err.decisionsRead.recordSize');
    // In the officer's words, not the CSV library's ("Max Record Size: record exceed …").
    expect(t('vi', e.key, e.params)).toBe(
      `Tệp quyết định "${e.params.file}" có một ô dài quá 10000 ký tự ở dòng 2: tệp quyết định chỉ chứa mã và ghi chú ngắn. Kiểm tra lại tệp (có thể đã chọn nhầm tệp).`,
    );
    const message = t('en', e.key, e.params);
    expect(message).toContain('has a field longer than 10000 characters on line 2');
    expect(message.length).toBeLessThan(400);
  });

  it('quotes at most 200 characters of a long header it cannot use', async () => {
    const e = await refusal(`${'ten,'.repeat(2000)}\n1,2\n`);
    expect(e.key).toBe('mc.err.decisionsHeader');
    expect(String(e.params.found)).toHaveLength(200 + ' (8000)'.length + 1);
  });

  it('reads a field just under the limit and refuses one at the limit', () => {
    const note = 'n'.repeat(MAX_CSV_RECORD_CHARS - 1);
    expect(readCsvLines(`a,b,${note}\n1,2,3`, 'x.csv', 'mc.err.decisionsRead')[0].cells[2]).toBe(note);
    expect(() => readCsvLines(`a,b,${note}n\n1,2,3`, 'x.csv', 'mc.err.decisionsRead')).toThrow(DvcError);
  });
});
