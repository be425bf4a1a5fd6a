/** What --decisions accepts, and what it says of a workbook that holds no decisions at all. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/i18n.js';
import { REPO_ROOT } from '../test-support/run-cli.js';
import { readDecisions } from './decisions-file.js';

describe('--decisions given a workbook without a review sheet', () => {
  it('says what --decisions expects, not to rename a sheet with --std-sheet', async () => {
    // The input workbook itself, a common slip: it has the two sheets to match and no "Rà soát".
    const e = (await readDecisions(path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx')).catch((x: unknown) => x)) as {
      key: string;
      exitCode: number;
      params: Record<string, string>;
    };
    expect(e).toMatchObject({ key: 'mc.err.decisionsNoReview', exitCode: 2 });
    expect(t('vi', e.key, e.params)).toBe(
      'Tệp quyết định "mau-63-tinh.xlsx" không có sheet "Rà soát" (các sheet: "MX Bo TTTT", "MX CQT"). --decisions cần tệp kết quả của một lần chạy trước (tệp .doi-chieu.xlsx, đã gõ quyết định vào sheet "Rà soát") hoặc một tệp CSV std_code,tax_code,note.',
    );
    expect(t('en', e.key, e.params)).not.toContain('--std-sheet');
  });
});
