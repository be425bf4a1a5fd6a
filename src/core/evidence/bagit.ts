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

export function compareUtf8(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
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
