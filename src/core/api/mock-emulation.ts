import type { ApiRole } from './api-types.js';
import { readPath } from './check-response.js';
import { REFERENCE_POLICY, type MockAnswer, type MockPolicy } from './mock-province.js';

/**
 * How `dvc mock-api --emulate <name>` answers: the business rules (a MockPolicy) and the HTTP form of each answer.
 *
 * - `reference`: dvc's recommendation for vendors. HTTP 200 `{"error_code", "message"}` for every business answer
 *   (0 accepted, 1 already exists / no matching notice / a bill, -1 invalid), 401 for bad credentials.
 * - `opencps`: VietOpenCPS/opencps-v2 as its public code answers (commits 68433edc, d64c05f9; release-candidate-3.0
 *   at 242803f4b, `DVCQGIManagementImpl.java`, `DVCQGIntegrationActionImpl.java`): a notice always gets
 *   `{"error_code": 0, "message": "gửi dữ liệu thành công"}` (even a duplicate or an unknown dossier, only logged);
 *   a receipt with an empty required field gets -1 "<field> empty", one for a dossier never seen -1 "<MaHoSo> không
 *   tồn tại trên hệ thống", one without a matching notice creates the tax record and gets 0; the look-up answers
 *   `{"error_code": 0, "message": []}`, -1 with `[]` for an unknown dossier, or 1 with the bill. A body that is not
 *   JSON gets HTTP 500 and the plain text "request body incorrect"; an exception inside, HTTP 200 `{}`.
 * - `thanh-hoa`: HuanVu201/DichVuCong_KhoaLuan_PASETO at 7d1730ca (`LienThongNVTCDVCQuocGiaController.cs`,
 *   `Result.cs`, `ChungTuThue.cs`): HTTP 201 `{"succeeded", "message", "data"}`; a wrong SecurityKey gives 201 with
 *   succeeded false and "401 Unauthorized - Error Security Code"; a field longer than its column (DiaChiNguoiNopTien
 *   100, Tinh/Huyen/XaNguoiNopTien and MaThongBaoThue 50) fails in the database: HTTP 500. That code has no look-up:
 *   the emulation answers it in OpenCPS's form. The import stores what it gets, so the same notice again is
 *   accepted (stored over); a receipt without its notice, which that code does not show, is refused (succeeded
 *   false), as `reference` does.
 */

export const EMULATIONS = ['reference', 'opencps', 'thanh-hoa'] as const;
export type Emulation = (typeof EMULATIONS)[number];

/** What happened to one request, before it is put into the emulated system's HTTP form. */
export type MockOutcome =
  | { kind: 'answer'; role: ApiRole | undefined; answer: MockAnswer; text: string | Record<string, unknown> }
  | { kind: 'invalid'; role: ApiRole | undefined; reason: string; emptyField?: string; tooLong?: boolean }
  | { kind: 'unparseable'; reason: string }
  | { kind: 'unauthorised' }
  | { kind: 'internal'; reason: string };

export interface MockHttpAnswer {
  status: number;
  contentType: string;
  body: string;
  /** The business code, for the exchange log. */
  errorCode?: number;
  headers?: Record<string, string>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

export const POLICIES: Record<Emulation, MockPolicy> = {
  reference: REFERENCE_POLICY,
  opencps: { duplicateNotice: 'accept', receiptWithoutNotice: 'create', unknownDossier: 'refuse' },
  'thanh-hoa': { duplicateNotice: 'accept', receiptWithoutNotice: 'refuse', unknownDossier: 'ignore' },
};

/** The fields OpenCPS checks, in its order, on a receipt (`<field> empty`). */
export const OPENCPS_RECEIPT_FIELDS = [
  'MaHoSo',
  'HoTenNguoiNopTien',
  'SoCMTNguoiNopTien',
  'DiaChiNguoiNopTien',
  'HuyenNguoiNopTien',
  'XaNguoiNopTien',
  'MaSoThue',
  'UrlFileChungTu',
  'ThongTinThanhToan.MaThongBaoThue',
  'ThongTinThanhToan.ThoiGianThanhToan',
  'ThongTinThanhToan.SoTien',
  'ThongTinThanhToan.NoiDungThanhToan',
  'ThongTinThanhToan.TrangThaiThanhToan',
] as const;

/** The first receipt field OpenCPS would call empty, or undefined. */
export function firstEmptyReceiptField(body: unknown): string | undefined {
  for (const f of OPENCPS_RECEIPT_FIELDS) {
    const v = readPath(body, `data.${f}`);
    if (v === undefined || v === null || String(v).trim() === '') return f.split('.').pop();
  }
  return undefined;
}

/** Thanh Hóa's column limits on a receipt. */
export const THANH_HOA_LIMITS: ReadonlyArray<[string, number]> = [
  ['DiaChiNguoiNopTien', 100],
  ['TinhNguoiNopTien', 50],
  ['HuyenNguoiNopTien', 50],
  ['XaNguoiNopTien', 50],
  ['ThongTinThanhToan.MaThongBaoThue', 50],
];

export function overThanhHoaLimit(body: unknown): string | undefined {
  for (const [f, max] of THANH_HOA_LIMITS) {
    const v = readPath(body, `data.${f}`);
    if (typeof v === 'string' && [...v].length > max) return f;
  }
  return undefined;
}

const json = (status: number, value: unknown, errorCode?: number): MockHttpAnswer => ({
  status,
  contentType: JSON_TYPE,
  body: JSON.stringify(value),
  ...(errorCode !== undefined ? { errorCode } : {}),
});

function reference(o: MockOutcome): MockHttpAnswer {
  switch (o.kind) {
    case 'answer':
      return json(200, { error_code: o.answer.error_code, message: o.text }, o.answer.error_code);
    case 'invalid':
      return json(200, { error_code: -1, message: o.reason }, -1);
    case 'unparseable':
      return json(200, { error_code: -1, message: o.reason }, -1);
    case 'unauthorised':
      return json(401, { error_code: -1, message: 'Unauthorized' }, -1);
    case 'internal':
      return json(500, { error_code: -1, message: o.reason }, -1);
  }
}

const OPENCPS_OK = 'gửi dữ liệu thành công';

function opencpsAnswer(o: Extract<MockOutcome, { kind: 'answer' }>): MockHttpAnswer {
  const code = o.answer.error_code;
  if (o.role === 'notice') return json(200, { error_code: 0, message: OPENCPS_OK }, 0);
  if (o.role === 'lookup') {
    const isBill = typeof o.text === 'object';
    return json(200, { error_code: code, message: isBill ? o.text : [] }, code);
  }
  if (o.role === 'receipt' && code === -1) {
    const dossier = String((o.answer.message as { params?: { dossier?: unknown } }).params?.dossier ?? '');
    return json(200, { error_code: -1, message: `${dossier} không tồn tại trên hệ thống` }, -1);
  }
  return json(200, { error_code: code, message: code === 0 ? OPENCPS_OK : o.text }, code);
}

function opencps(o: MockOutcome): MockHttpAnswer {
  switch (o.kind) {
    case 'answer':
      return opencpsAnswer(o);
    case 'invalid':
      return json(200, { error_code: -1, message: o.emptyField ? `${o.emptyField} empty` : o.reason }, -1);
    case 'unparseable':
      return { status: 500, contentType: TEXT_TYPE, body: 'request body incorrect' };
    case 'unauthorised':
      return {
        ...json(401, { error_code: -1, message: 'Unauthorized' }, -1),
        headers: { 'www-authenticate': 'Basic' },
      };
    case 'internal':
      return json(200, {});
  }
}

function thanhHoa(o: MockOutcome): MockHttpAnswer {
  const wrap = (succeeded: boolean, message: string, data: unknown = null) =>
    json(201, { succeeded, message, data }, succeeded ? 0 : -1);
  switch (o.kind) {
    case 'answer':
      if (o.role === 'lookup' || o.role === undefined) return opencpsAnswer(o);
      return wrap(o.answer.error_code === 0, typeof o.text === 'string' ? o.text : '', null);
    case 'invalid':
      if (o.tooLong)
        return { status: 500, contentType: TEXT_TYPE, body: 'An error occurred while saving the entity changes.' };
      return wrap(false, o.reason);
    case 'unparseable':
      return json(400, { title: 'One or more validation errors occurred.', status: 400 });
    case 'unauthorised':
      return wrap(false, '401 Unauthorized - Error Security Code');
    case 'internal':
      return { status: 500, contentType: TEXT_TYPE, body: o.reason };
  }
}

/** The HTTP answer of the emulated system to one outcome. */
export function emulatedAnswer(emulation: Emulation, o: MockOutcome): MockHttpAnswer {
  if (emulation === 'opencps') return opencps(o);
  if (emulation === 'thanh-hoa') return thanhHoa(o);
  return reference(o);
}
