/**
 * `JSON.stringify(value, null, 2)` in pieces of about 64 KiB: a report of thousands of entries (an evidence
 * bundle's files) never exists as one string of millions of characters beside the value it describes. The joined
 * pieces are exactly JSON.stringify's text (a property test holds them equal).
 */

/** A piece is handed on once it holds this many characters. */
const PIECE_CHARS = 1 << 16;

type Plain = Record<string, unknown>;

/** An array or plain object that JSON.stringify would walk itself (no toJSON of its own to call). */
function walkable(value: unknown): value is unknown[] | Plain {
  if (typeof value !== 'object' || value === null) return false;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value) ? proto === Array.prototype : proto === Object.prototype || proto === null;
}

/** What JSON.stringify leaves out of an object, and writes as null in an array. */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

class Pieces {
  private text = '';
  constructor(private readonly write: (piece: string) => void) {}

  add(s: string): void {
    this.text += s;
    if (this.text.length >= PIECE_CHARS) this.flush();
  }

  flush(): void {
    if (this.text !== '') this.write(this.text);
    this.text = '';
  }
}

function walk(value: unknown, indent: string, out: Pieces): void {
  if (!walkable(value)) {
    const text = JSON.stringify(value, null, 2);
    // JSON holds no raw line feed inside a string: every line feed is layout, indented one level deeper here.
    out.add(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return out.add('[]');
    out.add('[');
    for (let i = 0; i < value.length; i++) {
      out.add(`${i === 0 ? '' : ','}\n${inner}`);
      if (skipped(value[i])) out.add('null');
      else walk(value[i], inner, out);
    }
    return out.add(`\n${indent}]`);
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (skipped(v)) continue;
    out.add(`${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `);
    first = false;
    walk(v, inner, out);
  }
  out.add(first ? '{}' : `\n${indent}}`);
}

/**
 * Hands `write` the text of `JSON.stringify(value, null, 2)` in pieces. `value` must be what JSON.stringify accepts
 * at the top (not undefined, a function or a symbol).
 */
export function writeJsonPieces(value: unknown, write: (piece: string) => void): void {
  const out = new Pieces(write);
  walk(value, '', out);
  out.flush();
}
