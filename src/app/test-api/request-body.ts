import { DvcError, ExitCode } from '../../errors.js';
import {
  buildTemplate,
  validateRequest,
  type ApiType,
  type Msg,
  type RequestBody,
  type TemplateFacts,
  type ValidationIssue,
} from '../../core/api/api-type-registry.js';
import { readCsvRecords } from '../../io/csv-in.js';
import type { Target } from './probe-target.js';
import { stripBom } from '../../core/text/utf8.js';
import { FILE_LIMITS, jsonErrorAt, parseJsonText, readInputText } from '../../io/bounded-file.js';

/** One body to send: its name (the case name, a dossier code, or the type id) and the body (JSON, or raw text). */
export interface BodyCase {
  name: string;
  body: unknown;
}

/** A body that fails its schema: exit 2, naming each field path, what is wrong and a right value. */
export class BodyInvalidError extends DvcError {
  constructor(
    readonly caseName: string,
    readonly issues: ValidationIssue[],
  ) {
    super(
      'testApi.bodyInvalid',
      { name: caseName, count: issues.length, path: issues[0]?.path || '(body)' },
      ExitCode.Usage,
    );
  }
}

/** The unit code used in a template when no province is chosen (`--url` alone): visibly a placeholder. */
export const PLACEHOLDER_UNIT = '000.00.00.H00';

/** A body, template or cases file: regular, within its limit (see FILE_LIMITS), its content never in a message. */
async function readText(file: string, limit: number): Promise<string> {
  return stripBom(await readInputText(file, limit));
}

function parseJsonFile(file: string, text: string): unknown {
  return parseJsonText(text, 'testApi.bodyNotJson', { file });
}

/**
 * The unit code is unknown, so the template uses a placeholder: with a province chosen, the config lacks its
 * `unit` (named, with the fix); without one, choose a province or give a body.
 */
export function unitWarning(dst: string | null | undefined): Msg {
  return dst
    ? { key: 'testApi.warn.missingUnit', params: { key: `provinces.${dst}.unit`, dst, unit: PLACEHOLDER_UNIT } }
    : { key: 'testApi.warn.placeholderUnit', params: { unit: PLACEHOLDER_UNIT } };
}

/** The suggested body: the province's own template file, else the type's built-in template, filled in. */
export async function templateBody(
  type: ApiType,
  target: Pick<Target, 'unit' | 'templateFile'> & { dst?: string | null },
  now: Date,
  dossierCode?: string,
  warnings?: Msg[],
  facts?: Partial<TemplateFacts>,
): Promise<RequestBody> {
  let effective = type;
  if (target.templateFile) {
    const data = parseJsonFile(target.templateFile, await readText(target.templateFile, FILE_LIMITS.template));
    effective = { ...type, template: data as RequestBody };
  }
  if (!target.unit) warnings?.push(unitWarning(target.dst));
  return buildTemplate(effective, {
    unit: target.unit ?? PLACEHOLDER_UNIT,
    now,
    ...(dossierCode ? { dossierCode } : {}),
    ...(facts ? { facts } : {}),
  });
}

/** Reads --body: JSON, or (with --no-validate) any text, sent as it is. */
export async function bodyFromFile(file: string, validate: boolean): Promise<unknown> {
  const text = await readText(file, FILE_LIMITS.body);
  if (!validate) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return parseJsonFile(file, text);
}

/** A JSON --cases file: an array of bodies, or of `{name, body}`. */
function casesFromJson(file: string, text: string): BodyCase[] {
  const data = parseJsonFile(file, text);
  if (!Array.isArray(data) || data.length === 0) throw new DvcError('testApi.casesShape', { file }, ExitCode.Usage);
  return data.map((item: unknown, i) => {
    const named = item && typeof item === 'object' && 'body' in item && !('service' in item);
    const rec = item as { name?: unknown; body?: unknown };
    return named
      ? { name: typeof rec.name === 'string' && rec.name ? rec.name : `case-${i + 1}`, body: rec.body }
      : { name: `case-${i + 1}`, body: item };
  });
}

/** The columns of a CSV --cases file: `MaHoSo` (or `MA_HSO`), `body`, `name`. */
function caseColumns(file: string, header: string[]) {
  const col = (name: string) => header.find((h) => h.trim().toLowerCase() === name.toLowerCase());
  const codeCol = col('MaHoSo') ?? col('MA_HSO');
  const bodyCol = col('body');
  if (!codeCol && !bodyCol)
    throw new DvcError('testApi.casesColumns', { file, found: header.join(', ') }, ExitCode.Usage);
  return { codeCol, bodyCol, nameCol: col('name') };
}

function parsedCase(file: string, row: number, name: string, rawBody: string): BodyCase {
  try {
    return { name, body: JSON.parse(rawBody) };
  } catch {
    const column = jsonErrorAt(rawBody)?.column ?? 1;
    throw new DvcError('testApi.casesBadBody', { file, row, column }, ExitCode.Usage);
  }
}

/**
 * Reads --cases: a CSV with a `MaHoSo` column (a templated body per dossier code) or a `body` column (JSON text),
 * optionally `name`; or a JSON array of bodies or of {name, body}.
 */
export async function casesFromFile(
  file: string,
  type: ApiType,
  target: Pick<Target, 'unit' | 'templateFile'> & { dst?: string | null },
  now: Date,
  warnings: Msg[],
): Promise<BodyCase[]> {
  const text = await readText(file, FILE_LIMITS.cases);
  if (/\.json$/i.test(file) || /^\s*\[/.test(text)) return casesFromJson(file, text);
  const { header, records } = readCsvRecords(text, file, 'testApi.casesCsv');
  const { codeCol, bodyCol, nameCol } = caseColumns(file, header);
  const out: BodyCase[] = [];
  let row = 1;
  for (const r of records) {
    row++;
    const code = codeCol ? (r[codeCol]?.trim() ?? '') : '';
    const rawBody = bodyCol ? (r[bodyCol]?.trim() ?? '') : '';
    if (!code && !rawBody) continue;
    const name = (nameCol && r[nameCol]?.trim()) || code || `case-${out.length + 1}`;
    if (rawBody) out.push(parsedCase(file, row, name, rawBody));
    else out.push({ name, body: await templateBody(type, target, now, code, warnings.length ? undefined : warnings) });
  }
  if (out.length === 0) throw new DvcError('testApi.casesShape', { file }, ExitCode.Usage);
  return out;
}

/** Puts the body-key secret in its field (replacing a field of the same name in any case). */
export function withBodyKey(body: unknown, key: Target['bodyKey']): unknown {
  if (!key || !body || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body as Record<string, unknown>))
    if (k.toLowerCase() !== key.field.toLowerCase()) out[k] = v;
  out[key.field] = key.value;
  return out;
}

/** Validates every case before anything is sent; the first invalid one stops the run (exit 2). */
export function validateCases(type: ApiType, cases: BodyCase[]): void {
  for (const c of cases) {
    const issues =
      typeof c.body === 'string'
        ? [{ path: '', problem: { key: 'testApi.bodyNotObject', params: {} } }]
        : validateRequest(type, c.body);
    if (issues.length) throw new BodyInvalidError(c.name, issues);
  }
}
