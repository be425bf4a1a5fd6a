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

/** The text of `value` at nesting `indent`, in small parts (joined into pieces by jsonPieces). */
function* parts(value: unknown, indent: string): Generator<string> {
  if (!walkable(value)) {
    const text = JSON.stringify(value, null, 2);
    // JSON holds no raw line feed inside a string: every line feed is layout, indented one level deeper here.
    yield indent === '' || text === undefined ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return yield '[]';
    yield '[';
    for (let i = 0; i < value.length; i++) {
      yield `${i === 0 ? '' : ','}\n${inner}`;
      if (skipped(value[i])) yield 'null';
      else yield* parts(value[i], inner);
    }
    return yield `\n${indent}]`;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (skipped(v)) continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* parts(v, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * The text of `JSON.stringify(value, null, 2)` in pieces of about PIECE_CHARS characters, made as they are asked for.
 * `value` must be what JSON.stringify accepts at the top (not undefined, a function or a symbol).
 */
export function* jsonPieces(value: unknown): Generator<string> {
  let text = '';
  for (const part of parts(value, '')) {
    text += part;
    if (text.length >= PIECE_CHARS) {
      yield text;
      text = '';
    }
  }
  if (text !== '') yield text;
}

/** What printJson writes to: a stream that says when it wants no more until 'drain'. */
export interface JsonSink {
  write(piece: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

/**
 * Writes the pieces of `value` and then a line feed to `sink`, each piece made only when the sink takes more: a pipe
 * that is read slowly holds one piece, not the whole text.
 */
export function writeJsonPieces(value: unknown, sink: JsonSink): void {
  const pieces = jsonPieces(value);
  const pump = (): void => {
    for (;;) {
      const next = pieces.next();
      if (next.done) {
        sink.write('\n');
        return;
      }
      if (!sink.write(next.value)) {
        sink.once('drain', pump);
        return;
      }
    }
  };
  pump();
}
