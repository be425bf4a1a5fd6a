import type { Lang } from '../../i18n/i18n.js';
import { t } from '../../i18n/i18n.js';
import type { MatchResult, Reason, UnitRow } from '../../core/communes/communes.js';
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

export function reasonText(lang: Lang, r: Reason): string {
  // A decision read without a note says so plainly rather than showing an empty placeholder.
  if (r.code === 'decided_by_officer' && !r.params?.note) return t(lang, 'mc.reason.decidedNoNote');
  return t(lang, `reason.${r.code}`, r.params ?? {});
}

export function statusText(lang: Lang, status: string): string {
  return t(lang, `status.${status}`);
}

export function verdictText(lang: Lang, verdict: string): string {
  return t(lang, `mc.existing.${verdict}`);
}

/** A name as an officer reads it: a cell typed in the TCVN3 or VNI legacy fonts decoded to Unicode, NFC. */
export function displayName(raw: string): string {
  return decodeLegacy(raw).text.normalize('NFC');
}

export function toReportRows(match: MatchResult, std: readonly UnitRow[], sheet: string, lang: Lang): ReportRow[] {
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
      reasons: m.reasons.map((r) => ({
        code: r.code,
        text: reasonText(lang, r),
        ...(r.params ? { params: r.params } : {}),
      })),
      taxCode: m.taxCode,
      taxName: m.taxName,
      candidates: m.candidates,
      duplicateName: m.duplicateName,
      ...(m.conflict ? { conflict: true } : {}),
    };
  });
}

export function toProvinceReports(match: MatchResult, rows: readonly ReportRow[]): ProvinceReport[] {
  return match.provinces.map(({ pair, ...counts }, province) => {
    const mine = rows.filter((_, k) => match.rows[k]?.province === province);
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

const candidateText = (c: ReportRow['candidates'][number]) =>
  [c.code, c.name, c.district].filter(Boolean).join(' — ') +
  (c.score !== undefined ? ` (${Math.round(c.score * 100)}%)` : '');

/** The value of the decision column for a decided row: its tax code, or "-" for "no tax commune". */
export function decisionCellOf(r: ReportRow): string | null {
  if (r.status !== 'decided') return null;
  return r.taxCode ?? '-';
}

function decisionNoteOf(r: ReportRow): string {
  const note = r.reasons.find((x) => x.code === 'decided_by_officer')?.params?.note;
  return note === undefined ? '' : String(note);
}

const REVIEW_COLUMNS = [
  'mc.col.sheet',
  'mc.col.row',
  'mc.col.province',
  'mc.col.district',
  'mc.col.code',
  'mc.col.name',
  'mc.col.status',
  'mc.col.decision',
  'mc.col.note',
  'mc.col.taxCode',
  'mc.col.taxName',
  'mc.col.existingCode',
  'mc.col.existingName',
  'mc.col.existingVerdict',
  'mc.col.reasons',
  'mc.col.candidates',
  'mc.col.method',
];

/** Column widths of the review sheet, in the order of its columns. */
export const REVIEW_WIDTHS = [14, 7, 22, 22, 12, 28, 24, 20, 18, 14, 28, 14, 28, 18, 48, 60, 12];

function reviewLine(r: ReportRow, lang: Lang): (string | number | null)[] {
  return [
    r.sheet,
    r.rowNumber,
    r.provinceName ?? '',
    r.districtName ?? '',
    r.code,
    r.name,
    statusText(lang, r.status),
    decisionCellOf(r),
    r.status === 'decided' ? decisionNoteOf(r) : null,
    r.taxCode ?? '',
    r.taxName ?? '',
    r.existingCode ?? '',
    r.existingName ?? '',
    r.existingVerdict ? verdictText(lang, r.existingVerdict) : '',
    r.reasons.map((x) => x.text).join('; '),
    r.candidates.map(candidateText).join(' | '),
    r.method ?? '',
  ];
}

/**
 * The "Rà soát" sheet: first the rows that need a decision, then every other row that is not a plain exact
 * match (decided rows keep their decision in the decision column, so this output is the next run's
 * `--decisions`), then the unused tax rows.
 */
export function reviewSheetRows(
  rows: readonly ReportRow[],
  match: MatchResult,
  taxSheet: string,
  lang: Lang,
): (string | number | null)[][] {
  const out: (string | number | null)[][] = [REVIEW_COLUMNS.map((k) => t(lang, k))];
  const listed = rows.filter((r) => r.status !== 'exact' || r.existingVerdict === 'differs');
  // Rows to decide first, then the decisions already taken, then the rest.
  const rank = (r: ReportRow) => (needsDecision(r) ? 0 : r.status === 'decided' ? 1 : 2);
  for (const group of [0, 1, 2]) for (const r of listed) if (rank(r) === group) out.push(reviewLine(r, lang));
  const unusedTitle = t(lang, 'mc.taxUnused.title');
  for (const u of match.taxUnused) {
    const line: (string | number | null)[] = REVIEW_COLUMNS.map(() => '');
    line[0] = taxSheet;
    line[1] = u.taxRow;
    line[2] = match.provinces[u.province]?.pair.tax.name ?? '';
    line[3] = u.district ?? '';
    line[4] = u.code;
    line[5] = u.name;
    line[6] = unusedTitle;
    line[7] = null;
    line[8] = null;
    out.push(line);
  }
  return out;
}

function summaryLine(name: string, p: Summary): (string | number | null)[] {
  return [
    name,
    p.rows,
    p.exact,
    p.normalised,
    p.decided,
    p.ambiguous,
    p.notFound,
    p.taxUnused,
    p.conflicts,
    p.overrides,
    p.existing.confirmed,
    p.existing.differs,
    p.existing.unchecked,
    p.existing.notInTaxSheet,
  ];
}

/** The "Tóm tắt" sheet: counts per province, a total line, then conflicts and duplicate codes. */
export function summarySheetRows(
  provinces: readonly ProvinceReport[],
  summary: Summary,
  match: MatchResult,
  lang: Lang,
  editions?: readonly { text: string }[],
): (string | number | null)[][] {
  const L = (k: string) => t(lang, k);
  const header = [
    'mc.col.province',
    'mc.col.rows',
    'mc.summary.exact',
    'mc.summary.normalised',
    'mc.summary.decided',
    'mc.summary.ambiguous',
    'mc.summary.notFound',
    'mc.col.taxUnused',
    'mc.col.conflicts',
    'mc.col.overrides',
    'mc.col.existingConfirmed',
    'mc.col.existingDiffers',
    'mc.col.existingUnchecked',
    'mc.col.existingNotInTax',
  ].map(L);
  const out: (string | number | null)[][] = [header];
  for (const p of provinces) out.push(summaryLine(p.provinceName, p));
  out.push(summaryLine(L('mc.total'), summary));
  if (editions?.length) out.push([], [L('mc.editions.title')], ...editions.map((e) => [e.text]));
  if (match.conflicts.length) {
    out.push([], [L('mc.conflicts.title')]);
    for (const c of match.conflicts) out.push([c.taxCode, c.taxName, c.stdCodes.join(', ')]);
  }
  if (match.duplicateCodes.length) {
    out.push([], [L('mc.duplicateCodes.title')]);
    for (const d of match.duplicateCodes)
      out.push([d.side === 'std' ? 'MX Bo TTTT' : 'MX CQT', d.code, d.rows.join(', ')]);
  }
  return out;
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
 * are decoded from the legacy fonts.
 */
export function mapTableRows(rows: readonly ReportRow[]): (string | number | null)[][] {
  const out: (string | number | null)[][] = [[...MAP_COLUMNS]];
  const shown = (name: string | undefined) => (name ? displayName(name) : '');
  for (const r of rows) {
    const cell = mapCellOf(r);
    const dvcCode = isFilled(r) ? (r.taxCode ?? '') : '';
    const name = cell.code === null ? '' : cell.code === r.taxCode ? shown(r.taxName) : shown(r.existingName);
    out.push([
      r.provinceName ?? '',
      r.districtName ?? '',
      r.code,
      r.name,
      cell.code ?? '',
      name,
      cell.status,
      r.existingVerdict ?? '',
      r.existingReason?.code ?? '',
      r.existingCode ?? '',
      shown(r.existingName),
      dvcCode,
      dvcCode ? shown(r.taxName) : '',
      r.status,
    ]);
  }
  return out;
}

const codeAndName = (code: string | undefined, name: string | undefined) =>
  code ? [code, name && displayName(name)].filter(Boolean).join(' ') : '—';

/**
 * The note on a target cell that held a code, shown when the cell is selected: what is wrong with the officer's
 * code (and what dvc proposes), or what replaced it. None on a confirmed code.
 */
export function existingNoteOf(r: ReportRow, lang: Lang): { title: string; text: string } | undefined {
  if (r.existingVerdict === undefined || r.existingVerdict === 'confirmed') return undefined;
  const params = {
    existing: codeAndName(r.existingCode, r.existingName),
    dvc: codeAndName(isFilled(r) ? r.taxCode : undefined, r.taxName),
    status: statusText(lang, r.status),
    problem: r.existingReason?.text ?? t(lang, 'mc.existingReason.unknown'),
  };
  const notInTax = r.existingInTaxSheet === false;
  if (r.existingReplaced)
    return { title: t(lang, 'mc.prompt.title.replaced'), text: t(lang, 'mc.prompt.replaced', params) };
  if (r.existingVerdict === 'differs')
    return notInTax
      ? { title: t(lang, 'mc.prompt.title.notInTax'), text: t(lang, 'mc.prompt.keptNotInTax', params) }
      : { title: t(lang, 'mc.prompt.title.differs'), text: t(lang, 'mc.prompt.kept', params) };
  return notInTax
    ? { title: t(lang, 'mc.prompt.title.notInTax'), text: t(lang, 'mc.prompt.uncheckedNotInTax', params) }
    : { title: t(lang, 'mc.prompt.title.unchecked'), text: t(lang, 'mc.prompt.unchecked', params) };
}
