import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';
import { MANIFEST_ALGORITHMS, unsafeBagPath } from '../../core/evidence/bagit.js';
import { BAG_LIMITS } from '../../core/evidence/bag-limits.js';
import type { BagFindings, BagProblem, FoundFile } from '../../core/evidence/bag-verify.js';
import { EntryTooLargeError, SafeZip, ZIP_LIMITS, ZipLimitError, type ZipEntryInfo } from '../zip/zip-reader.js';

/**
 * Reads a bag, zipped or as a folder, into findings for core/evidence/bag-verify: every file with its size and
 * digests, the tag files' texts, and the hostile-archive problems found on the way. Nothing is extracted, and
 * memory stays bounded whatever the archive holds: every file is streamed and hashed; only the tag files that
 * must be read as text (bagit.txt, bag-info.txt and the manifests of the algorithms dvc checks) are kept, each
 * up to VERIFY_LIMITS.tagTextBytes and all together up to VERIFY_LIMITS.tagTextTotal.
 */
export interface BagRead {
  kind: 'zip' | 'dir';
  base: string;
  findings: BagFindings;
  problems: BagProblem[];
}

/** The documented limits of `dvc evidence verify` (docs/evidence.md), from the one table pack uses too. */
export const VERIFY_LIMITS = BAG_LIMITS;

interface Candidate {
  path: string;
  size: number;
  read: () => AsyncIterable<Buffer>;
}

const SUPPORTED = new Set<string>(MANIFEST_ALGORITHMS);

/** Tag files whose text verify needs; any other tag file is only hashed. */
function isTextTag(p: string): boolean {
  if (p === 'bagit.txt' || p === 'bag-info.txt') return true;
  const alg = /^(?:tag)?manifest-([a-z0-9]+)\.txt$/.exec(p)?.[1];
  return alg !== undefined && SUPPORTED.has(alg);
}

function algorithmsIn(paths: readonly string[], prefix: 'manifest' | 'tagmanifest', problems: BagProblem[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    const alg = new RegExp(`^${prefix}-([a-z0-9]+)\\.txt$`).exec(p)?.[1];
    if (alg === undefined) continue;
    if (SUPPORTED.has(alg)) out.push(alg);
    else problems.push({ path: p, code: 'unsupportedAlgorithm', detail: alg });
  }
  return out.sort();
}

function problemOf(c: Candidate, e: unknown): BagProblem {
  return e instanceof EntryTooLargeError
    ? { path: c.path, code: 'sizeExceeded', detail: String(c.size) }
    : { path: c.path, code: 'unreadable', detail: (e as Error).message };
}

/**
 * Streams one file through its hashes; keeps its text only when asked (`keepUpTo` bytes at most).
 * Returns the found file and, when kept, the text.
 */
async function hashOne(
  c: Candidate,
  algs: readonly string[],
  keepUpTo: number,
  problems: BagProblem[],
  signal?: AbortSignal,
): Promise<{ file: FoundFile; text?: string }> {
  const hs = new Map<string, Hash>(algs.map((a) => [a, createHash(a)]));
  const kept: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of c.read()) {
      stopIfCancelled(signal);
      n += chunk.length;
      for (const h of hs.values()) h.update(chunk);
      if (keepUpTo > 0) kept.push(Buffer.from(chunk)); // the reader reuses its buffers
    }
  } catch (e) {
    if (isDvcError(e)) throw e;
    problems.push(problemOf(c, e));
    return { file: { path: c.path, size: c.size } };
  }
  if (n < c.size) {
    problems.push({ path: c.path, code: 'sizeShort', detail: `${n} < ${c.size}` });
    return { file: { path: c.path, size: n } };
  }
  const digests = Object.fromEntries([...hs].map(([a, h]) => [a, h.digest('hex')]));
  const text = keepUpTo > 0 ? Buffer.concat(kept).toString('utf8') : undefined;
  return { file: { path: c.path, size: n, digests }, text };
}

/** Ctrl+C (pack and verify pass an AbortSignal): stop reading, exit 130. */
function stopIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DvcError('cli.cancelled', {}, ExitCode.Cancelled);
}

async function collect(candidates: Candidate[], problems: BagProblem[], signal?: AbortSignal): Promise<BagFindings> {
  const names = candidates.map((c) => c.path).filter((p) => !p.startsWith('data/'));
  const payloadAlgs = algorithmsIn(names, 'manifest', problems);
  const tagAlgs = algorithmsIn(names, 'tagmanifest', problems);
  const tagTexts = new Map<string, string>();
  const files: FoundFile[] = [];
  let textBudget: number = VERIFY_LIMITS.tagTextTotal;
  for (const c of candidates) {
    stopIfCancelled(signal);
    const isTag = !c.path.startsWith('data/');
    let keep = 0;
    if (isTag && isTextTag(c.path)) {
      if (c.size > VERIFY_LIMITS.tagTextBytes || c.size > textBudget)
        problems.push({ path: c.path, code: 'tagTooLarge', detail: String(VERIFY_LIMITS.tagTextBytes) });
      else keep = c.size;
    }
    // A kept text never grows past its declared size: reading stops there (EntryTooLargeError).
    const { file, text } = await hashOne(c, isTag ? tagAlgs : payloadAlgs, keep, problems, signal);
    files.push(file);
    if (text !== undefined) {
      textBudget -= c.size;
      tagTexts.set(c.path, text);
    }
  }
  return { files, tagTexts };
}

function findBase(names: readonly string[], file: string): string {
  if (names.includes('bagit.txt')) return '';
  const bases = [
    ...new Set(names.filter((n) => /^[^/]+\/bagit\.txt$/.test(n)).map((n) => n.slice(0, n.indexOf('/') + 1))),
  ];
  if (bases.length !== 1) throw new DvcError('evidence.verify.notABag', { file }, ExitCode.Usage);
  return bases[0];
}

function limitError(file: string, limit: string, found: number | string, max: number): DvcError {
  return new DvcError('evidence.verify.limit', { file, limit, found, max }, ExitCode.Usage);
}

/** The bundle, its count, total size and compression ratio checked (zip-limits.ts) before anything is inflated. */
async function openBundle(file: string): Promise<SafeZip> {
  try {
    return await SafeZip.open(file, ZIP_LIMITS.bundle);
  } catch (e) {
    if (e instanceof ZipLimitError) throw limitError(file, e.limit, e.found, e.max);
    throw new DvcError('evidence.verify.notZip', { file, reason: (e as Error).message }, ExitCode.Usage, { cause: e });
  }
}

/** The hostile-archive rules on each entry; returns the entries that are safe to read. */
function screenEntries(zip: SafeZip, problems: BagProblem[]): ZipEntryInfo[] {
  const seen = new Map<string, string>();
  const safe: ZipEntryInfo[] = [];
  for (const e of zip.entries) {
    const name = e.isDirectory ? e.name.replace(/\/+$/, '') : e.name;
    const problem = entryProblem(e, name, seen);
    if (problem) problems.push(problem);
    else if (!e.isDirectory) safe.push(e);
    seen.set(name.toLowerCase(), e.name);
  }
  return safe;
}

function entryProblem(e: ZipEntryInfo, name: string, seen: ReadonlyMap<string, string>): BagProblem | undefined {
  if (unsafeBagPath(name)) return { path: e.name, code: 'unsafePath' };
  if (e.localNameDiffers) return { path: e.name, code: 'localName' };
  if (e.isSymlink) return { path: e.name, code: 'symlink' };
  if (e.encrypted) return { path: e.name, code: 'encrypted' };
  if (e.method !== 0 && e.method !== 8) return { path: e.name, code: 'unsupportedMethod', detail: String(e.method) };
  const other = seen.get(name.toLowerCase());
  if (other !== undefined) return { path: e.name, code: 'duplicate', detail: other };
  return undefined;
}

export async function readZipBag(file: string, signal?: AbortSignal): Promise<BagRead> {
  const zip = await openBundle(file);
  try {
    const problems: BagProblem[] = [];
    const safe = screenEntries(zip, problems);
    const compressed = zip.entries.reduce((n, e) => n + e.compressedSize, 0);
    if (compressed > zip.fileSize)
      problems.push({ path: file, code: 'overlap', detail: `${compressed} > ${zip.fileSize}` });
    const base = findBase(
      safe.map((e) => e.name),
      file,
    );
    const candidates: Candidate[] = [];
    for (const e of safe) {
      if (!e.name.startsWith(base)) problems.push({ path: e.name, code: 'outsideBag' });
      else candidates.push({ path: e.name.slice(base.length), size: e.size, read: () => zip.read(e) });
    }
    // With an overlap bomb every entry would inflate the same bytes again: stop before reading any.
    const findings = problems.some((p) => p.code === 'overlap')
      ? { files: [], tagTexts: new Map<string, string>() }
      : await collect(candidates, problems, signal);
    return { kind: 'zip', base, findings, problems };
  } finally {
    zip.close();
  }
}

function fileCandidate(abs: string, r: string, size: number): Candidate {
  return {
    path: r.normalize('NFC'),
    size,
    read: async function* () {
      let n = 0;
      for await (const c of createReadStream(abs, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        n += c.length;
        if (n > size) throw new EntryTooLargeError(r, size);
        yield c;
      }
    },
  };
}

async function walk(root: string, rel: string, out: Candidate[], problems: BagProblem[]): Promise<void> {
  for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
    if (out.length >= VERIFY_LIMITS.maxEntries)
      throw limitError(root, 'entries', `> ${VERIFY_LIMITS.maxEntries}`, VERIFY_LIMITS.maxEntries);
    const r = rel ? `${rel}/${e.name}` : e.name;
    const abs = path.join(root, ...r.split('/'));
    const st = await lstat(abs);
    if (st.isSymbolicLink()) problems.push({ path: r, code: 'symlink' });
    else if (st.isDirectory()) await walk(root, r, out, problems);
    else if (st.isFile()) out.push(fileCandidate(abs, r, st.size));
  }
}

export async function readDirBag(dir: string, signal?: AbortSignal): Promise<BagRead> {
  const st = await lstat(path.join(dir, 'bagit.txt')).catch(() => null);
  if (!st?.isFile()) throw new DvcError('evidence.verify.notABag', { file: dir }, ExitCode.Usage);
  const problems: BagProblem[] = [];
  const candidates: Candidate[] = [];
  await walk(dir, '', candidates, problems);
  return { kind: 'dir', base: '', findings: await collect(candidates, problems, signal), problems };
}
