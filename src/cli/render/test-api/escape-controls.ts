/**
 * Text from a server is printed with its control characters escaped: an answer holding ESC sequences could
 * otherwise move the cursor, rewrite earlier lines, change the window title or hide text on the officer's
 * terminal. C0 (except tab and newline), DEL, C1 and the bidirectional overrides become `\u{…}` escapes.
 */
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\u{${c.charCodeAt(0).toString(16).padStart(2, '0')}}`);
}
