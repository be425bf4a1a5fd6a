import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packEvidence } from './pack-evidence.js';
import { piecesOf, scrubItems } from './pack-privacy.js';
import type { CheckItem } from '../../core/evidence/evidence-types.js';
import { maskInPieces } from '../../test-support/masker-oracle.js';
import { draftRequest, renderRequest } from './request-evidence.js';
import { renderEvidenceIndexHtml } from '../../cli/render/html/evidence-index.js';
import { packTexts } from '../../cli/render/evidence/evidence-texts.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir, zipEntries } from '../../test-support/evidence-sample.js';

let tmp: ReturnType<typeof tempDir>;
let dir: string;

/** Each kind of personal data, planted in file names, evidence.yaml, an API test dump and a receipt. */
const NAME_NUMBERS = ['0912345678', '001203004567', '123456789'];
const OTHER_PERSONAL = [
  'le.thi.hoa@',
  'Nguyễn Văn An',
  'nguyen-van-an',
  'NGUYEN VAN AN',
  '0987 654 321',
  'an.nguyen@',
  'Trần Thị Bình',
  '079301002345',
  '0903123456',
];

function plant(d: string): void {
  const c = (from: string, to: string) => copyFileSync(path.join(d, from), path.join(d, to));
  c('01-tin-nhan-thong-bao-thue/tin-nhan-thong-bao-thue.png', '01-tin-nhan-thong-bao-thue/tin nhắn 0912345678.png');
  c('02-xac-nhan-thanh-toan/xac-nhan-thanh-toan.jpg', '02-xac-nhan-thanh-toan/cccd 001203004567.jpg');
  c('04-bien-lai/bien-lai.pdf', '04-bien-lai/cmnd 123456789.pdf');
  c('03-phan-mem-mot-cua/man-hinh-mot-cua.png', '03-phan-mem-mot-cua/gui tu le.thi.hoa@gmail.com.png');
  c('03-phan-mem-mot-cua/man-hinh-mot-cua.png', '03-phan-mem-mot-cua/nguyen-van-an.png');
  const yaml = path.join(d, 'evidence.yaml');
  writeFileSync(
    yaml,
    readFileSync(yaml, 'utf8')
      .replace('contactPhone: "024 3825 1234"', 'contactPhone: "0987 654 321"')
      .replace('motcua@hanoi.example.vn', 'an.nguyen@hanoi.example.vn')
      .replace('# Người phối hợp', '# NGUYEN VAN AN, người phối hợp'),
  );
  const dump = path.join(d, '05-ket-qua-kiem-tra-api', 'HNI-chung-tu-20261119092000.request.json');
  const body = JSON.parse(readFileSync(dump, 'utf8'));
  body.data = {
    ...body.data,
    HoTenNguoiNopTien: 'Trần Thị Bình',
    SoCMTNguoiNopTien: '079301002345',
    DienThoai: '0903123456',
  };
  writeFileSync(dump, JSON.stringify(body, null, 2));
  // The case: a receipt named by the citizen's CCCD, and a note that repeats the numbers.
  c('04-bien-lai/bien-lai.xml', '04-bien-lai/bien-lai 001203004567.xml');
  writeFileSync(path.join(d, 'ghi-chu.txt'), 'CCCD 001203004567, ĐT 0912345678, le.thi.hoa@gmail.com\n');
  const xml = path.join(d, '04-bien-lai', 'bien-lai.xml');
  writeFileSync(
    xml,
    readFileSync(xml, 'utf8').replace(
      '</BienLai>',
      '  <HoTenNguoiNopTien>Trần Thị Bình</HoTenNguoiNopTien>\n  <SoCMTNguoiNopTien>079301002345</SoCMTNguoiNopTien>\n</BienLai>',
    ),
  );
}

beforeAll(() => {
  tmp = tempDir('dvc-privacy-');
  dir = sampleFolder(tmp.dir);
  plant(dir);
});
afterAll(() => tmp.remove());

async function pack(keepPersonalData: boolean, out: string) {
  return packEvidence({
    dir,
    out: path.join(tmp.dir, out),
    kind: 'xac-nhan',
    allowIncomplete: true,
    force: false,
    keepPersonalData,
    version: '0.0.0-test',
    configPath: SAMPLE_CONFIG,
    cwd: tmp.dir,
    texts: packTexts('vi'),
    indexPage: (m) => renderEvidenceIndexHtml(m, { lang: 'vi' }),
  });
}

/** The raw zip, every entry name and every entry inflated: all the bytes a reader of the bundle can reach. */
async function everyByte(file: string): Promise<string> {
  const entries = await zipEntries(file);
  const parts = [readFileSync(file).toString('latin1'), ...entries.keys()];
  for (const b of entries.values()) parts.push(b.toString('utf8'));
  return parts.join('\n').normalize('NFC');
}

describe('personal data in the bundle', () => {
  it('by default: no planted number, e-mail or known name anywhere in the bundle or in the result', async () => {
    const r = await pack(false, 'redacted.zip');
    const all = await everyByte(r.bundle!);
    for (const s of [...NAME_NUMBERS, ...OTHER_PERSONAL]) {
      expect(all, s).not.toContain(s);
      expect(all.toLowerCase(), s).not.toContain(s.toLowerCase());
    }
    expect(all).not.toContain('0987654321');
    const output = JSON.stringify(r);
    for (const s of [...NAME_NUMBERS, ...OTHER_PERSONAL]) expect(output, s).not.toContain(s);
    // What stays: the masked forms, so a reader sees that something was there.
    expect(all).toContain('tin nhắn 091xxxxx78.png');
    expect(all).toContain('N.V.A.');
    expect(all).toContain('098* *** *21');
    expect(all).toContain('a***@hanoi.example.vn');
    // The bundle claims what it did and names what it could not do: the pictures and PDFs, by masked name.
    const info = [...(await zipEntries(r.bundle!))].find(([n]) => n.endsWith('/bag-info.txt'))![1].toString('utf8');
    expect(info).toContain('DVC-Personal-Data: đã che');
    expect(info).toContain('DVC-Not-Masked: 01-tin-nhan-thong-bao-thue/tin nhắn 091xxxxx78.png');
    expect(info).toContain('DVC-Not-Masked: 02-xac-nhan-thanh-toan/cccd xxxxxxxxx567.jpg');
    expect(info).not.toContain('DVC-Not-Masked: ghi-chu.txt');
    expect(r.unmasked).toContain('04-bien-lai/cmnd xxxxxx789.pdf');
    expect(r.unmasked.some((f) => f.endsWith('.xml') || f.endsWith('.txt') || f.endsWith('.json'))).toBe(false);
  });

  it('by default: a landline the contact gave is a phone dvc knows of too', async () => {
    const other = sampleFolder(tmp.dir, 'landline');
    const r = await packEvidence({
      dir: other,
      out: path.join(tmp.dir, 'landline.zip'),
      kind: 'xac-nhan',
      allowIncomplete: true,
      force: false,
      keepPersonalData: false,
      version: '0.0.0-test',
      configPath: SAMPLE_CONFIG,
      cwd: tmp.dir,
      texts: packTexts('vi'),
    });
    const all = await everyByte(r.bundle!);
    expect(all).not.toContain('024 3825 1234');
    expect(all).toContain('024 **** **34');
  });

  it('with --keep-personal-data: a number masked in a file name appears nowhere, and bag-info says what was kept', async () => {
    const r = await pack(true, 'plain.zip');
    const entries = await zipEntries(r.bundle!);
    const names = [...entries.keys()];
    expect(names.some((n) => n.endsWith('data/index.html'))).toBe(true);
    expect(names).toContain('plain/data/01-tin-nhan-thong-bao-thue/tin nhắn 091xxxxx78.png');
    // What dvc writes (names, index page, bag-info, request text, evidence.yaml) never shows a number it hid in a
    // name; the payload's own texts (the note repeats the numbers) stay as the officer asked.
    const written = ['bag-info.txt', 'data/index.html', 'data/yeu-cau-ho-tro.txt', 'data/evidence.yaml'];
    const ours = [...entries.keys(), ...written.map((w) => entries.get(`plain/${w}`)!.toString('utf8'))].join('\n');
    for (const s of NAME_NUMBERS) expect(ours, s).not.toContain(s);
    for (const s of NAME_NUMBERS) expect(JSON.stringify(r), s).not.toContain(s);
    expect(entries.get('plain/data/ghi-chu.txt')!.toString('utf8')).toContain('001203004567');
    const all = await everyByte(r.bundle!);
    // The officer asked to keep the rest: it stays as written, and the bundle says so.
    expect(all).toContain('0987 654 321');
    expect(all).toContain('Trần Thị Bình');
    expect(r.unmasked).toEqual([]);
    const info = [...entries].find(([n]) => n.endsWith('/bag-info.txt'))![1].toString('utf8');
    expect(info).toContain('DVC-Personal-Data: giữ nguyên theo yêu cầu (--keep-personal-data)');
    expect(info).not.toContain('DVC-Not-Masked');
  });

  it('the request text by default hides the contact, the mailbox and the name', async () => {
    const draft = await draftRequest({ dir, kind: 'xac-nhan', configPath: SAMPLE_CONFIG, cwd: tmp.dir });
    const text = renderRequest(draft, 'text', true).text;
    for (const s of ['Nguyễn Văn An', '0987 654 321', 'an.nguyen@']) expect(text).not.toContain(s);
    expect(text).toContain('Email phản hồi: a***@hanoi.example.vn');
    const plain = renderRequest(draft, 'text', false).text;
    expect(plain).toContain('Người phối hợp: Nguyễn Văn An - 0987 654 321');
  });
});

describe('scrubbing the check items', () => {
  it('masks what holds a number and keeps every other item as the same object (a folder is not held twice)', () => {
    const items: CheckItem[] = ['ghi chú 1.txt', 'sms 0912345678.txt', 'ghi chú 2.txt'].map((f) => ({
      id: `file.03/${f}`,
      ok: false,
      severity: 'warning',
      message: { key: 'evidence.file.wrongFolder', params: { file: `03/${f}`, n: 1 } },
      fix: { key: 'evidence.fix.wrongFolder', params: { file: `03/${f}` } },
    }));
    const hide = (s: string) => s.replace(/0912345678/g, '091xxxxx78');
    const out = scrubItems(items, hide);
    expect(out[0]).toBe(items[0]);
    expect(out[2]).toBe(items[2]);
    expect(out[1]).toEqual({
      id: 'file.03/sms 091xxxxx78.txt',
      ok: false,
      severity: 'warning',
      message: { key: 'evidence.file.wrongFolder', params: { file: '03/sms 091xxxxx78.txt', n: 1 } },
      fix: { key: 'evidence.fix.wrongFolder', params: { file: '03/sms 091xxxxx78.txt' } },
    });
    expect(items[1]!.id).toBe('file.03/sms 0912345678.txt');
  });
});

describe('masking a text as it is read', () => {
  /** A text of runs of letters, each ended by a line end, a space or nothing, read in chunks of any size. */
  const shaped = fc
    .tuple(
      fc.array(fc.tuple(fc.nat({ max: 40000 }), fc.constantFrom('\n', ' ', '', 'é\n', '😀 ')), { maxLength: 8 }),
      fc.array(fc.integer({ min: 1, max: 70000 }), { minLength: 1, maxLength: 5 }),
    )
    .map(([runs, sizes]) => {
      const text = runs.map(([n, end]) => 'a'.repeat(n) + end).join('');
      const chunks: string[] = [];
      for (let at = 0, k = 0; at < text.length; k++) {
        const size = sizes[k % sizes.length]!;
        chunks.push(text.slice(at, at + size));
        at += size;
      }
      return { text, chunks };
    });

  it('cuts the pieces maskInPieces cuts, whatever the chunks (and says when the text must be masked whole)', async () => {
    const mark = (s: string) => `[${s.length}]${s}`;
    await fc.assert(
      fc.asyncProperty(shaped, async ({ text, chunks }) => {
        async function* read() {
          yield* chunks;
        }
        const pieces: string[] = [];
        let whole = false;
        for await (const p of piecesOf(read())) {
          if (typeof p === 'string') pieces.push(mark(p));
          else whole = true;
        }
        expect(whole ? mark(text) : pieces.join('')).toBe(maskInPieces(text, mark));
      }),
      { numRuns: 150 },
    );
  });
});
