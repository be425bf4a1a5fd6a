import type { Lang } from '../../../i18n/i18n.js';
import { formatInt, formatMs } from './format.js';
import { esc } from './escape.js';

/**
 * A latency histogram as inline SVG: one bar per bin, vertical lines at p50, p90 and p99, the range written
 * under the axis. `role="img"` with a label that says what it shows; the figures are also in a table beside it.
 */
export interface HistogramInput {
  counts: number[];
  min: number;
  max: number;
  marks: { label: string; value: number | undefined }[];
  label: string;
  lang: Lang;
}

export function histogramSvg(h: HistogramInput): string {
  const W = 640;
  const H = 220;
  const pad = { l: 44, r: 12, t: 16, b: 34 };
  const plotW = W - pad.l - pad.r;
  const plotH = H - pad.t - pad.b;
  const peak = h.counts.reduce((m, n) => Math.max(m, n), 1);
  const bw = plotW / Math.max(1, h.counts.length);
  const x = (v: number) => pad.l + ((v - h.min) / (h.max - h.min)) * plotW;
  const bars = h.counts
    .map((c, i) => {
      const bh = (c / peak) * plotH;
      return `<rect x="${(pad.l + i * bw + 1).toFixed(1)}" y="${(pad.t + plotH - bh).toFixed(1)}" width="${Math.max(1, bw - 2).toFixed(1)}" height="${bh.toFixed(1)}" fill="#1565c0"><title>${formatInt(h.lang, c)}</title></rect>`;
    })
    .join('');
  const marks = h.marks
    .filter((m) => m.value !== undefined && Number.isFinite(m.value) && m.value >= h.min && m.value <= h.max)
    .map((m, i) => {
      const mx = x(m.value as number).toFixed(1);
      return `<line x1="${mx}" x2="${mx}" y1="${pad.t}" y2="${pad.t + plotH}" stroke="#a50e0e" stroke-width="1.5" stroke-dasharray="4 3"/><text x="${(Number(mx) + 3).toFixed(1)}" y="${pad.t + 10 + i * 13}" font-size="11" fill="#a50e0e">${esc(m.label)}</text>`;
    })
    .join('');
  const axis =
    `<line x1="${pad.l}" x2="${W - pad.r}" y1="${pad.t + plotH}" y2="${pad.t + plotH}" stroke="#4d4d4d"/>` +
    `<text x="${pad.l}" y="${H - 12}" font-size="12" fill="#1a1a1a">${esc(formatMs(h.lang, h.min))}</text>` +
    `<text x="${W - pad.r}" y="${H - 12}" font-size="12" fill="#1a1a1a" text-anchor="end">${esc(formatMs(h.lang, h.max))}</text>` +
    `<text x="${pad.l - 6}" y="${pad.t + 10}" font-size="12" fill="#1a1a1a" text-anchor="end">${formatInt(h.lang, peak)}</text>` +
    `<text x="${pad.l - 6}" y="${pad.t + plotH}" font-size="12" fill="#1a1a1a" text-anchor="end">0</text>`;
  return `<svg class="histogram" role="img" aria-label="${esc(h.label)}" viewBox="0 0 ${W} ${H}" width="100%" style="max-width:${W}px">${bars}${marks}${axis}</svg>`;
}
