import { lstat, open, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { META_FILE } from '../../core/evidence/checklist.js';
import { metaFromYaml } from '../../core/evidence/metadata.js';
import type { EvidenceMeta, EvidenceMsg, ScannedFile } from '../../core/evidence/evidence-types.js';
import { stripBom } from '../../core/text/utf8.js';

/** Reads an evidence folder for `check` and `pack`: names, sizes, first and last bytes; never a whole large file. */

const HEAD = 64;
const TAIL = 1024;
const TEXT_LIMIT = 32 * 1048576;
const TEXT_EXT = /\.(json|xml|txt|log|md|ya?ml)$/i;

export interface FolderFile extends ScannedFile {
  abs: string;
  mtimeMs: number;
}

export async function requireFolder(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  const st = await lstat(abs).catch(() => null);
  if (!st) throw new DvcError('evidence.folderMissing', { dir }, ExitCode.Usage);
  if (!st.isDirectory()) throw new DvcError('fs.notADirectory', { path: dir }, ExitCode.Usage);
  return abs;
}

/** What is at a path, without following a symbolic link. */
export async function pathKind(p: string): Promise<'missing' | 'dir' | 'file'> {
  const st = await lstat(p).catch(() => null);
  if (!st) return 'missing';
  return st.isDirectory() ? 'dir' : 'file';
}

async function readEnds(abs: string, size: number): Promise<{ head: Uint8Array; tail: Uint8Array }> {
  const fh = await open(abs, 'r');
  try {
    const head = Buffer.alloc(Math.min(HEAD, size));
    await fh.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(TAIL, size));
    await fh.read(tail, 0, tail.length, size - tail.length);
    return { head, tail };
  } finally {
    await fh.close();
  }
}

async function walk(root: string, rel: string, out: string[]): Promise<void> {
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  for (const e of entries) {
    const r = rel ? path.join(rel, e.name) : e.name;
    if (e.isDirectory()) await walk(root, r, out);
    else out.push(r);
  }
}

async function scanOne(root: string, r: string): Promise<FolderFile> {
  const abs = path.join(root, r);
  const rel = r.split(path.sep).join('/').normalize('NFC');
  const st = await lstat(abs);
  if (!st.isFile()) {
    const none = new Uint8Array();
    return { abs, rel, size: st.size, mtimeMs: st.mtimeMs, head: none, tail: none, notRegular: true };
  }
  const ends = st.size > 0 ? await readEnds(abs, st.size) : { head: new Uint8Array(), tail: new Uint8Array() };
  const text = TEXT_EXT.test(rel) && st.size <= TEXT_LIMIT ? await readFile(abs, 'utf8') : undefined;
  return { abs, rel, size: st.size, mtimeMs: st.mtimeMs, ...ends, text };
}

/** Files examined at once: a folder of hundreds of photos is not read one small request after another. */
const SCAN_CONCURRENCY = 16;

/** Every file under `dir` (symbolic links reported, not followed), sorted by relative path. */
export async function scanFolder(dir: string): Promise<FolderFile[]> {
  const root = await requireFolder(dir);
  const rels: string[] = [];
  await walk(root, '', rels);
  const files: FolderFile[] = new Array<FolderFile>(rels.length);
  let next = 0;
  const lane = async () => {
    while (next < rels.length) {
      const i = next++;
      files[i] = await scanOne(root, rels[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SCAN_CONCURRENCY, rels.length) }, lane));
  return files.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
}

export interface MetaRead {
  meta: EvidenceMeta | null;
  problem?: EvidenceMsg;
  /** The parsed YAML, for the parts other modules read (progress, alerts). */
  raw?: unknown;
}

/** Reads `evidence.yaml`; a missing or unparsable file is reported, never thrown. */
export async function readMetaFile(dir: string): Promise<MetaRead> {
  const file = path.join(dir, META_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return { meta: null, problem: { key: 'evidence.item.metaFileMissing', params: { file: META_FILE } } };
  }
  try {
    const { parse } = await import('yaml');
    const raw: unknown = parse(stripBom(text));
    return { meta: metaFromYaml(raw), raw };
  } catch (e) {
    return {
      meta: null,
      problem: {
        key: 'evidence.item.metaFileInvalid',
        params: { file: META_FILE, reason: (e as Error).message.split('\n')[0] },
      },
    };
  }
}
