import type { ApiType, Check, HttpResult, ResponseRule } from './api-types.js';
import { jsonErrorAt } from '../text/json-error-at.js';
import { compileSchema, schemaIssues } from './schema-validator.js';
import { stripBom } from '../text/utf8.js';
import { isCodeIn } from './response-convention.js';
import { MAX_JSON_DEPTH, parseBoundedJson } from './json-depth.js';
import { readPath } from './read-path.js';

export { sameCode } from './response-convention.js';
export { readPath };

/**
 * The checks of one answer, in order: HTTP status, JSON (content type and parse), response schema, business
 * code, time. A check that cannot run because an earlier one failed (no JSON → no schema) is reported failed
 * with the reason `api.check.skipped`, so every answer yields the same list of names.
 */

function header(res: HttpResult, name: string): string {
  const v = res.headers[name] ?? Object.entries(res.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
}

const utf8 = new TextDecoder('utf-8');

function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : utf8.decode(body);
}

function fail(name: Check['name'], key: string, params: Check['message']['params'] = {}): Check {
  return { name, ok: false, message: { key, params } };
}
function pass(name: Check['name'], key: string, params: Check['message']['params'] = {}): Check {
  return { name, ok: true, message: { key, params } };
}

/** The checks of an answer, and its JSON value when it parsed (so that nothing parses it twice). */
export interface Judgement {
  checks: Check[];
  json?: { value: unknown };
}

export function checkResponse(type: ApiType, rule: ResponseRule | undefined, res: HttpResult): Check[] {
  return judgeResponse(type, rule, res).checks;
}

const merged = new WeakMap<ResponseRule, { type: ApiType; rule: ResponseRule }>();

/** The type's rule with the given one over it; merged once per rule object (a load run judges thousands). */
function effectiveRule(type: ApiType, rule: ResponseRule | undefined): ResponseRule {
  if (!rule) return type.responseRule;
  const hit = merged.get(rule);
  if (hit?.type === type) return hit.rule;
  const r: ResponseRule = { ...type.responseRule, ...rule };
  merged.set(rule, { type, rule: r });
  return r;
}

/** Compiles the response schema a rule judges by, ahead of the first answer (a load run's clock). */
export function prepareChecks(type: ApiType, rule: ResponseRule | undefined): void {
  const r = effectiveRule(type, rule);
  compileSchema(r.wrapper ?? type.responseSchema);
}

export function judgeResponse(type: ApiType, rule: ResponseRule | undefined, res: HttpResult): Judgement {
  const r = effectiveRule(type, rule);
  const checks: Check[] = [];

  const statusOk =
    r.statuses && r.statuses.length > 0 ? r.statuses.includes(res.status) : res.status >= 200 && res.status < 300;
  checks.push(
    statusOk
      ? pass('status', 'api.check.statusOk', { status: res.status })
      : fail('status', 'api.check.statusBad', { status: res.status, expected: r.statuses?.join(', ') || '2xx' }),
  );

  const contentType = header(res, 'content-type');
  const text = stripBom(bodyText(res.body));
  let parsed: unknown;
  let jsonOk = false;
  if (!/[/+]json\b/i.test(contentType)) {
    checks.push(fail('json', 'api.check.notJsonType', { contentType: contentType || '-' }));
  } else {
    try {
      parsed = parseBoundedJson(text);
      jsonOk = true;
      checks.push(pass('json', 'api.check.jsonOk', { contentType }));
    } catch {
      // Where it breaks, never the parser's English; a valid text that failed is one nested too deep.
      const at = jsonErrorAt(text);
      checks.push(
        at
          ? fail('json', 'api.check.jsonParse', { line: at.line, column: at.column, start: text.slice(0, 80) })
          : fail('json', 'api.check.jsonTooDeep', { limit: MAX_JSON_DEPTH }),
      );
    }
  }

  if (!jsonOk) {
    checks.push(fail('schema', 'api.check.skipped', { reason: 'json' }));
    checks.push(fail('code', 'api.check.skipped', { reason: 'json' }));
  } else {
    const issues = schemaIssues(r.wrapper ?? type.responseSchema, parsed);
    checks.push(
      issues.length === 0
        ? pass('schema', 'api.check.schemaOk', {})
        : fail('schema', 'api.check.schemaBad', {
            count: issues.length,
            first: `${issues[0].path || '(body)'}: ${issues[0].problem.key}`,
          }),
    );
    checks.push(codeCheck(r, parsed));
  }
  const json = jsonOk ? { value: parsed } : undefined;

  if (r.maxTimeMs !== undefined) {
    const ms = Math.round(res.timeMs);
    checks.push(
      ms <= r.maxTimeMs
        ? pass('time', 'api.check.timeOk', { ms, max: r.maxTimeMs })
        : fail('time', 'api.check.timeSlow', { ms, max: r.maxTimeMs }),
    );
  }
  return json ? { checks, json } : { checks };
}

function expectedCodes(r: ResponseRule): string {
  return r.successCodes.map(String).join(', ');
}

/** The elements an array answer is judged by (OpenCPS, June 2021: one result per dossier); null = refused. */
function answersOf(r: ResponseRule, parsed: unknown): unknown[] | null {
  if (!Array.isArray(parsed)) return [parsed];
  switch (r.array ?? 'every') {
    case 'reject':
      return null;
    case 'first':
      return parsed.slice(0, 1);
    default:
      return parsed;
  }
}

function codeFailure(r: ResponseRule, a: unknown): Check | null {
  const code = readPath(a, r.codeField);
  if (code === undefined || code === null)
    return fail('code', 'api.check.codeMissing', { field: r.codeField, expected: expectedCodes(r) });
  if (isCodeIn(code, r.successCodes)) return null;
  const expected = expectedCodes(r);
  const message = readPath(a, r.messageField ?? 'message');
  return fail('code', 'api.check.codeBad', {
    field: r.codeField,
    code: String(code),
    expected,
    message: typeof message === 'string' ? message.slice(0, 200) : '',
  });
}

/** The business code of the answer, judged by the convention (an array by its `array` rule). */
function codeCheck(r: ResponseRule, parsed: unknown): Check {
  const answers = answersOf(r, parsed);
  if (answers === null)
    return fail('code', 'api.check.arrayRefused', { field: r.codeField, expected: expectedCodes(r) });
  if (answers.length === 0)
    return fail('code', 'api.check.codeMissing', { field: r.codeField, expected: expectedCodes(r) });
  const failures = answers.map((a) => codeFailure(r, a));
  const firstFailure = failures.find((f) => f !== null);
  const passed = (r.array === 'any' ? failures.some((f) => f === null) : !firstFailure) && answers.length > 0;
  if (!passed && firstFailure) return firstFailure;
  const ok = answers[failures.findIndex((f) => f === null)];
  return pass('code', 'api.check.codeOk', { field: r.codeField, code: String(readPath(ok, r.codeField)) });
}
