import { DvcError, ExitCode } from '../../errors.js';
import type {
  ApiType,
  ApiTypeId,
  ApiTypeOverrides,
  Check,
  DecodedNotice,
  HttpResult,
  RequestBody,
  ResponseRule,
  TemplateContext,
  ValidationIssue,
} from './types.js';

export type * from './types.js';

/**
 * The one registry of API types (tra-cuu, thong-bao-thue, chung-tu, and any a province adds in its config).
 * Pure: the override files are read by src/io/api-type-files.ts and passed in as data.
 */

/** The built-in types, merged with the config's overrides and additions, in a stable order. */
export function listApiTypes(overrides?: ApiTypeOverrides): ApiType[] {
  void overrides;
  throw new DvcError('cli.internal', { detail: 'listApiTypes: not implemented yet' }, ExitCode.Internal);
}

/** One type by id; an unknown id is a usage error (`api.unknownType`, exit 2) listing the known ones. */
export function getApiType(id: ApiTypeId, overrides?: ApiTypeOverrides): ApiType {
  void id;
  void overrides;
  throw new DvcError('cli.internal', { detail: 'getApiType: not implemented yet' }, ExitCode.Internal);
}

/** A request body for the type: the config's template (placeholders filled) or the built-in one. */
export function buildTemplate(type: ApiType, ctx: TemplateContext): RequestBody {
  void type;
  void ctx;
  throw new DvcError('cli.internal', { detail: 'buildTemplate: not implemented yet' }, ExitCode.Internal);
}

/** Problems of a body against the type's request schema (keys bound case-insensitively); [] when valid. */
export function validateRequest(type: ApiType, body: unknown): ValidationIssue[] {
  void type;
  void body;
  throw new DvcError('cli.internal', { detail: 'validateRequest: not implemented yet' }, ExitCode.Internal);
}

/** The checks of one answer: status, json, schema, code, time (time only when rule.maxTimeMs is set). */
export function checkResponse(type: ApiType, rule: ResponseRule | undefined, res: HttpResult): Check[] {
  void type;
  void rule;
  void res;
  throw new DvcError('cli.internal', { detail: 'checkResponse: not implemented yet' }, ExitCode.Internal);
}

/** The notice rows inside a thong-bao-thue body (`data.FileThongBaoThue`, base64 XML); issues when unreadable. */
export function decodeBody(body: unknown): DecodedNotice {
  void body;
  throw new DvcError('cli.internal', { detail: 'decodeBody: not implemented yet' }, ExitCode.Internal);
}
