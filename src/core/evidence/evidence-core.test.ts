import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { integrityProblem, sniffKind, xmlWellFormedEnough } from './file-sniff.js';
import { findPersonalNumbers, maskNameNumbers, redactPersonalNumbers } from './personal-data.js';
import { isDossierCode, isEmail, metaFromYaml } from './metadata.js';
import { parseTestApiResults } from './test-api-result.js';
import { compareUtf8, decodeManifestPath, encodeManifestPath, parseManifest, unsafeBagPath } from './bagit.js';
import { bagPath, bagTimestamp, planFiles, planPayload, withGenerated } from './bag-plan.js';
import { buildRequest, renderRequestText } from './request-text.js';

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const ascii = (s: string) => Uint8Array.from(Buffer.from(s, 'latin1'));

describe('file sniffing', () => {
  it('recognises the evidence formats by their magic bytes', () => {
    expect(sniffKind(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe('png');
    expect(sniffKind(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffKind(ascii('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffKind(ascii('\0\0\0\x18ftypisom'))).toBe('mp4');
    expect(sniffKind(bytes(0x1a, 0x45, 0xdf, 0xa3, 1))).toBe('webm');
    expect(sniffKind(ascii('\xef\xbb\xbf<?xml version="1.0"?>'))).toBe('xml');
    expect(sniffKind(ascii(' {"ok":true}'))).toBe('json');
  });

  it('finds truncated files from their ends', () => {
    const f = (tail: string) => ({ size: 100, head: new Uint8Array(), tail: ascii(tail) });
    expect(integrityProblem('pdf', f('...\n%%EOF\n'))).toBeNull();
    expect(integrityProblem('pdf', f('stream garbage'))).toBe('evidence.file.pdfTruncated');
    expect(integrityProblem('png', f('\0\0\0\0IEND\xaeB`\x82'))).toBeNull();
    expect(integrityProblem('png', f('IDATxxxx'))).toBe('evidence.file.pngTruncated');
    expect(
      integrityProblem('jpeg', { size: 9, head: new Uint8Array(), tail: bytes(1, 2, 0xff, 0xd9, 0, 0) }),
    ).toBeNull();
    expect(integrityProblem('jpeg', { size: 9, head: new Uint8Array(), tail: bytes(1, 2, 3) })).toBe(
      'evidence.file.jpegTruncated',
    );
    expect(integrityProblem('json', { ...f('}'), text: '{"a":' })).toBe('evidence.file.jsonInvalid');
  });

  it('judges XML well-formed enough', () => {
    expect(xmlWellFormedEnough('<?xml version="1.0"?><!-- c --><a x="1>2"><b/><c>t<![CDATA[<x>]]></c></a>')).toBe(true);
    expect(xmlWellFormedEnough('<a><b></a></b>')).toBe(false);
    expect(xmlWellFormedEnough('<a><b>')).toBe(false);
    expect(xmlWellFormedEnough('<a/><b/>')).toBe(false);
  });
});

describe('personal numbers', () => {
  it('finds CCCD, CMND and phone numbers', () => {
    expect(findPersonalNumbers('anh-001203004567.png')).toEqual(['cccd']);
    expect(findPersonalNumbers('cmnd 123456789')).toEqual(['cmnd']);
    expect(findPersonalNumbers('sms-0912345678.jpg')).toEqual(['phone']);
    expect(findPersonalNumbers('+84 912 345 678')).toEqual(['phone']);
    expect(findPersonalNumbers('HNI-chung-tu-20261119092000.result.json')).toEqual([]);
  });

  it('masks them in texts', () => {
    expect(redactPersonalNumbers('ĐT 0912345678, CCCD 001203004567')).toBe('ĐT 091*****78, CCCD *********567');
  });

  it('never leaves a personal number in a masked name (property)', () => {
    const digit = fc.constantFrom(...'0123456789'.split(''));
    const part = fc.oneof(
      fc.array(digit, { minLength: 1, maxLength: 14 }).map((d) => d.join('')),
      fc.constantFrom('-', '_', ' ', 'anh', '.png', '+84', '.'),
    );
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 8 }).map((p) => p.join('')),
        (name) => findPersonalNumbers(maskNameNumbers(name)).length === 0,
      ),
    );
  });
});

describe('metadata', () => {
  it('accepts the dossier codes seen on receipts and rejects others', () => {
    expect(isDossierCode('000.04.05.H55-230731-0101')).toBe(true);
    expect(isDossierCode('H55.92-230404-0004')).toBe(true);
    expect(isDossierCode('H55.92-231340-0004')).toBe(false);
    expect(isDossierCode('HS-123')).toBe(false);
    expect(isEmail('motcua@hanoi.gov.vn')).toBe(true);
    expect(isEmail('motcua@')).toBe(false);
  });

  it('reads evidence.yaml leniently: empty strings are absent, YAML dates become ISO days', () => {
    const m = metaFromYaml({
      unitName: ' UBND ',
      email: '',
      testPayment: { date: new Date('2026-11-20T00:00:00Z') },
      apis: { 'chung-tu': 'https://x.vn/a', 'tra-cuu': { url: 'https://x.vn/b' } },
    });
    expect(m).toMatchObject({
      unitName: 'UBND',
      email: undefined,
      testDate: '2026-11-20',
      apis: { 'chung-tu': 'https://x.vn/a', 'tra-cuu': 'https://x.vn/b' },
    });
  });
});

describe('test-api results', () => {
  it('reads the saved shape, the --json shape, and ignores request dumps', () => {
    const saved = parseTestApiResults(
      '05/HNI-chung-tu-20261119092000.result.json',
      JSON.stringify({
        ok: true,
        dst: 'HNI',
        type: 'chung-tu',
        url: 'https://x',
        timestamp: '2026-11-19T02:20:00Z',
        checks: [{ name: 'a', ok: true, message: '' }],
      }),
    );
    expect(saved[0]).toMatchObject({ ok: true, type: 'chung-tu', at: Date.parse('2026-11-19T02:20:00Z') });
    const cli = parseTestApiResults(
      '05/ket-qua.json',
      JSON.stringify({ ok: true, type: 'tra-cuu', checks: [{ name: 'status', ok: false }] }),
    );
    expect(cli[0]).toMatchObject({ ok: false, failedChecks: ['status'], at: undefined });
    const fromName = parseTestApiResults(
      '05/HNI-tra-cuu-20261119091000.result.json',
      JSON.stringify({ ok: true, type: 'tra-cuu', checks: [] }),
    );
    expect(fromName[0].at).toBe(Date.parse('2026-11-19T02:10:00Z'));
    expect(parseTestApiResults('05/x.request.json', JSON.stringify({ service: 'x', data: {} }))).toEqual([]);
  });
});

describe('BagIt text', () => {
  it('percent-encodes only CR, LF and % in manifest paths', () => {
    const p = 'data/a %\nb\r.txt';
    expect(encodeManifestPath(p)).toBe('data/a %25%0Ab%0D.txt');
    expect(decodeManifestPath(encodeManifestPath(p))).toBe(p);
    expect(parseManifest(`ABC  ${encodeManifestPath(p)}\r\nbad\n`)).toEqual({
      entries: [{ digest: 'abc', path: p }],
      badLines: [2],
    });
  });

  it('orders paths as their UTF-8 bytes do, lone surrogates and all, without encoding them', () => {
    // Units where UTF-16 and UTF-8 orders part (U+E000 and up against surrogate pairs), paired and lone surrogates.
    const unit = fc.constantFrom('a', 'z', '/', 'ế', 'đ', '\uE000', '\uFFFD', '\uFFFF', '\uD83D', '\uDE00', '😀', '𝔸');
    const path = fc.array(unit, { maxLength: 8 }).map((u) => u.join(''));
    fc.assert(
      fc.property(path, path, (a, b) => {
        expect(compareUtf8(a, b)).toBe(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
        expect(compareUtf8(`data/${a}`, `data/${a}${b}`)).toBe(
          Buffer.compare(Buffer.from(`data/${a}`), Buffer.from(`data/${a}${b}`)),
        );
      }),
      { numRuns: 3000 },
    );
    expect(compareUtf8('data/\uFFFF.txt', 'data/😀.txt')).toBe(-1);
    expect(compareUtf8('x\uD83D', 'x\uFFFD')).toBe(0);
  });

  it('flags paths that leave the bag', () => {
    for (const p of ['../x', '/etc/passwd', 'C:/x', 'data\\..\\x', 'data//x', 'data/./x'])
      expect(unsafeBagPath(p), p).toBe(true);
    expect(unsafeBagPath('data/01/anh.png')).toBe(false);
  });
});

describe('pack plan', () => {
  it('masks personal numbers in bag paths, sorts by UTF-8 bytes and reports collisions', () => {
    const { entries, collisions } = planPayload(
      [
        { rel: 'b/sms-0912345678.png', size: 1 },
        { rel: 'a/z.png', size: 2 },
        { rel: 'b/sms-0912345778.png', size: 1 },
      ],
      [{ name: 'yeu-cau-ho-tro.txt', size: 3 }],
    );
    expect(entries.map(bagPath)).toEqual([
      'data/a/z.png',
      'data/b/sms-091xxxxx78.png',
      'data/b/sms-091xxxxx78.png',
      'data/yeu-cau-ho-tro.txt',
    ]);
    expect(collisions).toHaveLength(1);
  });

  it('plans the files once: every later plan shares their entries, the generated texts put in their places', () => {
    const files = planFiles([
      { rel: 'index.html', size: 9 },
      { rel: '03/ghi chú.txt', size: 4 },
      { rel: 'a/sms-0912345678.png', size: 1 },
      { rel: 'yeu-cau-ho-tro.txt', size: 2 },
    ]);
    // A name masking leaves as it was is the folder's own name (pack holds each name once, bag paths are derived).
    expect(files.entries.map((e) => [e.rel, e.name])).toEqual([
      ['03/ghi chú.txt', '03/ghi chú.txt'],
      ['a/sms-0912345678.png', 'a/sms-091xxxxx78.png'],
      ['index.html', 'index.html'],
      ['yeu-cau-ho-tro.txt', 'yeu-cau-ho-tro.txt'],
    ]);
    const withPage = withGenerated(files.entries, [
      { name: 'yeu-cau-ho-tro.txt', size: 30 },
      { name: 'evidence.yaml', size: 20 },
      { name: 'index.html', size: 10 },
    ]);
    expect(withPage.map(bagPath)).toEqual([
      'data/03/ghi chú.txt',
      'data/a/sms-091xxxxx78.png',
      'data/evidence.yaml',
      'data/index.html',
      'data/yeu-cau-ho-tro.txt',
    ]);
    expect(withPage.map((e) => e.size)).toEqual([4, 1, 20, 10, 30]);
    expect(withPage[0]).toBe(files.entries[0]);
    expect(withPage[1]).toBe(files.entries[1]);
    const withoutPage = withGenerated(files.entries, [{ name: 'evidence.yaml', size: 20 }]);
    expect(withoutPage.map((e) => e.rel ?? e.name)).toEqual([
      '03/ghi chú.txt',
      'a/sms-0912345678.png',
      'evidence.yaml',
      'index.html',
      'yeu-cau-ho-tro.txt',
    ]);
    expect(withoutPage[3]).toBe(files.entries[2]);
    expect(files.entries.map((e) => e.size)).toEqual([4, 1, 9, 2]);
  });

  it('dates the bag on the day of packing in Hà Nội time, or at SOURCE_DATE_EPOCH', () => {
    // 2026-12-07 18:30 UTC is already 2026-12-08 01:30 in Hà Nội.
    const late = Date.parse('2026-12-07T18:30:00Z');
    expect(bagTimestamp(undefined, late)).toEqual({
      ms: Date.parse('2026-12-08T00:00:00Z'),
      statusAt: late,
      day: '2026-12-08',
      from: 'clock',
    });
    // Two packs on one day carry the same entry times.
    expect(bagTimestamp(undefined, Date.parse('2026-12-08T09:00:00Z')).ms).toBe(bagTimestamp(undefined, late).ms);
    expect(bagTimestamp('1690761600', late)).toEqual({
      ms: 1690761600000,
      statusAt: 1690761600000,
      day: '2023-07-31',
      from: 'SOURCE_DATE_EPOCH',
    });
  });
});

describe('request text', () => {
  it("uses the letter's exact field names and title formats", () => {
    const f = buildRequest(
      'cau-hinh',
      {
        unitName: 'UBND tỉnh Thái Nguyên',
        province: 'Tỉnh Thái Nguyên',
        email: 'a@b.vn',
        apis: { 'chung-tu': 'https://x/ct' },
      },
      ['05/a.json'],
    );
    const text = renderRequestText(f);
    expect(text).toContain(
      'Đơn vị: Tỉnh Thái Nguyên\nNhóm dịch vụ: Tích hợp Cổng Dịch vụ công quốc gia\nDịch vụ: Thanh toán nghĩa vụ tài chính về đất đai\nEmail phản hồi: a@b.vn\n',
    );
    expect(text).toContain(
      'Tên yêu cầu: UBND tỉnh Thái Nguyên- hỗ trợ cấu hình URL API thanh toán nghĩa vụ tài chính đất đai\n',
    );
    expect(text).toContain(
      'Tên loại API: API nhận chứng từ, biên lai nộp thuế đất (NhanChungTuThueDat); URL API: https://x/ct',
    );
  });
});
