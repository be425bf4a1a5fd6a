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
import { FileChangedError } from '../../io/evidence/payload-reader.js';

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
}

/** A masked text file: read and masked again when written, and refused if it no longer gives the same bytes. */
export interface MaskedFile {
  size: number;
  sha256: string;
  load(): Promise<Buffer>;
}

/**
 * Masks a text in pieces of at most PIECE characters cut at a line end (else at a space): every personal number,
 * mailbox and name lies within a line, and pieces this small are collected young, so that masking hundreds of
 * 1 MB notes keeps memory flat instead of filling the heap with megabyte strings.
 */
const PIECE = 32 * 1024;

export function maskInPieces(text: string, mask: (s: string) => string): string {
  if (text.length <= PIECE) return mask(text);
  const out: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(from + PIECE, text.length);
    if (to < text.length) {
      const nl = text.lastIndexOf('\n', to);
      const cut = nl > from ? nl : text.lastIndexOf(' ', to);
      // A piece with no line end and no space is one long token: mask the whole text at once instead.
      if (cut <= from) return mask(text);
      to = cut + 1;
    }
    out.push(mask(text.slice(from, to)));
    from = to;
  }
  return out.join('');
}

function digest(b: Buffer): string {
  return createHash('sha256').update(b).digest('hex');
}

async function maskedFile(f: FolderFile, mask: (s: string) => string): Promise<MaskedFile | undefined> {
  const text = await readTextFile(f.abs).catch((e: unknown) => {
    const reason = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new DvcError('evidence.fileUnreadable', { file: f.rel, reason }, ExitCode.Usage);
  });
  const masked = maskInPieces(text, mask);
  if (masked === text) return undefined;
  const first = Buffer.from(masked, 'utf8');
  const size = first.length;
  const sha256 = digest(first);
  return {
    size,
    sha256,
    async load() {
      const again = Buffer.from(maskInPieces(await readTextFile(f.abs), mask), 'utf8');
      if (again.length !== size || digest(again) !== sha256) throw new FileChangedError(f.rel);
      return again;
    },
  };
}

/** What every output of check shows of the folder's names: the personal numbers in them masked. */
export function nameNumbersHidden(files: readonly FolderFile[]): (s: string) => string {
  const numbers = [...new Set(files.flatMap((f) => personalNumberStrings(f.rel)))].sort((a, b) => b.length - a.length);
  return (s) => hideNamedNumbers(s, numbers);
}

export async function privacyFor(keep: boolean, files: readonly FolderFile[], meta: EvidenceMeta): Promise<Privacy> {
  const numbers = [...new Set(files.flatMap((f) => personalNumberStrings(f.rel)))].sort((a, b) => b.length - a.length);
  if (keep)
    return {
      keep,
      text: (s) => hideNamedNumbers(s, numbers),
      name: maskNameNumbers,
      rewritten: new Map(),
      unmasked: [],
    };
  const names = [...(meta.contactName ? [meta.contactName] : []), ...files.flatMap((f) => f.facts?.names ?? [])];
  const r = makeRedactor(names, meta.contactPhone ? [meta.contactPhone] : []);
  const text = (s: string) => r.text(hideNamedNumbers(s, numbers));
  const rewritten = new Map<string, MaskedFile>();
  const unmasked: string[] = [];
  // One text at a time: what pack holds of the payload's texts is one file, whatever the folder holds.
  for (const f of files) {
    if (cannotMask(f)) unmasked.push(f.rel);
    if (f.facts === undefined) continue;
    const m = await maskedFile(f, text);
    if (m) rewritten.set(f.rel, m);
  }
  return { keep, text, name: r.name, rewritten, unmasked };
}

function scrubMsg(m: EvidenceMsg, scrub: (s: string) => string): EvidenceMsg {
  if (!m.params) return m;
  return {
    key: m.key,
    params: Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, typeof v === 'string' ? scrub(v) : v])),
  };
}

export function scrubItems(items: readonly CheckItem[], scrub: (s: string) => string): CheckItem[] {
  return items.map((i) => ({
    ...i,
    id: scrub(i.id),
    message: scrubMsg(i.message, scrub),
    ...(i.fix ? { fix: scrubMsg(i.fix, scrub) } : {}),
  }));
}
