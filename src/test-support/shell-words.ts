/**
 * A printed hint split into words the way bash does, for the forms dvc prints for a POSIX shell: bare words of
 * characters no shell treats specially, and single-quoted text (`'it'\''s'`). Anything else (an expansion, a
 * double quote, a backslash outside quotes) is refused, so a test fails on a hint that would run differently.
 */
export function posixWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '\\' && line[i + 1] === "'") {
      word = (word ?? '') + "'";
      i++;
    } else if (/[\p{L}\p{M}\p{N}_\-.,:/+@]/u.test(ch)) word = (word ?? '') + ch;
    else throw new Error(`"${ch}" outside quotes in: ${line}`);
  }
  if (word !== null) words.push(word);
  return words;
}
