/**
 * Escaping for the HTML reports. Every value from a result object goes through `esc` (text and attributes) or
 * `jsonForScript` (data embedded for the page's own script), so a commune named `<b>` or a response body holding
 * `</script>` cannot change the page.
 */
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function esc(value: unknown): string {
  if (value === undefined || value === null) return '';
  return String(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** JSON safe inside `<script type="application/json">`: no `<`, no line or paragraph separators left raw. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A relative link to a file inside a folder: each segment percent-encoded, Windows separators turned into `/`. */
export function relativeHref(relPath: string): string {
  return relPath
    .replace(/\\/g, '/')
    .split('/')
    .filter((seg) => seg !== '' && seg !== '.')
    .map((seg) => encodeURIComponent(seg.normalize('NFC')))
    .join('/');
}
