/**
 * One argument of a command that dvc prints as a hint (`… --decisions "C:\Hồ sơ\bảng mã.doi-chieu.xlsx"`), written
 * so that the line works pasted into cmd.exe and into PowerShell alike — officers use both.
 *
 * A word of letters (any script), digits and `_ - . : \ / + = ~` needs nothing in either shell. Anything else is put
 * in double quotes: both shells then take spaces and `& | < > ^ ( ) ; , ' @ # { }` literally. A trailing backslash
 * is doubled, since `\"` would escape the closing quote for the program. Two characters that Windows allows in
 * file names have no spelling common to both shells: `%` (cmd expands `%NAME%` even in quotes) and `$` or `` ` ``
 * (PowerShell expands them in double quotes); they are left as they are.
 */
const PLAIN = /^[\p{L}\p{M}\p{N}_\-.:\\/+=~]+$/u;

export function shellArg(value: string): string {
  if (value !== '' && PLAIN.test(value)) return value;
  return `"${value.replace(/(\\+)$/, '$1$1')}"`;
}

/** A whole command line of hint arguments, each quoted as needed. */
export function shellLine(args: readonly string[]): string {
  return args.map(shellArg).join(' ');
}

/** The shell a hint is printed for: bash/zsh/sh, or cmd.exe and PowerShell on Windows (one form for both). */
export type HintShell = 'posix' | 'windows';

/** An argument as the shell reads it literally, or why no spelling is safe. */
export type QuotedArg = { ok: true; text: string } | { ok: false; why: 'control' | 'windows'; chars: string };

// Controls (a newline ends the command when pasted), DEL, C1 controls, and marks that reorder or hide text.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/gu;
// A POSIX shell reads nothing special in these; `~` and `=` begin expansions at the start of a word in bash or zsh.
const POSIX_PLAIN = /^[\p{L}\p{M}\p{N}_\-.,:/+@]+$/u;
// cmd.exe expands `%NAME%` inside double quotes; PowerShell expands `$` and `` ` `` and ends a string at any
// double quote, the typographic ones included.
const WINDOWS_UNSAFE = /[%$`"\u201c\u201d\u201e]/gu;

const charsOf = (value: string, re: RegExp) =>
  [...new Set(value.match(re) ?? [])]
    .map((c) => (/[\u0000-\u001f\u007f-\u009f]/.test(c) ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : c))
    .map((c) =>
      c.length === 1 && c.charCodeAt(0) > 0x7f && !/\p{L}/u.test(c)
        ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
        : c,
    )
    .join(' ');

/**
 * One argument of a hint for `shell`: single quotes in a POSIX shell (`it's` → `'it'\''s'`, inside which nothing
 * is expanded), double quotes for cmd.exe and PowerShell (see shellArg). A control character has no safe
 * spelling anywhere, nor `% $ `` ` `` "` on Windows: the caller then prints no command and says why.
 */
export function quoteArg(value: string, shell: HintShell): QuotedArg {
  if (new RegExp(CONTROL.source, 'u').test(value)) return { ok: false, why: 'control', chars: charsOf(value, CONTROL) };
  if (shell === 'windows') {
    if (new RegExp(WINDOWS_UNSAFE.source, 'u').test(value))
      return { ok: false, why: 'windows', chars: charsOf(value, WINDOWS_UNSAFE) };
    return { ok: true, text: shellArg(value) };
  }
  if (value !== '' && POSIX_PLAIN.test(value)) return { ok: true, text: value };
  return { ok: true, text: `'${value.replace(/'/g, `'\\''`)}'` };
}

/** The shell of the machine dvc runs on. */
export function currentHintShell(platform: NodeJS.Platform = process.platform): HintShell {
  return platform === 'win32' ? 'windows' : 'posix';
}

/**
 * One argument of a hint inside a sentence (`… rồi chạy: dvc evidence check <dir>`), for this machine's shell. A name
 * no quoting keeps safe is written with its unsafe characters spelled out (`\x0a`, `\x24` for `$`): it is seen, and
 * pasted it names no file and runs nothing.
 */
export function hintArg(value: string, shell: HintShell = currentHintShell()): string {
  const q = quoteArg(value, shell);
  if (q.ok) return q.text;
  const unsafe = new RegExp(`${CONTROL.source}|${shell === 'windows' ? WINDOWS_UNSAFE.source : '(?!)'}`, 'gu');
  const shown = value.replace(unsafe, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const again = quoteArg(shown, shell);
  return again.ok ? again.text : shown;
}
