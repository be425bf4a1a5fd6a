import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode } from '../errors.js';
import { fsError } from './fs-errors.js';
import { quoteInput } from '../core/text/terminal-safe.js';
import { megabytes } from './excel/workbook-limits.js';

/** A decisions CSV: a line per standard row, so a few MB even at the row limit (docs/map-communes.md). */
export const MAX_DECISIONS_BYTES = 16 * 1024 * 1024;
import type { Decision } from '../core/communes/communes.js';
import { CATALOG } from '../i18n/catalog.js';
import { headerKey } from '../core/workbook/column-synonyms.js';
import type { SheetRow } from '../core/workbook/cell.js';

/** Where a decision was read: a CSV line, or a row of the review sheet of an earlier output. */
export interface DecisionSource {
  file: string;
  sheet?: string;
  row?: number;
  line?: number;
  /** The decision was typed on the unused tax row of this tax code (the commune's code in the decision column). */
  taxRow?: string;
}

/** A decision with the place it came from, so a bad one can be named. */
export interface DecisionEntry extends Decision {
  source: DecisionSource;
}

const STD_HEADERS = ['std_code', 'ma_gso', 'gso_code', 'std'];
const TAX_HEADERS = ['tax_code', 'ma_cqt', 'cqt_code', 'tax'];

/** The labels of the review sheet's first column: which rows are standard rows, which are unused tax rows. */
export interface ReviewLabels {
  stdSheet?: string;
  taxSheet?: string;
}

/**
 * The officer's saved choices, from a CSV (`std_code,tax_code,note`; `-` means "no tax commune") or from the
 * "Rà soát" sheet of an earlier `map-communes` output. On a standard row the chosen tax code is typed in the
 * decision column; on an unused tax row (first column: the tax sheet's name) the code of the commune that takes
 * it is typed there instead. Both are the same decision.
 */
export async function readDecisions(file: string, o: ReviewLabels = {}): Promise<DecisionEntry[]> {
  if (/\.xlsx$/i.test(file)) return readReviewSheet(file, o);
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_DECISIONS_BYTES)
      throw new DvcError(
        'mc.err.decisionsSize',
        { file: path.basename(file), size: megabytes(size), limit: megabytes(MAX_DECISIONS_BYTES) },
        ExitCode.Usage,
      );
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw fsError(e, { path: file, op: 'read' });
  }
  return decisionsFromCsv(text, file);
}

/** The CSV reader is loaded here, on first use: a run without a CSV of decisions does not load it. */
export async function decisionsFromCsv(text: string, file: string): Promise<DecisionEntry[]> {
  const { readCsvLines } = await import('./csv-in.js');
  const [head, ...body] = readCsvLines(text, file, 'mc.err.decisionsRead');
  const header = (head?.cells ?? []).map((h) => h.trim().toLowerCase());
  const std = header.findIndex((h) => STD_HEADERS.includes(h));
  const tax = header.findIndex((h) => TAX_HEADERS.includes(h));
  const note = header.indexOf('note');
  if (std < 0 || tax < 0)
    throw new DvcError(
      'mc.err.decisionsHeader',
      { file: path.basename(file), found: quoteInput(header.join(',')) || '—' },
      ExitCode.Usage,
    );
  const out: DecisionEntry[] = [];
  for (const { cells: record, line } of body) {
    const stdCode = (record[std] ?? '').trim();
    if (stdCode === '') continue;
    const taxText = (record[tax] ?? '').trim();
    const noteText = note >= 0 ? (record[note] ?? '').trim() : '';
    out.push({
      stdCode,
      taxCode: isNone(taxText) ? null : taxText,
      ...(noteText ? { note: noteText } : {}),
      source: { file, line },
    });
  }
  return out;
}

function isNone(v: string): boolean {
  return ['', '-', '—', '–', 'none', 'khong', 'không'].includes(v.trim().toLowerCase());
}

/** Header texts of the review sheet in both languages, so a sheet written with --lang en reads back too. */
function headerKeysOf(key: string): Set<string> {
  return new Set([CATALOG.vi[key], CATALOG.en[key]].filter(Boolean).map(headerKey));
}

/** The decision column: any header that begins "Quyết định" (or "Decision"), whatever follows. */
function isDecisionHeader(text: string): boolean {
  const k = headerKey(text);
  return k.startsWith('quyetdinh') || k.startsWith('decision');
}

interface ReviewColumns {
  code: number;
  decision: number;
  sheet: number;
  note: number;
}

function reviewColumns(header: SheetRow | undefined, file: string): ReviewColumns {
  const texts = header?.cells.map((c) => String(c?.value ?? '')) ?? [];
  const find = (key: string) => texts.findIndex((t) => headerKeysOf(key).has(headerKey(t)));
  const cols = {
    code: find('mc.col.code'),
    decision: texts.findIndex(isDecisionHeader),
    sheet: find('mc.col.sheet'),
    note: find('mc.col.note'),
  };
  if (cols.code < 0 || cols.decision < 0)
    throw new DvcError(
      'mc.err.decisionsHeader',
      { file: path.basename(file), found: quoteInput(texts.join(',')) || '—' },
      ExitCode.Usage,
    );
  return cols;
}

function cellText(row: SheetRow, col: number): string {
  if (col < 0) return '';
  const v = row.cells[col]?.value;
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * An output made from an earlier output holds the old review sheet and the new one as "Rà soát (2)": the one
 * with the highest number is the latest.
 */
export function latestReviewSheet(names: readonly string[]): string {
  const base = CATALOG.vi['mc.sheet.review'];
  let best = base;
  let bestN = 1;
  for (const name of names) {
    const m = /^(.*) \((\d+)\)$/.exec(name.normalize('NFC'));
    if (m && m[1] === base && Number(m[2]) > bestN) [best, bestN] = [name, Number(m[2])];
  }
  return best;
}

async function readReviewSheet(file: string, labels: ReviewLabels): Promise<DecisionEntry[]> {
  const { readWorkbook, findSheetEntry } = await import('./excel/read-workbook.js');
  const wb = await readWorkbook(file);
  const names = wb.sheets.map((s) => s.name);
  const review = latestReviewSheet(names);
  // Often the input workbook itself: say what --decisions expects, not how to pick another sheet.
  if (!findSheetEntry(wb.sheets, review))
    throw new DvcError(
      'mc.err.decisionsNoReview',
      { file: path.basename(file), sheet: review, found: names.map((n) => `"${n}"`).join(', ') },
      ExitCode.Usage,
    );
  const sheet = wb.sheet(review);
  const rows = sheet.rows();
  const cols = reviewColumns(rows[0], file);
  const out: DecisionEntry[] = [];
  for (const r of rows.slice(1)) {
    const text = cellText(r, cols.decision);
    if (text === '') continue;
    const label = cols.sheet >= 0 ? cellText(r, cols.sheet) : undefined;
    const note = cellText(r, cols.note) || path.basename(file);
    const source = { file, sheet: sheet.name, row: r.row };
    // An unused tax row: the officer typed the code of the commune that takes this tax code.
    if (label !== undefined && labels.taxSheet !== undefined && label === labels.taxSheet) {
      const taxCode = cellText(r, cols.code);
      if (!isNone(text)) out.push({ stdCode: text, taxCode, note, source: { ...source, taxRow: taxCode } });
      continue;
    }
    if (label !== undefined && labels.stdSheet !== undefined && label !== labels.stdSheet) continue;
    out.push({ stdCode: cellText(r, cols.code), taxCode: isNone(text) ? null : text, note, source });
  }
  if (out.length === 0) throw new DvcError('mc.err.decisionsEmpty', { file: path.basename(file) }, ExitCode.Usage);
  return out;
}
