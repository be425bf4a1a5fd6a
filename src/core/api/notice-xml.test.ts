import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildNoticeXml, decodeNotice, encodeNotice, parseNoticeXml } from './notice-xml.js';
import { decodeBody } from './api-type-registry.js';
import type { NoticeDossier } from './api-types.js';

/** Text an XML element can carry (no control characters, no leading/trailing space: values are trimmed). */
const xmlText = fc
  .string({
    unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẠỮ0123456789 -./&<>"\'_'.split('')),
    minLength: 1,
    maxLength: 20,
  })
  .map((s) => s.trim())
  .filter((s) => s !== '');
const ddmmyyyy = fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => {
  const iso = d.toISOString().slice(0, 10).split('-');
  return `${iso[2]}-${iso[1]}-${iso[0]}`;
});
const item = fc.record({
  MA_SO_THUE: fc.stringMatching(/^[0-9]{10}$/),
  SO_QUYET_DINH: xmlText,
  NGAY_QUYET_DINH: ddmmyyyy,
  SO_TIEN: fc.bigInt({ min: 0n, max: 10n ** 15n }).map(String),
  TEN_TIEUMUC: xmlText,
});
const dossiers = fc.array(fc.record({ MA_HSO: xmlText, items: fc.array(item, { minLength: 1, maxLength: 4 }) }), {
  minLength: 1,
  maxLength: 4,
});

describe('tax notice XML', () => {
  it('round-trips any notice through XML and base64', () => {
    fc.assert(
      fc.property(dossiers, (ds: NoticeDossier[]) => {
        const decoded = decodeNotice(encodeNotice(ds));
        expect(decoded.issues).toEqual([]);
        expect(decoded.dossiers).toEqual(ds);
        expect(decoded.rows.length).toBe(ds.reduce((n, d) => n + d.items.length, 0));
      }),
      { numRuns: 200 },
    );
  });

  it('reads TEN_TIEU_MUC, CRLF, a BOM, comments and CDATA', () => {
    const xml =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- from the portal -->\r\n<DATA><HEADER><A x="1"/></HEADER><BODY>\r\n<ROW_LIST>' +
      '<MA_HSO>000.04.05.H55-230731-0101</MA_HSO><LIST><MA_SO_THUE>8012345678</MA_SO_THUE><SO_QUYET_DINH><![CDATA[TB<1>]]></SO_QUYET_DINH>' +
      '<NGAY_QUYET_DINH>31-07-2023</NGAY_QUYET_DINH><SO_TIEN>1500000</SO_TIEN><TEN_TIEU_MUC>Lệ phí &amp; thuế &#273;&#x1EA5;t</TEN_TIEU_MUC></LIST></ROW_LIST></BODY></DATA>\r\n';
    const { dossiers: ds, issues } = parseNoticeXml(xml);
    expect(issues).toEqual([]);
    expect(ds[0].items[0]).toEqual({
      MA_SO_THUE: '8012345678',
      SO_QUYET_DINH: 'TB<1>',
      NGAY_QUYET_DINH: '31-07-2023',
      SO_TIEN: '1500000',
      TEN_TIEUMUC: 'Lệ phí & thuế đất',
    });
  });

  it.each([
    ['<DATA><BODY><ROW_LIST></BODY></DATA>', 'api.issue.xmlMalformed'],
    ['<DATA><BODY/></DATA><DATA/>', 'api.issue.xmlMalformed'],
    ['<!DOCTYPE x [<!ENTITY a "b">]><DATA/>', 'api.issue.xmlMalformed'],
    ['<DATA>&bogus;</DATA>', 'api.issue.xmlMalformed'],
    ['<ROOT/>', 'api.issue.xmlRoot'],
    ['<DATA/>', 'api.issue.xmlMissing'],
    ['<DATA><BODY/></DATA>', 'api.issue.xmlMissing'],
  ])('rejects %s', (xml, key) => {
    expect(parseNoticeXml(xml).issues[0].problem.key).toBe(key);
  });

  it('names the line of a syntax error', () => {
    const { issues } = parseNoticeXml('<DATA>\n<BODY>\n</BOD>\n</DATA>');
    expect(issues[0].problem).toMatchObject({ key: 'api.issue.xmlMalformed', params: { line: 3 } });
  });

  it('checks required elements, dates and whole amounts with paths and examples', () => {
    const xml = buildNoticeXml([
      {
        MA_HSO: '',
        items: [
          {
            MA_SO_THUE: '8012345678',
            SO_QUYET_DINH: 'TB1',
            NGAY_QUYET_DINH: '2023-07-31',
            SO_TIEN: '1.500.000',
            TEN_TIEUMUC: 'x',
          },
        ],
      },
    ]).replace('<MA_SO_THUE>8012345678</MA_SO_THUE>', '');
    const issues = parseNoticeXml(xml).issues;
    expect(issues.map((i) => [i.path, i.problem.key, i.example])).toEqual([
      ['/DATA/BODY/ROW_LIST[1]/MA_HSO', 'api.issue.xmlEmpty', '000.04.05.H55-230731-0101'],
      ['/DATA/BODY/ROW_LIST[1]/LIST[1]/MA_SO_THUE', 'api.issue.xmlMissing', '8012345678'],
      ['/DATA/BODY/ROW_LIST[1]/LIST[1]/NGAY_QUYET_DINH', 'api.issue.dateFormat', '31-07-2023'],
      ['/DATA/BODY/ROW_LIST[1]/LIST[1]/SO_TIEN', 'api.issue.amountInteger', '1500000'],
    ]);
    expect(
      parseNoticeXml(xml.replace('2023-07-31', '31-02-2023')).issues.some(
        (i) => i.problem.key === 'api.issue.dateFormat',
      ),
    ).toBe(true);
  });

  it('decodes a whole body, the base64 alone or the XML itself', () => {
    const ds = [
      {
        MA_HSO: 'H55.92-230404-0004',
        items: [
          {
            MA_SO_THUE: '8012345678',
            SO_QUYET_DINH: 'TB1',
            NGAY_QUYET_DINH: '04-04-2023',
            SO_TIEN: '10',
            TEN_TIEUMUC: 'Tiền sử dụng đất',
          },
        ],
      },
    ];
    const b64 = encodeNotice(ds);
    const body = { Service: 'NhanThongBaoThueDat', Data: { fileThongBaoThue: b64 } };
    expect(decodeBody(body).rows).toEqual([{ MA_HSO: 'H55.92-230404-0004', ...ds[0].items[0] }]);
    expect(decodeBody(JSON.stringify(body)).rows).toHaveLength(1);
    expect(decodeBody(b64).rows).toHaveLength(1);
    expect(decodeBody(buildNoticeXml(ds)).rows).toHaveLength(1);
    expect(decodeBody({ data: {} }).issues[0]).toMatchObject({
      path: 'data.FileThongBaoThue',
      problem: { key: 'api.issue.required' },
    });
  });
});
