import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runDvc } from '../test-support/run-dvc.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir, zipEntries } from '../test-support/evidence-sample.js';
import { formatVnTime } from '../core/evidence/working-time.js';
import { runnableHints, setHintProgram } from './hint-program.js';

const tmp = tempDir('dvc-bundle-facts-');
afterAll(() => tmp.remove());
const dvc = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runDvc(['--config', SAMPLE_CONFIG, ...args], { env: { CI: '1', ...env }, cwd: tmp.dir });

async function entry(zip: string, name: string): Promise<string> {
  const all = await zipEntries(zip);
  return [...all].find(([n]) => n.endsWith(name))![1].toString('utf8');
}

describe('the bundle says what it is', () => {
  it('is dated the day it was packed (Hà Nội time), not the day of the test payment', async () => {
    const dir = sampleFolder(tmp.dir, 'ngay');
    const before = formatVnTime(Date.now()).slice(0, 10);
    const r = await dvc(['evidence', 'pack', dir, '--out', 'ngay.zip']);
    const after = formatVnTime(Date.now()).slice(0, 10);
    expect(r.code, r.stderr).toBe(0);
    const zip = path.join(tmp.dir, 'ngay.zip');
    const info = await entry(zip, '/bag-info.txt');
    const day = /^Bagging-Date: (.*)$/m.exec(info)![1];
    expect([before, after]).toContain(day);
    // The sample's test payment was on 2026-11-20: that date is not the bundle's.
    expect(readFileSync(path.join(dir, 'evidence.yaml'), 'utf8')).toContain('2026-11-20');
    expect(day).not.toBe('2026-11-20');
    const page = await entry(zip, '/data/index.html');
    expect(page).toContain(`<dt>Ngày đóng gói</dt><dd>${day}</dd>`);
  });

  it('with SOURCE_DATE_EPOCH, is dated from it in Hà Nội time (reproducible)', async () => {
    const dir = sampleFolder(tmp.dir, 'sde');
    // 2026-12-07 18:30 UTC is 2026-12-08 in Hà Nội.
    const epoch = String(Date.parse('2026-12-07T18:30:00Z') / 1000);
    const one = await dvc(['evidence', 'pack', dir, '--out', 'sde1.zip'], { SOURCE_DATE_EPOCH: epoch });
    const two = await dvc(['evidence', 'pack', dir, '--out', 'sde1.zip', '--force'], { SOURCE_DATE_EPOCH: epoch });
    expect(one.code, one.stderr).toBe(0);
    const info = await entry(path.join(tmp.dir, 'sde1.zip'), '/bag-info.txt');
    expect(info).toContain('Bagging-Date: 2026-12-08');
    const sha = (s: string) => /SHA-256: ([0-9a-f]{64})/.exec(s)![1];
    expect(sha(one.stdout)).toBe(sha(two.stdout));
  });

  it("never masks dvc's own figures as personal numbers: a 9-digit Payload-Oxum stays, and verify agrees", async () => {
    const dir = sampleFolder(tmp.dir, 'lon');
    // A 200 MB video (sparse): the payload's byte count has nine digits, like a CMND number.
    const mp4 = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
    const video = path.join(dir, '06-video', 'video.mp4');
    writeFileSync(video, mp4);
    truncateSync(video, 200 * 1024 ** 2);
    const r = await dvc(['evidence', 'pack', dir, '--out', 'lon.zip']);
    expect(r.code, r.stderr).toBe(0);
    const info = await entry(path.join(tmp.dir, 'lon.zip'), '/bag-info.txt');
    expect(info).toMatch(/^Payload-Oxum: \d{9}\.\d+$/m);
    const verified = await dvc(['evidence', 'verify', 'lon.zip']);
    expect(verified.code, verified.stdout).toBe(0);
  });

  it('names a missing --out as missing', async () => {
    const r = await dvc(['evidence', 'pack', 'minh chung']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Thiếu tùy chọn --out <tệp.zip>');
    expect(r.stderr).toContain("dvc evidence pack 'minh chung' --out minh-chung.zip");
    expect(r.stderr).not.toContain('cần một giá trị');
  });

  it('refuses a configuration request that would present a failed API result as evidence (exit 1, naming it)', async () => {
    const dir = sampleFolder(tmp.dir, 'hong');
    const f = path.join(dir, '05-ket-qua-kiem-tra-api', 'HNI-chung-tu-20261119092000.result.json');
    const j = JSON.parse(readFileSync(f, 'utf8'));
    j.ok = false;
    j.checks[0].ok = false;
    writeFileSync(f, JSON.stringify(j));
    const r = await dvc(['evidence', 'request', dir, '--kind', 'cau-hinh']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('05-ket-qua-kiem-tra-api/HNI-chung-tu-20261119092000.result.json (không đạt)');
  });

  it('refuses a configuration request for a loopback URL, or with a result that tested one (exit 1)', async () => {
    const dir = sampleFolder(tmp.dir, 'loopback');
    const yaml = path.join(dir, 'evidence.yaml');
    writeFileSync(
      yaml,
      readFileSync(yaml, 'utf8').replace(
        'https://motcua.hanoi.example.vn/dvcqg/tra-cuu',
        'http://127.0.0.1:8080/tra-cuu',
      ),
    );
    const f = path.join(dir, '05-ket-qua-kiem-tra-api', 'HNI-chung-tu-20261119092000.result.json');
    const j = JSON.parse(readFileSync(f, 'utf8'));
    j.url = 'http://localhost:9000/chung-tu';
    writeFileSync(f, JSON.stringify(j));
    const r = await dvc(['evidence', 'request', dir, '--kind', 'cau-hinh']);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('http://');
    expect(r.stderr).toContain('URL API tra-cuu http://127.0.0.1:8080/tra-cuu');
    expect(r.stderr).toContain('HNI-chung-tu-20261119092000.result.json (URL http://localhost:9000/chung-tu');
  });

  it("names dvc in status hints as it was started (the Windows executable's name)", async () => {
    setHintProgram('.\\dvc.exe');
    try {
      const r = await dvc(['evidence', 'status', sampleFolder(tmp.dir, 'exe')]);
      expect(r.code, r.stderr).toBe(0);
      const hints = r.stdout.split('\n').filter((l) => l.includes('→'));
      expect(hints.length).toBeGreaterThan(0);
      for (const h of hints) expect(h).not.toMatch(/(^|[\s(:"])dvc (evidence|test-api)/);
      expect(r.stdout).toContain('.\\dvc.exe evidence sent');
    } finally {
      setHintProgram('dvc');
    }
    expect(runnableHints('rồi: dvc evidence sent x')).toBe('rồi: dvc evidence sent x');
  });
});
