import { lstat, open, opendir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { META_FILE, kindOfExtension } from '../../core/evidence/checklist.js';
import { metaFromYaml } from '../../core/evidence/metadata.js';
import { BAG_LIMITS, TAG_FILES, manifestLineBytes } from '../../core/evidence/bag-limits.js';
import { textFacts } from '../../core/evidence/text-facts.js';
import type { EvidenceMeta, EvidenceMsg, ScannedFile, TextFacts } from '../../core/evidence/evidence-types.js';
import { stripBom } from '../../core/text/utf8.js';

/**
 * Reads an evidence folder for `check`, `status` and `pack`: names, sizes, first and last bytes (a small text file's
 * first bytes and what it says, core/evidence/text-facts.ts); never a whole large file, and no text is kept. Memory stays
 * bounded whatever the folder holds: at most a bag's worth of files (BAG_LIMITS.maxEntries) are listed, a text is
 * read only up to TEXT_LIMIT and only TEXT_LANES texts at once.
 */

const HEAD = 64;
const NO_BYTES = new Uint8Array();
const TAIL = 1024;
/** Text files up to this size are read (and, by pack, masked); larger ones are listed as not masked. */
export const TEXT_LIMIT = 1048576;
const TEXT_LANES = 2;
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

/** Files a folder may hold: those of a bag, less the tag files and the three texts pack adds. */
export const MAX_FOLDER_FILES = BAG_LIMITS.maxEntries - TAG_FILES - 3;

/** What the folder's files take in a bag's payload manifest so far, in bytes, as walk counts them. */
interface NameBytes {
  bytes: number;
}

async function walk(root: string, rel: string, out: string[], names: NameBytes = { bytes: 0 }): Promise<void> {
  const dir = await opendir(path.join(root, rel)).catch((e: unknown) => {
    throw unreadable(rel.split(path.sep).join('/') || '.', e);
  });
  for await (const e of dir) {
    const r = rel ? path.join(rel, e.name) : e.name;
    if (e.isDirectory()) {
      await walk(root, r, out, names);
      continue;
    }
    out.push(r);
    if (out.length > MAX_FOLDER_FILES)
      throw new DvcError('evidence.folder.tooManyFiles', { dir: root, max: MAX_FOLDER_FILES }, ExitCode.Usage);
    // Ten thousand files under long folder names list more than a bag's manifest may hold, and holding their
    // names is what would take memory: such a folder is refused as one of too many files is.
    names.bytes += manifestLineBytes(r);
    if (names.bytes > BAG_LIMITS.tagTextBytes)
      throw new DvcError('evidence.folder.namesTooLong', { dir: root, max: BAG_LIMITS.tagTextBytes }, ExitCode.Usage);
  }
}

/**
 * At most `lanes` texts in memory at once, each read into its lane's buffer (reused from one text to the next:
 * a folder of hundreds of notes allocates no buffer per note for the garbage collector to find late).
 */
class Lanes {
  private readonly free: Buffer[] = [];
  private readonly waiting: Array<(b: Buffer) => void> = [];
  private made = 0;
  constructor(private readonly lanes: number) {}
  async run<T>(job: (buffer: Buffer) => Promise<T>): Promise<T> {
    let b = this.free.pop();
    if (!b && this.made < this.lanes) {
      this.made++;
      b = Buffer.allocUnsafe(TEXT_LIMIT + 1);
    }
    const buffer = b ?? (await new Promise<Buffer>((resolve) => this.waiting.push(resolve)));
    try {
      return await job(buffer);
    } finally {
      const next = this.waiting.shift();
      if (next) next(buffer);
      else this.free.push(buffer);
    }
  }
}

/** A small text file's bytes, read into `buffer` (at most its length; a file that grew reads more than `size`). */
async function readInto(abs: string, buffer: Buffer): Promise<Buffer> {
  const fh = await open(abs, 'r');
  try {
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buffer, n, buffer.length - n, n);
      if (bytesRead === 0 || n + bytesRead === buffer.length) return buffer.subarray(0, n + bytesRead);
      n += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

const QUOTE = 0x22;
const LT = 0x3c;

/** The facts of a plain text that names nobody: one object for every such note, not one each. */
const PLAIN_TEXT: TextFacts = Object.freeze({
  wellFormed: true,
  results: Object.freeze([]) as never,
  names: Object.freeze([]) as never,
});

/**
 * What a small text says (core/evidence/text-facts.ts). A text that is neither JSON nor XML and holds no `"` and
 * no `<` can name nobody (the personal names dvc learns are JSON values and XML elements) and parses as what it
 * is: its facts are known without decoding it, so that a folder of long notes costs no string per note.
 */
function factsOf(rel: string, bytes: Buffer): TextFacts {
  const kind = kindOfExtension(rel);
  if (kind !== 'json' && kind !== 'xml' && !bytes.includes(QUOTE) && !bytes.includes(LT)) return PLAIN_TEXT;
  return textFacts(rel, bytes.toString('utf8'));
}

/** A file that vanished or cannot be read while the folder is read: named, exit 2 (never an internal error). */
function unreadable(rel: string, e: unknown): DvcError {
  const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new DvcError('evidence.fileUnreadable', { file: rel, reason: code }, ExitCode.Usage);
}

/**
 * A file of the folder as read. Its one string is its check item id, `file.<rel>`: `rel` is a slice of it (V8 keeps
 * a slice as a view of its parent), and the full path is made when asked, from the folder's path and `rel` (kept
 * apart only when it is not that: a name in NFD on disk, or `\` separators). A folder of ten thousand long names
 * then holds each name once, where the path, the id and the name would each hold it again.
 */
class FolderEntry implements FolderFile {
  readonly rel: string;
  size = 0;
  mtimeMs = 0;
  head: Uint8Array = NO_BYTES;
  tail: Uint8Array = NO_BYTES;
  declare facts?: TextFacts;
  declare notRegular?: boolean;
  readonly #root: string;
  readonly #abs: string | undefined;

  constructor(
    root: string,
    readonly itemId: string,
    abs: string,
  ) {
    this.rel = itemId.slice(ITEM_PREFIX.length);
    this.#root = root;
    this.#abs = path.join(root, this.rel) === abs ? undefined : abs;
  }

  get abs(): string {
    return this.#abs ?? path.join(this.#root, this.rel);
  }
}

const ITEM_PREFIX = 'file.';

/** A file's name relative to the folder, with `/` and in NFC. */
export function relativeName(r: string): string {
  const posix = path.sep === '/' ? r : r.split(path.sep).join('/');
  return posix.normalize('NFC');
}

async function scanOne(root: string, r: string, lanes: Lanes, heads: HeadStore): Promise<FolderFile> {
  const abs = path.join(root, r);
  // One flat string (a join, not a concatenation V8 would keep as two), the name a slice of it.
  const f = new FolderEntry(root, [ITEM_PREFIX, relativeName(r)].join(''), abs);
  try {
    return await scanFile(abs, f, lanes, heads);
  } catch (e) {
    throw unreadable(f.rel, e);
  }
}

async function scanFile(abs: string, f: FolderEntry, lanes: Lanes, heads: HeadStore): Promise<FolderFile> {
  const rel = f.rel;
  const st = await lstat(abs);
  f.size = st.size;
  f.mtimeMs = st.mtimeMs;
  if (!st.isFile()) {
    f.notRegular = true;
    return f;
  }
  if (TEXT_EXT.test(rel) && st.size <= TEXT_LIMIT) {
    // A text read whole gives its head too, and needs no tail: its facts tell whether it is whole.
    const { head, facts } = await lanes.run(async (buffer) => {
      const bytes = await readInto(abs, buffer);
      return { head: heads.copy(bytes.subarray(0, Math.min(HEAD, st.size))), facts: factsOf(rel, bytes) };
    });
    f.head = head;
    f.facts = facts;
    return f;
  }
  if (st.size > 0) Object.assign(f, await readEnds(abs, st.size));
  return f;
}

/**
 * The heads of a folder's texts, copied into shared blocks: a buffer of its own per head would cost an ArrayBuffer
 * and a native store each, ten thousand of them for a folder of notes, kept until the command ends.
 */
class HeadStore {
  private block = Buffer.alloc(0);
  private used = 0;

  copy(bytes: Uint8Array): Uint8Array {
    if (this.used + bytes.length > this.block.length) {
      this.block = Buffer.allocUnsafeSlow(64 * 1024);
      this.used = 0;
    }
    const head = this.block.subarray(this.used, this.used + bytes.length);
    head.set(bytes);
    this.used += bytes.length;
    return head;
  }
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
  const lanes = new Lanes(TEXT_LANES);
  const heads = new HeadStore();
  const lane = async () => {
    while (next < rels.length) {
      const i = next++;
      files[i] = await scanOne(root, rels[i]!, lanes, heads);
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
