/**
 * The codes a province already put in the target column (by hand or with VLOOKUP in 2021, and sent to the tax
 * authority) are checked against dvc's own answer: confirmed (the same code), differs (dvc is confident of
 * another code), unchecked (dvc cannot decide; the officer's code stays). Nothing here writes anything.
 */
import type { MatchResult, UnitRow } from '../../core/communes/communes.js';
import type { SheetRow } from '../../core/workbook/cell.js';
import { restoreCodeZeros } from '../../core/text/text.js';
import type { ExistingCounts, ExistingVerdict, ReportRow } from './map-communes-result.js';
import { isFilled } from './present.js';

/** The code a target cell holds, as text; undefined for an empty cell, an error value (#N/A) or a boolean. */
export function existingCodeOf(row: SheetRow | undefined, column: number): string | undefined {
  const cell = row?.cells[column];
  if (!cell || cell.value === null || cell.kind === 'error' || cell.kind === 'boolean') return undefined;
  const text = typeof cell.value === 'number' ? String(cell.value) : String(cell.value).trim();
  return text === '' ? undefined : text;
}

export function verdictOf(r: ReportRow, existing: string): ExistingVerdict {
  if (isFilled(r)) return r.taxCode === existing ? 'confirmed' : 'differs';
  // "No tax commune" decided by the officer is an answer too.
  if (r.status === 'decided') return 'differs';
  return 'unchecked';
}

export const emptyExistingCounts = (): ExistingCounts => ({ confirmed: 0, differs: 0, unchecked: 0 });

export interface AuditInput {
  rows: ReportRow[];
  match: MatchResult;
  /** The standard sheet's rows as read, and the target column's index. */
  sheetRows: readonly SheetRow[];
  targetIndex: number;
  tax: readonly UnitRow[];
  /** --replace-existing: a confident different code replaces the officer's. */
  replace: boolean;
}

/** Sets existingCode/existingVerdict on each row whose target cell holds a code; returns counts per province. */
export function auditExisting(i: AuditInput): { total: ExistingCounts; byProvince: Map<number, ExistingCounts> } {
  const sheetRow = new Map(i.sheetRows.map((r) => [r.row, r]));
  const taxName = new Map<string, string>();
  for (const t of i.tax) {
    const code = restoreCodeZeros(t.code, 'commune', 'tms').code;
    if (!taxName.has(code)) taxName.set(code, t.name);
  }
  const total = emptyExistingCounts();
  const byProvince = new Map<number, ExistingCounts>();
  i.rows.forEach((r, k) => {
    const raw = existingCodeOf(sheetRow.get(r.rowNumber), i.targetIndex);
    if (raw === undefined) return;
    const code = restoreCodeZeros(raw, 'commune', 'tms').code;
    const verdict = verdictOf(r, code);
    r.existingCode = code;
    const name = taxName.get(code);
    if (name !== undefined) r.existingName = name;
    r.existingVerdict = verdict;
    // An officer's decision is the officer's newer answer; otherwise only --replace-existing replaces.
    if (verdict === 'differs' && (r.status === 'decided' || i.replace)) r.existingReplaced = true;
    total[verdict]++;
    const province = i.match.rows[k]?.province ?? -1;
    const counts = byProvince.get(province) ?? emptyExistingCounts();
    counts[verdict]++;
    byProvince.set(province, counts);
  });
  return { total, byProvince };
}
