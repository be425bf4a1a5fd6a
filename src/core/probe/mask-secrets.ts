/**
 * Keeps secrets out of every output. Two nets: headers and body fields known to carry credentials are
 * replaced by `***` whatever their value; then every string anywhere is scanned for the secret values
 * themselves (and their Basic-auth base64 form), so an echo in a response body or an error text is caught too.
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

/** Secrets shorter than this are not scanned for inside other text (a 1-character "secret" would mask everything). */
const MIN_SCAN_LENGTH = 4;

export function needles(s: SecretSet): string[] {
  const out = new Set<string>();
  for (const v of s.values) {
    if (v.length < MIN_SCAN_LENGTH) continue;
    out.add(v);
    out.add(encodeURIComponent(v));
  }
  return [...out].sort((a, b) => b.length - a.length);
}

export function maskText(text: string, s: SecretSet): string {
  let out = text;
  for (const n of needles(s)) if (out.includes(n)) out = out.split(n).join(MASK);
  return out;
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

/** A deep copy of a JSON value with secret body fields (any depth, case-insensitive) and secret strings masked. */
export function maskValue(value: unknown, s: SecretSet): unknown {
  const fields = new Set((s.bodyFields ?? []).map((f) => f.toLowerCase()));
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return maskText(v, s);
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, inner] of Object.entries(v as Record<string, unknown>)) {
        out[maskText(k, s)] =
          fields.has(k.toLowerCase()) && inner !== null && inner !== undefined && inner !== '' ? MASK : walk(inner);
      }
      return out;
    }
    return v;
  };
  return walk(value);
}

/** Masks user:password in a URL. */
export function maskUrl(url: string, s: SecretSet): string {
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
