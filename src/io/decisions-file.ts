import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DvcError, ExitCode } from '../errors.js';
import { fsError } from './fs-errors.js';
import type { Decision } from '../core/communes/communes.js';
import { parseCsvRecords } from '../core/csv-parse.js';
import { CATALOG } from '../i18n/catalog.js';
import { headerKey } from '../core/workbook/column-synonyms.js';

/**
 * The officer's saved choices, from a CSV (`std_code,tax_code,note`; `-` means "no tax commune") or from the
 * "Rà soát" sheet of an earlier `map-communes` output, where the chosen code was typed in the decision column.
 */
export async function readDecisions(file: string, o: { stdSheet?: string } = {}): Promise<Decision[]> {
  if (/\.xlsx$/i.test(file)) return readReviewSheet(file, o.stdSheet);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw fsError(e, { path: file, op: 'read' });
  }
  const { header, records } = parseCsvRecords(text);
  const std = header.find((h) => ['std_code', 'ma_gso', 'gso_code', 'std'].includes(h));
  const tax = header.find((h) => ['tax_code', 'ma_cqt', 'cqt_code', 'tax'].includes(h));
  if (!std || !tax)
    throw new DvcError(
      'mc.err.decisionsHeader',
      { file: path.basename(file), found: header.join(',') || '—' },
      ExitCode.Usage,
    );
  return records
    .filter((r) => r[std] !== '')
    .map((r) => ({ stdCode: r[std], taxCode: isNone(r[tax]) ? null : r[tax], ...(r.note ? { note: r.note } : {}) }));
}

function isNone(v: string): boolean {
  return ['-', '—', '–', 'none', 'khong', 'không'].includes(v.trim().toLowerCase());
}

/** Header texts of the review sheet in both languages, so a sheet written with --lang en reads back too. */
function headerKeysOf(key: string): Set<string> {
  return new Set([CATALOG.vi[key], CATALOG.en[key]].filter(Boolean).map(headerKey));
}

async function readReviewSheet(file: string, stdSheet: string | undefined): Promise<Decision[]> {
  const { readWorkbook } = await import('./excel/read-workbook.js');
  const wb = await readWorkbook(file);
  const sheet = wb.sheet(CATALOG.vi['mc.sheet.review']);
  const rows = sheet.rows();
  const header = rows[0];
  const find = (key: string) =>
    header?.cells.findIndex((c) => c !== undefined && headerKeysOf(key).has(headerKey(String(c.value ?? '')))) ?? -1;
  const codeCol = find('mc.col.code');
  const decisionCol = find('mc.col.decision');
  const sheetCol = find('mc.col.sheet');
  if (codeCol < 0 || decisionCol < 0)
    throw new DvcError(
      'mc.err.decisionsHeader',
      { file: path.basename(file), found: header?.cells.map((c) => String(c?.value ?? '')).join(',') ?? '—' },
      ExitCode.Usage,
    );
  const out: Decision[] = [];
  for (const r of rows.slice(1)) {
    const decision = r.cells[decisionCol]?.value;
    if (decision === null || decision === undefined || String(decision).trim() === '') continue;
    // Rows of unused tax communes carry the tax sheet's name: a decision there is not about a standard row.
    if (sheetCol >= 0 && stdSheet !== undefined && String(r.cells[sheetCol]?.value ?? '') !== stdSheet) continue;
    const text = typeof decision === 'number' ? String(decision) : String(decision).trim();
    out.push({
      stdCode: String(r.cells[codeCol]?.value ?? '').trim(),
      taxCode: isNone(text) ? null : text,
      note: path.basename(file),
    });
  }
  if (out.length === 0) throw new DvcError('mc.err.decisionsEmpty', { file: path.basename(file) }, ExitCode.Usage);
  return out;
}
