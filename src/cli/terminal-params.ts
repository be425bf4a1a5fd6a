import type { MessageParams } from '../errors.js';
import { CATALOG } from '../i18n/catalog.js';
import type { Lang } from '../i18n/i18n-types.js';
import { escapeForTerminal, escapeName } from '../core/text/terminal-safe.js';

/** A placeholder the message puts between quotes: `"{path}"`, `“{name}”`. */
const QUOTED = /["“'](?:\{(\w+)\})["”']/g;

/**
 * The parameters of a message printed on a terminal: control characters of every string made visible, and a
 * value the message quotes (a file, sheet or province name) kept on its line, its line feeds and tabs escaped
 * too, so a name cannot forge a line of output. Values laid out over several lines by dvc (a list of bad
 * decisions) are not quoted in their messages and keep their line feeds.
 */
export function terminalParams<T extends MessageParams>(lang: Lang, key: string, params: T): T {
  const template = CATALOG[lang]?.[key] ?? CATALOG.vi[key] ?? '';
  const quoted = new Set([...template.matchAll(QUOTED)].map((m) => m[1]));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params))
    out[k] = typeof v === 'string' ? (quoted.has(k) ? escapeName(v) : escapeForTerminal(v)) : v;
  return out as T;
}
