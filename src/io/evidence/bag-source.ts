import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { unsafeBagPath } from '../../core/evidence/bagit.js';
import {
  payloadAlgorithms,
  tagManifestAlgorithms,
  type BagFindings,
  type BagProblem,
  type FoundFile,
} from '../../core/evidence/bag-verify.js';
import { EntryTooLargeError, SafeZip, type ZipEntryInfo } from '../zip/zip-reader.js';

/**
 * Reads a bag, zipped or as a folder, into findings for core/evidence/bag-verify: every file with its size and
 * digests, the tag files' texts, and the hostile-archive problems found on the way. Nothing is extracted.
 */
export interface BagRead {
  kind: 'zip' | 'dir';
  base: string;
  findings: BagFindings;
  problems: BagProblem[];
}

/** Tag files are read into memory; a bigger one is not a tag file anyone needs. */
const TAG_LIMIT = 16 * 1048576;

interface Candidate {
  path: string;
  size: number;
  read: () => AsyncIterable<Buffer>;
}

function hashers(algs: readonly string[], problems: BagProblem[]): Map<string, Hash> {
  const out = new Map<string, Hash>();
  for (const a of algs) {
    try {
      out.set(a, createHash(a));
    } catch {
      problems.push({ path: `manifest-${a}.txt`, code: 'unsupportedAlgorithm', detail: a });
    }
  }
  return out;
}

async function collect(candidates: Candidate[], problems: BagProblem[]): Promise<BagFindings> {
  const tagTexts = new Map<string, string>();
  const tags = candidates.filter((c) => !c.path.startsWith('data/'));
  const tagBytes = new Map<string, Buffer>();
  for (const c of tags) {
    if (c.size > TAG_LIMIT) {
      problems.push({ path: c.path, code: 'unreadable', detail: `> ${TAG_LIMIT} B` });
      continue;
    }
    const b = await readAll(c, problems);
    if (!b) continue;
    tagBytes.set(c.path, b);
    tagTexts.set(c.path, b.toString('utf8'));
  }
  const payloadAlgs = payloadAlgorithms(tagTexts.keys());
  const tagAlgs = tagManifestAlgorithms(tagTexts.keys());
  const files: FoundFile[] = [];
  for (const c of candidates) {
    const isTag = !c.path.startsWith('data/');
    const hs = hashers(isTag ? tagAlgs : payloadAlgs, isTag ? [] : problems);
    if (isTag) {
      const b = tagBytes.get(c.path);
      files.push({ path: c.path, size: c.size, digests: b ? digests(hs, [b]) : undefined });
      continue;
    }
    let n = 0;
    try {
      for await (const chunk of c.read()) {
        n += chunk.length;
        for (const h of hs.values()) h.update(chunk);
      }
      if (n < c.size) {
        problems.push({ path: c.path, code: 'sizeShort', detail: `${n} < ${c.size}` });
        files.push({ path: c.path, size: n });
      } else files.push({ path: c.path, size: n, digests: digests(hs, []) });
    } catch (e) {
      problems.push(
        e instanceof EntryTooLargeError
          ? { path: c.path, code: 'sizeExceeded', detail: String(c.size) }
          : { path: c.path, code: 'unreadable', detail: (e as Error).message },
      );
      files.push({ path: c.path, size: c.size });
    }
  }
  return { files, tagTexts };
}

function digests(hs: Map<string, Hash>, chunks: Buffer[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [a, h] of hs) {
    for (const c of chunks) h.update(c);
    out[a] = h.digest('hex');
  }
  return out;
}

async function readAll(c: Candidate, problems: BagProblem[]): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let n = 0;
  try {
    for await (const chunk of c.read()) {
      n += chunk.length;
      if (n > TAG_LIMIT) throw new EntryTooLargeError(c.path, TAG_LIMIT);
      parts.push(chunk);
    }
    return Buffer.concat(parts);
  } catch (e) {
    problems.push(
      e instanceof EntryTooLargeError
        ? { path: c.path, code: 'sizeExceeded', detail: String(c.size) }
        : { path: c.path, code: 'unreadable', detail: (e as Error).message },
    );
    return undefined;
  }
}

function findBase(names: readonly string[], file: string): string {
  if (names.includes('bagit.txt')) return '';
  const bases = [
    ...new Set(names.filter((n) => /^[^/]+\/bagit\.txt$/.test(n)).map((n) => n.slice(0, n.indexOf('/') + 1))),
  ];
  if (bases.length !== 1) throw new DvcError('evidence.verify.notABag', { file }, ExitCode.Usage);
  return bases[0];
}

export async function readZipBag(file: string): Promise<BagRead> {
  const zip = await SafeZip.open(file);
  try {
    const problems: BagProblem[] = [];
    const seen = new Map<string, string>();
    const safe: ZipEntryInfo[] = [];
    let compressed = 0;
    for (const e of zip.entries) {
      compressed += e.compressedSize;
      const name = e.isDirectory ? e.name.replace(/\/+$/, '') : e.name;
      if (unsafeBagPath(name)) problems.push({ path: e.name, code: 'unsafePath' });
      else if (e.isSymlink) problems.push({ path: e.name, code: 'symlink' });
      else if (e.encrypted) problems.push({ path: e.name, code: 'encrypted' });
      else if (e.method !== 0 && e.method !== 8)
        problems.push({ path: e.name, code: 'unsupportedMethod', detail: String(e.method) });
      else if (seen.has(name.toLowerCase()))
        problems.push({ path: e.name, code: 'duplicate', detail: seen.get(name.toLowerCase()) });
      else if (!e.isDirectory) safe.push(e);
      seen.set(name.toLowerCase(), e.name);
    }
    if (compressed > zip.fileSize)
      problems.push({ path: file, code: 'overlap', detail: `${compressed} > ${zip.fileSize}` });
    const base = findBase(
      safe.map((e) => e.name),
      file,
    );
    const candidates: Candidate[] = [];
    for (const e of safe) {
      if (!e.name.startsWith(base)) {
        problems.push({ path: e.name, code: 'outsideBag' });
        continue;
      }
      candidates.push({ path: e.name.slice(base.length), size: e.size, read: () => zip.read(e) });
    }
    // With an overlap bomb every entry would inflate the same bytes again: stop before reading any.
    const findings = problems.some((p) => p.code === 'overlap')
      ? { files: [], tagTexts: new Map<string, string>() }
      : await collect(candidates, problems);
    return { kind: 'zip', base, findings, problems };
  } finally {
    zip.close();
  }
}

async function walk(root: string, rel: string, out: Candidate[], problems: BagProblem[]): Promise<void> {
  for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const abs = path.join(root, ...r.split('/'));
    const st = await lstat(abs);
    if (st.isSymbolicLink()) problems.push({ path: r, code: 'symlink' });
    else if (st.isDirectory()) await walk(root, r, out, problems);
    else if (st.isFile()) {
      const size = st.size;
      out.push({
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
      });
    }
  }
}

export async function readDirBag(dir: string): Promise<BagRead> {
  const st = await lstat(path.join(dir, 'bagit.txt')).catch(() => null);
  if (!st?.isFile()) throw new DvcError('evidence.verify.notABag', { file: dir }, ExitCode.Usage);
  const problems: BagProblem[] = [];
  const candidates: Candidate[] = [];
  await walk(dir, '', candidates, problems);
  return { kind: 'dir', base: '', findings: await collect(candidates, problems), problems };
}
