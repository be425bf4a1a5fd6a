/**
 * UTF-8 text as read from files and bodies: the one byte-order-mark strip, and a strict decoder that says where the
 * bytes stop being UTF-8 instead of turning them into U+FFFD.
 */

/** The text without a leading byte order mark (U+FEFF), which Windows tools write at the start of UTF-8 files. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const isContinuation = (b: Uint8Array, i: number) => i < b.length && (b[i] & 0xc0) === 0x80;

/** A three-byte sequence at `i`: no overlong forms (E0 80–9F) and no surrogates (ED A0–BF). */
function threeBytes(b: Uint8Array, i: number): number {
  const [c, b1] = [b[i], b[i + 1]];
  if ((c === 0xe0 && b1 < 0xa0) || (c === 0xed && b1 > 0x9f)) return 0;
  return isContinuation(b, i + 1) && isContinuation(b, i + 2) ? 3 : 0;
}

/** A four-byte sequence at `i`: no overlong forms (F0 80–8F) and nothing above U+10FFFF (F4 90–BF). */
function fourBytes(b: Uint8Array, i: number): number {
  const [c, b1] = [b[i], b[i + 1]];
  if ((c === 0xf0 && b1 < 0x90) || (c === 0xf4 && b1 > 0x8f)) return 0;
  return isContinuation(b, i + 1) && isContinuation(b, i + 2) && isContinuation(b, i + 3) ? 4 : 0;
}

/** The length of the UTF-8 sequence starting at `i`, or 0 when the bytes there are not valid UTF-8. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return 1;
  if (c >= 0xc2 && c <= 0xdf) return isContinuation(b, i + 1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) return threeBytes(b, i);
  if (c >= 0xf0 && c <= 0xf4) return fourBytes(b, i);
  return 0;
}

export type StrictUtf8 = { ok: true; text: string } | { ok: false; offset: number; line: number };

/** Decodes UTF-8; when a byte is not valid UTF-8, says which (0-based offset) and on which line (1-based). */
export function decodeUtf8Strict(bytes: Uint8Array): StrictUtf8 {
  let line = 1;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes, i);
    if (n === 0) return { ok: false, offset: i, line };
    if (bytes[i] === 0x0a) line++;
    i += n;
  }
  return { ok: true, text: new TextDecoder('utf-8').decode(bytes) };
}
