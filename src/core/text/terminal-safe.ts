/**
 * Text from an input (a sheet name, a file name, a province name) shown on a terminal: control characters are
 * written as visible escapes, so a name holding ESC sequences cannot recolour, retitle or rewrite the officer's
 * terminal, a carriage return cannot overwrite a line, and bidirectional overrides cannot reorder what is shown.
 * Line feeds and tabs are kept (messages are laid out with them). Used by every human renderer.
 */

// C0 controls but tab and line feed, DEL, C1 controls, bidi marks, embeddings, overrides and isolates,
// line and paragraph separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const code = ch.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** The same, applied to every string value of a message's parameters. */
export function escapeParamsForTerminal<T extends Record<string, unknown>>(params: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(params)) out[k] = typeof v === 'string' ? escapeForTerminal(v) : v;
  return out as T;
}

/** A file or sheet name inside a one-line message (a hint): line feeds and tabs are escaped too. */
export function escapeName(text: string): string {
  return escapeForTerminal(text).replace(/[\n\t]/g, visible);
}

/** The most characters of an input that a message quotes. */
export const QUOTE_MAX_CHARS = 200;

/**
 * At most `max` characters of an input for a message, with "…" and the full length when it was cut: a 50 MB line
 * of a decisions file must not come back whole on the officer's screen.
 */
export function quoteInput(text: string, max = QUOTE_MAX_CHARS): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length})`;
}
