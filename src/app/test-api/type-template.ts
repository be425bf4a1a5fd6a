import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import {
  decodeBody,
  getApiType,
  listApiTypes,
  validateRequest,
  type ApiType,
  type DecodedNotice,
  type Msg,
  type RequestBody,
  type ValidationIssue,
} from '../../core/api/api-type-registry.js';
import { loadConfig, requireConfig } from '../../io/config.js';
import { loadApiTypeOverrides } from '../../io/api-type-files.js';
import { bodyFromFile, templateBody } from './request-body.js';
import { findProvince } from './probe-target.js';
import { FILE_LIMITS, FileShapeError, readBoundedFile, sizeText } from '../../io/bounded-file.js';

export interface TemplateResult {
  type: string;
  dst: string | null;
  body: RequestBody;
  issues: ValidationIssue[];
  warnings: Msg[];
}

/** `dvc test-api template`: the suggested body from the config (unit, a sample dossier code, the time), validated. */
export async function suggestBody(o: {
  type: string;
  dst?: string;
  xmlFile?: string;
  configPath?: string;
  cwd: string;
  now?: Date;
}): Promise<TemplateResult> {
  const loaded = o.dst
    ? await requireConfig({ configPath: o.configPath, cwd: o.cwd })
    : await loadConfig({ configPath: o.configPath, cwd: o.cwd });
  const type = getApiType(o.type, loaded ? await loadApiTypeOverrides(loaded.config, loaded.filepath) : undefined);
  let unit: string | undefined;
  let templateFile: string | undefined;
  let dst: string | null = null;
  if (o.dst && loaded) {
    const [key, p] = findProvince(loaded.config, o.dst);
    dst = key;
    unit = p.unit;
    const f = p.apis[type.id]?.templateFile;
    if (f) templateFile = path.resolve(path.dirname(loaded.filepath), f);
  }
  const warnings: Msg[] = [];
  const body = await templateBody(type, { unit, templateFile, dst }, o.now ?? new Date(), undefined, warnings);
  if (o.xmlFile) {
    let xml: Buffer;
    try {
      xml = await readBoundedFile(o.xmlFile, FILE_LIMITS.body);
    } catch (e) {
      if (e instanceof FileShapeError)
        throw e.code === 'EFBIG'
          ? new DvcError('testApi.fileTooBig', { path: o.xmlFile, limit: sizeText(e.limit) }, ExitCode.Usage)
          : new DvcError('testApi.fileNotRegular', { path: o.xmlFile }, ExitCode.Usage);
      throw new DvcError(
        'testApi.xmlUnreadable',
        { file: o.xmlFile, reason: (e as NodeJS.ErrnoException).code ?? 'EIO' },
        ExitCode.Usage,
      );
    }
    body.data = { ...(body.data as Record<string, unknown> | undefined), FileThongBaoThue: xml.toString('base64') };
  }
  return { type: type.id, dst, body, issues: validateRequest(type, body), warnings };
}

/** `dvc test-api types`: the registry's types, with the config's additions when there is a config. */
export async function apiTypes(o: { configPath?: string; cwd: string }): Promise<ApiType[]> {
  const loaded = await loadConfig({ configPath: o.configPath, cwd: o.cwd });
  return listApiTypes(loaded ? await loadApiTypeOverrides(loaded.config, loaded.filepath) : undefined);
}

/** `dvc test-api decode`: the tax notice rows inside a thong-bao-thue body file. */
export async function decodeNoticeFile(file: string): Promise<DecodedNotice> {
  const body = await bodyFromFile(file, true);
  return decodeBody(body);
}
