import type { ApiType, JsonSchema, RequestBody, TemplateContext } from '../api-types.js';
import { formatVnTime } from '../vn-time.js';
import { factsOf, sampleDossierCode, SAMPLE } from './samples.js';
import { dossierCodeSchema, envelopeSchema, resultSchema, SRC } from './envelope.js';

const SOURCES = `${SRC.opencpsReceipt}; ${SRC.thReceipt}`;
export const CHUNG_TU_SERVICE = 'NhanChungTuThueDat';

function text(description: string, example: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', description: `${description} Source: ${SOURCES}.`, examples: [example], ...extra };
}

/**
 * The strictest public receiver decides: OpenCPS answers -1 "<field> empty" when any of these is empty, and Thanh
 * Hóa's model caps the lengths (DiaChiNguoiNopTien 100; Tinh/Huyen/XaNguoiNopTien and MaThongBaoThue 50).
 */
const paymentSchema: JsonSchema = {
  type: 'object',
  required: ['MaThongBaoThue', 'ThoiGianThanhToan', 'SoTien', 'NoiDungThanhToan', 'TrangThaiThanhToan'],
  description: `Payment details. Source: ${SOURCES}.`,
  properties: {
    MaThongBaoThue: text(
      'Notice number: the SO_QUYET_DINH of the earlier NhanThongBaoThueDat notice; matched with MaHoSo and MaSoThue.',
      'TB-230731-0001',
      { minLength: 1, maxLength: 50 },
    ),
    ThoiGianThanhToan: text(
      'Payment time, yyyyMMddHHmmss (Thanh Hóa parses it with that exact format).',
      '20230731093000',
      {
        pattern: '^[0-9]{14}$',
        format: 'vn-yyyyMMddHHmmss',
      },
    ),
    SoTien: {
      type: ['number', 'string'],
      minimum: 0,
      pattern: '^[0-9]+(\\.[0-9]+)?$',
      description: `Amount paid, VND (a double in Thanh Hóa's code). Source: ${SOURCES}.`,
      examples: [1500000],
    },
    NoiDungThanhToan: text('Payment description.', 'Nộp lệ phí trước bạ nhà đất hồ sơ 000.04.05.H55-230731-0101', {
      minLength: 1,
    }),
    TrangThaiThanhToan: {
      type: ['integer', 'string'],
      pattern: '^-?[0-9]+$',
      description: `Payment state, 1 = paid (an int in Thanh Hóa's code). Source: ${SOURCES}.`,
      examples: [1],
    },
  },
  additionalProperties: true,
};

const dataSchema: JsonSchema = {
  type: 'object',
  description: `The payment voucher (chứng từ, biên lai). Source: ${SOURCES}.`,
  required: [
    'MaHoSo',
    'MaSoThue',
    'HoTenNguoiNopTien',
    'SoCMTNguoiNopTien',
    'DiaChiNguoiNopTien',
    'HuyenNguoiNopTien',
    'XaNguoiNopTien',
    'UrlFileChungTu',
    'ThongTinThanhToan',
  ],
  properties: {
    MaHoSo: dossierCodeSchema(SOURCES),
    MaSoThue: text(
      'Tax identification number of the payer: 10 digits, 10-3 for a branch, or a 12-digit citizen id.',
      '8012345678',
      {
        pattern: '^([0-9]{10}(-[0-9]{3})?|[0-9]{12})$',
      },
    ),
    HoTenNguoiNopTien: text("Payer's full name.", 'Nguyễn Văn An', { minLength: 1 }),
    SoCMTNguoiNopTien: text("Payer's identity card (CMND, 9 digits) or citizen id (CCCD, 12 digits).", '001085012345', {
      pattern: '^([0-9]{9}|[0-9]{12})$',
    }),
    DiaChiNguoiNopTien: text("Payer's address (at most 100 characters in Thanh Hóa's model).", 'Số 1 Lê Lợi', {
      minLength: 1,
      maxLength: 100,
    }),
    TinhNguoiNopTien: text("Payer's province (at most 50 characters).", 'Tỉnh Thanh Hóa', { maxLength: 50 }),
    HuyenNguoiNopTien: text(
      "Payer's district. Since 1 July 2025 there is no district level, but OpenCPS still answers -1 when it is empty: dvc writes the former district (huyện) of the address, or the commune again when that is not known (at most 50 characters).",
      'Thành phố Thanh Hóa',
      { minLength: 1, maxLength: 50 },
    ),
    XaNguoiNopTien: text("Payer's commune or ward (at most 50 characters).", 'Phường Hạc Thành', {
      minLength: 1,
      maxLength: 50,
    }),
    UrlFileChungTu: text(
      'Where the receipt (biên lai) file can be downloaded.',
      'https://bienlai.example.vn/000.04.05.H55-230731-0101.pdf',
      { minLength: 1 },
    ),
    ThongTinThanhToan: paymentSchema,
  },
  additionalProperties: true,
};

const requestSchema = envelopeSchema({
  title: 'NhanChungTuThueDat request',
  service: CHUNG_TU_SERVICE,
  sources: SOURCES,
  data: dataSchema,
});
const responseSchema: JsonSchema = { $schema: 'http://json-schema.org/draft-07/schema#', ...resultSchema(SOURCES) };

function build(ctx: TemplateContext): RequestBody {
  const dossier = sampleDossierCode(ctx);
  const f = factsOf(ctx);
  return {
    service: CHUNG_TU_SERVICE,
    isUpdating: false,
    data: {
      MaHoSo: dossier,
      MaSoThue: f.taxId,
      HoTenNguoiNopTien: f.payerName,
      SoCMTNguoiNopTien: f.payerId,
      DiaChiNguoiNopTien: 'Số 1 Lê Lợi',
      TinhNguoiNopTien: 'Tỉnh Thanh Hóa',
      // No district since July 2025; OpenCPS refuses an empty one: the former district of the address.
      HuyenNguoiNopTien: 'Thành phố Thanh Hóa',
      XaNguoiNopTien: 'Phường Hạc Thành',
      UrlFileChungTu: `https://bienlai.example.vn/${dossier}.pdf`,
      ThongTinThanhToan: {
        MaThongBaoThue: f.noticeNumber,
        ThoiGianThanhToan: formatVnTime(ctx.now, 'yyyyMMddHHmmss'),
        SoTien: f.amount,
        NoiDungThanhToan: f.paymentText,
        TrangThaiThanhToan: 1,
      },
    },
  };
}

export const chungTu: ApiType = {
  id: 'chung-tu',
  titles: {
    vi: 'Nhận chứng từ nộp thuế đất (NhanChungTuThueDat)',
    en: 'Receive a land tax payment voucher (NhanChungTuThueDat)',
  },
  service: CHUNG_TU_SERVICE,
  origin: 'builtin',
  build,
  requestSchema,
  responseSchema,
  exampleRequest: build({ unit: SAMPLE.unit, now: SAMPLE.now }),
  exampleResponse: { error_code: 0, message: 'Đã nhận chứng từ của hồ sơ 000.04.05.H55-230731-0101' },
  responseRule: { codeField: 'error_code', successCodes: ['0'], messageField: 'message' },
  role: 'receipt',
  requestLine: 'API nhận chứng từ, biên lai nộp thuế đất (NhanChungTuThueDat)',
};
