/**
 * The MAP table as CSV for Excel users: UTF-8 with a BOM (so Excel shows Vietnamese correctly), CRLF line ends,
 * RFC 4180 quoting. A text cell that Excel would read as a formula (= + - @, or a leading tab or CR) gets a
 * leading apostrophe, so an opened CSV never computes anything (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  let s = v.normalize('NFC');
  if (FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\ufeff${rows.map((r) => r.map(field).join(',')).join('\r\n')}\r\n`;
}
