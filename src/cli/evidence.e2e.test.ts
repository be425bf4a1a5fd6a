import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yazl from 'yazl';
import { REPO_ROOT, runCli } from '../test-support/run-cli.js';
import { runDvc } from '../test-support/run-dvc.js';
import { bagEntries, rawZip, type RawEntry } from '../test-support/hostile-zip.js';
import { zipEntries } from '../test-support/evidence-sample.js';

const CONFIG = path.join(REPO_ROOT, 'fixtures', 'dvc.config.json');
const FIXTURE = path.join(REPO_ROOT, 'fixtures', 'evidence');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-evidence-e2e-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the sample folder whose test-api results are one day old, so the 30-day rule holds on any date. */
function freshCopy(name: string): string {
  const dir = path.join(tmp, name);
  cpSync(FIXTURE, dir, { recursive: true });
  const results = path.join(dir, '05-ket-qua-kiem-tra-api');
  for (const f of readdirSync(results).filter((n) => n.endsWith('.result.json'))) {
    const p = path.join(results, f);
    const j = JSON.parse(readFileSync(p, 'utf8'));
    j.timestamp = new Date(Date.now() - 86_400_000).toISOString();
    writeFileSync(p, JSON.stringify(j, null, 2));
  }
  return dir;
}

/** In-process; `sub` runs the built CLI where the process matters (its time zone, its real exit). */
const dvc = (args: string[], env: NodeJS.ProcessEnv = {}, cwd = tmp) =>
  runDvc(['--config', CONFIG, ...args], { env: { CI: '1', ...env }, cwd });
const sub = (args: string[], env: NodeJS.ProcessEnv = {}, cwd = tmp) =>
  runCli(['--config', CONFIG, ...args], { env: { CI: '1', ...env }, cwd, timeoutMs: 60_000 });

// ---- an independent check of the bag, written from RFC 8493 (entries read with yauzl's own checks) ----
const readZip = zipEntries;

function rfc8493Problems(entries: Map<string, Buffer>): string[] {
  const problems: string[] = [];
  const tops = new Set([...entries.keys()].map((n) => n.split('/')[0]));
  if (tops.size !== 1) problems.push('serialization must hold one base directory');
  const base = [...tops][0] + '/';
  const get = (n: string) => entries.get(base + n);
  const bagit = get('bagit.txt')?.toString('utf8') ?? '';
  if (!/^BagIt-Version: 1\.0\r?\nTag-File-Character-Encoding: UTF-8\r?\n$/.test(bagit)) problems.push('bagit.txt');
  const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
  const manifest = (get('manifest-sha256.txt')?.toString('utf8') ?? '')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const i = l.search(/\s/);
      return [
        l.slice(0, i),
        l.slice(i).trim().replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%'),
      ] as const;
    });
  const listed = new Set(manifest.map(([, p]) => p));
  for (const [digest, p] of manifest) {
    const b = get(p);
    if (!b) problems.push(`missing ${p}`);
    else if (sha(b) !== digest) problems.push(`hash ${p}`);
  }
  const payload = [...entries.keys()].filter((n) => n.startsWith(base + 'data/')).map((n) => n.slice(base.length));
  for (const p of payload) if (!listed.has(p)) problems.push(`unlisted ${p}`);
  const info = get('bag-info.txt')?.toString('utf8') ?? '';
  const oxum = /^Payload-Oxum: (\d+)\.(\d+)$/m.exec(info);
  const bytes = payload.reduce((n, p) => n + (get(p)?.length ?? 0), 0);
  if (!oxum || Number(oxum[1]) !== bytes || Number(oxum[2]) !== payload.length) problems.push('Payload-Oxum');
  for (const label of [
    'Source-Organization',
    'Contact-Email',
    'Bagging-Date',
    'External-Description',
    'Bag-Software-Agent',
  ]) {
    if (!new RegExp(`^${label}: .+$`, 'm').test(info)) problems.push(`bag-info ${label}`);
  }
  for (const line of (get('tagmanifest-sha256.txt')?.toString('utf8') ?? '').split('\n').filter(Boolean)) {
    const [digest, p] = line.split(/\s+/);
    const b = get(p);
    if (!b || sha(b) !== digest) problems.push(`tag ${p}`);
  }
  if (!get('tagmanifest-sha256.txt')) problems.push('tagmanifest');
  return problems;
}

/** Rewrites a zip with yazl after changing its entries; the result is a normal zip with a tampered bag. */
async function rewriteZip(src: string, dst: string, change: (m: Map<string, Buffer>) => void): Promise<void> {
  const m = await readZip(src);
  change(m);
  const z = new yazl.ZipFile();
  for (const [name, data] of m) z.addBuffer(data, name);
  z.end();
  await new Promise<void>((resolve, reject) => {
    const chunks: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => chunks.push(c));
    z.outputStream.on('end', () => {
      writeFileSync(dst, Buffer.concat(chunks));
      resolve();
    });
    z.outputStream.on('error', reject);
  });
}

describe('dvc evidence init', () => {
  it('creates the checklist, evidence.yaml from the config and HUONG-DAN.txt, and never touches an existing file', async () => {
    const dir = path.join(tmp, 'init');
    const r = await dvc(['evidence', 'init', dir, '--dst', 'HNI', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.created).toEqual(
      expect.arrayContaining([
        '01-tin-nhan-thong-bao-thue/',
        '02-xac-nhan-thanh-toan/',
        '03-phan-mem-mot-cua/',
        '04-bien-lai/',
        '05-ket-qua-kiem-tra-api/',
        '06-video/',
        'evidence.yaml',
        'HUONG-DAN.txt',
      ]),
    );
    expect(out.missing).toEqual(expect.arrayContaining(['dossierCode', 'testDate']));
    const yaml = readFileSync(path.join(dir, 'evidence.yaml'), 'utf8');
    expect(yaml).toContain('unitName: "Thành phố Hà Nội"');
    expect(yaml).toContain('chung-tu: "http://127.0.0.1:8080/chung-tu"');
    expect(readFileSync(path.join(dir, 'HUONG-DAN.txt'), 'utf8')).toContain('01-tin-nhan-thong-bao-thue');
    writeFileSync(path.join(dir, 'evidence.yaml'), 'unitName: "của tôi"\n');
    const again = await dvc(['evidence', 'init', dir, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).kept).toContain('evidence.yaml');
    expect(readFileSync(path.join(dir, 'evidence.yaml'), 'utf8')).toBe('unitName: "của tôi"\n');
  });
});

describe('dvc evidence request', () => {
  it('prints the form fields for step 2 and writes them to --out', async () => {
    const dir = freshCopy('request');
    const out = path.join(tmp, 'yeu-cau.txt');
    const r = await dvc(['evidence', 'request', dir, '--kind', 'cau-hinh', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Nhóm dịch vụ: Tích hợp Cổng Dịch vụ công quốc gia');
    expect(r.stdout).toContain('Dịch vụ: Thanh toán nghĩa vụ tài chính về đất đai');
    // Private by default: the mailbox, the contact's name and phone are masked.
    expect(r.stdout).toContain('Email phản hồi: m***@hanoi.example.vn');
    expect(r.stdout).toContain('Người phối hợp: N.V.A. - 024 **** **34');
    expect(r.stdout).toContain(
      'Tên yêu cầu: Thành phố Hà Nội- hỗ trợ cấu hình URL API thanh toán nghĩa vụ tài chính đất đai',
    );
    expect(r.stdout).toContain('URL API: https://motcua.hanoi.example.vn/dvcqg/chung-tu');
    expect(readFileSync(out, 'utf8')).toBe(r.stdout.replace(/\n/g, '\r\n'));
    const kept = await dvc(['evidence', 'request', dir, '--kind', 'cau-hinh', '--keep-personal-data']);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain('Email phản hồi: motcua@hanoi.example.vn');
    expect(kept.stdout).toContain('Người phối hợp: Nguyễn Văn An - 024 3825 1234');
    expect(kept.stderr).toContain('Giữ nguyên dữ liệu cá nhân (--keep-personal-data)');
  });

  it('gives the fields as JSON for step 5, with the test payment, and masks phones with --redact', async () => {
    const dir = freshCopy('request-json');
    writeFileSync(
      path.join(dir, 'evidence.yaml'),
      readFileSync(path.join(dir, 'evidence.yaml'), 'utf8').replace('024 3825 1234', '0912345678'),
    );
    const r = await dvc(['evidence', 'request', dir, '--kind', 'xac-nhan', '--json', '--redact']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.fields.title).toBe(
      'Thành phố Hà Nội- Đề nghị xác nhận tích hợp thanh toán nghĩa vụ tài chính đất đai thành công',
    );
    expect(j.fields.testPayment).toEqual({ dossierCode: '000.00.12.H26-261118-0001', date: '2026-11-20' });
    expect(j.fields.contact).not.toContain('0912345678');
    expect(j.fields.attachments).toContain('01-tin-nhan-thong-bao-thue/tin-nhan-thong-bao-thue.png');
  });

  it('fails with exit 2 listing the missing fields when nobody can be asked', async () => {
    const dir = path.join(tmp, 'request-empty');
    await runDvc(['evidence', 'init', dir, '--no-input'], { env: { CI: '1' }, cwd: tmp });
    const r = await runDvc(['evidence', 'request', dir, '--kind', 'xac-nhan'], { env: { CI: '1' }, cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unitName');
    expect(r.stderr).toContain('dossierCode');
  });
});

describe('dvc evidence check', () => {
  it('passes on the sample folder and lists items as JSON', async () => {
    const r = await dvc(['evidence', 'check', freshCopy('check-ok'), '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ ok: true, kind: 'xac-nhan' });
    expect(j.items.find((i: { id: string }) => i.id === 'test-api.chung-tu')).toMatchObject({
      ok: true,
      severity: 'error',
    });
  });

  it('reports every gap with a fix and exits 1', async () => {
    const dir = freshCopy('check-gaps');
    unlinkSync(path.join(dir, '02-xac-nhan-thanh-toan', 'xac-nhan-thanh-toan.jpg'));
    const png = readFileSync(path.join(dir, '01-tin-nhan-thong-bao-thue', 'tin-nhan-thong-bao-thue.png'));
    writeFileSync(path.join(dir, '03-phan-mem-mot-cua', 'cat-cut.png'), png.subarray(0, png.length - 12));
    writeFileSync(path.join(dir, '04-bien-lai', 'gia.pdf'), png);
    writeFileSync(path.join(dir, '01-tin-nhan-thong-bao-thue', 'sms-0912345678.png'), png);
    const old = path.join(dir, '05-ket-qua-kiem-tra-api', 'HNI-tra-cuu-20261119091000.result.json');
    writeFileSync(
      old,
      JSON.stringify({
        ...JSON.parse(readFileSync(old, 'utf8')),
        timestamp: new Date(Date.now() - 40 * 86_400_000).toISOString(),
      }),
    );
    writeFileSync(
      path.join(dir, 'evidence.yaml'),
      readFileSync(path.join(dir, 'evidence.yaml'), 'utf8').replace('000.00.12.H26-261118-0001', 'HS-123'),
    );
    const r = await dvc(['evidence', 'check', dir, '--json']);
    expect(r.code).toBe(1);
    const items = JSON.parse(r.stdout).items as { id: string; ok: boolean; severity: string; fix?: string }[];
    const failing = (id: string) => items.find((i) => i.id === id && !i.ok);
    expect(failing('folder.02')).toMatchObject({ severity: 'error' });
    expect(failing('file.03-phan-mem-mot-cua/cat-cut.png')).toMatchObject({ severity: 'error' });
    expect(failing('file.04-bien-lai/gia.pdf')).toMatchObject({ severity: 'error' });
    // The number in the file name is masked in the output too, as in the bundle.
    expect(failing('privacy.01-tin-nhan-thong-bao-thue/sms-091xxxxx78.png')).toMatchObject({ severity: 'warning' });
    expect(r.stdout).not.toContain('0912345678');
    expect(failing('test-api.tra-cuu')).toMatchObject({ severity: 'error' });
    expect(failing('metadata.dossierCode')).toMatchObject({ severity: 'error' });
    for (const i of items.filter((x) => !x.ok)) expect(i.fix, i.id).toBeTruthy();
  });
});

describe('dvc evidence pack and verify', () => {
  it('writes a bag an independent RFC 8493 reader accepts, and verify agrees', async () => {
    const dir = freshCopy('pack');
    const bundle = path.join(tmp, 'minh-chung.zip');
    const r = await dvc(['evidence', 'pack', dir, '--out', bundle, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.sha256).toBe(createHash('sha256').update(readFileSync(bundle)).digest('hex'));
    const entries = await readZip(bundle);
    expect(rfc8493Problems(entries)).toEqual([]);
    const names = [...entries.keys()];
    expect(names).toEqual([...names].sort());
    expect(entries.get('minh-chung/bag-info.txt')?.toString()).toMatch(/^Bag-Software-Agent: dvc \d+\.\d+\.\d+/m);
    expect(entries.get('minh-chung/data/yeu-cau-ho-tro.txt')?.toString()).toContain(
      'Tên yêu cầu: Thành phố Hà Nội- Đề nghị xác nhận',
    );
    const v = await runCli(['evidence', 'verify', bundle, '--json'], { cwd: tmp });
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, problems: [] });
  });

  it('gives the same bytes in Hà Nội and New York', async () => {
    const dir = freshCopy('tz');
    const shas: string[] = [];
    for (const [i, tz] of ['Asia/Ho_Chi_Minh', 'America/New_York'].entries()) {
      const outDir = path.join(tmp, `tz-${i}`);
      cpSync(dir, path.join(outDir, 'src'), { recursive: true });
      const r = await sub(
        ['evidence', 'pack', path.join(outDir, 'src'), '--out', path.join(outDir, 'bundle.zip'), '--json'],
        { TZ: tz },
      );
      expect(r.code).toBe(0);
      shas.push(JSON.parse(r.stdout).sha256);
    }
    expect(shas[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(shas[1]).toBe(shas[0]);
  });

  it('detects a changed byte, a missing file and an extra file', async () => {
    const bundle = path.join(tmp, 'tamper.zip');
    expect((await dvc(['evidence', 'pack', freshCopy('tamper'), '--out', bundle])).code).toBe(0);
    const cases: Array<[string, (m: Map<string, Buffer>) => void, string]> = [
      [
        'changed',
        (m) => {
          const k = 'tamper/data/04-bien-lai/bien-lai.xml';
          const b = Buffer.from(m.get(k)!);
          b[10] ^= 1;
          m.set(k, b);
        },
        'changed',
      ],
      ['missing', (m) => m.delete('tamper/data/04-bien-lai/bien-lai.pdf'), 'missing'],
      ['extra', (m) => m.set('tamper/data/them.txt', Buffer.from('thêm')), 'extra'],
    ];
    for (const [name, change, code] of cases) {
      const target = path.join(tmp, `tamper-${name}.zip`);
      await rewriteZip(bundle, target, change);
      const v = await runDvc(['evidence', 'verify', target, '--json'], { cwd: tmp });
      expect(v.code, name).toBe(1);
      expect(
        JSON.parse(v.stdout).problems.map((p: { code: string }) => p.code),
        name,
      ).toContain(code);
    }
  });

  it('refuses an incomplete folder (exit 1) unless --allow-incomplete, which records the gaps', async () => {
    const dir = freshCopy('incomplete');
    rmSync(path.join(dir, '03-phan-mem-mot-cua'), { recursive: true });
    const bundle = path.join(tmp, 'incomplete.zip');
    const refused = await dvc(['evidence', 'pack', dir, '--out', bundle]);
    expect(refused.code).toBe(1);
    expect(existsSync(bundle)).toBe(false);
    const forced = await dvc(['evidence', 'pack', dir, '--out', bundle, '--allow-incomplete']);
    expect(forced.code).toBe(0);
    expect((await readZip(bundle)).get('incomplete/bag-info.txt')?.toString()).toMatch(/^DVC-Gap: folder\.03: /m);
  });

  it('writes correct zip64 records when asked to', async () => {
    const bundle = path.join(tmp, 'zip64.zip');
    const r = await dvc(['evidence', 'pack', freshCopy('zip64'), '--out', bundle], { DVC_ZIP64: '1' });
    expect(r.code).toBe(0);
    expect(rfc8493Problems(await readZip(bundle))).toEqual([]);
    expect((await runDvc(['evidence', 'verify', bundle], { cwd: tmp })).code).toBe(0);
  });
});

describe('dvc evidence verify on hostile archives', () => {
  const hostile: Array<[string, RawEntry[], string]> = [
    ['dot-dot', bagEntries([{ name: '../evil.txt', data: Buffer.from('x') }]), 'unsafePath'],
    ['absolute', bagEntries([{ name: '/tmp/evil.txt', data: Buffer.from('x') }]), 'unsafePath'],
    ['symlink', bagEntries([{ name: 'data/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), 'symlink'],
    ['duplicate', bagEntries([{ name: 'data/a.txt', data: Buffer.from('other') }]), 'duplicate'],
    [
      'bomb',
      bagEntries([{ name: 'data/bomb.bin', data: Buffer.alloc(5_000_000), deflate: true, declaredSize: 1000 }]),
      'sizeExceeded',
    ],
  ];
  for (const [name, entries, code] of hostile) {
    it(`rejects ${name} (exit 1) and writes nothing outside the temporary folder`, async () => {
      const box = mkdtempSync(path.join(tmp, `hostile-${name}-`));
      const work = path.join(box, 'work');
      cpSync(FIXTURE, work, { recursive: true });
      const file = path.join(work, `${name}.zip`);
      writeFileSync(file, rawZip(entries));
      const before = readdirSync(box).sort();
      const r = await runDvc(['evidence', 'verify', file, '--json'], { cwd: work });
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).problems.map((p: { code: string }) => p.code)).toContain(code);
      expect(readdirSync(box).sort()).toEqual(before);
      expect(existsSync(path.join(box, 'evil.txt'))).toBe(false);
      expect(existsSync('/tmp/evil.txt')).toBe(false);
    });
  }

  it('exits 2 on something that is not a bundle', async () => {
    const notZip = path.join(tmp, 'not.zip');
    writeFileSync(notZip, 'this is not a zip');
    expect((await runDvc(['evidence', 'verify', notZip], { cwd: tmp })).code).toBe(2);
    const noBag = path.join(tmp, 'nobag.zip');
    writeFileSync(noBag, rawZip([{ name: 'readme.txt', data: Buffer.from('hi') }]));
    const r = await runDvc(['evidence', 'verify', noBag, '--json'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.code).toBe('evidence.verify.notABag');
  });
});
