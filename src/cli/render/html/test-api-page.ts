/**
 * HTML report of `dvc test-api`.
 *
 *   renderTestApiHtml(result: TestApiInput, opts: { lang: Lang; title?: string }): string
 *
 * `result` is one probe, an array of probes, or a whole run `{probes, load}` (see test-api-model.ts). For each
 * probe: its verdict, a timing waterfall, the checks with ✓/✗, the TLS certificate, and the request and response
 * with headers and pretty-printed bodies, credentials masked once more. For a load run: p50/p90/p99, throughput,
 * errors by kind and a latency histogram. Pure: returns the page as a string.
 */
import { formatVnInstant } from '../../../core/api/vn-time.js';
import type { Lang } from '../../../i18n/i18n.js';
import { t } from '../../../i18n/i18n.js';
import type { MessageParams } from '../../../errors.js';
import { esc } from './escape.js';
import { formatBytes, formatInt, formatMs } from './format.js';
import { renderPage } from './page.js';
import { WATERFALL_CSS, waterfall } from './waterfall.js';
import { histogramSvg } from './histogram.js';
import { maskHeaderMap, showBody } from './mask-fields.js';
import {
  histogramBins,
  toView,
  type MsgLike,
  type ProbeLike,
  type RepeatFigures,
  type TestApiInput,
} from './test-api-model.js';

export type { TestApiInput, ProbeLike, RunLike, RepeatFigures } from './test-api-model.js';

export function renderTestApiHtml(result: TestApiInput, opts: { lang: Lang; title?: string }): string {
  const { lang } = opts;
  const T = (key: string, params?: MessageParams) => t(lang, key, params);
  const view = toView(result);
  const title = opts.title ?? T('html.api.title');
  const passed = view.probes.filter((p) => p.ok === true).length;
  const summary = `<p class="lead" data-summary="${passed}/${view.probes.length}">${esc(T('html.api.summary', { passed, total: view.probes.length }))}</p>`;
  const toc =
    view.probes.length > 1
      ? `<nav aria-label="${esc(T('html.api.contents'))}"><ol>${view.probes.map((p, i) => `<li><a href="#probe-${i + 1}">${esc(probeName(p))}</a> ${verdict(p, lang)}</li>`).join('')}</ol></nav>`
      : '';
  const load = view.repeat ? loadSection(view.repeat, lang) : '';
  const probes = view.probes.map((p, i) => probeSection(p, i + 1, lang)).join('\n');
  const body = `<h1>${esc(title)}</h1>\n${summary}${toc}${load}${probes}`;
  return renderPage({ lang, title, body, css: WATERFALL_CSS + API_CSS });
}

function probeName(p: ProbeLike): string {
  return [p.dst, p.name ?? p.type].filter(Boolean).join(' · ') || p.url || '–';
}

function verdict(p: ProbeLike, lang: Lang): string {
  if (p.ok === true) return `<span class="badge ok">${esc(t(lang, 'html.api.passed'))}</span>`;
  if (p.ok === false) return `<span class="badge bad">${esc(t(lang, 'html.api.failed'))}</span>`;
  return '';
}

export function msgText(m: MsgLike, lang: Lang): string {
  if (m === undefined || m === null) return '';
  if (typeof m === 'string') return m;
  return t(lang, m.key, m.params ?? {});
}

function probeSection(p: ProbeLike, n: number, lang: Lang): string {
  const T = (key: string, params?: MessageParams) => t(lang, key, params);
  const id = `probe-${n}`;
  const facts: [string, string][] = [
    [T('html.api.url'), `<span class="mono">${esc(p.url ?? '–')}</span>`],
    [T('html.api.type'), esc(p.type ?? '–')],
    [T('html.api.dst'), esc(p.dst ?? '–')],
  ];
  if (p.response)
    facts.push([
      T('html.api.status'),
      `<span class="mono" data-status="${esc(p.response.status)}">${esc(p.response.status ?? '–')}</span> · ${esc(formatBytes(lang, p.response.bytes))}`,
    ]);
  if (p.proxy) facts.push([T('html.api.proxy'), `<span class="mono">${esc(p.proxy)}</span>`]);
  if (p.startedAt)
    facts.push([
      T('html.api.startedAt'),
      `<span class="mono">${esc(formatVnInstant(new Date(p.startedAt)) || p.startedAt)}</span>`,
    ]);
  const insecure = p.insecure ? `<p><span class="badge warn">${esc(T('html.api.insecure'))}</span></p>` : '';
  const fault = p.fault
    ? `<p class="check-bad" data-fault="${esc(p.fault.kind)}">${esc(msgText(p.fault.message, lang) || p.fault.code || p.fault.kind)}</p>`
    : '';
  const warnings = (p.warnings ?? []).map((w) => `<p class="check-warn">${esc(msgText(w, lang))}</p>`).join('');
  const checks = (p.checks ?? []).length
    ? `<h3 id="${id}-checks">${esc(T('html.api.checks'))}</h3><ul class="checks">${(p.checks ?? []).map((c) => `<li class="${c.ok ? 'check-ok' : 'check-bad'}" data-check="${esc(c.name)}" data-ok="${c.ok ? 1 : 0}"><span class="visually-hidden">${esc(c.ok ? T('html.api.passed') : T('html.api.failed'))}: </span><strong>${esc(c.name ?? '')}</strong> ${esc(msgText(c.message, lang))}</li>`).join('')}</ul>`
    : '';
  const timing = p.timings
    ? `<h3>${esc(T('html.api.timings'))}</h3>${waterfall(p.timings, lang, T('html.api.waterfallCaption', { name: probeName(p) }))}`
    : '';
  return `<section class="probe" id="${id}" aria-labelledby="${id}-h">
<h2 id="${id}-h">${esc(probeName(p))} ${verdict(p, lang)}</h2>
<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>
${insecure}${fault}${warnings}${checks}${timing}${tlsPart(p, lang)}${exchange(p, lang, id)}
</section>`;
}

function tlsPart(p: ProbeLike, lang: Lang): string {
  const c = p.tls;
  if (!c) return '';
  const T = (key: string, params?: MessageParams) => t(lang, key, params);
  const days = c.daysToExpiry;
  const cls = days === null || days === undefined ? '' : days < 0 ? 'bad' : days < 30 ? 'warn' : 'ok';
  const daysText =
    days === null || days === undefined
      ? ''
      : ` <span class="badge ${cls}">${esc(T('html.api.daysLeft', { days }))}</span>`;
  const rows: [string, string][] = [
    [T('html.api.tlsProtocol'), esc([c.protocol, c.cipher].filter(Boolean).join(' · ') || '–')],
    [T('html.api.tlsSubject'), esc(c.subject ?? '–')],
    [T('html.api.tlsIssuer'), esc(c.issuer ?? '–')],
    [T('html.api.tlsValidTo'), esc(c.validTo ?? '–') + daysText],
  ];
  return `<h3>${esc(T('html.api.tls'))}</h3><dl class="facts">${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${v}</dd>`).join('')}</dl>`;
}

function headersTable(headers: Record<string, unknown> | undefined, caption: string): string {
  const rows = maskHeaderMap(headers);
  if (rows.length === 0) return '';
  return `<table class="headers"><caption>${esc(caption)}</caption><tbody>${rows.map(([k, v]) => `<tr><th scope="row" class="mono">${esc(k)}</th><td class="mono">${esc(v)}</td></tr>`).join('')}</tbody></table>`;
}

function bodyBlock(body: unknown, label: string, lang: Lang): string {
  const shown = showBody(body);
  if (!shown.text) return `<p class="muted">${esc(label)}: ${esc(t(lang, 'html.api.emptyBody'))}</p>`;
  return `<figure class="probe-part"><figcaption>${esc(label)}</figcaption><pre>${esc(shown.text)}</pre></figure>`;
}

function exchange(p: ProbeLike, lang: Lang, id: string): string {
  const T = (key: string) => t(lang, key);
  const req = p.request
    ? `<h3 id="${id}-req">${esc(T('html.api.request'))} <span class="mono">${esc(p.request.method ?? '')}</span></h3>${headersTable(p.request.headers, T('html.api.requestHeaders'))}${bodyBlock(p.request.body, T('html.api.requestBody'), lang)}`
    : '';
  const res = p.response
    ? `<h3 id="${id}-res">${esc(T('html.api.response'))}</h3>${headersTable(p.response.headers, T('html.api.responseHeaders'))}${bodyBlock(p.response.body, T('html.api.responseBody'), lang)}`
    : '';
  return req + res;
}

function loadSection(r: RepeatFigures, lang: Lang): string {
  const T = (key: string, params?: MessageParams) => t(lang, key, params);
  const l = r.latency ?? {};
  const figures: [string, string, string][] = [
    ['count', T('html.api.requests'), formatInt(lang, r.count)],
    ['concurrency', T('html.api.concurrency'), formatInt(lang, r.concurrency)],
    [
      'throughput',
      T('html.api.throughput'),
      r.throughput === undefined
        ? '–'
        : `${new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 }).format(r.throughput)} req/s`,
    ],
    ['min', 'min', formatMs(lang, l.min)],
    ['p50', 'p50', formatMs(lang, l.p50)],
    ['p90', 'p90', formatMs(lang, l.p90)],
    ['p99', 'p99', formatMs(lang, l.p99)],
    ['max', 'max', formatMs(lang, l.max)],
  ];
  const cards = `<ul class="cards">${figures.map(([k, label, v]) => `<li data-figure="${k}"><span class="v">${esc(v)}</span>${esc(label)}</li>`).join('')}</ul>`;
  const errors = Object.entries(r.errors ?? {});
  const errorsTable = errors.length
    ? `<table class="errors"><caption>${esc(T('html.api.errorsByKind'))}</caption><thead><tr><th scope="col">${esc(T('html.api.errorKind'))}</th><th scope="col" class="num">${esc(T('html.api.errorCount'))}</th></tr></thead><tbody>${errors.map(([k, v]) => `<tr><th scope="row" class="mono">${esc(k)}</th><td class="num">${formatInt(lang, v)}</td></tr>`).join('')}</tbody></table>`
    : `<p class="check-ok">${esc(T('html.api.noErrors'))}</p>`;
  const bins = histogramBins(r);
  const hist = bins
    ? `<figure class="probe-part"><figcaption>${esc(T('html.api.histogram'))}</figcaption>${histogramSvg({
        ...bins,
        lang,
        label: T('html.api.histogramLabel', {
          count: r.count ?? bins.counts.reduce((a, b) => a + b, 0),
          p50: formatMs(lang, l.p50),
          p90: formatMs(lang, l.p90),
          p99: formatMs(lang, l.p99),
        }),
        marks: [
          { label: 'p50', value: l.p50 },
          { label: 'p90', value: l.p90 },
          { label: 'p99', value: l.p99 },
        ],
      })}</figure>`
    : '';
  return `<section class="load" aria-labelledby="load-h"><h2 id="load-h">${esc(T('html.api.load'))}</h2>${cards}${hist}${errorsTable}</section>`;
}

const API_CSS = `
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .25rem 0 .75rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; word-break: break-all; }
ul.checks { list-style: none; padding-left: 0; } ul.checks li { margin: .15rem 0; }
table.headers { max-width: 60rem; } table.headers th { width: 16rem; background: none; }
figure { margin: .5rem 0 1rem; } figcaption { font-weight: 600; margin-bottom: .2rem; }
section.probe { border-top: 3px solid var(--line); margin-top: 2rem; }
`;
