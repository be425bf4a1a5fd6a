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
