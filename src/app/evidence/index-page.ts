import { itemLabel } from '../../core/evidence/item-labels.js';
import type { CheckItem, EvidenceMeta, Say } from '../../core/evidence/evidence-types.js';
import type { NationalState } from '../../core/evidence/procedure.js';
import type { StatusLine } from '../../core/evidence/procedure-lines.js';

/** The model the bag's index page is drawn from (the CLI passes the HTML renderer in). */
export interface IndexPageModel {
  request: { title: string; text: string | Iterable<string> };
  checklist: { id: string; label: string; ok: boolean; severity: string; message: string }[];
  files: { path: string; bytes: number; sha256: string; kind: string }[];
  meta: { unitName?: string; dstcode?: string; bagDate?: string };
  /** Where the province stands in the procedure (3252 steps, 4013 state), as of the bagging date. */
  status?: { national: string; lines: { id: string; state: string; text: string }[] };
}

/**
 * Draws the page: as one string, or as pieces in order, drawn anew each time they are iterated (twice: to measure
 * the page, then to encode it), so that a page listing ten thousand files is never held as strings.
 */
export type IndexPageRenderer = (model: IndexPageModel) => string | Iterable<string>;

/** An internal invariant (exit 70): a renderer whose pieces differ from one drawing to the next. */
const UNSTABLE = 'indexPage.unstablePieces';

/** The page's size in UTF-8 bytes, its pieces measured one by one (nothing of it is kept). */
export function pageBytes(page: string | Iterable<string>): number {
  if (typeof page === 'string') return Buffer.byteLength(page, 'utf8');
  let total = 0;
  for (const piece of page) total += Buffer.byteLength(piece, 'utf8');
  return total;
}

/** The filled page goes out in blocks of this size (a larger piece in a block of its own). */
const PAGE_BLOCK_BYTES = 64 * 1024;

/**
 * The page's UTF-8 bytes in blocks of PAGE_BLOCK_BYTES, each file's token replaced by its digest, exactly `size`
 * bytes in all: a page listing ten thousand files of long names (22 MB) is never held whole, as bytes or as strings,
 * and its rows are encoded straight into a block (no buffer per row). A token lies within one piece (a renderer
 * draws each row as one piece). Each block is new, for a writer that may hold the one before; given `reuse`, rows
 * are encoded into that one buffer, each block valid until the next is asked for (a writer that copies what it is
 * given), and only a piece larger than it gets a buffer of its own.
 */
export function* filledPieces(
  page: string | Iterable<string>,
  digests: readonly string[],
  size: number,
  reuse?: Buffer,
): Generator<Buffer> {
  checkDigests(digests);
  let at = 0;
  let block = reuse ?? Buffer.alloc(0);
  let used = 0;
  for (const piece of typeof page === 'string' ? [page] : page) {
    const n = Buffer.byteLength(piece, 'utf8');
    at += n;
    if (at > size) throw new Error(UNSTABLE);
    if (used + n > block.length) {
      if (used > 0) yield block.subarray(0, used);
      block = reuse && n <= reuse.length ? reuse : Buffer.allocUnsafe(Math.max(reuse ? n : PAGE_BLOCK_BYTES, n));
      used = 0;
    }
    block.write(piece, used, 'utf8');
    fillTokens(block.subarray(used, used + n), digests);
    used += n;
  }
  if (used > 0) yield block.subarray(0, used);
  if (at !== size) throw new Error(UNSTABLE);
}

export const INDEX_PAGE = 'index.html';

const KINDS: [RegExp, string][] = [
  [/\.(png|jpe?g|gif|webp)$/i, 'image'],
  [/\.pdf$/i, 'pdf'],
  [/\.(mp4|webm|mov)$/i, 'video'],
  [/\.xml$/i, 'xml'],
  [/\.json$/i, 'json'],
];

export function fileKind(p: string): string {
  return KINDS.find(([re]) => re.test(p))?.[1] ?? 'other';
}

/**
 * A stand-in for a file's SHA-256 that has the same length (64 characters), so the page's size is known before
 * the files are hashed: the bag's Payload-Oxum is written first, the page is filled in when its turn comes.
 */
export function hashToken(i: number): string {
  return `dvchashtoken${String(i).padStart(10, '0')}`.padEnd(64, 'z');
}

/**
 * A row of the page's checklist: its words are said when the row is drawn, not before, so that a folder of ten
 * thousand files of long names holds no label and message per file (twice, as the page is measured and then drawn).
 */
class ChecklistRow {
  constructor(
    private readonly item: CheckItem,
    private readonly say: Say,
  ) {}
  get id(): string {
    return this.item.id;
  }
  get ok(): boolean {
    return this.item.ok;
  }
  get severity(): string {
    return this.item.severity;
  }
  get label(): string {
    const m = itemLabel(this.item.id);
    return this.say(m.key, m.params);
  }
  get message(): string {
    return this.say(this.item.message.key, this.item.message.params);
  }
  toJSON(): IndexPageModel['checklist'][number] {
    return { id: this.id, label: this.label, ok: this.ok, severity: this.severity, message: this.message };
  }
}

/** A row of the page's file list, its path and token made when drawn. */
class FileRow {
  constructor(
    private readonly file: { name: string; size: number },
    private readonly index: number,
  ) {}
  get path(): string {
    return this.file.name;
  }
  get bytes(): number {
    return this.file.size;
  }
  get sha256(): string {
    return hashToken(this.index);
  }
  get kind(): string {
    return fileKind(this.file.name);
  }
  toJSON(): IndexPageModel['files'][number] {
    return { path: this.path, bytes: this.bytes, sha256: this.sha256, kind: this.kind };
  }
}

export function indexModel(o: {
  title: string;
  /** The request text, or its pieces (textPieces: a request listing ten thousand files is never one string). */
  requestText: string | Iterable<string>;
  items: readonly CheckItem[];
  meta: EvidenceMeta;
  /** The day of packing, YYYY-MM-DD (Hà Nội time). */
  bagDate: string;
  /** The page's words, in the officer's language. */
  say: Say;
  /** The bag's files, each by its path inside `data/`. */
  files: readonly { name: string; size: number }[];
  status?: IndexPageModel['status'];
}): IndexPageModel {
  return {
    request: { title: o.title, text: o.requestText },
    checklist: o.items.map((i) => new ChecklistRow(i, o.say)),
    files: o.files.map((f, i) => new FileRow(f, i)),
    meta: { unitName: o.meta.unitName, dstcode: o.meta.dst, bagDate: o.bagDate },
    ...(o.status ? { status: o.status } : {}),
  };
}

/** Pieces of about this many bytes, cut after a line end: small strings, collected young. */
const TEXT_PIECE_BYTES = 16 * 1024;

/**
 * A UTF-8 text as strings of whole lines (about TEXT_PIECE_BYTES each), decoded anew each time they are iterated:
 * the page is drawn twice, and a request listing ten thousand long names would be a string of 5 MB each time.
 */
export function textPieces(text: Buffer): Iterable<string> {
  return {
    *[Symbol.iterator]() {
      for (let at = 0; at < text.length;) {
        const nl = text.indexOf(0x0a, Math.min(at + TEXT_PIECE_BYTES, text.length) - 1);
        const end = nl < 0 ? text.length : nl + 1;
        yield text.toString('utf8', at, end);
        at = end;
      }
    },
  };
}

function checkDigests(digests: readonly string[]): void {
  digests.forEach((d, i) => {
    if (!/^[0-9a-f]{64}$/.test(d)) throw new Error(`not a SHA-256 digest for file ${i}`);
  });
}

function fillTokens(page: Buffer, digests: readonly string[]): Buffer {
  for (let at = page.indexOf(TOKEN_HEAD); at >= 0; at = page.indexOf(TOKEN_HEAD, at)) {
    const n = tokenNumber(page, at);
    const digest = n === undefined ? undefined : digests[n];
    if (digest === undefined) {
      at += n === undefined ? 1 : TOKEN_BYTES;
      continue;
    }
    page.write(digest, at, TOKEN_BYTES, 'latin1');
    at += TOKEN_BYTES;
  }
  return page;
}

const TOKEN_HEAD = Buffer.from('dvchashtoken', 'latin1');
const TOKEN_BYTES = 64;
const DIGITS = 10;
const Z = 0x7a;

/** The file number of a whole token at `at` (the head, ten digits, 42 `z`), or undefined. */
function tokenNumber(page: Buffer, at: number): number | undefined {
  const digitsAt = at + TOKEN_HEAD.length;
  if (at + TOKEN_BYTES > page.length) return undefined;
  let n = 0;
  for (let i = digitsAt; i < digitsAt + DIGITS; i++) {
    const c = page[i]! - 0x30;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  for (let i = digitsAt + DIGITS; i < at + TOKEN_BYTES; i++) if (page[i] !== Z) return undefined;
  return n;
}

/** The status lines in the page's language, each passed through `scrub`. */
export function statusModel(
  national: NationalState,
  lines: readonly StatusLine[],
  scrub: (s: string) => string,
  say: Say,
): IndexPageModel['status'] {
  return {
    national: say(`evidence.status.national.${national}`),
    lines: lines.map((l) => ({ id: l.id, state: l.state, text: scrub(say(l.message.key, l.message.params)) })),
  };
}
