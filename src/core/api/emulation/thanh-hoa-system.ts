import type { JsonSchema } from '../api-types.js';
import { readPath } from '../read-path.js';
import { opencpsAnswer } from './opencps-system.js';
import { jsonAnswer, TEXT_TYPE, type EmulatedSystem, type MockHttpAnswer, type MockOutcome } from './emulation.js';

/**
 * Thanh Hóa's receiver: HuanVu201/DichVuCong_KhoaLuan_PASETO at 7d1730ca (`LienThongNVTCDVCQuocGiaController.cs`,
 * `Result.cs`, `ChungTuThue.cs`): HTTP 201 `{"succeeded", "message", "data"}`; a wrong SecurityKey gives 201 with
 * succeeded false and "401 Unauthorized - Error Security Code"; a field longer than its column (DiaChiNguoiNopTien
 * 100, Tinh/Huyen/XaNguoiNopTien and MaThongBaoThue 50) fails in the database: HTTP 500. That code has no look-up:
 * the emulation answers it in OpenCPS's form (and the registry judges it so). The import stores what it gets, so
 * the same notice again is accepted (stored over); a receipt without its notice, which that code does not show, is
 * refused (succeeded false), as dvc's reference does.
 */

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

const THANH_HOA_WRAPPER: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: "Thanh Hóa's Result wrapper",
  type: 'object',
  required: ['succeeded'],
  properties: {
    succeeded: {
      type: 'boolean',
      description: 'Source: HuanVu201/DichVuCong_KhoaLuan_PASETO at 7d1730ca, Result.cs.',
    },
    message: { type: ['string', 'null'] },
    data: {},
  },
};

function answer(o: MockOutcome): MockHttpAnswer {
  const wrap = (succeeded: boolean, message: string, data: unknown = null) =>
    jsonAnswer(201, { succeeded, message, data }, succeeded ? 0 : -1);
  switch (o.kind) {
    case 'answer':
      if (o.role === 'lookup' || o.role === undefined) return opencpsAnswer(o);
      return wrap(o.answer.error_code === 0, typeof o.text === 'string' ? o.text : '', null);
    case 'invalid':
      if (o.tooLong)
        return { status: 500, contentType: TEXT_TYPE, body: 'An error occurred while saving the entity changes.' };
      return wrap(false, o.reason);
    case 'unparseable':
      return jsonAnswer(400, { title: 'One or more validation errors occurred.', status: 400 });
    case 'unauthorised':
      return wrap(false, '401 Unauthorized - Error Security Code');
    case 'internal':
      return { status: 500, contentType: TEXT_TYPE, body: o.reason };
  }
}

export const thanhHoaSystem: EmulatedSystem = {
  title: 'mock.emulation.thanhHoa',
  convention: {
    source: 'HuanVu201/DichVuCong_KhoaLuan_PASETO at 7d1730ca',
    statuses: [201],
    codeField: 'succeeded',
    successCodes: [true],
    messageField: 'message',
    wrapper: THANH_HOA_WRAPPER,
    array: 'reject',
    duplicateCodes: [],
  },
  policy: { duplicateNotice: 'accept', receiptWithoutNotice: 'refuse', unknownDossier: 'ignore' },
  unreadableKeyedBody: 'unparseable',
  /** A receipt field longer than its column fails in the database, before any other check. */
  checkRequest(role, bound, schema) {
    if (role === 'receipt') {
      const long = overThanhHoaLimit(bound);
      if (long) return { kind: 'invalid', role, reason: long, tooLong: true };
    }
    return schema();
  },
  answer,
};
