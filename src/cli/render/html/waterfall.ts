import type { Lang } from '../../../i18n/i18n.js';
import { t } from '../../../i18n/i18n.js';
import { esc } from './escape.js';
import { formatMs, percent } from './format.js';
import type { Timings } from './test-api-model.js';

/**
 * A timing waterfall in pure CSS: one row per phase (DNS, connect, TLS, time to first byte, download), each bar
 * starting where the previous phases ended, on the scale of the whole request. The durations are written as text
 * in the same table, so the bars are decoration.
 */
export const WATERFALL_PHASES = ['dns', 'connect', 'tls', 'ttfb', 'download'] as const;

export function waterfall(timings: Timings, lang: Lang, caption: string): string {
  const durations = WATERFALL_PHASES.map((k) => timings[k] ?? null);
  const sum = durations.reduce<number>((s, d) => s + (d ?? 0), 0);
  const total = Math.max(timings.total ?? 0, sum) || 1;
  let offset = 0;
  const rows = WATERFALL_PHASES.map((phase, i) => {
    const d = durations[i];
    const left = percent(offset, total);
    const width = d === null ? 0 : Math.max(percent(d, total), d > 0 ? 0.4 : 0);
    offset += d ?? 0;
    const bar =
      d === null ? '' : `<span class="w-${phase}" style="left:${left.toFixed(2)}%;width:${width.toFixed(2)}%"></span>`;
    return `<tr data-phase="${phase}"><th scope="row">${esc(t(lang, `html.api.phase.${phase}`))}</th><td class="num">${d === null ? esc(t(lang, 'html.api.phaseSkipped')) : formatMs(lang, d)}</td><td class="wf-cell"><div class="wf" aria-hidden="true">${bar}</div></td></tr>`;
  }).join('');
  return `<table class="waterfall"><caption>${esc(caption)}</caption><thead><tr><th scope="col">${esc(t(lang, 'html.api.phase'))}</th><th scope="col" class="num">${esc(t(lang, 'html.api.duration'))}</th><th scope="col">${esc(t(lang, 'html.api.timeline'))}</th></tr></thead><tbody>${rows}<tr data-phase="total"><th scope="row">${esc(t(lang, 'html.api.phase.total'))}</th><td class="num">${formatMs(lang, timings.total ?? sum)}</td><td></td></tr></tbody></table>`;
}

export const WATERFALL_CSS = `
table.waterfall { max-width: 52rem; }
table.waterfall td.wf-cell { width: 60%; }
.wf { position: relative; height: 1rem; background: var(--soft); }
.wf span { position: absolute; top: 0; bottom: 0; }
.w-dns { background: var(--w-dns); } .w-connect { background: var(--w-connect); } .w-tls { background: var(--w-tls); }
.w-ttfb { background: var(--w-ttfb); } .w-download { background: var(--w-download); }
`;
