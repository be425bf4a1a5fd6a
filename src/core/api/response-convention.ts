import type { ApiType, JsonScalar, JsonSchema, ResponseRule } from './api-types.js';

/**
 * Response conventions as data. A province's receiver answers in its own way; dvc judges an answer by the
 * convention the province's config describes (`provinces.<key>.response`, or `apis.<id>.response` for one API),
 * starting from a named preset. The presets are exactly what the public code answers:
 *
 * - `reference`: dvc's recommendation for vendors (and `dvc mock-api`'s default): every 2xx, `{"error_code", "message"}`,
 *   0 accepted, 1 "already exists", -1 invalid; an array answer passes when every element does.
 * - `opencps`: VietOpenCPS/opencps-v2 (`DVCQGIManagementImpl.java`, commits 68433edc and d64c05f9, 2021-06; branch
 *   release-candidate-3.0 at 242803f4b): HTTP 200, `{"error_code", "message"}`; in June 2021 an array, one element
 *   per dossier (0, 1 "Hồ sơ đã tồn tại", -1), since then one object.
 * - `thanh-hoa`: HuanVu201/DichVuCong_KhoaLuan_PASETO at 7d1730ca (`LienThongNVTCDVCQuocGiaController.cs`,
 *   `Result.cs`): HTTP 201, `{"succeeded": true|false, "message", "data"}`.
 */

export const CONVENTION_PRESETS = ['reference', 'opencps', 'thanh-hoa'] as const;
export type ConventionPreset = (typeof CONVENTION_PRESETS)[number];

/** What a config may say about a convention: a preset and any field of it replaced. */
export interface ConventionConfig extends Partial<Omit<ResponseRule, 'maxTimeMs' | 'wrapper'>> {
  preset?: ConventionPreset;
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

/** The fields each preset sets; the rest comes from the API type (its code field and success codes). */
export const PRESET_RULES: Record<ConventionPreset, Partial<ResponseRule> & { source: string }> = {
  reference: {
    source: 'dvc mock-api --emulate reference',
    array: 'every',
    duplicateCodes: [1],
  },
  opencps: {
    source: 'VietOpenCPS/opencps-v2, commits 68433edc, d64c05f9; release-candidate-3.0 at 242803f4b',
    statuses: [200],
    codeField: 'error_code',
    messageField: 'message',
    array: 'every',
    duplicateCodes: [1],
  },
  'thanh-hoa': {
    source: 'HuanVu201/DichVuCong_KhoaLuan_PASETO at 7d1730ca',
    statuses: [201],
    codeField: 'succeeded',
    successCodes: [true],
    messageField: 'message',
    wrapper: THANH_HOA_WRAPPER,
    array: 'reject',
    duplicateCodes: [],
  },
};

/** The presets as plain rules for `dvc test-api types`. */
export function describePresets(): Array<{ name: ConventionPreset } & Partial<ResponseRule> & { source: string }> {
  return CONVENTION_PRESETS.map((name) => ({ name, ...PRESET_RULES[name] }));
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * The convention to judge one API type by: the type's own rule, then the last preset named (an API's preset
 * replaces its province's), then the fields each layer sets (province, then API; later wins). A preset that moves
 * the code field brings its own success codes.
 */
export function resolveConvention(type: ApiType, ...layers: Array<ConventionConfig | undefined>): ResponseRule {
  let rule: ResponseRule = { array: 'every', messageField: 'message', duplicateCodes: [1], ...type.responseRule };
  const preset = layers.reduce<ConventionPreset | undefined>((p, l) => l?.preset ?? p, undefined);
  if (preset) {
    const { source: _source, ...p } = PRESET_RULES[preset];
    rule = { ...rule, ...p };
  }
  for (const layer of layers) {
    if (!layer) continue;
    const { preset: _preset, ...fields } = layer;
    rule = { ...rule, ...defined(fields) };
  }
  return rule;
}

/** `0` and `"0"` are the same code, so are `" 0"` and `"0"`, and `true` and `"true"`. */
export function sameCode(a: unknown, b: JsonScalar): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'boolean' || typeof b === 'boolean') {
    const x = typeof a === 'string' ? a.trim().toLowerCase() : a;
    const y = typeof b === 'string' ? b.trim().toLowerCase() : b;
    return String(x) === String(y);
  }
  if (typeof a !== 'string' && typeof a !== 'number') return false;
  return String(a).trim() === String(b).trim();
}

export function isCodeIn(code: unknown, codes: readonly JsonScalar[] | undefined): boolean {
  return (codes ?? []).some((c) => sameCode(code, c));
}
