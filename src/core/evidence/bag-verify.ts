import { parseManifest, parseTagFile, unsafeBagPath } from './bagit.js';
import { escapeName } from '../text/terminal-safe.js';

/** A name as it may be printed: one line, every control character and bidirectional mark made visible. */
export const printable = escapeName;

/**
 * The judgement of `verify`, pure: given what the io layer found in a bag (its files, their sizes and digests,
 * the texts of its tag files), every way it departs from RFC 8493.
 */
export type BagProblemCode =
  | 'unsafePath'
  | 'localName'
  | 'tagTooLarge'
  | 'symlink'
  | 'duplicate'
  | 'encrypted'
  | 'unsupportedMethod'
  | 'overlap'
  | 'sizeExceeded'
  | 'sizeShort'
  | 'outsideBag'
  | 'unreadable'
  | 'bagitTxt'
  | 'noManifest'
  | 'unsupportedAlgorithm'
  | 'badManifestLine'
  | 'badManifestPath'
  | 'missing'
  | 'changed'
  | 'extra'
  | 'oxum';

export interface BagProblem {
  path: string;
  code: BagProblemCode;
  detail?: string;
}

export interface FoundFile {
  /** Relative to the bag's base directory. */
  path: string;
  size: number;
  /** Algorithm → hex digest; absent when the file could not be read to its end. */
  digests?: Record<string, string>;
}

export interface BagFindings {
  files: FoundFile[];
  /** Text of each tag file read (bagit.txt, bag-info.txt, manifests), by path. */
  tagTexts: Map<string, string>;
}

export function payloadAlgorithms(tagPaths: Iterable<string>): string[] {
  return [...tagPaths].flatMap((p) => /^manifest-([a-z0-9]+)\.txt$/.exec(p)?.[1] ?? []).sort();
}

export function tagManifestAlgorithms(tagPaths: Iterable<string>): string[] {
  return [...tagPaths].flatMap((p) => /^tagmanifest-([a-z0-9]+)\.txt$/.exec(p)?.[1] ?? []).sort();
}

function checkManifest(
  name: string,
  text: string,
  byPath: Map<string, FoundFile>,
  alg: string,
  scope: 'payload' | 'tag',
  problems: BagProblem[],
): Set<string> {
  const listed = new Set<string>();
  const parsed = parseManifest(text);
  for (const line of parsed.badLines) problems.push({ path: name, code: 'badManifestLine', detail: String(line) });
  for (const e of parsed.entries) {
    const inPayload = e.path.startsWith('data/');
    if (unsafeBagPath(e.path) || (scope === 'payload') !== inPayload) {
      problems.push({ path: name, code: 'badManifestPath', detail: e.path });
      continue;
    }
    listed.add(e.path);
    const f = byPath.get(e.path);
    if (!f) problems.push({ path: e.path, code: 'missing', detail: name });
    else if (f.digests && f.digests[alg] !== e.digest)
      problems.push({ path: e.path, code: 'changed', detail: `${alg} ${name}` });
  }
  return listed;
}

export function judgeBag(f: BagFindings): BagProblem[] {
  const problems: BagProblem[] = [];
  const byPath = new Map(f.files.map((x) => [x.path, x]));
  const bagit = f.tagTexts.get('bagit.txt');
  const fields = new Map(parseTagFile(bagit ?? ''));
  if (bagit === undefined || !fields.has('BagIt-Version') || !fields.has('Tag-File-Character-Encoding'))
    problems.push({ path: 'bagit.txt', code: 'bagitTxt' });
  const algs = payloadAlgorithms(f.tagTexts.keys());
  if (algs.length === 0) problems.push({ path: 'manifest-sha256.txt', code: 'noManifest' });
  const payload = f.files.filter((x) => x.path.startsWith('data/'));
  for (const alg of algs) {
    const name = `manifest-${alg}.txt`;
    const listed = checkManifest(name, f.tagTexts.get(name) ?? '', byPath, alg, 'payload', problems);
    for (const p of payload) if (!listed.has(p.path)) problems.push({ path: p.path, code: 'extra', detail: name });
  }
  for (const alg of tagManifestAlgorithms(f.tagTexts.keys())) {
    const name = `tagmanifest-${alg}.txt`;
    checkManifest(name, f.tagTexts.get(name) ?? '', byPath, alg, 'tag', problems);
  }
  const info = parseTagFile(f.tagTexts.get('bag-info.txt') ?? '');
  const oxum = info.find(([k]) => k.toLowerCase() === 'payload-oxum')?.[1];
  if (oxum !== undefined) {
    const actual = `${payload.reduce((n, x) => n + x.size, 0)}.${payload.length}`;
    if (oxum !== actual) problems.push({ path: 'bag-info.txt', code: 'oxum', detail: `${oxum} ≠ ${actual}` });
  }
  return dedupe(problems);
}

function dedupe(ps: BagProblem[]): BagProblem[] {
  const seen = new Set<string>();
  return ps.filter((p) => {
    const k = `${p.code}\0${p.path}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
