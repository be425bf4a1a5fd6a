import { afterEach, describe, expect, it } from 'vitest';
import { buildTemplate, getApiType } from '../core/api/api-type-registry.js';
import type { MockAuth } from '../core/api/mock-auth.js';
import { startMockServer, type MockServerHandle, type MockServerOptions } from './mock-server.js';

const ctx = { unit: '000.04.05.H55', now: new Date(Date.UTC(2023, 6, 31, 2, 30)) };
type Body = Record<string, unknown> & { data: Record<string, unknown> };
const notice = () => buildTemplate(getApiType('thong-bao-thue'), ctx);
const receipt = () => buildTemplate(getApiType('chung-tu'), ctx) as Body;
const lookUp = () => buildTemplate(getApiType('tra-cuu'), ctx);

const servers: MockServerHandle[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(o: Partial<MockServerOptions>): Promise<MockServerHandle> {
  const s = await startMockServer({ host: '127.0.0.1', port: 0, auth: { type: 'none' }, lang: 'vi', ...o });
  servers.push(s);
  return s;
}

async function post(s: MockServerHandle, type: string, body: unknown) {
  const res = await fetch(`${s.origin}/${type}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  const type_ = res.headers.get('content-type') ?? '';
  return { status: res.status, type: type_, text, json: type_.includes('json') ? (JSON.parse(text) as unknown) : null };
}

describe('mock-api --emulate opencps (VietOpenCPS/opencps-v2, release-candidate-3.0)', () => {
  it('answers notices 0 "gửi dữ liệu thành công" even twice, look-ups with [] or the bill', async () => {
    const s = await start({ emulate: 'opencps' });
    expect((await post(s, 'tra-cuu', lookUp())).json).toEqual({ error_code: -1, message: [] });
    const ok = { error_code: 0, message: 'gửi dữ liệu thành công' };
    expect((await post(s, 'thong-bao-thue', notice())).json).toEqual(ok);
    expect((await post(s, 'thong-bao-thue', notice())).json).toEqual(ok);
    const bill = (await post(s, 'tra-cuu', lookUp())).json as { error_code: number; message: { DSKhoanNop: unknown } };
    expect(bill.error_code).toBe(1);
    expect(bill.message.DSKhoanNop).toEqual([{ NoiDung: 'Lệ phí trước bạ nhà đất', SoTien: 1500000 }]);
    expect((await post(s, 'chung-tu', receipt())).json).toEqual(ok);
    expect((await post(s, 'tra-cuu', lookUp())).json).toEqual({ error_code: 0, message: [] });
  });

  it('refuses an empty receipt field by name and an unknown dossier; creates the record for a receipt without notice', async () => {
    const s = await start({ emulate: 'opencps' });
    const empty = receipt();
    empty.data.HuyenNguoiNopTien = '';
    expect((await post(s, 'chung-tu', empty)).json).toEqual({ error_code: -1, message: 'HuyenNguoiNopTien empty' });
    expect((await post(s, 'chung-tu', receipt())).json).toEqual({
      error_code: -1,
      message: '000.04.05.H55-230731-0101 không tồn tại trên hệ thống',
    });
    await post(s, 'thong-bao-thue', notice());
    const other = receipt();
    (other.data.ThongTinThanhToan as Record<string, unknown>).MaThongBaoThue = 'TB-KHAC';
    expect((await post(s, 'chung-tu', other)).json).toMatchObject({ error_code: 0 });
  });

  it('answers HTTP 500 "request body incorrect" as plain text to a body that is not JSON, {} to an unreadable notice', async () => {
    const s = await start({ emulate: 'opencps' });
    const r = await post(s, 'thong-bao-thue', '{not json');
    expect([r.status, r.type, r.text]).toEqual([500, 'text/plain; charset=utf-8', 'request body incorrect']);
    const broken = { service: 'NhanThongBaoThueDat', data: { FileThongBaoThue: 'bm90IHhtbA==' } };
    const e = await post(s, 'thong-bao-thue', broken);
    expect([e.status, e.json]).toEqual([200, {}]);
  });
});

describe('mock-api --emulate thanh-hoa (HuanVu201/DichVuCong_KhoaLuan_PASETO)', () => {
  const auth: MockAuth = { type: 'body-key', field: 'SecurityKey', key: 'khoa-bi-mat-01' };
  it('answers HTTP 201 with {succeeded, message, data}; a wrong SecurityKey is 201 succeeded false', async () => {
    const s = await start({ emulate: 'thanh-hoa', auth });
    const signed = (b: Record<string, unknown>) => ({ ...b, SecurityKey: 'khoa-bi-mat-01' });
    const r = await post(s, 'thong-bao-thue', signed(notice()));
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ succeeded: true, data: null });
    const wrong = await post(s, 'chung-tu', { ...receipt(), SecurityKey: 'sai' });
    expect([wrong.status, wrong.json]).toEqual([
      201,
      { succeeded: false, message: '401 Unauthorized - Error Security Code', data: null },
    ]);
    expect((await post(s, 'chung-tu', signed(receipt()))).json).toMatchObject({ succeeded: true });
  });

  it('fails with HTTP 500 on a field longer than its column', async () => {
    const s = await start({ emulate: 'thanh-hoa' });
    await post(s, 'thong-bao-thue', notice());
    const long = receipt();
    long.data.XaNguoiNopTien = 'X'.repeat(51);
    expect((await post(s, 'chung-tu', long)).status).toBe(500);
  });
});

describe('mock-api --emulate reference', () => {
  it('answers HTTP 200 {error_code, message}: 0, then 1 for the same notice again', async () => {
    const s = await start({ emulate: 'reference', lang: 'en' });
    expect((await post(s, 'thong-bao-thue', notice())).json).toMatchObject({ error_code: 0 });
    expect((await post(s, 'thong-bao-thue', notice())).json).toMatchObject({ error_code: 1 });
    expect((await post(s, 'tra-cuu', '{x')).json).toMatchObject({ error_code: -1 });
  });
});
