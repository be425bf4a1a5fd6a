import { FILE_LIMITS, parseJsonText, readInputText } from './bounded-file.js';
import path from 'node:path';
import { DvcError, ExitCode } from '../errors.js';
import type { DvcConfig } from '../core/config/schema.js';
import type { ApiTypeOverride, ApiTypeOverrides, JsonSchema, RequestBody } from '../core/api/api-types.js';
import { stripBom } from '../core/text/utf8.js';

/**
 * Reads the files a config names under `apiTypes.<id>` (templateFile, requestSchemaFile, responseSchemaFile),
 * relative to the config file's folder, and returns them as data for the registry (getApiType/listApiTypes).
 * UTF-8 with or without BOM; CRLF is fine (JSON ignores it).
 */
export async function loadApiTypeOverrides(
  config: Pick<DvcConfig, 'apiTypes'>,
  configFile: string,
): Promise<ApiTypeOverrides> {
  const baseDir = path.dirname(path.resolve(configFile));
  const out: ApiTypeOverrides = {};
  for (const [id, entry] of Object.entries(config.apiTypes ?? {})) {
    const o: ApiTypeOverride = {};
    if (entry.service !== undefined) o.service = entry.service;
    if (entry.title !== undefined) o.title = entry.title;
    if (entry.templateFile)
      o.template = (await readJsonObject(baseDir, entry.templateFile, id, 'templateFile')) as RequestBody;
    if (entry.requestSchemaFile)
      o.requestSchema = (await readJsonObject(baseDir, entry.requestSchemaFile, id, 'requestSchemaFile')) as JsonSchema;
    if (entry.responseSchemaFile)
      o.responseSchema = (await readJsonObject(
        baseDir,
        entry.responseSchemaFile,
        id,
        'responseSchemaFile',
      )) as JsonSchema;
    out[id] = o;
  }
  return out;
}

async function readJsonObject(
  baseDir: string,
  file: string,
  id: string,
  key: string,
): Promise<Record<string, unknown>> {
  const limit = key.toLowerCase().includes('schema') ? FILE_LIMITS.schema : FILE_LIMITS.template;
  const text = await readInputText(
    path.resolve(baseDir, file),
    limit,
    (e) => new DvcError('api.typeFileMissing', { file, id, key }, ExitCode.Usage, { cause: e }),
  );
  const value = parseJsonText(stripBom(text), 'api.typeFileParse', { file, id });
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new DvcError('api.typeFileNotObject', { file, id, key }, ExitCode.Usage);
  return value as Record<string, unknown>;
}
