import { timingSafeEqual } from 'node:crypto';
import { readPath } from './read-path.js';

/**
 * The authentication a mock province expects, with its secret already resolved (by src/app from the env or file
 * the config names). Checked in constant time; the secret is never put into an answer.
 */
export type MockAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'bearer'; token: string }
  | { type: 'body-key'; field: string; key: string }
  | { type: 'header'; name: string; value: string };

function same(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** Whether the headers carry the credentials; body-key types answer `undefined` (the body decides). */
export function headerAuthorised(
  auth: MockAuth,
  headers: Record<string, string | string[] | undefined>,
): boolean | undefined {
  switch (auth.type) {
    case 'none':
      return true;
    case 'basic': {
      const m = /^Basic\s+(\S+)\s*$/i.exec(header(headers, 'authorization') ?? '');
      return m !== null && same(Buffer.from(m[1], 'base64').toString('utf8'), `${auth.username}:${auth.password}`);
    }
    case 'bearer': {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header(headers, 'authorization') ?? '');
      return m !== null && same(m[1], auth.token);
    }
    case 'header': {
      const v = header(headers, auth.name);
      return v !== undefined && same(v, auth.value);
    }
    case 'body-key':
      return undefined;
  }
}

/** The body-key check (`SecurityKey` at the top of the body, bound case-insensitively like Thanh Hóa's receiver). */
export function bodyAuthorised(auth: MockAuth, body: unknown): boolean {
  if (auth.type !== 'body-key') return true;
  const v = readPath(body, auth.field);
  return typeof v === 'string' && same(v, auth.key);
}

/** A description without the secret, for logs and `--print-config`. */
export function describeAuth(auth: MockAuth): string {
  switch (auth.type) {
    case 'none':
      return 'none';
    case 'basic':
      return `basic (${auth.username}:***)`;
    case 'bearer':
      return 'bearer ***';
    case 'body-key':
      return `body-key ${auth.field}=***`;
    case 'header':
      return `header ${auth.name}: ***`;
  }
}
