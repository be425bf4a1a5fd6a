import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { t } from '../../i18n/i18n.js';
import { buildNoticeXml, decodeNotice } from './notice-xml.js';

const dossier = {
  MA_HSO: '000.04.05.H55-230731-0101',
  items: [
    {
      MA_SO_THUE: '8012345678',
      SO_QUYET_DINH: 'TB-2023-000123',
      NGAY_QUYET_DINH: '31-07-2023',
      SO_TIEN: '1500000',
      TEN_TIEUMUC: 'Lệ phí trước bạ nhà đất',
    },
  ],
};

describe('a tax notice that is not UTF-8', () => {
  it('is reported with the byte and line where it stops being UTF-8, not read with replacement characters', () => {
    // The same notice saved as Windows-1258, as an old desktop tool would.
    const bytes = iconv.encode(buildNoticeXml([dossier]), 'windows1258');
    const r = decodeNotice(bytes.toString('base64'));
    expect(r.rows).toEqual([]);
    expect(r.xml).not.toContain('\ufffd');
    expect(r.issues).toHaveLength(1);
    const [issue] = r.issues;
    expect(issue.path).toBe('data.FileThongBaoThue');
    expect(issue.problem.key).toBe('api.issue.xmlNotUtf8');
    const line = buildNoticeXml([dossier])
      .split('\n')
      .findIndex((l) => l.includes('Lệ phí'));
    expect(issue.problem.params.line).toBe(line + 1);
    expect(t('en', issue.problem.key, issue.problem.params)).toMatch(
      /^the tax notice XML is not UTF-8 \(byte \d+, line \d+\)/,
    );
  });

  it('is read when it is UTF-8, with or without a byte order mark', () => {
    for (const prefix of ['', '\ufeff']) {
      const r = decodeNotice(Buffer.from(prefix + buildNoticeXml([dossier]), 'utf8').toString('base64'));
      expect(r.issues).toEqual([]);
      expect(r.rows[0].TEN_TIEUMUC).toBe('Lệ phí trước bạ nhà đất');
    }
  });
});
