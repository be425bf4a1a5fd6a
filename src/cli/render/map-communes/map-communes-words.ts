/**
 * The words of a map-communes result, in the officer's language: reasons, statuses, verdicts, editions and the
 * lines of the decisions file. The result itself carries codes and parameters; `withTexts` adds the words the JSON
 * output, the console and the HTML report show beside each code.
 */
import path from 'node:path';
import { t, type Lang } from '../../../i18n/i18n.js';
import { displayName } from '../../../app/map-communes/present.js';
import { editionOfParams } from '../../../core/reference/edition-params.js';
import type { SheetEdition } from '../../../core/reference/reference.js';
import type { DecisionSource } from '../../../io/decisions-file.js';
import type { EditionReport } from '../../../app/map-communes/edition-check.js';
import type { DecisionProblem } from '../../../app/map-communes/map-communes-texts.js';
import type { MapCommunesResult, ReportReason, ReportRow } from '../../../app/map-communes/map-communes-result.js';

/** A reason with its words. */
export interface TextedReason extends ReportReason {
  text: string;
}

export type TextedRow = Omit<ReportRow, 'reasons' | 'existingReason'> & {
  reasons: TextedReason[];
  existingReason?: TextedReason;
};

/** An edition report with the line shown in the console, the summary sheet and the HTML report. */
export type TextedEdition = EditionReport & { text: string };

/** The result as the JSON output, the console and the HTML report read it: every reason and edition worded. */
export type MapCommunesReport = Omit<MapCommunesResult, 'rows' | 'editions'> & {
  rows: TextedRow[];
  editions?: TextedEdition[];
};

export function statusText(lang: Lang, status: string): string {
  return t(lang, `status.${status}`);
}

export function verdictText(lang: Lang, verdict: string): string {
  return t(lang, `mc.existing.${verdict}`);
}

export function editionText(lang: Lang, e: SheetEdition | undefined): string {
  if (!e || e.kind === 'unknown') return t(lang, 'edition.unknown');
  if (e.kind === 'gso-2025') return t(lang, 'edition.gso-2025');
  if (e.kind === 'mixed') return t(lang, 'edition.mixed', { old: e.old, new: e.new });
  if (e.dates.length !== 1) return t(lang, 'edition.gso-2004-undated');
  // Vietnamese readers write dates day first.
  const date = lang === 'vi' ? e.dates[0].split('-').reverse().join('/') : e.dates[0];
  return t(lang, 'edition.gso-2004', { date });
}

/** One province's editions: a province the tax sheet lacks says so. */
export function editionLine(lang: Lang, e: EditionReport): string {
  const tax = e.tax === undefined ? t(lang, 'edition.absent') : editionText(lang, e.tax);
  return t(lang, 'mc.editions.line', { province: displayName(e.province), std: editionText(lang, e.std), tax });
}

/** A reason of the matcher, the audit or the decisions, worded. */
export function reasonText(lang: Lang, r: ReportReason): string {
  const params = r.params ?? {};
  // A decision read without a note says so plainly rather than showing an empty placeholder.
  if (r.code === 'decided_by_officer' && !params.note) return t(lang, 'mc.reason.decidedNoNote');
  if (r.code === 'decision_overrides')
    return t(lang, 'mc.reason.overrides', { ...params, status: statusText(lang, String(params.status)) });
  if (r.code === 'cross_edition') {
    const std = editionText(lang, editionOfParams('std', params));
    return t(lang, 'reason.cross_edition', { std, tax: editionText(lang, editionOfParams('tax', params)) });
  }
  return t(lang, `reason.${r.code}`, params);
}

/** What is wrong with a code already in the target column. */
export function existingReasonText(lang: Lang, r: ReportReason): string {
  const params = r.params ?? {};
  // A decision of "no tax commune" names no code.
  const decision = r.code === 'decided' && params.decision === undefined;
  return t(lang, `mc.existingReason.${r.code}`, {
    ...params,
    ...(decision ? { decision: t(lang, 'mc.existingReason.noTaxCommune') } : {}),
  });
}

/** Where a decision was read: a line of a CSV file, or a row of an earlier output's review sheet. */
export function sourceText(lang: Lang, s: DecisionSource): string {
  const file = path.basename(s.file);
  return s.line !== undefined
    ? t(lang, 'mc.decision.atLine', { file, line: s.line })
    : t(lang, 'mc.decision.atRow', { file, sheet: s.sheet ?? '', row: s.row ?? 0 });
}

export function decisionProblemText(lang: Lang, p: DecisionProblem): string {
  const params: Record<string, string | number> = { ...p.params, at: sourceText(lang, p.at) };
  if (p.other) params.other = sourceText(lang, p.other);
  if (p.others) params.others = p.others.map((o) => `${o.code} (${sourceText(lang, o.source)})`).join(', ');
  return t(lang, p.key, params);
}

const texted = (lang: Lang, r: ReportReason, word: (lang: Lang, r: ReportReason) => string): TextedReason => ({
  code: r.code,
  text: word(lang, r),
  ...(r.params ? { params: r.params } : {}),
});

/** The result with the words of its reasons and editions; every field keeps its place in the JSON output. */
export function withTexts(result: MapCommunesResult, lang: Lang): MapCommunesReport {
  const rows = result.rows.map((r) => {
    // Assigning a field that exists keeps its place among the others.
    const row = { ...r } as TextedRow;
    row.reasons = r.reasons.map((x) => texted(lang, x, reasonText));
    if (r.existingReason) row.existingReason = texted(lang, r.existingReason, existingReasonText);
    return row;
  });
  const report = { ...result, rows } as MapCommunesReport;
  if (result.editions) report.editions = result.editions.map((e) => ({ ...e, text: editionLine(lang, e) }));
  return report;
}
