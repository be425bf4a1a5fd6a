import type { ApiType, JsonSchema, RequestBody, TemplateContext } from '../api-types.js';
import { encodeNotice } from '../notice-xml.js';
import { formatVnTime } from '../vn-time.js';
import { factsOf, sampleDossierCode, SAMPLE } from './samples.js';
import { envelopeSchema, resultSchema, SRC } from './envelope.js';

const SOURCES = `${SRC.opencpsNotice}; ${SRC.thNotice}`;
export const THONG_BAO_THUE_SERVICE = 'NhanThongBaoThueDat';

const dataSchema: JsonSchema = {
  type: 'object',
  description: `The notice file. Source: ${SOURCES}.`,
  required: ['FileThongBaoThue'],
  properties: {
    FileThongBaoThue: {
      type: 'string',
      minLength: 1,
      contentEncoding: 'base64',
      contentMediaType: 'application/xml',
      description: `base64 of the UTF-8 XML /DATA/BODY/ROW_LIST (MA_HSO; LIST rows MA_SO_THUE, SO_QUYET_DINH, NGAY_QUYET_DINH dd-MM-yyyy, SO_TIEN, TEN_TIEUMUC). Source: ${SOURCES}.`,
      examples: ['PD94bWwgdmVyc2lvbj0iMS4wIiBlbmNvZGluZz0iVVRGLTgiPz4KPERBVEE+PEJPRFk+PC9CT0RZPjwvREFUQT4='],
    },
  },
  additionalProperties: true,
};

const requestSchema = envelopeSchema({
  title: 'NhanThongBaoThueDat request',
  service: THONG_BAO_THUE_SERVICE,
  sources: SOURCES,
  data: dataSchema,
  extra: {
    Ngay: {
      type: 'string',
      pattern: '^[0-9]{14}$',
      description: `Sending time. Source: ${SRC.thNotice} (a string there; its format is not visible in that code, dvc writes yyyyMMddHHmmss like ThoiGianThanhToan).`,
      examples: ['20230731093000'],
    },
  },
});

const single = resultSchema(SOURCES);
/** OpenCPS answers a notice with an array of results, one per dossier. */
const responseSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  anyOf: [single, { type: 'array', minItems: 1, items: single }],
};

/** The notice of one sample dossier; its SO_QUYET_DINH is the MaThongBaoThue of the chung-tu template. */
export function sampleNotice(ctx: TemplateContext) {
  const dossier = sampleDossierCode(ctx);
  const f = factsOf(ctx);
  return [
    {
      MA_HSO: dossier,
      items: [
        {
          MA_SO_THUE: f.taxId,
          SO_QUYET_DINH: f.noticeNumber,
          NGAY_QUYET_DINH: formatVnTime(ctx.now, 'dd-MM-yyyy'),
          SO_TIEN: String(f.amount),
          TEN_TIEUMUC: f.itemName,
        },
      ],
    },
  ];
}

function build(ctx: TemplateContext): RequestBody {
  return {
    service: THONG_BAO_THUE_SERVICE,
    isUpdating: false,
    Ngay: formatVnTime(ctx.now, 'yyyyMMddHHmmss'),
    data: { FileThongBaoThue: encodeNotice(sampleNotice(ctx)) },
  };
}

const EXAMPLE_CTX: TemplateContext = { unit: SAMPLE.unit, now: SAMPLE.now };

export const thongBaoThue: ApiType = {
  id: 'thong-bao-thue',
  titles: {
    vi: 'Nhận thông báo thuế đất (NhanThongBaoThueDat)',
    en: 'Receive a land tax notice (NhanThongBaoThueDat)',
  },
  service: THONG_BAO_THUE_SERVICE,
  origin: 'builtin',
  build,
  requestSchema,
  responseSchema,
  exampleRequest: build(EXAMPLE_CTX),
  exampleResponse: { error_code: 0, message: 'Đã nhận thông báo thuế của hồ sơ 000.04.05.H55-230731-0101' },
  responseRule: { codeField: 'error_code', successCodes: ['0'], messageField: 'message' },
  role: 'notice',
  requestLine: 'API nhận thông báo thuế đất (NhanThongBaoThueDat)',
};
