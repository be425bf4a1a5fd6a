/**
 * The text of a configuration file as Windows tools save it. Windows PowerShell 5.1's `>` and `Out-File` write
 * UTF-16 LE with a byte-order mark (so the README's `mock-api --print-config > dvc.config.json` does, there);
 * Notepad may save UTF-16 BE or UTF-8 with a BOM. All of these are read; a file that is none of them is refused
 * with the way to save it.
 */
import { DvcError, ExitCode } from '../errors.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding a file's bytes are in: its byte-order mark, else UTF-16 LE when every other byte is NUL. */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) return 'utf-16le';
  if (bytes.length >= 4 && bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0) return 'utf-16be';
  return 'utf-8';
}

/** Whether text decoded as UTF-8 by someone else (cosmiconfig) came from a UTF-16 file and must be re-read. */
export function looksMisdecoded(text: string): boolean {
  return text.includes('\u0000') || text.startsWith('\ufffd');
}

/** The file's text without its byte-order mark; a DvcError (exit 2) naming the file when it cannot be decoded. */
export function decodeConfigBytes(bytes: Uint8Array, file: string): string {
  const encoding = detectEncoding(bytes);
  try {
    const text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new DvcError('config.encoding', { file, encoding: encoding.toUpperCase() }, ExitCode.Usage);
  }
}
