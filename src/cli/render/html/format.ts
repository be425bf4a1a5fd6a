import type { Lang } from '../../../i18n/i18n.js';

/** Numbers, sizes and durations written the way a reader of each language expects (1.234 in vi, 1,234 in en). */
export function locale(lang: Lang): string {
  return lang === 'vi' ? 'vi-VN' : 'en-GB';
}

export function formatInt(lang: Lang, n: number | undefined | null): string {
  if (n === undefined || n === null || !Number.isFinite(n)) return '–';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 0 }).format(n);
}

export function formatMs(lang: Lang, ms: number | undefined | null): string {
  if (ms === undefined || ms === null || !Number.isFinite(ms)) return '–';
  const digits = ms < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(ms)} ms`;
}

/** One formatter per locale and precision: a page of ten thousand files makes no ten thousand formatters. */
const formatters = new Map<string, Intl.NumberFormat>();
function numberFormat(loc: string, digits: number): Intl.NumberFormat {
  const key = `${loc}/${digits}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(loc, { maximumFractionDigits: digits })));
  return f;
}

export function formatBytes(lang: Lang, bytes: number | undefined | null): string {
  if (bytes === undefined || bytes === null || !Number.isFinite(bytes)) return '–';
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${numberFormat(locale(lang), i === 0 ? 0 : 1).format(v)} ${units[i]}`;
}

export function percent(part: number, whole: number): number {
  return whole > 0 ? (part / whole) * 100 : 0;
}
