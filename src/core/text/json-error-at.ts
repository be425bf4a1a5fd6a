/** A scan of JSON text that stops at the first character breaking the grammar; `i` is where it stopped. */
class JsonScan {
  i = 0;
  /** The open containers: '[' or '{'. */
  readonly stack: string[] = [];

  constructor(readonly text: string) {}

  ws(): void {
    const t = this.text;
    while (this.i < t.length && (t[this.i] === ' ' || t[this.i] === '\t' || t[this.i] === '\n' || t[this.i] === '\r'))
      this.i++;
  }

  str(): boolean {
    const t = this.text;
    if (t[this.i] !== '"') return false;
    this.i++;
    while (this.i < t.length) {
      const c = t.charCodeAt(this.i);
      if (c === 0x22) return (this.i++, true);
      if (c < 0x20) return false;
      if (c !== 0x5c) {
        this.i++;
        continue;
      }
      const e = t[this.i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.i + 2, this.i + 6))) return false;
        this.i += 6;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) this.i += 2;
      else return (this.i++, false);
    }
    return false;
  }

  scalar(): boolean {
    for (const w of ['true', 'false', 'null']) if (this.text.startsWith(w, this.i)) return ((this.i += w.length), true);
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i, this.i + 400));
    if (!m || m[0] === '' || m[0] === '-') return false;
    this.i += m[0].length;
    return true;
  }

  /** `"name":` of an object member. */
  key(): boolean {
    if (!this.str()) return false;
    this.ws();
    if (this.text[this.i] !== ':') return false;
    this.i++;
    return true;
  }

  /** One value ('done'), or the opening of a non-empty container, pushed ('opened'). */
  value(): 'done' | 'opened' | 'bad' {
    this.ws();
    const c = this.text[this.i];
    if (c !== '[' && c !== '{') return (c === '"' ? this.str() : this.scalar()) ? 'done' : 'bad';
    this.i++;
    this.ws();
    if (this.text[this.i] === (c === '[' ? ']' : '}')) return (this.i++, 'done');
    this.stack.push(c);
    return c === '[' || this.key() ? 'opened' : 'bad';
  }

  /** After a value: closes containers; 'next' when another value follows, 'end' at the end, 'bad' otherwise. */
  after(): 'next' | 'end' | 'bad' {
    for (;;) {
      this.ws();
      const top = this.stack[this.stack.length - 1];
      if (top === undefined) return this.i === this.text.length ? 'end' : 'bad';
      const c = this.text[this.i];
      if (c === ',') {
        this.i++;
        this.ws();
        return top === '{' && !this.key() ? 'bad' : 'next';
      }
      if (c !== (top === '[' ? ']' : '}')) return 'bad';
      this.i++;
      this.stack.pop();
    }
  }

  /** The line and column (1-based) where the scan stopped. */
  place(): { line: number; column: number } {
    const lines = this.text.slice(0, Math.min(this.i, this.text.length)).split('\n');
    return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
  }
}

/**
 * Where JSON text breaks, as line and column (1-based), found by a scan of its own: JSON.parse's messages quote
 * the text itself (`Unexpected token 'r', "root:x:0:0…" is not valid JSON`), and a file's content never goes into
 * a message. Iterative, so no depth of nesting overflows. Returns null for valid JSON.
 */
export function jsonErrorAt(text: string): { line: number; column: number } | null {
  const scan = new JsonScan(text);
  for (;;) {
    const v = scan.value();
    if (v === 'bad') return scan.place();
    // a container just opened: its first value comes next
    if (v === 'opened') continue;
    const next = scan.after();
    if (next === 'end') return null;
    if (next === 'bad') return scan.place();
  }
}
