import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { JsonSchema, ValidationIssue } from './api-types.js';
import { isDdMmYyyy, isYyyyMmDdHhMmSs } from './vn-time.js';

/**
 * JSON Schema validation with ajv 8, mapped to dvc's issues: a dotted field path, a catalogue message and an
 * example of a right value taken from the schema's `examples`. Compiled validators are cached per schema object.
 */

const FORMATS = {
  'vn-yyyyMMddHHmmss': isYyyyMmDdHhMmSs,
  'vn-dd-MM-yyyy': isDdMmYyyy,
};

let draft07: Ajv | undefined;
let draft2020: Ajv2020 | undefined;

function ajvFor(schema: JsonSchema): Ajv | Ajv2020 {
  // Schemas are checked against their meta-schema only when they come from a province's files (compileSchema's
  // `check`): compiling the meta-schema costs a probe a tenth of its run, and the built-in schemas are tested.
  const opts = { allErrors: true, verbose: true, strict: false, logger: false as const, validateSchema: false };
  const modern = typeof schema.$schema === 'string' && /2019-09|2020-12/.test(schema.$schema);
  if (typeof (schema as { $id?: unknown }).$id === 'string') {
    // A schema naming itself: ajv keeps ids per instance, and two API types may share one file (or two files one
    // id). Each gets an instance of its own, so neither is refused as a duplicate.
    const own = modern ? new Ajv2020(opts) : new Ajv(opts);
    for (const [name, fn] of Object.entries(FORMATS)) own.addFormat(name, fn);
    return own;
  }
  if (modern) {
    if (!draft2020) {
      draft2020 = new Ajv2020(opts);
      for (const [name, fn] of Object.entries(FORMATS)) draft2020.addFormat(name, fn);
    }
    return draft2020;
  }
  if (!draft07) {
    draft07 = new Ajv(opts);
    for (const [name, fn] of Object.entries(FORMATS)) draft07.addFormat(name, fn);
  }
  return draft07;
}

const cache = new WeakMap<JsonSchema, ValidateFunction>();

/**
 * Compiles once. With `check` (a province's schema file) the schema is first validated against its meta-schema,
 * and an invalid one throws with ajv's reason.
 */
export function compileSchema(schema: JsonSchema, o: { check?: boolean } = {}): ValidateFunction {
  let fn = cache.get(schema);
  if (!fn) {
    const ajv = ajvFor(schema);
    if (o.check) ajv.validateSchema(schema, true);
    fn = ajv.compile(schema);
    cache.set(schema, fn);
  }
  return fn;
}

/** `/data/ThongTinThanhToan/0/SoTien` → `data.ThongTinThanhToan[0].SoTien`. */
export function toDottedPath(pointer: string): string {
  if (pointer === '') return '';
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const p of parts) out += /^\d+$/.test(p) ? `[${p}]` : out === '' ? p : `.${p}`;
  return out;
}

function join(path: string, field: string): string {
  return path === '' ? field : `${path}.${field}`;
}

function firstExample(schema: unknown): string | undefined {
  if (!schema || typeof schema !== 'object') return undefined;
  const s = schema as { examples?: unknown; example?: unknown; const?: unknown; enum?: unknown };
  const ex =
    Array.isArray(s.examples) && s.examples.length > 0
      ? s.examples[0]
      : (s.example ?? s.const ?? (Array.isArray(s.enum) ? s.enum[0] : undefined));
  if (ex === undefined) return undefined;
  return typeof ex === 'string' ? ex : JSON.stringify(ex);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number' && Number.isInteger(v)) return 'integer';
  return typeof v;
}

function shown(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function toIssue(e: ErrorObject): ValidationIssue | null {
  const path = toDottedPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
  const example = firstExample(parent);
  const withExample = (issue: ValidationIssue, ex = example): ValidationIssue =>
    ex === undefined ? issue : { ...issue, example: ex };
  switch (e.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      return withExample(
        { path: join(path, field), problem: { key: 'api.issue.required', params: { field } } },
        firstExample(parent?.properties?.[field]),
      );
    }
    case 'type':
      return withExample({
        path,
        problem: { key: 'api.issue.type', params: { expected: [p.type].flat().join(' | '), actual: kindOf(e.data) } },
      });
    case 'pattern':
      return withExample({
        path,
        problem: { key: 'api.issue.pattern', params: { value: shown(e.data), pattern: String(p.pattern) } },
      });
    case 'format':
      return withExample({
        path,
        problem: { key: 'api.issue.format', params: { value: shown(e.data), format: String(p.format) } },
      });
    case 'enum':
      return withExample({
        path,
        problem: {
          key: 'api.issue.enum',
          params: { value: shown(e.data), allowed: (p.allowedValues as unknown[]).map(shown).join(', ') },
        },
      });
    case 'const':
      return withExample({
        path,
        problem: { key: 'api.issue.const', params: { value: shown(e.data), expected: shown(p.allowedValue) } },
      });
    case 'minLength':
      return withExample({ path, problem: { key: 'api.issue.tooShort', params: { limit: Number(p.limit) } } });
    case 'maxLength':
      return withExample({ path, problem: { key: 'api.issue.tooLong', params: { limit: Number(p.limit) } } });
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return withExample({
        path,
        problem: {
          key: 'api.issue.range',
          params: { value: shown(e.data), comparison: String(p.comparison), limit: Number(p.limit) },
        },
      });
    case 'additionalProperties':
      return {
        path: join(path, String(p.additionalProperty)),
        problem: { key: 'api.issue.unknownField', params: { field: String(p.additionalProperty) } },
      };
    case 'minItems':
      return withExample({ path, problem: { key: 'api.issue.tooFewItems', params: { limit: Number(p.limit) } } });
    case 'if':
      return null;
    default:
      return withExample({
        path,
        problem: { key: 'api.issue.other', params: { keyword: e.keyword, detail: e.message ?? '' } },
      });
  }
}

/** Issues of `value` against `schema`; [] when valid. Duplicate (path, key) pairs are reported once. */
export function schemaIssues(schema: JsonSchema, value: unknown): ValidationIssue[] {
  const validate = compileSchema(schema);
  if (validate(value)) return [];
  const seen = new Set<string>();
  const out: ValidationIssue[] = [];
  for (const e of validate.errors ?? []) {
    const issue = toIssue(e);
    if (!issue) continue;
    const id = `${issue.path}\u0000${issue.problem.key}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(issue);
  }
  return out;
}
