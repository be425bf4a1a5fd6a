import { stripBom } from '../text/utf8.js';
/**
 * BagIt 1.0 (RFC 8493) text files: building them for `pack` and reading them for `verify`.
 * Paths in manifests are relative to the bag's base directory, `/`-separated, with only CR, LF and % percent-encoded
 * (§2.1.3). Tag files are UTF-8.
 */

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface ManifestEntry {
  path: string;
  digest: string;
}

export function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
}

export function decodeManifestPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/** Manifest lines sorted by path (byte order of the UTF-8 path, the zip's order too). */
export function manifestText(entries: readonly ManifestEntry[]): string {
  return [...entries]
    .sort((a, b) => compareUtf8(a.path, b.path))
    .map((e) => `${e.digest}  ${encodeManifestPath(e.path)}\n`)
    .join('');
}

/**
 * The order of two strings' UTF-8 bytes (as Buffer.compare of their encodings: -1, 0 or 1), without encoding them:
 * sorting ten thousand long names this way costs no buffer per comparison. UTF-8 bytes sort as code points do; a
 * lone surrogate counts as U+FFFD, which is what UTF-8 encoding makes of it.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length || i === b.length) return a.length === b.length ? 0 : i === a.length ? -1 : 1;
  // The units before `i` are the same; step back onto a high surrogate, whose pair may differ.
  if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) i--;
  let j = i;
  while (i < a.length && j < b.length) {
    const x = codePointAt(a, i);
    const y = codePointAt(b, j);
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return i < a.length ? 1 : j < b.length ? -1 : 0;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/** The code point at `i` as UTF-8 encodes it: a surrogate pair's, or U+FFFD for a lone surrogate. */
function codePointAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  if (isHighSurrogate(c) && i + 1 < s.length) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return 0xfffd;
}

export function payloadOxum(bytes: number, files: number): string {
  return `${bytes}.${files}`;
}

/** A bag-info value may not hold a line break; continuation lines are indented (§2.2.2). */
function foldValue(v: string): string {
  return v.replace(/\r\n|\r|\n/g, '\n  ');
}

export function bagInfoText(fields: ReadonlyArray<readonly [string, string]>): string {
  return fields
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${foldValue(v)}\n`)
    .join('');
}

export interface ParsedManifest {
  entries: ManifestEntry[];
  /** 1-based numbers of lines that are not `<digest> <path>`. */
  badLines: number[];
}

export function parseManifest(text: string): ParsedManifest {
  const entries: ManifestEntry[] = [];
  const badLines: number[] = [];
  const lines = stripBom(text).split(/\r\n|\n|\r/);
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    const m = /^([0-9A-Fa-f]+)[ \t]+(.+)$/.exec(raw);
    if (!m) badLines.push(i + 1);
    else entries.push({ digest: m[1].toLowerCase(), path: decodeManifestPath(m[2]).normalize('NFC') });
  });
  return { entries, badLines };
}

/** Labels and values of bag-info.txt or bagit.txt; a label may repeat (§2.2.2), continuation lines join with a space. */
export function parseTagFile(text: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const raw of stripBom(text).split(/\r\n|\n|\r/)) {
    if (raw === '') continue;
    if (/^[ \t]/.test(raw) && out.length > 0) {
      out[out.length - 1][1] += ' ' + raw.trim();
      continue;
    }
    const colon = raw.indexOf(':');
    if (colon <= 0) continue;
    out.push([raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()]);
  }
  return out;
}

/** Manifest algorithms dvc can check (RFC 8493 §2.4 names: lower case, no hyphen). */
export const MANIFEST_ALGORITHMS = ['sha512', 'sha256', 'sha1', 'md5'] as const;
export type ManifestAlgorithm = (typeof MANIFEST_ALGORITHMS)[number];

export function manifestAlgorithm(name: string, prefix: 'manifest' | 'tagmanifest'): string | undefined {
  const m = new RegExp(`^${prefix}-([a-z0-9]+)\\.txt$`).exec(name);
  return m?.[1];
}

/** A bag path that could step outside the bag: absolute, drive letter, backslash, empty or dot segments. */
export function unsafeBagPath(p: string): boolean {
  if (p.startsWith('/') || p.startsWith('\\') || /^[A-Za-z]:/.test(p) || p.includes('\\') || p.includes('\0'))
    return true;
  return p.split('/').some((seg) => seg === '..' || seg === '.' || seg === '');
}
