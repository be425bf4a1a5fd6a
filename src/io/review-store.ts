/**
 * The decisions of a browser review, kept in `<workbook>.quyet-dinh.csv` beside the workbook, in the `--decisions`
 * CSV format (`std_code,tax_code,note`, plus the time and the source of each decision, which the reader ignores).
 * One line per decided commune. Every change rewrites the whole file atomically (a temporary file, then a rename),
 * and the changes of one process are queued one after another, so two tabs of one review never tear the file.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { errnoCode, fsError } from './fs-errors.js';
import { writeFileAtomic } from './atomic-write.js';
import { decisionsFromCsv, MAX_DECISIONS_BYTES } from './decisions-file.js';
import { DvcError, ExitCode } from '../errors.js';
import { megabytes } from './excel/workbook-limits.js';

export const STORE_HEADER = ['std_code', 'tax_code', 'note', 'decided_at', 'source'] as const;

/** One decided commune as the store keeps it; `taxCode` null is "no tax commune" (written `-`). */
export interface StoredDecision {
  stdCode: string;
  taxCode: string | null;
  note: string;
  /** ISO time of the decision; empty for a decision carried over from the workbook. */
  decidedAt: string;
  /** Where it was made: `workbook` (carried over from the review sheet), `review` (on the page). */
  source: string;
}

/** Whether a file of that name is there (a round's output, a workbook beside it). */
export function fileExists(file: string): boolean {
  return existsSync(file);
}

/** `tinh.doi-chieu.xlsx` → `tinh.doi-chieu.quyet-dinh.csv`, in the same folder. */
export function storePathFor(workbook: string): string {
  const parsed = path.parse(workbook);
  return path.join(parsed.dir, `${parsed.name}.quyet-dinh.csv`);
}

/** The decisions already in the store; null when there is no store yet. */
export async function readStore(file: string): Promise<StoredDecision[] | null> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (errnoCode(e) === 'ENOENT') return null;
    throw fsError(e, { path: file, op: 'read' });
  }
  if (Buffer.byteLength(text) > MAX_DECISIONS_BYTES)
    throw new DvcError(
      'mc.err.decisionsSize',
      { file: path.basename(file), size: megabytes(Buffer.byteLength(text)), limit: megabytes(MAX_DECISIONS_BYTES) },
      ExitCode.Usage,
    );
  const entries = await decisionsFromCsv(text, file);
  const { readCsvLines } = await import('./csv-in.js');
  const [head, ...body] = readCsvLines(text, file, 'mc.err.decisionsRead');
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  const at = header.indexOf('decided_at');
  const src = header.indexOf('source');
  const byLine = new Map(body.map((l) => [l.line, l.cells]));
  const byStd = new Map<string, StoredDecision>();
  for (const d of entries) {
    const cells = byLine.get(d.source.line ?? -1) ?? [];
    byStd.set(d.stdCode, {
      stdCode: d.stdCode,
      taxCode: d.taxCode,
      note: d.note ?? '',
      decidedAt: at >= 0 ? (cells[at] ?? '').trim() : '',
      source: src >= 0 ? (cells[src] ?? '').trim() : '',
    });
  }
  return [...byStd.values()];
}

/** The file's text: a header, then one line per decision in the order given. */
export function storeText(decisions: readonly StoredDecision[]): string {
  const rows = decisions.map((d) => [d.stdCode, d.taxCode ?? '-', d.note, d.decidedAt, d.source]);
  return stringify([[...STORE_HEADER], ...rows], { record_delimiter: '\r\n', quoted_match: /[\r\n]/ });
}

/** Serialised, atomic writes of one store file. */
export class ReviewStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  /** Runs `write` after every earlier one has finished, whatever its outcome. */
  private serial<T>(write: () => Promise<T>): Promise<T> {
    const next = this.queue.then(write, write);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Replaces the file with these decisions, atomically; returns when it is on disk. */
  save(decisions: readonly StoredDecision[]): Promise<void> {
    const text = storeText(decisions);
    return this.serial(async () => {
      await writeFileAtomic(this.file, text, { force: true });
    });
  }
}
