/**
 * A second, defensive mask for what an HTML report shows of a request or response. The test-api result is masked
 * already; this pass still replaces by `***` every header and JSON field whose name looks like a credential
 * (Authorization, SecurityKey, *password*, *token*, *secret*, *key, cookies), at any depth, and `name=value` or
 * `"name": "value"` pairs of such names inside plain-text bodies. It errs on the side of hiding.
 */
export const MASK = '***';

export function isSecretName(name: string): boolean {
  const n = name.toLowerCase().replace(/[^a-z]/g, '');
  return /password|passwd|token|secret|authorization|cookie|apikey|credential/.test(n) || n.endsWith('key');
}

export function maskHeaderMap(headers: Record<string, unknown> | undefined | null): [string, string][] {
  return Object.entries(headers ?? {}).map(([k, v]) => [k, isSecretName(k) ? MASK : maskPlainText(String(v))]);
}

export function maskJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskJson);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>))
      out[k] = isSecretName(k) && v !== null && v !== '' ? MASK : maskJson(v);
    return out;
  }
  if (typeof value === 'string') return maskPlainText(value);
  return value;
}

const PAIR = /(["']?)([A-Za-z][\w-]*)\1(\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s&,;"'<>]+)/g;

/** Masks credential-named pairs in text (query strings, form bodies, XML-free logs) and Basic/Bearer values. */
export function maskPlainText(text: string): string {
  return text
    .replace(/\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{6,}/g, `$1 ${MASK}`)
    .replace(PAIR, (whole, q: string, name: string, sep: string, value: string) => {
      if (!isSecretName(name)) return whole;
      const quote = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : '';
      return `${q}${name}${q}${sep}${quote}${MASK}${quote}`;
    });
}

/** A body as text to show: JSON pretty-printed (masked field by field), other text masked by pattern. */
export function showBody(body: unknown): { text: string; json: boolean } {
  if (body === undefined || body === null || body === '') return { text: '', json: false };
  if (typeof body === 'string') {
    const trimmed = body.trim();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
      try {
        return { text: JSON.stringify(maskJson(JSON.parse(trimmed)), null, 2), json: true };
      } catch {
        // not JSON after all: shown as text
      }
    }
    return { text: maskPlainText(body), json: false };
  }
  return { text: JSON.stringify(maskJson(body), null, 2), json: true };
}
