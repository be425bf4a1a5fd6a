import type { ApiType, JsonSchema, RequestBody, TemplateContext } from '../api-types.js';
import { sampleDossierCode, SAMPLE } from './samples.js';
import { dossierCodeSchema, resultSchema, SRC } from './envelope.js';

const SOURCES = SRC.opencpsLookup;

/**
 * The land look-up's real shape is not public. This is the closest public form, OpenCPS's fee look-up
 * (`kpdvcqg/dptracuuthanhtoanhs`): a bare body `{"MaHoSo": "..."}`, no envelope and no `service` name. A province
 * whose receiver wants an envelope names its service in the config (`apiTypes.tra-cuu.service`); dvc never sends a
 * made-up one.
 */
const requestSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Tra cứu nghĩa vụ tài chính (look-up) request',
  type: 'object',
  description: `The look-up: the dossier code, as a bare body. Source: ${SOURCES}.`,
  required: ['MaHoSo'],
  properties: { MaHoSo: dossierCodeSchema(SOURCES) },
  additionalProperties: true,
};

function money(description: string): JsonSchema {
  return { type: ['number', 'string'], description: `${description} Source: ${SOURCES}.`, examples: [1500000] };
}
function str(description: string): JsonSchema {
  return { type: 'string', description: `${description} Source: ${SOURCES}.` };
}

/** The bill in `message` when error_code is 1 (field names from OpenCPS's fee look-up). */
export const billSchema: JsonSchema = {
  type: 'object',
  properties: {
    MaHoSo: str('Dossier code.'),
    MaTTHC: str('Administrative procedure code, e.g. 1.003877.'),
    TenTTHC: str('Administrative procedure name.'),
    MaDonVi: str('Unit code.'),
    TenDonVi: str('Unit name.'),
    PhiLePhi: {
      type: 'array',
      description: `Fees and charges. Source: ${SOURCES}.`,
      items: {
        type: 'object',
        properties: {
          LoaiPhiLePhi: { type: ['integer', 'string'] },
          MaPhiLePhi: str('Fee code.'),
          TenPhiLePhi: str('Fee name.'),
          SoTien: money('Amount, VND.'),
        },
      },
    },
    TKThuHuong: str('Beneficiary account.'),
    MaNHThuHuong: str('Beneficiary bank code.'),
    TenTKThuHuong: str('Beneficiary account name.'),
    NoiDungThanhToan: str('Payment description.'),
    HoTenNguoiNop: str("Payer's name."),
    SoCMNDNguoiNop: str("Payer's identity number."),
    DSKhoanNop: {
      type: 'array',
      description: `Items to pay. Source: ${SOURCES}.`,
      items: { type: 'object', properties: { NoiDung: str('Item.'), SoTien: money('Amount, VND.') } },
    },
  },
};

/** `message`: `[]` (nothing due, or unknown with -1), a bill object, an array of bills, a text, or null. */
const responseSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...resultSchema(SOURCES, {
    anyOf: [{ type: 'string' }, billSchema, { type: 'array', items: billSchema }, { type: 'null' }],
  }),
};

function build(ctx: TemplateContext): RequestBody {
  return { MaHoSo: sampleDossierCode(ctx) };
}

export const traCuu: ApiType = {
  id: 'tra-cuu',
  titles: { vi: 'Tra cứu nghĩa vụ tài chính của hồ sơ', en: "Look up a dossier's financial obligations" },
  origin: 'builtin',
  build,
  requestSchema,
  responseSchema,
  exampleRequest: build({ unit: SAMPLE.unit, now: SAMPLE.now }),
  exampleResponse: {
    error_code: 1,
    message: {
      MaHoSo: '000.04.05.H55-230731-0101',
      MaTTHC: '1.003877',
      TenTTHC: 'Đăng ký biến động quyền sử dụng đất',
      MaDonVi: '000.04.05.H55',
      TenDonVi: 'Bộ phận một cửa',
      PhiLePhi: [{ LoaiPhiLePhi: 2, MaPhiLePhi: 'LPTB', TenPhiLePhi: 'Lệ phí trước bạ nhà đất', SoTien: 1500000 }],
      TKThuHuong: '7111',
      MaNHThuHuong: '01201001',
      TenTKThuHuong: 'Thu ngân sách nhà nước',
      NoiDungThanhToan: 'Nộp lệ phí trước bạ nhà đất hồ sơ 000.04.05.H55-230731-0101',
      HoTenNguoiNop: 'Nguyễn Văn An',
      SoCMNDNguoiNop: '001085012345',
      DSKhoanNop: [{ NoiDung: 'Lệ phí trước bạ nhà đất', SoTien: 1500000 }],
    },
  },
  /** A bill (1) is as much a working answer of a look-up as "nothing to pay" (0); -1 is the failure. */
  responseRule: { codeField: 'error_code', successCodes: ['0', '1'], messageField: 'message' },
  role: 'lookup',
  requestLine: 'API tra cứu nghĩa vụ tài chính theo mã hồ sơ',
};
