/**
 * The map-communes result as values: report rows, counts, the code each target cell carries and the MAP table.
 * No words here: the review sheets, cell notes and reason texts are written by the renderer the command hands down
 * (src/cli/render/map-communes).
 */
import type { MatchResult, UnitRow } from '../../core/communes/communes.js';
import { decodeLegacy } from '../../core/text/text.js';
import type {
  ExistingCounts,
  ExistingVerdict,
  MapStatus,
  ProvinceReport,
  ReportRow,
  Summary,
} from './map-communes-result.js';

/** The colour class of a target cell: a match status, or the verdict on the code already there. */
export type CellStatus = ReportRow['status'] | ExistingVerdict;

export type { ProvinceReport, ReportRow, Summary } from './map-communes-result.js';

/** A name as an officer reads it: a cell typed in the TCVN3 or VNI legacy fonts decoded to Unicode, NFC. */
export function displayName(raw: string): string {
  return decodeLegacy(raw).text.normalize('NFC');
}

/** displayName of a name that may be absent: "" for none. */
export function shownName(name: string | null | undefined): string {
  return name ? displayName(name) : '';
}

export function toReportRows(match: MatchResult, std: readonly UnitRow[], sheet: string): ReportRow[] {
  const byRow = new Map<number, UnitRow>();
  for (const r of std) byRow.set(r.rowNumber, r);
  return match.rows.map((m) => {
    const src = byRow.get(m.stdRow);
    return {
      sheet,
      rowNumber: m.stdRow,
      provinceCode: src?.provinceCode,
      provinceName: src?.provinceName ?? match.provinces[m.province]?.pair.std.name,
      districtName: src?.districtName,
      code: m.stdCode,
      name: m.stdName,
      status: m.status,
      method: m.method,
      reasons: m.reasons.map((r) => ({ code: r.code, ...(r.params ? { params: r.params } : {}) })),
      taxCode: m.taxCode,
      taxName: m.taxName,
      candidates: m.candidates,
      duplicateName: m.duplicateName,
      ...(m.conflict ? { conflict: true } : {}),
    };
  });
}

export function toProvinceReports(match: MatchResult, rows: readonly ReportRow[]): ProvinceReport[] {
  // Each province's rows, in order, gathered in one pass (not one pass over every row per province).
  const byProvince = match.provinces.map((): ReportRow[] => []);
  rows.forEach((r, k) => {
    const province = match.rows[k]?.province;
    if (province !== undefined) byProvince[province]?.push(r);
  });
  return match.provinces.map(({ pair, ...counts }, province) => {
    const mine = byProvince[province]!;
    return {
      provinceCode: pair.std.code,
      provinceName: pair.std.name,
      taxProvinceName: pair.tax.name,
      ...counts,
      overrides: mine.filter((r) => r.overrides).length,
      existing: existingCounts(mine),
    };
  });
}

export function existingCounts(rows: readonly ReportRow[]): ExistingCounts {
  const out: ExistingCounts = { confirmed: 0, differs: 0, unchecked: 0, notInTaxSheet: 0 };
  for (const r of rows) {
    if (r.existingVerdict) out[r.existingVerdict]++;
    if (r.existingCode !== undefined && r.existingInTaxSheet === false) out.notInTaxSheet++;
  }
  return out;
}

export function summarise(rows: readonly ReportRow[], match: MatchResult): Summary {
  const counts: Record<ReportRow['status'], number> = {
    exact: 0,
    normalised: 0,
    decided: 0,
    ambiguous: 0,
    not_found: 0,
  };
  for (const r of rows) counts[r.status]++;
  return {
    rows: rows.length,
    exact: counts.exact,
    normalised: counts.normalised,
    decided: counts.decided,
    ambiguous: counts.ambiguous,
    notFound: counts.not_found,
    taxUnused: match.taxUnused.length,
    conflicts: match.conflicts.length,
    overrides: rows.filter((r) => r.overrides).length,
    existing: existingCounts(rows),
  };
}

/** Whether a row's code goes into column I. */
export function isFilled(r: ReportRow): boolean {
  return (r.status === 'exact' || r.status === 'normalised' || r.status === 'decided') && !!r.taxCode && !r.conflict;
}

/** Rows the officer has to decide: no code found, or dvc disagrees with the code already there. */
export function needsDecision(r: ReportRow): boolean {
  if (r.status === 'decided') return false;
  return r.status === 'ambiguous' || r.status === 'not_found' || r.existingVerdict === 'differs';
}

/** The value of the decision column for a decided row: its tax code, or "-" for "no tax commune". */
export function decisionCellOf(r: ReportRow): string | null {
  if (r.status !== 'decided') return null;
  return r.taxCode ?? '-';
}

/** The code that goes into the target cell, and the colour it gets, once existing codes are taken into account. */
export function targetCellOf(r: ReportRow): { value: string | null; status: CellStatus } {
  const dvc = isFilled(r) ? (r.taxCode ?? null) : null;
  if (r.existingVerdict === undefined) return { value: dvc, status: r.status };
  if (r.existingVerdict === 'differs')
    return { value: r.existingReplaced ? dvc : (r.existingCode ?? null), status: 'differs' };
  return { value: r.existingCode ?? null, status: r.existingVerdict };
}

/** The code the outputs carry for a row and what may be said of it; see MapStatus. */
export function mapCellOf(r: ReportRow): { code: string | null; status: MapStatus } {
  const code = targetCellOf(r).value;
  if (r.existingCode === undefined || code !== r.existingCode) return { code, status: r.status };
  if (r.existingInTaxSheet === false) return { code, status: 'not_in_tax_sheet' };
  if (r.existingVerdict === 'confirmed') return { code, status: r.status };
  return { code, status: r.existingVerdict === 'differs' ? 'differs' : 'unchecked' };
}

/** Sets mapCode and mapStatus on every row, so that --json says what the MAP table says. */
export function setMapFields(rows: ReportRow[]): void {
  for (const r of rows) {
    const cell = mapCellOf(r);
    r.mapCode = cell.code;
    r.mapStatus = cell.status;
  }
}

export const MAP_COLUMNS = [
  'province',
  'district',
  'gso_code',
  'gso_name',
  'cqt_code',
  'cqt_name',
  'status',
  'audit_verdict',
  'audit_reason',
  'officer_code',
  'officer_name',
  'dvc_code',
  'dvc_name',
  'dvc_status',
] as const;

/**
 * The MAP table for the tax authority: province, district, GSO code and name; the CQT code the workbook carries
 * (an officer's code that dvc did not replace stays) and its status, which is a match status only when dvc stands
 * behind that code; then the audit's verdict and reason, the officer's code and dvc's code side by side. Names
 * of both sheets are decoded from the legacy fonts.
 */
export function mapTableRows(rows: readonly ReportRow[]): (string | number | null)[][] {
  const out: (string | number | null)[][] = [[...MAP_COLUMNS]];
  for (const r of rows) {
    const cell = mapCellOf(r);
    const dvcCode = isFilled(r) ? (r.taxCode ?? '') : '';
    const name = cell.code === null ? '' : cell.code === r.taxCode ? shownName(r.taxName) : shownName(r.existingName);
    out.push([
      shownName(r.provinceName),
      shownName(r.districtName),
      r.code,
      shownName(r.name),
      cell.code ?? '',
      name,
      cell.status,
      r.existingVerdict ?? '',
      r.existingReason?.code ?? '',
      r.existingCode ?? '',
      shownName(r.existingName),
      dvcCode,
      dvcCode ? shownName(r.taxName) : '',
      r.status,
    ]);
  }
  return out;
}
