import type { ApiType, Check, HttpResult, ResponseRule } from './api-types.js';
import { schemaIssues } from './schema-validator.js';
import { stripBom } from '../text/utf8.js';

/**
 * The checks of one answer, in order: HTTP status, JSON (content type and parse), response schema, business
 * code, time. A check that cannot run because an earlier one failed (no JSON → no schema) is reported failed
 * with the reason `api.check.skipped`, so every answer yields the same list of names.
 */

function header(res: HttpResult, name: string): string {
  const v = res.headers[name] ?? Object.entries(res.headers).find(([k]) => k.toLowerCase() === name)?.[1];
  return Array.isArray(v) ? v.join(', ') : (v ?? '');
}

function bodyText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : new TextDecoder('utf-8').decode(body);
}

/** The value at a dotted path (`data.code`), keys matched case-insensitively. */
export function readPath(value: unknown, path: string): unknown {
  let cur = value;
  for (const part of path.split('.').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    const obj = cur as Record<string, unknown>;
    const key = part in obj ? part : Object.keys(obj).find((k) => k.toLowerCase() === part.toLowerCase());
    cur = key === undefined ? undefined : obj[key];
  }
  return cur;
}

/** "0" and 0 are the same code; so are " 0" and "0". */
export function sameCode(a: unknown, b: string | number): boolean {
  if (typeof a !== 'string' && typeof a !== 'number') return false;
  return String(a).trim() === String(b).trim();
}

function fail(name: Check['name'], key: string, params: Check['message']['params'] = {}): Check {
  return { name, ok: false, message: { key, params } };
}
function pass(name: Check['name'], key: string, params: Check['message']['params'] = {}): Check {
  return { name, ok: true, message: { key, params } };
}

export function checkResponse(type: ApiType, rule: ResponseRule | undefined, res: HttpResult): Check[] {
  const r: ResponseRule = { ...type.responseRule, ...(rule ?? {}) };
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
      parsed = JSON.parse(text);
      jsonOk = true;
      checks.push(pass('json', 'api.check.jsonOk', { contentType }));
    } catch (e) {
      checks.push(fail('json', 'api.check.jsonParse', { reason: (e as Error).message, start: text.slice(0, 80) }));
    }
  }

  if (!jsonOk) {
    checks.push(fail('schema', 'api.check.skipped', { reason: 'json' }));
    checks.push(fail('code', 'api.check.skipped', { reason: 'json' }));
  } else {
    const issues = schemaIssues(type.responseSchema, parsed);
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

  if (r.maxTimeMs !== undefined) {
    const ms = Math.round(res.timeMs);
    checks.push(
      ms <= r.maxTimeMs
        ? pass('time', 'api.check.timeOk', { ms, max: r.maxTimeMs })
        : fail('time', 'api.check.timeSlow', { ms, max: r.maxTimeMs }),
    );
  }
  return checks;
}

/** OpenCPS answers a notice with an array of results: every element must carry a success code. */
function codeCheck(r: ResponseRule, parsed: unknown): Check {
  const answers = Array.isArray(parsed) ? parsed : [parsed];
  const expected = r.successCodes.map(String).join(', ');
  if (answers.length === 0) return fail('code', 'api.check.codeMissing', { field: r.codeField, expected });
  for (const a of answers) {
    const code = readPath(a, r.codeField);
    if (code === undefined || code === null)
      return fail('code', 'api.check.codeMissing', { field: r.codeField, expected });
    if (!r.successCodes.some((s) => sameCode(code, s))) {
      const message = readPath(a, 'message');
      return fail('code', 'api.check.codeBad', {
        field: r.codeField,
        code: String(code),
        expected,
        message: typeof message === 'string' ? message.slice(0, 200) : '',
      });
    }
  }
  return pass('code', 'api.check.codeOk', { field: r.codeField, code: String(readPath(answers[0], r.codeField)) });
}
