import type { z } from 'zod';
import { DvcError, ExitCode } from '../../errors.js';
import { configSchema, LITERAL_SECRET_KEYS, type DvcConfig } from './schema.js';

/** Formats a zod issue path as `provinces.HNI.auth.password`. */
export function issuePath(p: readonly PropertyKey[]): string {
  return (
    p
      .map((k) => (typeof k === 'number' ? `[${k}]` : String(k)))
      .join('.')
      .replace(/\.\[/g, '[') || '(root)'
  );
}

/** Validates raw config data; the first problem becomes a DvcError naming the file, the key path and what is wrong. */
export function validateConfig(raw: unknown, file: string): DvcConfig {
  const parsed = configSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = pickIssue(parsed.error.issues);
  const where = issuePath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    const full = where === '(root)' ? key : `${where}.${key}`;
    const secret = (LITERAL_SECRET_KEYS as readonly string[]).includes(key);
    throw new DvcError(
      secret ? 'config.literalSecret' : 'config.unknownKey',
      { file, path: full, key },
      ExitCode.Usage,
    );
  }
  const { key, params } = problemOf(issue, raw);
  throw new DvcError(key, { file, path: where, ...params }, ExitCode.Usage);
}

/** The types a config value can be asked to have, each with its own wording in the catalogue. */
const TYPES = ['string', 'number', 'int', 'boolean', 'object', 'array', 'record'];

/** What is wrong with a value, as a catalogue key and its parameters: never zod's own (English) words. */
function problemOf(issue: z.core.$ZodIssue, raw: unknown): { key: string; params: Record<string, string | number> } {
  // A key of a record is checked by an issue of its own inside.
  if (issue.code === 'invalid_key' && issue.issues[0]) return problemOf(issue.issues[0], undefined);
  // A schema's own hint is a catalogue key (config.hint.*).
  if (issue.message.startsWith('config.hint.')) return { key: `config.invalid.${issue.message.slice(12)}`, params: {} };
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(raw, issue.path) === undefined) return { key: 'config.invalid.missing', params: {} };
      return TYPES.includes(issue.expected)
        ? { key: `config.invalid.type.${issue.expected}`, params: {} }
        : { key: 'config.invalid.value', params: {} };
    case 'too_small':
      return issue.origin === 'string'
        ? { key: 'config.invalid.empty', params: {} }
        : { key: 'config.invalid.tooSmall', params: { limit: String(issue.minimum) } };
    case 'too_big':
      return { key: 'config.invalid.tooBig', params: { limit: String(issue.maximum) } };
    case 'invalid_format':
      return { key: issue.format === 'url' ? 'config.invalid.url' : 'config.invalid.format', params: {} };
    case 'invalid_value':
      return { key: 'config.invalid.oneOf', params: { options: issue.values.map(String).join(', ') } };
    case 'invalid_union': {
      // A discriminated union (auth's `type`) names its options.
      const options = (issue as { options?: unknown[] }).options;
      return Array.isArray(options)
        ? { key: 'config.invalid.oneOf', params: { options: options.map(String).join(', ') } }
        : { key: 'config.invalid.value', params: {} };
    }
    default:
      return { key: 'config.invalid.value', params: {} };
  }
}

/** The raw value at a zod issue's path (undefined where the path leads nowhere). */
function valueAt(raw: unknown, p: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const k of p) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function pickIssue(issues: z.core.$ZodIssue[]): z.core.$ZodIssue {
  return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}
