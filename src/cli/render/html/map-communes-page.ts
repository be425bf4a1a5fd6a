/**
 * HTML report of `dvc map-communes`.
 *
 *   renderMapCommunesHtml(result: MapCommunesResult, opts: { lang: Lang; title?: string }): string
 *
 * `result` is the command's JSON result (see map-communes-model.ts; missing optional fields are tolerated). The
 * page is one self-contained file: totals, a stacked bar per province with its numbers as text, and every row that
 * is not an exact match in a table that filters by status and province, searches names with or without
 * diacritics, shows each row's reasons and candidates, and pages by 200 so that a country-wide run stays fast.
 * Pure: no file system, no clock; the caller writes the string with writeFileAtomic.
 */
import type { Lang } from '../../../i18n/i18n.js';
import { t } from '../../../i18n/i18n.js';
import { esc, jsonForScript } from './escape.js';
import { formatInt, locale } from './format.js';
import { renderPage } from './page.js';
import { legend, stackedBar } from './stacked-bar.js';
import { MAP_COMMUNES_SCRIPT } from './map-communes-script.js';
import { EXISTING_VERDICTS } from '../../../app/map-communes/map-communes-result.js';
import { displayName } from '../../../app/map-communes/present.js';
import {
  MATCH_STATUSES,
  countKey,
  provinceCounts,
  reviewRows,
  summaryCounts,
  type MapCommunesResult,
} from './map-communes-model.js';

export type { MapCommunesResult } from './map-communes-model.js';

export interface HtmlOptions {
  lang: Lang;
  /** Overrides the page title. */
  title?: string;
}

const REVIEW_STATUSES = MATCH_STATUSES.filter((s) => s !== 'exact');

/**
 * Widths of the review table's columns, in per cent, for a fixed layout: a long name, reason or officer's code
 * wraps inside its cell instead of pushing the table past the page.
 */
const REVIEW_COLUMN_WIDTHS = [9, 12, 12, 7, 12, 23, 14, 11];

type Translate = (key: string, params?: Record<string, string | number>) => string;

interface PageParts {
  lang: Lang;
  T: Translate;
  statusLabel: (s: string) => string;
}

function filesHtml(result: MapCommunesResult, { T }: PageParts): string {
  const files = [
    ['html.map.input', result.input],
    ['html.map.output', result.output],
    ['html.map.mapOut', result.mapOut],
  ].filter(([, v]) => v);
  return files.length
    ? `<dl class="files">${files.map(([k, v]) => `<dt>${esc(T(k as string))}</dt><dd class="mono">${esc(v)}</dd>`).join('')}</dl>`
    : '';
}

function cardsHtml(summary: ReturnType<typeof summaryCounts>, { lang, T, statusLabel }: PageParts): string {
  const existing = summary.existing;
  const cards: [string, string, number | undefined][] = [
    ['rows', T('html.map.rows'), summary.rows],
    ...MATCH_STATUSES.map((s) => [countKey(s), statusLabel(s), summary[countKey(s)]] as [string, string, number]),
    ['taxUnused', T('html.map.taxUnused'), summary.taxUnused ?? undefined],
    ['conflicts', T('html.map.conflicts'), summary.conflicts ?? undefined],
    ...EXISTING_VERDICTS.filter(
      () => existing && (existing.confirmed ?? 0) + (existing.differs ?? 0) + (existing.unchecked ?? 0) > 0,
    ).map((v) => [`existing-${v}`, T(`mc.existing.${v}`), existing?.[v]] as [string, string, number | undefined]),
    // A part of the verdicts above, and the plainest mistake: shown when there is one.
    ...(existing?.notInTaxSheet
      ? [['existing-notInTaxSheet', T('mc.existing.notInTaxSheet'), existing.notInTaxSheet] as [string, string, number]]
      : []),
  ];
  return `<ul class="cards" aria-label="${esc(T('html.map.summary'))}">${cards
    .filter(([, , v]) => v !== undefined)
    .map(
      ([k, label, v]) =>
        `<li data-count="${esc(k)}"><span class="v">${formatInt(lang, v as number)}</span>${esc(label)}</li>`,
    )
    .join('')}</ul>`;
}

function verdictHtml(result: MapCommunesResult, summary: ReturnType<typeof summaryCounts>, { T }: PageParts): string {
  // The verdict follows the counts, not `ok` (a run that completed is `ok` even with rows left to review).
  const toReview =
    (summary.ambiguous ?? 0) + (summary.notFound ?? 0) + (summary.conflicts ?? 0) + (summary.existing?.differs ?? 0);
  return toReview > 0 || result.ok === false
    ? `<p><span class="badge bad">${esc(T('html.map.needsReview'))}</span></p>`
    : `<p><span class="badge ok">${esc(T('html.map.allMatched'))}</span></p>`;
}

function provinceTableHtml(provinces: ReturnType<typeof provinceCounts>, { lang, T, statusLabel }: PageParts): string {
  const provinceRows = provinces
    .map((p) => {
      const total = p.rows ?? MATCH_STATUSES.reduce((n, s) => n + (p[countKey(s)] ?? 0), 0);
      const parts = MATCH_STATUSES.map((s) => ({ key: s, value: p[countKey(s)] ?? 0, label: statusLabel(s) }));
      const cells = MATCH_STATUSES.map(
        (s) => `<td class="num" data-count="${countKey(s)}">${formatInt(lang, p[countKey(s)] ?? 0)}</td>`,
      ).join('');
      // As the review rows name it (legacy fonts decoded), so that the province filter finds its rows.
      const shownName = p.provinceName ? displayName(p.provinceName) : '';
      const name = shownName || p.provinceCode || '–';
      const code = p.provinceCode ? ` <span class="muted mono nowrap">${esc(p.provinceCode)}</span>` : '';
      return `<tr data-province="${esc(shownName)}"><th scope="row">${esc(name)}${code}</th><td class="num" data-count="rows">${formatInt(lang, total)}</td>${cells}<td>${stackedBar(parts, total)}</td></tr>`;
    })
    .join('\n');
  return `
<h2 id="by-province">${esc(T('html.map.byProvince'))}</h2>
${legend(MATCH_STATUSES.map((s) => ({ key: s, label: statusLabel(s) })))}
<table class="provinces">
<caption>${esc(T('html.map.byProvinceCaption', { count: provinces.length }))}</caption>
<thead><tr><th scope="col">${esc(T('html.map.province'))}</th><th scope="col" class="num">${esc(T('html.map.rows'))}</th>${MATCH_STATUSES.map((s) => `<th scope="col" class="num">${esc(statusLabel(s))}</th>`).join('')}<th scope="col">${esc(T('html.map.chart'))}</th></tr></thead>
<tbody>
${provinceRows}
</tbody>
</table>`;
}

/** The rows to review, filterable; it opens on the rows that need a decision ("cần rà soát"). */
function reviewSectionHtml(review: ReturnType<typeof reviewRows>, { lang, T, statusLabel }: PageParts): string {
  const provinceNames = [...new Set(review.map((r) => r.p))].sort((a, b) => a.localeCompare(b, 'vi'));
  return `
<h2 id="review-heading">${esc(T('html.map.review'))}</h2>
<p class="lead">${esc(T('html.map.reviewLead'))}</p>
<div class="controls" role="search">
  <div><label for="f-status">${esc(T('html.map.filterStatus'))}</label>
    <select id="f-status"><option value="review" selected>${esc(T('html.map.filter.review'))}</option><option value="">${esc(T('html.map.all'))}</option>${REVIEW_STATUSES.map((s) => `<option value="${s}">${esc(statusLabel(s))}</option>`).join('')}</select></div>
  <div><label for="f-province">${esc(T('html.map.filterProvince'))}</label>
    <select id="f-province"><option value="">${esc(T('html.map.all'))}</option>${provinceNames.map((p) => `<option value="${esc(p)}">${esc(p || '–')}</option>`).join('')}</select></div>
  <div><label for="f-search">${esc(T('html.map.search'))}</label>
    <input id="f-search" type="search" autocomplete="off" placeholder="${esc(T('html.map.searchHint'))}"></div>
  <p id="review-count" aria-live="polite" role="status">${esc(T('html.map.count', { shown: formatInt(lang, review.length), total: formatInt(lang, review.length), decide: formatInt(lang, review.filter((r) => r.x === 1).length) }))}</p>
</div>
<noscript><p>${esc(T('html.map.noscript'))}</p></noscript>
<p class="print-only">${esc(T('html.map.printNote'))}</p>
<div id="review" data-pending="1">
<table class="review">
<caption>${esc(T('html.map.reviewCaption'))}</caption>
<colgroup>${REVIEW_COLUMN_WIDTHS.map((w) => `<col style="width:${w}%">`).join('')}</colgroup>
<thead><tr><th scope="col">${esc(T('html.map.where'))}</th><th scope="col">${esc(T('html.map.provinceDistrict'))}</th><th scope="col">${esc(T('html.map.name'))}</th><th scope="col">${esc(T('html.map.code'))}</th><th scope="col">${esc(T('html.map.status'))}</th><th scope="col">${esc(T('html.map.tax'))}</th><th scope="col">${esc(T('html.map.reasons'))}</th><th scope="col">${esc(T('html.map.candidates'))}</th></tr></thead>
<tbody id="review-body"></tbody>
</table>
</div>
<nav class="pager" aria-label="${esc(T('html.map.pages'))}">
  <button type="button" id="page-prev">${esc(T('html.map.prev'))}</button>
  <span id="page-info"></span>
  <button type="button" id="page-next">${esc(T('html.map.next'))}</button>
</nav>
<script type="application/json" id="review-data">${jsonForScript(review)}</script>
<script type="application/json" id="review-labels">${jsonForScript({
    locale: locale(lang),
    status: Object.fromEntries(MATCH_STATUSES.map((s) => [s, statusLabel(s)])),
    verdict: Object.fromEntries(EXISTING_VERDICTS.map((v) => [v, T(`mc.existing.${v}`)])),
    existing: T('html.map.existing'),
    notInTax: T('mc.existing.notInTaxSheet'),
    count: T('html.map.count'),
    page: T('html.map.page'),
    none: T('html.map.none'),
  })}</script>`;
}

/** The edition of each sheet, province by province; a mismatch is marked. */
function editionsSection(result: MapCommunesResult, T: Translate): string {
  const editions = (result.editions ?? []).filter((e) => e.text);
  if (!editions.length) return '';
  const items = editions.map((e) => `<li${e.mismatch ? ' class="bad"' : ''}>${esc(e.text)}</li>`).join('');
  return `<h2 id="editions">${esc(T('mc.editions.title'))}</h2>\n<ul class="editions">${items}</ul>`;
}

export function renderMapCommunesHtml(result: MapCommunesResult, opts: HtmlOptions): string {
  const { lang } = opts;
  const T: Translate = (key, params) => t(lang, key, params);
  const parts: PageParts = { lang, T, statusLabel: (s) => T(`html.status.${s}`) };
  const summary = summaryCounts(result);
  const title = opts.title ?? T('html.map.title');
  const body = [
    `<h1>${esc(title)}</h1>`,
    `${verdictHtml(result, summary, parts)}${filesHtml(result, parts)}`,
    cardsHtml(summary, parts),
    editionsSection(result, parts.T),
    provinceTableHtml(provinceCounts(result), parts),
    reviewSectionHtml(reviewRows(result), parts),
  ].join('\n');
  return renderPage({ lang, title, body, script: MAP_COMMUNES_SCRIPT, css: MAP_CSS });
}

const MAP_CSS = `
dl.files { display: grid; grid-template-columns: max-content 1fr; gap: .1rem 1rem; margin: .25rem 0 .75rem; }
dl.files dt { font-weight: 600; } dl.files dd { margin: 0; word-break: break-all; }
table.provinces td:last-child { width: 30%; }
table.review th.name { font-weight: 600; background: none; }
#review-count { margin: 0; font-weight: 600; }
table.review { table-layout: fixed; }
table.review td, table.review th { overflow-wrap: anywhere; }
table.review td.mono { overflow-wrap: normal; }
table.review .badge { white-space: normal; }
table.review .existing { margin-top: .3rem; padding: .15rem .4rem; border-radius: .3rem; font-size: .88rem; color: var(--muted); }
table.review .existing.bad { color: var(--bad-fg); background: var(--bad-bg); font-weight: 600; }
table.review .existing .why { font-weight: 400; }
.nowrap { white-space: nowrap; }
`;
