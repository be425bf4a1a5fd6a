import { stringify } from 'csv-stringify/sync';

/**
 * The MAP table as CSV for Excel users: UTF-8 with a BOM (so Excel shows Vietnamese correctly), CRLF line ends,
 * RFC 4180 quoting (csv-stringify). A text cell that Excel would read as a formula (= + - @, or a leading tab or CR)
 * gets a leading apostrophe, so an opened CSV never computes anything (CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = v.normalize('NFC');
  return FORMULA_START.test(s) ? `'${s}` : s;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return stringify(
    rows.map((r) => r.map(cell)),
    { bom: true, record_delimiter: '\r\n', quoted_match: /[\r\n]/ },
  );
}
