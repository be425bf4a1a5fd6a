/**
 * Keeps secrets out of every output. Two nets: headers and body fields known to carry credentials are
 * replaced by `***` whatever their value; then every string anywhere is scanned for the secret values
 * themselves in every form a server may echo them back: as written, percent-encoded (URI component and form,
 * upper- or lower-case hex), HTML-escaped, base64 (standard and URL-safe, and the Basic-auth token), the UTF-8 bytes
 * in hex, JSON `\uXXXX` escapes, with any letter case (the table in docs/test-api.md). The walk over a JSON value is iterative: no depth of answer can overflow the stack.
 */
export const MASK = '***';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

export interface SecretSet {
  /** The secret values of this run (passwords, tokens, keys). */
  values: readonly string[];
  /** Extra header names holding a secret (the province's `auth.header.name`). */
  headers?: readonly string[];
  /** Body fields holding a secret (the province's `auth.field`, SecurityKey by default). */
  bodyFields?: readonly string[];
}

/**
 * Configured secrets shorter than this are refused (src/io/secrets.ts): a short secret is easy to guess and
 * masking it would blank out ordinary text.
 */
export const MIN_SECRET_LENGTH = 8;

/** Secrets shorter than this are not scanned for inside other text (a 1-character "secret" would mask everything). */
const MIN_SCAN_LENGTH = 4;

function htmlEscaped(v: string): string[] {
  const named = v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  return [named, named.replace(/'/g, '&#39;'), named.replace(/'/g, '&#x27;'), named.replace(/'/g, '&apos;')];
}

function percentEncoded(v: string): string[] {
  const component = encodeURIComponent(v);
  // application/x-www-form-urlencoded: space as +, and !'()~ encoded too
  const form = new URLSearchParams({ x: v }).toString().slice(2);
  const strict = component.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return [component, form, strict, component.replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())];
}

function base64Forms(v: string): string[] {
  const b = Buffer.from(v, 'utf8').toString('base64');
  return [b, b.replace(/=+$/, ''), Buffer.from(v, 'utf8').toString('base64url')];
}

/** The UTF-8 bytes in hex (a server's debug dump), and every character past ASCII (or every one) as `\uXXXX`. */
function byteForms(v: string): string[] {
  const u = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return [Buffer.from(v, 'utf8').toString('hex'), v.replace(/[^\x20-\x7e]/g, u), v.replace(/[\s\S]/g, u)];
}

/** Every form of every secret worth scanning for, longest first. */
export function needles(s: SecretSet): string[] {
  const out = new Set<string>();
  for (const v of s.values) {
    if (v.length < MIN_SCAN_LENGTH) continue;
    for (const form of [v, ...percentEncoded(v), ...htmlEscaped(v), ...base64Forms(v), ...byteForms(v)]) out.add(form);
  }
  return [...out].sort((a, b) => b.length - a.length);
}

const patterns = new WeakMap<SecretSet, RegExp | null>();

function patternOf(s: SecretSet): RegExp | null {
  if (patterns.has(s)) return patterns.get(s) ?? null;
  const list = needles(s);
  const re = list.length
    ? new RegExp(list.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu')
    : null;
  patterns.set(s, re);
  return re;
}

/** Whether any secret value is long enough to be scanned for in text (no text changes otherwise). */
export function scansText(s: SecretSet): boolean {
  return patternOf(s) !== null;
}

export function maskText(text: string, s: SecretSet): string {
  const re = patternOf(s);
  if (!re) return text;
  re.lastIndex = 0;
  return text.replace(re, MASK);
}

export function maskHeaders(headers: Record<string, string>, s: SecretSet): Record<string, string> {
  const extra = new Set((s.headers ?? []).map((h) => h.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    const lower = k.toLowerCase();
    out[k] = SECRET_HEADERS.has(lower) || extra.has(lower) ? MASK : maskText(v, s);
  }
  return out;
}

type Slot = { set: (v: unknown) => void; value: unknown; field?: string };

/** A deep copy of a JSON value with secret body fields (any depth, case-insensitive) and secret strings masked. */
export function maskValue(value: unknown, s: SecretSet): unknown {
  const fields = new Set((s.bodyFields ?? []).map((f) => f.toLowerCase()));
  let root: unknown;
  const stack: Slot[] = [{ set: (v) => (root = v), value }];
  while (stack.length > 0) {
    const { set, value: v, field } = stack.pop()!;
    if (field !== undefined && fields.has(field.toLowerCase()) && v !== null && v !== undefined && v !== '') {
      set(MASK);
    } else if (typeof v === 'string') {
      set(maskText(v, s));
    } else if (Array.isArray(v)) {
      const out: unknown[] = new Array(v.length);
      set(out);
      v.forEach((inner, i) => stack.push({ set: (x) => (out[i] = x), value: inner }));
    } else if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      set(out);
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) {
        const key = maskText(k, s);
        out[key] = undefined; // keeps the keys in their order; the value is set when its slot is popped
        stack.push({ set: (x) => (out[key] = x), value: inner, field: k });
      }
    } else {
      set(v);
    }
  }
  return root;
}

/** Masks user:password in a URL. */
export function maskUrl(url: string, s: SecretSet): string {
  // A password in a URL sits before an `@`: without one, the text scan alone applies (no URL to parse).
  if (!url.includes('@')) return maskText(url, s);
  let out = url;
  try {
    const u = new URL(url);
    if (u.password) {
      u.password = MASK;
      out = u.toString().replace('%2A%2A%2A', MASK);
    }
  } catch {
    // not a URL: text scan below still applies
  }
  return maskText(out, s);
}
