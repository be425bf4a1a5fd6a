import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packEvidence } from './pack-evidence.js';
import { draftRequest, renderRequest } from './request-evidence.js';
import { renderEvidenceIndexHtml } from '../../cli/render/html/evidence-index.js';
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

async function pack(redact: boolean, out: string) {
  return packEvidence({
    dir,
    out: path.join(tmp.dir, out),
    kind: 'xac-nhan',
    allowIncomplete: true,
    force: false,
    redact,
    version: '0.0.0-test',
    configPath: SAMPLE_CONFIG,
    cwd: tmp.dir,
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
  it('with --redact: no planted number, e-mail or known name anywhere in the bundle or in the result', async () => {
    const r = await pack(true, 'redacted.zip');
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
  });

  it('with --redact: a landline the contact gave is a phone dvc knows of too', async () => {
    const other = sampleFolder(tmp.dir, 'landline');
    const r = await packEvidence({
      dir: other,
      out: path.join(tmp.dir, 'landline.zip'),
      kind: 'xac-nhan',
      allowIncomplete: true,
      force: false,
      redact: true,
      version: '0.0.0-test',
      configPath: SAMPLE_CONFIG,
      cwd: tmp.dir,
    });
    const all = await everyByte(r.bundle!);
    expect(all).not.toContain('024 3825 1234');
    expect(all).toContain('024 **** **34');
  });

  it('without --redact: a number masked in a file name appears nowhere, index page and bag-info included', async () => {
    const r = await pack(false, 'plain.zip');
    const entries = await zipEntries(r.bundle!);
    const names = [...entries.keys()];
    expect(names.some((n) => n.endsWith('data/index.html'))).toBe(true);
    expect(names).toContain('plain/data/01-tin-nhan-thong-bao-thue/tin nhắn 091xxxxx78.png');
    const all = await everyByte(r.bundle!);
    for (const s of NAME_NUMBERS) expect(all, s).not.toContain(s);
    for (const s of NAME_NUMBERS) expect(JSON.stringify(r), s).not.toContain(s);
    // The officer's own contact details stay as written when nothing asks to hide them.
    expect(all).toContain('0987 654 321');
  });

  it('the request text with --redact hides the contact, the mailbox and the name', async () => {
    const draft = await draftRequest({ dir, kind: 'xac-nhan', configPath: SAMPLE_CONFIG, cwd: tmp.dir });
    const text = renderRequest(draft, 'text', true).text;
    for (const s of ['Nguyễn Văn An', '0987 654 321', 'an.nguyen@']) expect(text).not.toContain(s);
    expect(text).toContain('Email phản hồi: a***@hanoi.example.vn');
    const plain = renderRequest(draft, 'text', false).text;
    expect(plain).toContain('Người phối hợp: Nguyễn Văn An - 0987 654 321');
  });
});
