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
  let problem = issue.message;
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
  if (issue.code === 'invalid_union' && issue.path.at(-1) === 'auth')
    problem = 'type ∈ none | basic | bearer | body-key | header';
  throw new DvcError('config.invalid', { file, path: where, problem }, ExitCode.Usage);
}

function pickIssue(issues: z.core.$ZodIssue[]): z.core.$ZodIssue {
  return issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
}
