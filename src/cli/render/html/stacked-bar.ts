import { esc } from './escape.js';
import { percent } from './format.js';

/**
 * A horizontal stacked bar (pure CSS). It is decoration: the same numbers are written as text next to it, so the
 * bar is hidden from screen readers.
 */
export interface BarPart {
  key: string;
  value: number;
  label: string;
}

export function stackedBar(parts: readonly BarPart[], total: number): string {
  const segs = parts
    .filter((p) => p.value > 0)
    .map(
      (p) =>
        `<span class="seg-${esc(p.key)}" style="width:${percent(p.value, total).toFixed(3)}%" title="${esc(p.label)}: ${p.value}"></span>`,
    )
    .join('');
  return `<div class="bar" aria-hidden="true">${segs}</div>`;
}

export function legend(parts: readonly { key: string; label: string }[]): string {
  return `<ul class="legend" aria-hidden="true">${parts.map((p) => `<li><i class="seg-${esc(p.key)}"></i>${esc(p.label)}</li>`).join('')}</ul>`;
}
