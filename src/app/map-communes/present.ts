import type { Lang } from '../../i18n/i18n.js';
import { t } from '../../i18n/i18n.js';
import type { MatchResult, ProvinceSummary, Reason, RowMatch, UnitRow } from '../../core/communes/communes.js';

/** One standard row as reported in JSON, HTML and the review sheet. */
export interface ReportRow {
  sheet: string;
  rowNumber: number;
  provinceCode?: string;
  provinceName?: string;
  districtName?: string;
  code: string;
  name: string;
  status: RowMatch['status'];
  method?: string;
  reasons: { code: string; text: string; params?: Record<string, string | number> }[];
  taxCode?: string;
  taxName?: string;
  candidates: RowMatch['candidates'];
  duplicateName: boolean;
  conflict?: boolean;
}

/** Counts per status, for a province or the whole run: the engine's province summary without its pair. */
export type Summary = Omit<ProvinceSummary, 'pair'>;

export interface ProvinceReport extends Summary {
  provinceCode?: string;
  provinceName: string;
  taxProvinceName: string;
}

export function reasonText(lang: Lang, r: Reason): string {
  return t(lang, `reason.${r.code}`, r.params ?? {});
}

export function statusText(lang: Lang, status: string): string {
  return t(lang, `status.${status}`);
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

export function toProvinceReports(match: MatchResult): ProvinceReport[] {
  return match.provinces.map(({ pair, ...counts }) => ({
    provinceCode: pair.std.code,
    provinceName: pair.std.name,
    taxProvinceName: pair.tax.name,
    ...counts,
  }));
}

export function summarise(rows: readonly ReportRow[], match: MatchResult): Summary {
  const count = (s: ReportRow['status']) => rows.filter((r) => r.status === s).length;
  return {
    rows: rows.length,
    exact: count('exact'),
    normalised: count('normalised'),
    decided: count('decided'),
    ambiguous: count('ambiguous'),
    notFound: count('not_found'),
    taxUnused: match.taxUnused.length,
    conflicts: match.conflicts.length,
  };
}

/** Whether a row's code goes into column I. */
export function isFilled(r: ReportRow): boolean {
  return (r.status === 'exact' || r.status === 'normalised' || r.status === 'decided') && !!r.taxCode && !r.conflict;
}

const candidateText = (c: ReportRow['candidates'][number]) =>
  [c.code, c.name, c.district].filter(Boolean).join(' — ') +
  (c.score !== undefined ? ` (${Math.round(c.score * 100)}%)` : '');

/** The "Rà soát" sheet: every row that is not `exact`, plus unused tax rows, conflicts and duplicate codes. */
export function reviewSheetRows(
  rows: readonly ReportRow[],
  match: MatchResult,
  taxSheet: string,
  lang: Lang,
): (string | number | null)[][] {
  const L = (k: string) => t(lang, k);
  const header = [
    'mc.col.sheet',
    'mc.col.row',
    'mc.col.province',
    'mc.col.district',
    'mc.col.code',
    'mc.col.name',
    'mc.col.status',
    'mc.col.method',
    'mc.col.reasons',
    'mc.col.taxCode',
    'mc.col.taxName',
    'mc.col.candidates',
    'mc.col.decision',
  ].map(L);
  const out: (string | number | null)[][] = [header];
  for (const r of rows) {
    if (r.status === 'exact') continue;
    out.push([
      r.sheet,
      r.rowNumber,
      r.provinceName ?? '',
      r.districtName ?? '',
      r.code,
      r.name,
      statusText(lang, r.status),
      r.method ?? '',
      r.reasons.map((x) => x.text).join('; '),
      r.taxCode ?? '',
      r.taxName ?? '',
      r.candidates.map(candidateText).join(' | '),
      null,
    ]);
  }
  for (const u of match.taxUnused) {
    out.push([
      taxSheet,
      u.taxRow,
      match.provinces[u.province]?.pair.tax.name ?? '',
      u.district ?? '',
      u.code,
      u.name,
      L('mc.taxUnused.title'),
      '',
      '',
      '',
      '',
      '',
      null,
    ]);
  }
  return out;
}

/** The "Tóm tắt" sheet: counts per province, a total line, then the legend of colours. */
export function summarySheetRows(
  provinces: readonly ProvinceReport[],
  summary: Summary,
  match: MatchResult,
  lang: Lang,
  editions?: readonly { text: string }[],
): (string | number | null)[][] {
  const L = (k: string) => t(lang, k);
  const out: (string | number | null)[][] = [
    [
      L('mc.col.province'),
      L('mc.col.rows'),
      L('mc.summary.exact'),
      L('mc.summary.normalised'),
      L('mc.summary.decided'),
      L('mc.summary.ambiguous'),
      L('mc.summary.notFound'),
      L('mc.col.taxUnused'),
      L('mc.col.conflicts'),
    ],
  ];
  for (const p of provinces)
    out.push([
      p.provinceName,
      p.rows,
      p.exact,
      p.normalised,
      p.decided,
      p.ambiguous,
      p.notFound,
      p.taxUnused,
      p.conflicts,
    ]);
  out.push([
    L('mc.total'),
    summary.rows,
    summary.exact,
    summary.normalised,
    summary.decided,
    summary.ambiguous,
    summary.notFound,
    summary.taxUnused,
    summary.conflicts,
  ]);
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

/** The MAP table for the tax authority: province, GSO code and name, CQT code and name, status. */
export function mapTableRows(rows: readonly ReportRow[]): (string | number | null)[][] {
  const out: (string | number | null)[][] = [['province', 'gso_code', 'gso_name', 'cqt_code', 'cqt_name', 'status']];
  for (const r of rows) {
    const filled = isFilled(r);
    out.push([
      r.provinceName ?? '',
      r.code,
      r.name,
      filled ? (r.taxCode ?? '') : '',
      filled ? (r.taxName ?? '') : '',
      r.status,
    ]);
  }
  return out;
}
