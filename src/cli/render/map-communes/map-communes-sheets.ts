/**
 * The sheets of words that `dvc map-communes` adds to the output workbook ("Rà soát", "Tóm tắt"), the legend of
 * the target column and the notes on its cells, laid out here in the officer's language and handed to the use
 * case as its MapCommunesTexts.
 */
import { t, type Lang } from '../../../i18n/i18n.js';
import type { MatchResult } from '../../../core/communes/communes.js';
import type { CellStatus, ExtraSheet } from '../../../io/excel/write-mapped-workbook.js';
import type { EditionReport } from '../../../app/map-communes/edition-check.js';
import type { MapCommunesTexts } from '../../../app/map-communes/map-communes-texts.js';
import {
  EXISTING_VERDICTS,
  MATCH_STATUSES,
  type ProvinceReport,
  type ReportRow,
  type Summary,
} from '../../../app/map-communes/map-communes-result.js';
import { decisionCellOf, displayName, isFilled, needsDecision, shownName } from '../../../app/map-communes/present.js';
import {
  decisionProblemText,
  editionLine,
  existingReasonText,
  reasonText,
  statusText,
  verdictText,
} from './map-communes-words.js';

type Line = (string | number | null)[];

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

const candidateText = (c: ReportRow['candidates'][number]) =>
  [c.code, c.name && displayName(c.name), c.district].filter(Boolean).join(' — ') +
  (c.score !== undefined ? ` (${Math.round(c.score * 100)}%)` : '');

function decisionNoteOf(r: ReportRow): string {
  const note = r.reasons.find((x) => x.code === 'decided_by_officer')?.params?.note;
  return note === undefined ? '' : String(note);
}

/**
 * The reasons of a row: first what is wrong with a code the sheet already held (as the console says it), then why dvc
 * matched as it did.
 */
function reasonsCell(r: ReportRow, lang: Lang): string {
  const reasons = r.reasons.map((x) => reasonText(lang, x));
  if (r.existingVerdict === 'differs' || r.existingVerdict === 'unchecked') {
    const problem = r.existingReason
      ? existingReasonText(lang, r.existingReason)
      : codeAndName(r.existingCode, r.existingName);
    reasons.unshift(t(lang, 'mc.audit.rowExisting', { problem }));
  }
  return reasons.join('; ');
}

function reviewLine(r: ReportRow, lang: Lang): Line {
  return [
    r.sheet,
    r.rowNumber,
    shownName(r.provinceName),
    shownName(r.districtName),
    r.code,
    shownName(r.name),
    statusText(lang, r.status),
    decisionCellOf(r),
    r.status === 'decided' ? decisionNoteOf(r) : null,
    r.taxCode ?? '',
    shownName(r.taxName),
    r.existingCode ?? '',
    shownName(r.existingName),
    r.existingVerdict ? verdictText(lang, r.existingVerdict) : '',
    reasonsCell(r, lang),
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
  carried: readonly ReportRow[] = [],
): Line[] {
  const out: Line[] = [REVIEW_COLUMNS.map((k) => t(lang, k))];
  // Decisions for communes this run left out (--province) are listed with the decided rows, for the next round.
  const listed = [...rows.filter((r) => r.status !== 'exact' || r.existingVerdict === 'differs'), ...carried];
  // Rows to decide first, then the decisions already taken, then the rest.
  const rank = (r: ReportRow) => (needsDecision(r) ? 0 : r.status === 'decided' ? 1 : 2);
  for (const group of [0, 1, 2]) for (const r of listed) if (rank(r) === group) out.push(reviewLine(r, lang));
  const unusedTitle = t(lang, 'mc.taxUnused.title');
  for (const u of match.taxUnused) {
    const line: Line = REVIEW_COLUMNS.map(() => '');
    line[0] = taxSheet;
    line[1] = u.taxRow;
    line[2] = match.provinces[u.province]?.pair.tax.name ?? '';
    line[3] = u.district ?? '';
    line[4] = u.code;
    line[5] = shownName(u.name);
    line[6] = unusedTitle;
    line[7] = null;
    line[8] = null;
    out.push(line);
  }
  return out;
}

function summaryLine(name: string, p: Summary): Line {
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

/** The "Tóm tắt" sheet: counts per province, a total line, then editions, conflicts and duplicate codes. */
export function summarySheetRows(
  provinces: readonly ProvinceReport[],
  summary: Summary,
  match: MatchResult,
  lang: Lang,
  editions: readonly EditionReport[] = [],
): Line[] {
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
  const out: Line[] = [header];
  for (const p of provinces) out.push(summaryLine(shownName(p.provinceName), p));
  out.push(summaryLine(L('mc.total'), summary));
  if (editions.length) out.push([], [L('mc.editions.title')], ...editions.map((e) => [editionLine(lang, e)]));
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
    problem: r.existingReason ? existingReasonText(lang, r.existingReason) : t(lang, 'mc.existingReason.unknown'),
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

/** The words of a map-communes run in one language, as the use case asks for them. */
export function mapCommunesTexts(lang: Lang): MapCommunesTexts {
  return {
    reviewSheet: (rows, match, taxSheet, carried): ExtraSheet => ({
      name: t(lang, 'mc.sheet.review'),
      rows: reviewSheetRows(rows, match, taxSheet, lang, carried),
      columnWidths: REVIEW_WIDTHS,
      headerStyle: true,
      autoFilter: true,
      freezeHeader: true,
    }),
    summarySheet: (provinces, summary, match, editions): ExtraSheet => ({
      name: t(lang, 'mc.sheet.summary'),
      rows: summarySheetRows(provinces, summary, match, lang, editions),
      columnWidths: [30, 10, 14, 16, 16, 18, 18, 16, 14],
      headerStyle: true,
      freezeHeader: true,
    }),
    legend: (withVerdicts) => {
      const rows: { status: CellStatus; label: string }[] = MATCH_STATUSES.map((s) => ({
        status: s,
        label: statusText(lang, s),
      }));
      if (withVerdicts) for (const v of EXISTING_VERDICTS) rows.push({ status: v, label: verdictText(lang, v) });
      return { title: t(lang, 'mc.legend.title'), rows };
    },
    cellNote: (r) => existingNoteOf(r, lang),
    editionLines: (editions) => editions.map((e) => editionLine(lang, e)).join('; '),
    decisionProblem: (p) => decisionProblemText(lang, p),
  };
}
