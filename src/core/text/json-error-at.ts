/**
 * Where JSON text breaks, as line and column (1-based), found by a scan of its own: JSON.parse's messages quote
 * the text itself (`Unexpected token 'r', "root:x:0:0…" is not valid JSON`), and a file's content never goes into
 * a message. Iterative, so no depth of nesting overflows. Returns null for valid JSON.
 */
export function jsonErrorAt(text: string): { line: number; column: number } | null {
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const fail = () => {
    const before = text.slice(0, Math.min(i, n));
    const lines = before.split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  };
  const str = (): boolean => {
    if (text[i] !== '"') return false;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return (i++, true);
      if (c < 0x20) return false;
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else return (i++, false);
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    for (const w of ['true', 'false', 'null']) if (text.startsWith(w, i)) return ((i += w.length), true);
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    i += m[0].length;
    return true;
  };
  // The stack holds the open containers: '[' or '{'.
  const stack: string[] = [];
  ws();
  for (;;) {
    // a value
    ws();
    if (text[i] === '[' || text[i] === '{') {
      const open = text[i]!;
      i++;
      ws();
      if ((open === '[' && text[i] === ']') || (open === '{' && text[i] === '}')) i++;
      else {
        stack.push(open);
        if (open === '{') {
          if (!str()) return fail();
          ws();
          if (text[i] !== ':') return fail();
          i++;
        }
        continue;
      }
    } else if (text[i] === '"') {
      if (!str()) return fail();
    } else if (!scalar()) return fail();
    // after a value: close containers or go to the next member
    for (;;) {
      ws();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i === n ? null : fail();
      }
      if (text[i] === ',') {
        i++;
        ws();
        if (top === '{') {
          if (!str()) return fail();
          ws();
          if (text[i] !== ':') return fail();
          i++;
        }
        break;
      }
      if ((top === '[' && text[i] === ']') || (top === '{' && text[i] === '}')) {
        i++;
        stack.pop();
        continue;
      }
      return fail();
    }
  }
}
