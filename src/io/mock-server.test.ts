import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTemplate, encodeNotice, getApiType } from '../core/api/api-type-registry.js';
import type { MockAuth } from '../core/api/mock-auth.js';
import { startMockServer, type MockServerHandle, type MockServerOptions } from './mock-server.js';
import { makeSelfSignedCert } from './self-signed-cert.js';

const ctx = { unit: '000.04.05.H55', now: new Date(Date.UTC(2023, 6, 31, 2, 30)) };
const notice = () => buildTemplate(getApiType('thong-bao-thue'), ctx);
const receipt = () =>
  buildTemplate(getApiType('chung-tu'), ctx) as { data: Record<string, unknown> } & Record<string, unknown>;
const lookUp = () => buildTemplate(getApiType('tra-cuu'), ctx);

const servers: MockServerHandle[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(o: Partial<MockServerOptions> = {}): Promise<MockServerHandle> {
  const s = await startMockServer({ host: '127.0.0.1', port: 0, auth: { type: 'none' }, lang: 'en', ...o });
  servers.push(s);
  return s;
}

async function post(s: MockServerHandle, type: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${s.origin}/${type}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const json = res.headers.get('content-type')?.includes('json')
    ? (JSON.parse(text) as { error_code: number; message: unknown })
    : undefined;
  return { status: res.status, json, text, headers: res.headers };
}

describe('mock province: business rules', () => {
  it('takes a notice once, refuses it again unless isUpdating, bills it, and settles it with a matching receipt', async () => {
    const s = await start();
    expect((await post(s, 'tra-cuu', lookUp())).json?.error_code).toBe(0);
    expect((await post(s, 'thong-bao-thue', notice())).json).toEqual({
      error_code: 0,
      message: 'Tax notice received for dossier 000.04.05.H55-230731-0101',
    });
    const again = await post(s, 'thong-bao-thue', notice());
    expect(again.json?.error_code).toBe(1);
    expect(String(again.json?.message)).toContain('TB-230731-0001');
    expect((await post(s, 'thong-bao-thue', { ...notice(), isUpdating: true })).json?.error_code).toBe(0);

    const bill = await post(s, 'tra-cuu', lookUp());
    expect(bill.json?.error_code).toBe(1);
    expect(bill.json?.message).toMatchObject({
      MaHoSo: '000.04.05.H55-230731-0101',
      PhiLePhi: [{ MaPhiLePhi: 'TB-230731-0001', TenPhiLePhi: 'Lệ phí trước bạ nhà đất', SoTien: 1500000 }],
      DSKhoanNop: [{ NoiDung: 'Lệ phí trước bạ nhà đất', SoTien: 1500000 }],
    });

    const stray = receipt();
    (stray.data.ThongTinThanhToan as Record<string, unknown>).MaThongBaoThue = 'TB-OTHER';
    expect((await post(s, 'chung-tu', stray)).json?.error_code).toBe(1);
    const wrongTaxId = receipt();
    wrongTaxId.data.MaSoThue = '8099999999';
    expect((await post(s, 'chung-tu', wrongTaxId)).json?.error_code).toBe(1);

    expect((await post(s, 'chung-tu', receipt())).json?.error_code).toBe(0);
    expect((await post(s, 'tra-cuu', lookUp())).json?.error_code).toBe(0);
  });

  it('reads bodies bound case-insensitively, isUpdating as a string too (Thanh Hóa style)', async () => {
    const s = await start();
    const n = notice();
    const file = (n.data as Record<string, unknown>).FileThongBaoThue;
    const body = { Service: n.service, IsUpdating: 'false', Data: { fileThongBaoThue: file } };
    expect((await post(s, 'thong-bao-thue', body)).json?.error_code).toBe(0);
    expect((await post(s, 'thong-bao-thue', { ...body, IsUpdating: 'true' })).json?.error_code).toBe(0);
    expect((await post(s, 'thong-bao-thue', body)).json?.error_code).toBe(1);
  });

  it('keeps one notice file with several dossiers', async () => {
    const s = await start();
    const item = {
      MA_SO_THUE: '8012345678',
      SO_QUYET_DINH: 'TB1',
      NGAY_QUYET_DINH: '01-08-2023',
      SO_TIEN: '200000',
      TEN_TIEUMUC: 'Tiền sử dụng đất',
    };
    const file = encodeNotice([
      { MA_HSO: 'H55.92-230404-0004', items: [item] },
      { MA_HSO: 'H55.92-230404-0005', items: [item, { ...item, SO_QUYET_DINH: 'TB2' }] },
    ]);
    expect(
      (
        await post(s, 'thong-bao-thue', {
          service: 'NhanThongBaoThueDat',
          isUpdating: false,
          data: { FileThongBaoThue: file },
        })
      ).json?.error_code,
    ).toBe(0);
    expect(s.province.unpaid('H55.92-230404-0005')).toHaveLength(2);
    expect(s.province.counts).toEqual({ notices: 3, receipts: 0 });
  });

  it('answers -1 with the reason for an invalid body, and HTTP 404/405 for a wrong path or method', async () => {
    const s = await start();
    const bad = receipt();
    delete bad.data.MaSoThue;
    const r = await post(s, 'chung-tu', bad);
    expect(r.status).toBe(200);
    expect(r.json?.error_code).toBe(-1);
    expect(String(r.json?.message)).toContain('data.MaSoThue: required field MaSoThue is missing');
    expect((await post(s, 'chung-tu', '{not json')).json?.error_code).toBe(-1);
    const broken = {
      service: 'NhanThongBaoThueDat',
      data: { FileThongBaoThue: Buffer.from('<DATA><BODY>').toString('base64') },
    };
    expect(String((await post(s, 'thong-bao-thue', broken)).json?.message)).toContain('not well-formed');
    expect((await post(s, 'nope', {})).status).toBe(404);
    const get = await fetch(`${s.origin}/tra-cuu`);
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
  });
});

describe('mock province: authentication', () => {
  const cases: Array<
    [string, MockAuth, Record<string, string>, (b: Record<string, unknown>) => Record<string, unknown>]
  > = [
    [
      'basic',
      { type: 'basic', username: 'dvcqg', password: 's3cret' },
      { authorization: `Basic ${Buffer.from('dvcqg:s3cret').toString('base64')}` },
      (b) => b,
    ],
    ['bearer', { type: 'bearer', token: 'tok-123' }, { authorization: 'Bearer tok-123' }, (b) => b],
    ['header', { type: 'header', name: 'X-Api-Key', value: 'k-9' }, { 'x-api-key': 'k-9' }, (b) => b],
    ['body-key', { type: 'body-key', field: 'SecurityKey', key: 'sk-1' }, {}, (b) => ({ ...b, securitykey: 'sk-1' })],
  ];
  it.each(cases)(
    '%s: right credentials pass, wrong or missing ones get HTTP 401 without the secret',
    async (_name, auth, good, sign) => {
      const s = await start({ auth });
      const body = lookUp() as unknown as Record<string, unknown>;
      expect((await post(s, 'tra-cuu', sign(body), good)).status).toBe(200);
      const none = await post(s, 'tra-cuu', body);
      expect(none.status).toBe(401);
      expect(none.json?.error_code).toBe(-1);
      const secret = Object.values(auth).at(-1) as string;
      expect(none.text).not.toContain(secret);
      const wrong = Object.fromEntries(Object.entries(good).map(([k, v]) => [k, v.slice(0, -1) + 'x']));
      const wrongBody = auth.type === 'body-key' ? { ...body, SecurityKey: 'sk-2' } : body;
      expect((await post(s, 'tra-cuu', wrongBody, wrong)).status).toBe(401);
    },
  );
});

describe('mock province: faults', () => {
  it('--status answers that status always', async () => {
    const s = await start({ status: 503 });
    const r = await post(s, 'tra-cuu', lookUp());
    expect([r.status, r.json?.error_code]).toEqual([503, -1]);
  });

  it('--fail-rate 1 answers an HTML 500 page; a seeded rate repeats the same sequence', async () => {
    const always = await start({ failRate: 1 });
    const r = await post(always, 'tra-cuu', lookUp());
    expect(r.status).toBe(500);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(r.text).toContain('<html>');
    const run = async () => {
      const s = await start({ failRate: 0.5, seed: 42 });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await post(s, 'tra-cuu', lookUp())).status);
      return out;
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a).toContain(500);
    expect(a).toContain(200);
  });

  it('--delay waits before answering', async () => {
    const waits: number[] = [];
    const s = await start({ delayMs: 250, sleep: async (ms) => void waits.push(ms) });
    expect((await post(s, 'tra-cuu', lookUp())).status).toBe(200);
    expect(waits).toEqual([250]);
  });

  it('refuses a body over the limit with 413', async () => {
    const s = await start({ maxBodyBytes: 1000 });
    const r = await post(s, 'tra-cuu', { pad: 'x'.repeat(5000) });
    expect(r.status).toBe(413);
  });
});

describe('mock province: --store and TLS', () => {
  it('saves what it receives atomically and reads it back at start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-mock-'));
    const file = path.join(dir, 'store.json');
    const s1 = await start({ storeFile: file });
    expect((await post(s1, 'thong-bao-thue', notice())).json?.error_code).toBe(0);
    expect((await post(s1, 'chung-tu', receipt())).json?.error_code).toBe(0);
    await s1.flush();
    const saved = JSON.parse(await readFile(file, 'utf8')) as { notices: unknown[]; receipts: unknown[] };
    expect([saved.notices.length, saved.receipts.length]).toEqual([1, 1]);
    const s2 = await start({ storeFile: file });
    expect(s2.province.counts).toEqual({ notices: 1, receipts: 1 });
    expect((await post(s2, 'thong-bao-thue', notice())).json?.error_code).toBe(1);
    await writeFile(file, '{"version": 2}');
    await expect(start({ storeFile: file })).rejects.toMatchObject({ key: 'mock.storeBad', exitCode: 2 });
  });

  it('serves HTTPS with a self-signed certificate a client can trust', async () => {
    const tls = await makeSelfSignedCert('127.0.0.1');
    const s = await start({ tls });
    expect(s.origin.startsWith('https://')).toBe(true);
    const body = JSON.stringify(lookUp());
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = httpsRequest(
        `${s.origin}/tra-cuu`,
        { method: 'POST', ca: tls.cert, headers: { 'content-type': 'application/json' } },
        (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ error_code: 0 });
  });
});
