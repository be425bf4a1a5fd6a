import { DvcError, ExitCode } from '../../errors.js';
import { jsonErrorAt } from '../text/json-error-at.js';
import type {
  ApiType,
  ApiTypeId,
  ApiTypeOverrides,
  DecodedNotice,
  RequestBody,
  TemplateContext,
  ValidationIssue,
} from './api-types.js';
import { traCuu } from './builtin/tra-cuu.js';
import { thongBaoThue } from './builtin/thong-bao-thue.js';
import { chungTu } from './builtin/chung-tu.js';
import { mergeApiType } from './merge-type.js';
import { fillTemplate } from './fill-template.js';
import { bindKeys } from './bind-keys.js';
import { schemaIssues } from './schema-validator.js';
import { decodeNotice } from './notice-xml.js';
import { readPath } from './check-response.js';
import { stripBom } from '../text/utf8.js';

export type * from './api-types.js';
export { checkResponse, judgeResponse, prepareChecks, readPath, sameCode, type Judgement } from './check-response.js';
export {
  describePresets,
  isCodeIn,
  resolveConvention,
  type ConventionConfig,
  type ConventionPreset,
} from './response-convention.js';
export { buildNoticeXml, encodeNotice, parseNoticeXml, decodeNotice, NOTICE_ITEM_FIELDS } from './notice-xml.js';
export { bindKeys } from './bind-keys.js';
export { formatVnTime } from './vn-time.js';

/**
 * The one registry of API types (tra-cuu, thong-bao-thue, chung-tu, and any a province adds in its config).
 * Pure: the override files are read by src/io/api-type-files.ts and passed in as data.
 */

const BUILTINS: readonly ApiType[] = [traCuu, thongBaoThue, chungTu];

/** The built-in types, merged with the config's overrides and additions (after the built-ins, by id). */
export function listApiTypes(overrides: ApiTypeOverrides = {}): ApiType[] {
  const out = BUILTINS.map((b) => (overrides[b.id] ? mergeApiType(b.id, b, overrides[b.id]) : b));
  const extra = Object.keys(overrides)
    .filter((id) => !BUILTINS.some((b) => b.id === id))
    .sort();
  for (const id of extra) out.push(mergeApiType(id, undefined, overrides[id]));
  return out;
}

/** One type by id; an unknown id is a usage error (`api.unknownType`, exit 2) listing the known ones. */
export function getApiType(id: ApiTypeId, overrides: ApiTypeOverrides = {}): ApiType {
  const base = BUILTINS.find((b) => b.id === id);
  const o = overrides[id];
  if (base) return o ? mergeApiType(id, base, o) : base;
  if (o) return mergeApiType(id, undefined, o);
  const known = [
    ...BUILTINS.map((b) => b.id),
    ...Object.keys(overrides).filter((k) => !BUILTINS.some((b) => b.id === k)),
  ];
  throw new DvcError('api.unknownType', { id, known: known.join(', ') }, ExitCode.Usage);
}

/** A request body for the type: the config's template (placeholders filled) or the built-in one. */
export function buildTemplate(type: ApiType, ctx: TemplateContext): RequestBody {
  if (type.template) return fillTemplate(type.template, ctx);
  if (type.build) {
    const body = type.build(ctx);
    return type.service === undefined || body.service === type.service ? body : { ...body, service: type.service };
  }
  return structuredClone(type.exampleRequest);
}

function parseIfText(body: unknown): { value?: unknown; issue?: ValidationIssue } {
  if (typeof body !== 'string') return { value: body };
  try {
    return { value: JSON.parse(stripBom(body)) };
  } catch {
    const at = jsonErrorAt(stripBom(body)) ?? { line: 1, column: 1 };
    return { issue: { path: '', problem: { key: 'api.issue.notJson', params: { line: at.line, column: at.column } } } };
  }
}

/** Problems of a body (object or JSON text) against the type's request schema, keys bound case-insensitively. */
export function validateRequest(type: ApiType, body: unknown): ValidationIssue[] {
  const { value, issue } = parseIfText(body);
  if (issue) return [issue];
  const bound = bindKeys(type.requestSchema, value);
  const issues = schemaIssues(type.requestSchema, bound);
  const service = readPath(bound, 'service');
  if (type.service !== undefined && typeof service === 'string' && service !== type.service) {
    issues.push({
      path: 'service',
      problem: { key: 'api.issue.service', params: { actual: service, expected: type.service } },
      example: type.service,
    });
  }
  const file = readPath(bound, 'data.FileThongBaoThue');
  if (typeof file === 'string' && file !== '' && !issues.some((i) => i.path === 'data.FileThongBaoThue')) {
    issues.push(...decodeNotice(file, 'data.FileThongBaoThue').issues);
  }
  return issues;
}

/**
 * The notice rows inside a thong-bao-thue body (`data.FileThongBaoThue`, base64 XML). Also takes the base64 text
 * alone, or the XML itself. Problems are returned as issues, never thrown.
 */
export function decodeBody(body: unknown): DecodedNotice {
  if (typeof body === 'string') {
    const text = stripBom(body).trim();
    if (text.startsWith('<')) return { ...decodeNotice(Buffer.from(text, 'utf8').toString('base64'), ''), xml: text };
    if (!text.startsWith('{')) return decodeNotice(text, '');
  }
  const { value, issue } = parseIfText(body);
  if (issue) return { dossiers: [], rows: [], xml: '', issues: [issue] };
  const file = readPath(bindKeys(thongBaoThue.requestSchema, value), 'data.FileThongBaoThue');
  if (typeof file !== 'string' || file === '') {
    return {
      dossiers: [],
      rows: [],
      xml: '',
      issues: [
        {
          path: 'data.FileThongBaoThue',
          problem: { key: 'api.issue.required', params: { field: 'FileThongBaoThue' } },
        },
      ],
    };
  }
  return decodeNotice(file);
}
