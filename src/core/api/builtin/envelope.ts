import type { JsonSchema } from '../api-types.js';

/** Where the fields came from, cited in every schema description (see docs/api-types.md). */
export const SRC = {
  opencpsNotice: 'OpenCPS (VietOpenCPS/opencps-v2, commits 68433edc, d64c05f9), /nps/nhantbthuedvcqg',
  opencpsReceipt: 'OpenCPS (VietOpenCPS/opencps-v2, commits 68433edc, d64c05f9), /nps/nhanhsdvcqg',
  opencpsLookup: 'OpenCPS (VietOpenCPS/opencps-v2), kpdvcqg/dptracuuthanhtoanhs (fees, the closest public look-up)',
  thNotice: 'Thanh Hóa (HuanVu201/DichVuCong_KhoaLuan_PASETO), ImportThongBaoThueFromDVCQG',
  thReceipt: 'Thanh Hóa (HuanVu201/DichVuCong_KhoaLuan_PASETO), ImportChungTuThueFromDVCQG',
  dvc: 'dvc default (no public source)',
} as const;

/** The shape of dossier codes seen in the wild: `000.04.05.H55-230731-0101`, `H55.92-230404-0004`. */
export const DOSSIER_CODE_PATTERN = '^[A-Za-z0-9.]+-[0-9]{6}-[0-9]{4}$';

export function dossierCodeSchema(sources: string): JsonSchema {
  return {
    type: 'string',
    pattern: DOSSIER_CODE_PATTERN,
    description: `Mã hồ sơ / dossier code, {unit}-{yyMMdd}-{NNNN}. Source: ${sources}; the pattern is the shape of published samples (edit it for other shapes).`,
    examples: ['000.04.05.H55-230731-0101'],
  };
}

/** The portal's envelope around `data`; top-level extras (SecurityKey, Ngay) are allowed. */
export function envelopeSchema(o: {
  title: string;
  service: string;
  sources: string;
  data: JsonSchema;
  extra?: Record<string, JsonSchema>;
}): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: o.title,
    type: 'object',
    required: ['service', 'data'],
    properties: {
      service: {
        type: 'string',
        minLength: 1,
        description: `Portal service name; read by the receiver to route the call. Source: ${o.sources}.`,
        examples: [o.service],
      },
      isUpdating: {
        type: ['boolean', 'string'],
        enum: [true, false, 'true', 'false', 'True', 'False'],
        description: `True when the portal resends an updated record. Source: ${o.sources}; Thanh Hóa declares it a string.`,
        examples: [false],
      },
      ...(o.extra ?? {}),
      data: o.data,
    },
    additionalProperties: true,
  };
}

/** The default answer convention: `{"error_code": 0|1|-1, "message": ...}`, codes as numbers or strings. */
export function resultSchema(
  sources: string,
  messageSchema: JsonSchema = { type: ['string', 'object', 'array', 'null'] },
): JsonSchema {
  return {
    type: 'object',
    required: ['error_code'],
    properties: {
      error_code: {
        type: ['integer', 'string'],
        description: `Business code: 0 accepted, 1 already exists / nothing matched / a bill follows, -1 invalid. Source: ${sources}.`,
        examples: [0],
      },
      message: {
        ...messageSchema,
        description: `Human-readable result, or the bill for a look-up. Source: ${sources}.`,
      },
    },
  };
}
