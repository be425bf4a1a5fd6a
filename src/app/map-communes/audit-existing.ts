/**
 * The codes a province already put in the target column (by hand or with VLOOKUP in 2021, and sent to the tax
 * authority) are checked against dvc's own answer: confirmed (the same code), differs (dvc is confident of
 * another code), unchecked (dvc cannot decide; the officer's code stays). Each questioned code also gets the reason
 * an officer needs: not in the tax sheet at all, a typo of dvc's code, the code of a commune of the same name
 * elsewhere (what VLOOKUP by name does), or simply another commune's. Nothing here writes anything.
 */
import type { MatchResult, ProvinceRef, UnitRow } from '../../core/communes/communes.js';
import type { SheetRow } from '../../core/workbook/cell.js';
import { nameKeys, restoreCodeZeros } from '../../core/text/text.js';
import type { ExistingVerdict, ReportReason, ReportRow } from './map-communes-result.js';
import { displayName, isFilled } from './present.js';

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

/** Two codes of one length that differ by one digit, or by two neighbouring digits swapped: a typing slip. */
export function looksLikeTypo(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) diff.push(k);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

const sameBareName = (a: string, b: string) => nameKeys(a, 'commune').folded === nameKeys(b, 'commune').folded;

/**
 * Where a tax row lies, as an officer reads it: its district when that is not the commune's own, and its province
 * when that is not the row's own; "" when both are the same.
 */
function placeOf(tax: UnitRow, r: ReportRow, own: ProvinceRef | undefined): string {
  const otherProvince = own
    ? own.code && tax.provinceCode
      ? own.code !== tax.provinceCode
      : own.name !== tax.provinceName
    : false;
  const sameDistrict =
    !otherProvince &&
    !!tax.districtName &&
    !!r.districtName &&
    nameKeys(tax.districtName, 'district').folded === nameKeys(r.districtName, 'district').folded;
  return [sameDistrict ? undefined : tax.districtName, otherProvince ? tax.provinceName : undefined]
    .filter((x): x is string => !!x)
    .map(displayName)
    .join(', ');
}

interface ReasonInput {
  r: ReportRow;
  code: string;
  verdict: ExistingVerdict;
  taxRow: UnitRow | undefined;
  ownProvince: ProvinceRef | undefined;
}

/** What is wrong with an existing code, or undefined when nothing is (confirmed, or unchecked in the tax sheet). */
export function existingReasonOf(i: ReasonInput): ReportReason | undefined {
  const { r, code, taxRow } = i;
  const reason = (key: string, params: Record<string, string>): ReportReason => ({ code: key, params });
  if (!taxRow) {
    const dvc = isFilled(r) ? r.taxCode : undefined;
    return dvc && looksLikeTypo(code, dvc)
      ? reason('typo', { existing: code, dvc })
      : reason('not_in_tax_sheet', { existing: code });
  }
  if (i.verdict !== 'differs') return undefined;
  const params = { existing: code, name: displayName(taxRow.name), place: placeOf(taxRow, r, i.ownProvince) };
  if (r.status === 'decided')
    // A decision of "no tax commune" names no code: the renderer says so in words.
    return reason('decided', {
      ...params,
      ...(r.taxCode ? { decision: [r.taxCode, r.taxName && displayName(r.taxName)].filter(Boolean).join(' ') } : {}),
    });
  const key = sameBareName(taxRow.name, r.name) ? 'same_name' : 'other_commune';
  return reason(params.place ? key : `${key}_here`, params);
}

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

/** Sets existingCode, existingVerdict, existingInTaxSheet and existingReason on each row whose target cell holds a code. */
export function auditExisting(i: AuditInput): void {
  const sheetRow = new Map(i.sheetRows.map((r) => [r.row, r]));
  const taxByCode = new Map<string, UnitRow>();
  for (const u of i.tax) {
    const code = restoreCodeZeros(u.code, 'commune', 'tms').code;
    if (!taxByCode.has(code)) taxByCode.set(code, u);
  }
  i.rows.forEach((r, k) => {
    const raw = existingCodeOf(sheetRow.get(r.rowNumber), i.targetIndex);
    if (raw === undefined) return;
    const code = restoreCodeZeros(raw, 'commune', 'tms').code;
    const verdict = verdictOf(r, code);
    const taxRow = taxByCode.get(code);
    r.existingCode = code;
    if (taxRow) r.existingName = taxRow.name;
    r.existingVerdict = verdict;
    r.existingInTaxSheet = taxRow !== undefined;
    const ownProvince = i.match.provinces[i.match.rows[k]?.province ?? -1]?.pair.tax;
    const reason = existingReasonOf({ r, code, verdict, taxRow, ownProvince });
    if (reason) r.existingReason = reason;
    // An officer's decision is the officer's newer answer; otherwise only --replace-existing replaces.
    if (verdict === 'differs' && (r.status === 'decided' || i.replace)) r.existingReplaced = true;
  });
}
