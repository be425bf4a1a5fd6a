import type { ApiRole } from '../api-types.js';
import { readPath } from '../read-path.js';
import { jsonAnswer, TEXT_TYPE, type EmulatedSystem, type MockHttpAnswer, type MockOutcome } from './emulation.js';

/**
 * VietOpenCPS/opencps-v2 as its public code answers (commits 68433edc, d64c05f9, 2021-06; release-candidate-3.0 at
 * 242803f4b, `DVCQGIManagementImpl.java`, `DVCQGIntegrationActionImpl.java`): a notice always gets
 * `{"error_code": 0, "message": "gửi dữ liệu thành công"}` (even a duplicate or an unknown dossier, only logged);
 * a receipt with an empty required field gets -1 "<field> empty", one for a dossier never seen -1 "<MaHoSo> không
 * tồn tại trên hệ thống", one without a matching notice creates the tax record and gets 0; the look-up answers
 * `{"error_code": 0, "message": []}`, -1 with `[]` for an unknown dossier, or 1 with the bill. A body that is not
 * JSON gets HTTP 500 and the plain text "request body incorrect"; an exception inside, HTTP 200 `{}`.
 * Judged: HTTP 200, `{"error_code", "message"}`; in June 2021 an array, one element per dossier (0, 1 "Hồ sơ đã tồn
 * tại", -1), since then one object.
 */

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

const OPENCPS_OK = 'gửi dữ liệu thành công';

/** A business answer in OpenCPS's form (Thanh Hóa's look-up is answered so too). */
export function opencpsAnswer(o: Extract<MockOutcome, { kind: 'answer' }>): MockHttpAnswer {
  const code = o.answer.error_code;
  if (o.role === 'notice') return jsonAnswer(200, { error_code: 0, message: OPENCPS_OK }, 0);
  if (o.role === 'lookup') {
    const isBill = typeof o.text === 'object';
    return jsonAnswer(200, { error_code: code, message: isBill ? o.text : [] }, code);
  }
  if (o.role === 'receipt' && code === -1) {
    const dossier = String((o.answer.message as { params?: { dossier?: unknown } }).params?.dossier ?? '');
    return jsonAnswer(200, { error_code: -1, message: `${dossier} không tồn tại trên hệ thống` }, -1);
  }
  return jsonAnswer(200, { error_code: code, message: code === 0 ? OPENCPS_OK : o.text }, code);
}

function answer(o: MockOutcome): MockHttpAnswer {
  switch (o.kind) {
    case 'answer':
      return opencpsAnswer(o);
    case 'invalid':
      return jsonAnswer(200, { error_code: -1, message: o.emptyField ? `${o.emptyField} empty` : o.reason }, -1);
    case 'unparseable':
      return { status: 500, contentType: TEXT_TYPE, body: 'request body incorrect' };
    case 'unauthorised':
      return {
        ...jsonAnswer(401, { error_code: -1, message: 'Unauthorized' }, -1),
        headers: { 'www-authenticate': 'Basic' },
      };
    case 'internal':
      return jsonAnswer(200, {});
  }
}

/** A receipt is checked for empty fields only (not against dvc's schema); a notice it cannot read is an exception. */
function checkRequest(
  role: ApiRole | undefined,
  bound: unknown,
  schema: () => MockOutcome | undefined,
): MockOutcome | undefined {
  if (role === 'receipt') {
    const empty = firstEmptyReceiptField(bound);
    return empty ? { kind: 'invalid', role, reason: `${empty} empty`, emptyField: empty } : undefined;
  }
  const invalid = schema();
  if (invalid && role === 'notice') return { kind: 'internal', reason: 'notice unreadable' };
  return invalid;
}

export const opencpsSystem: EmulatedSystem = {
  title: 'mock.emulation.opencps',
  convention: {
    source: 'VietOpenCPS/opencps-v2, commits 68433edc, d64c05f9; release-candidate-3.0 at 242803f4b',
    statuses: [200],
    codeField: 'error_code',
    messageField: 'message',
    array: 'every',
    duplicateCodes: [1],
  },
  policy: { duplicateNotice: 'accept', receiptWithoutNotice: 'create', unknownDossier: 'refuse' },
  unreadableKeyedBody: 'unparseable',
  checkRequest,
  answer,
};
