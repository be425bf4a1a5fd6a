import { createHash } from 'node:crypto';
import { DvcError, ExitCode } from '../../errors.js';
import {
  hideNamedNumbers,
  makeRedactor,
  maskNameNumbers,
  personalNumberStrings,
} from '../../core/evidence/personal-data.js';
import type { CheckItem, EvidenceMeta, EvidenceMsg } from '../../core/evidence/evidence-types.js';
import type { FolderFile } from '../../io/evidence/evidence-folder.js';
import { cannotMask } from './check-evidence.js';
import { readTextFile } from '../../io/evidence/payload-files.js';
import { MaskSpool, READ_BYTES, textChunks } from '../../io/evidence/mask-spool.js';

/**
 * What the bundle may show. By default (Nghị định 13/2023/NĐ-CP: no more personal data than the procedure needs)
 * phone numbers, CMND/CCCD numbers, e-mail mailboxes and the personal names dvc knows of are masked in every name
 * and text dvc writes and in the payload's text files (API test dumps, XML receipts, notes). Files whose content
 * dvc cannot read (images, PDF, video, text over the size dvc reads) are listed in `unmasked`: the bundle says so
 * and claims nothing for them. With --keep-personal-data only the numbers in file names are masked (no file name
 * dvc creates holds one), everywhere those names appear.
 */
export interface Privacy {
  keep: boolean;
  text(s: string): string;
  name(s: string): string;
  /** Payload text files whose masked bytes replace the originals, by folder path: size and digest known now. */
  rewritten: Map<string, MaskedFile>;
  /** Folder paths of the payload files whose content was not masked (empty with --keep-personal-data). */
  unmasked: string[];
  /** Removes the masked texts kept for writing. */
  close(): Promise<void>;
}

/** A masked text file: masked once, kept in the spool until it is written. */
export interface MaskedFile {
  size: number;
  sha256: string;
  load(): Promise<Buffer>;
}

/** Texts are masked in pieces of at most PIECE characters cut at a line end (else at a space): every personal
 * number, mailbox and name lies within a line, and small pieces are collected young, so memory stays flat. */
const PIECE = 32 * 1024;

/** Cut where maskInPieces cuts: a piece, or the sign that the text must be masked whole. */
const WHOLE = Symbol('whole');

/**
 * The pieces maskInPieces cuts a text into, from the text's chunks as they are read: what is held is one piece
 * and the chunk after it. WHOLE when a piece has no line end and no space (maskInPieces then masks the text at
 * once).
 */
export async function* piecesOf(chunks: AsyncIterable<string>): AsyncGenerator<string | typeof WHOLE> {
  const it = chunks[Symbol.asyncIterator]();
  let win = '';
  let eof = false;
  for (let first = true; ; first = false) {
    while (!eof && win.length <= PIECE) {
      const r = await it.next();
      if (r.done) eof = true;
      else win += r.value;
    }
    if (win.length <= PIECE) {
      if (win.length > 0 || first) yield win;
      return;
    }
    const nl = win.lastIndexOf('\n', PIECE);
    const cut = nl > 0 ? nl : win.lastIndexOf(' ', PIECE);
    if (cut <= 0) {
      yield WHOLE;
      return;
    }
    yield win.slice(0, cut + 1);
    win = win.slice(cut + 1);
  }
}

/**
 * Masked bytes are encoded into one reused buffer of this size and written to the spool from it when it fills:
 * no buffer per piece for the garbage collector to find late.
 */
const SPOOL_BATCH = 256 * 1024;

function unreadable(f: FolderFile, e: unknown): DvcError {
  const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  return new DvcError('evidence.fileUnreadable', { file: f.rel, reason }, ExitCode.Usage);
}

/** A masked text in the spool: its place, size and digest (no closure per text: a folder may hold ten thousand). */
class SpooledText implements MaskedFile {
  constructor(
    private readonly spool: MaskSpool,
    private readonly start: number,
    readonly size: number,
    readonly sha256: string,
  ) {}

  load(): Promise<Buffer> {
    return this.spool.read(this.start, this.size);
  }
}

/** One text's masked bytes on their way to the spool: digest, size, and whether masking changed anything. */
class MaskedWriter {
  private hash = createHash('sha256');
  size = 0;
  changed = false;
  private used = 0;

  constructor(
    private readonly spool: MaskSpool,
    private readonly batch: Buffer,
    readonly start: number,
  ) {}

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.spool.append(this.batch.subarray(0, this.used));
    this.used = 0;
  }

  async emit(original: string, masked: string): Promise<void> {
    if (masked !== original) this.changed = true;
    // At most 3 bytes per UTF-16 unit: a piece that might not fit in what is left goes after a flush.
    if (this.used + masked.length * 3 > this.batch.length) await this.flush();
    if (masked.length * 3 > this.batch.length) {
      const b = Buffer.from(masked, 'utf8');
      this.hash.update(b);
      this.size += b.length;
      await this.spool.append(b);
      return;
    }
    const n = this.batch.write(masked, this.used, 'utf8');
    this.hash.update(this.batch.subarray(this.used, this.used + n));
    this.used += n;
    this.size += n;
  }

  /** Starts the text again (it is to be masked whole). */
  restart(): void {
    this.spool.rewind(this.start);
    this.hash = createHash('sha256');
    this.size = this.used = 0;
    this.changed = false;
  }

  async finish(): Promise<MaskedFile | undefined> {
    await this.flush();
    if (!this.changed) {
      this.spool.rewind(this.start);
      return undefined;
    }
    return new SpooledText(this.spool, this.start, this.size, this.hash.digest('hex'));
  }
}

/**
 * Masks a text file once, piece by piece as it is read, into the spool: its masked size and digest are known
 * now, its bytes are read back from the spool when written. A text that needs no masking leaves nothing there.
 */
async function maskedFile(
  f: FolderFile,
  mask: (s: string) => string,
  spool: MaskSpool,
  io: { batch: Buffer; read: Buffer },
): Promise<MaskedFile | undefined> {
  const w = new MaskedWriter(spool, io.batch, spool.end);
  try {
    for await (const piece of piecesOf(textChunks(f.abs, io.read))) {
      if (piece !== WHOLE) {
        await w.emit(piece, mask(piece));
        continue;
      }
      w.restart();
      const text = await readTextFile(f.abs);
      await w.emit(text, mask(text));
    }
    return await w.finish();
  } catch (e) {
    spool.rewind(w.start);
    if (e instanceof DvcError) throw e;
    throw unreadable(f, e);
  }
}

/** What every output of check shows of the folder's names: the personal numbers in them masked. */
export function nameNumbersHidden(files: readonly FolderFile[]): (s: string) => string {
  const numbers = [...new Set(files.flatMap((f) => personalNumberStrings(f.rel)))].sort((a, b) => b.length - a.length);
  return (s) => hideNamedNumbers(s, numbers);
}

export async function privacyFor(
  keep: boolean,
  files: readonly FolderFile[],
  meta: EvidenceMeta,
  signal?: AbortSignal,
): Promise<Privacy> {
  const numbers = [...new Set(files.flatMap((f) => personalNumberStrings(f.rel)))].sort((a, b) => b.length - a.length);
  if (keep)
    return {
      keep,
      text: (s) => hideNamedNumbers(s, numbers),
      name: maskNameNumbers,
      rewritten: new Map(),
      unmasked: [],
      close: async () => {},
    };
  const names = [...(meta.contactName ? [meta.contactName] : []), ...files.flatMap((f) => f.facts?.names ?? [])];
  const r = makeRedactor(names, meta.contactPhone ? [meta.contactPhone] : []);
  const text = (s: string) => r.text(hideNamedNumbers(s, numbers));
  const rewritten = new Map<string, MaskedFile>();
  const unmasked: string[] = [];
  const spool = new MaskSpool();
  // One buffer to encode into and one to read into, reused from one text to the next.
  const io = { batch: Buffer.allocUnsafeSlow(SPOOL_BATCH), read: Buffer.allocUnsafeSlow(READ_BYTES) };
  // One piece of one text at a time: what pack holds of the payload's texts is bounded, whatever the folder holds.
  try {
    for (const f of files) {
      if (signal?.aborted) throw new DvcError('evidence.pack.cancelled', {}, ExitCode.Cancelled);
      if (cannotMask(f)) unmasked.push(f.rel);
      if (f.facts === undefined) continue;
      const m = await maskedFile(f, text, spool, io);
      if (m) rewritten.set(f.rel, m);
    }
  } catch (e) {
    await spool.close();
    throw e;
  }
  return { keep, text, name: r.name, rewritten, unmasked, close: () => spool.close() };
}

/** The message with its texts scrubbed: the same object when scrubbing changes none of them. */
function scrubMsg(m: EvidenceMsg, scrub: (s: string) => string): EvidenceMsg {
  if (!m.params) return m;
  let params: Record<string, string | number> | undefined;
  for (const [k, v] of Object.entries(m.params)) {
    if (typeof v !== 'string') continue;
    const s = scrub(v);
    if (s !== v) (params ??= { ...m.params })[k] = s;
  }
  return params ? { key: m.key, params } : m;
}

/**
 * The items with their texts scrubbed. An item scrubbing leaves as it was is the same object: a folder of ten
 * thousand files is not held twice over (as checked, and as shown) for the few names that hold a number.
 */
export function scrubItems(items: readonly CheckItem[], scrub: (s: string) => string): CheckItem[] {
  return items.map((i) => {
    const id = scrub(i.id);
    const message = scrubMsg(i.message, scrub);
    const fix = i.fix ? scrubMsg(i.fix, scrub) : undefined;
    if (id === i.id && message === i.message && fix === i.fix) return i;
    return { ...i, id, message, ...(fix ? { fix } : {}) };
  });
}
