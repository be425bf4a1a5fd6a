import { copyFile, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { sampleRound1, startReview } from '../test-support/review-process.js';
import { posixWords } from '../test-support/shell-words.js';
import { tempDir } from '../test-support/excel-workbooks.js';

/** The page's first request (token in the path), then the cookie it sets: as the browser does. */
async function session(url: string): Promise<{ post: (p: string, body: unknown) => Promise<Response> }> {
  const first = await fetch(url);
  const cookie = first.headers.get('set-cookie')!.split(';')[0];
  const origin = new URL(url).origin;
  return {
    post: (p, body) =>
      fetch(origin + p, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify(body),
      }),
  };
}

describe('dvc review', { timeout: 60_000 }, () => {
  it('prints its address as JSON, saves a decision, ends on "Đóng" with the counts, exit 0', async () => {
    const { dir, workbook } = await sampleRound1();
    const r = await startReview(['review', workbook]);
    expect(JSON.parse(r.start)).toMatchObject({ store: 'mau-63-tinh.doi-chieu.quyet-dinh.csv' });
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/r\/\S+$/);
    // Nothing of the workbook in the address.
    expect(r.url).not.toMatch(/mau|xlsx|doi-chieu/);
    const s = await session(r.url);
    expect((await s.post('/api/decide', { code: '08974', tax: '1011602' })).status).toBe(200);
    // A code that is not a code (a path) is a bad request, and no file appears.
    const before = (await readdir(dir)).sort();
    for (const body of [{ code: '../../etc/passwd', tax: '-' }, { code: '08974', tax: '../x.csv' }, { code: 8974 }])
      expect((await s.post('/api/decide', body)).status, JSON.stringify(body)).toBe(400);
    expect((await readdir(dir)).sort()).toEqual(before);
    expect((await s.post('/api/close', {})).status).toBe(200);
    expect(await r.exited).toBe(0);
    // stdout holds one JSON object, printed when the review ends.
    expect(JSON.parse(r.lines.join('\n'))).toMatchObject({
      ok: true,
      ended: 'closed',
      toDecide: 1,
      decided: 1,
      rounds: [],
    });
    expect(await readFile(path.join(dir, 'mau-63-tinh.doi-chieu.quyet-dinh.csv'), 'utf8')).toContain(
      '08974,1011602,mau-63-tinh.doi-chieu.xlsx,',
    );
  });

  it('ends by itself when idle, saying so, with the address printed on stdout', async () => {
    const { workbook } = await sampleRound1();
    const r = await runCli(['review', workbook, '--no-open', '--lang', 'en'], { env: { DVC_REVIEW_IDLE_MS: '500' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Review page: http:\/\/127\.0\.0\.1:\d+\/r\/\S+\n$/);
    expect(r.stderr).toContain(
      'Ended after 30 idle minutes. The decisions are saved in mau-63-tinh.doi-chieu.quyet-dinh.csv.',
    );
  });

  it('ends on Ctrl+C (SIGINT) with exit 0', async () => {
    const { workbook } = await sampleRound1();
    const r = await startReview(['review', workbook]);
    expect(await r.stop()).toBe(0);
    expect(JSON.parse(r.lines.join('\n'))).toMatchObject({ ok: true, ended: 'signal', toDecide: 2, decided: 0 });
  });

  it('an output whose input cannot be found: exit 2, says to give --from', async () => {
    const { dir, workbook } = await sampleRound1();
    const r = await runCli(['review', workbook, '--from', path.join(dir, 'khong-co.xlsx')]);
    expect(r.code).toBe(2);
    const lost = await runCli(['review', path.join(dir, 'mau-63-tinh.xlsx')]);
    expect(lost.code).toBe(2);
    expect(lost.stderr).toContain('Ghi tệp đầu vào bằng --from.');
    expect(lost.stderr).not.toMatch(/\n\s+at /);
    // A workbook that is not there is named as missing.
    const missing = await runCli(['review', path.join(dir, 'khong-co.doi-chieu.xlsx'), '--lang', 'en']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Error: .*khong-co\.doi-chieu\.xlsx.*not found/);
  });

  it('the review command map-communes prints runs as printed, with the choices of the run', async () => {
    const dir = await tempDir('dvc-review-hint-');
    await copyFile(path.join('fixtures', 'mau-63-tinh.xlsx'), path.join(dir, 'bảng xã.xlsx'));
    const r1 = await runCli(['map-communes', 'bảng xã.xlsx', '--province', 'Thái Nguyên'], { cwd: dir });
    expect(r1.code).toBe(0);
    const lines = r1.stdout.trimEnd().split('\n');
    const at = lines.indexOf('Hoặc quyết định trên trình duyệt, mỗi dòng một cú bấm, không phải gõ mã:');
    expect(at, r1.stdout).toBeGreaterThan(0);
    const words = posixWords(lines[at + 1].trim());
    expect(words).toEqual([
      'dvc',
      'review',
      'bảng xã.doi-chieu.xlsx',
      '--from',
      'bảng xã.xlsx',
      '--province',
      'Thái Nguyên',
    ]);
    const r2 = await runCli([...words.slice(1), '--no-open', '--json'], {
      cwd: dir,
      env: { DVC_REVIEW_IDLE_MS: '300' },
    });
    expect(r2.code, r2.stderr).toBe(0);
    // Only Thái Nguyên was matched, so its one row waits for a decision.
    expect(JSON.parse(r2.stdout)).toMatchObject({ ok: true, ended: 'idle', toDecide: 1, decided: 0 });
  });

  it('map-communes --review --audit is a usage error: --audit writes no output to review', async () => {
    const r = await runCli(['map-communes', 'fixtures/mau-63-tinh-vlookup.xlsx', '--audit', '--review']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('Lỗi: --review không dùng được với --audit: --audit không ghi tệp kết quả để rà soát.\n');
  });

  it('map-communes --review runs, then serves the review of what it wrote', async () => {
    const { input } = await sampleRound1();
    const out = input.replace(/\.xlsx$/, '.lan-1.xlsx');
    const r = await startReview(['map-communes', input, '--out', out, '--review']);
    // Nothing on stdout while the review runs.
    expect(r.lines).toEqual([]);
    const s = await session(r.url);
    const model = await (await s.post('/api/search', { province: 0, q: 'dai thinh moi' })).json();
    expect(model.hits[0]).toMatchObject({ code: '1011602' });
    expect(await r.stop()).toBe(0);
    // One object on stdout: the run's result, and the review's end under `review`.
    const printed = JSON.parse(r.lines.join('\n'));
    expect(printed).toMatchObject({ ok: true, summary: { notFound: 2 }, review: { ended: 'signal', toDecide: 2 } });
  });
});
