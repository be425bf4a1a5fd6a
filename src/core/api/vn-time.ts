/**
 * Date formats of the land-obligation bodies, written in Vietnam time (UTC+7, no daylight saving) whatever the
 * machine's time zone, so a template built in CI at 23:30 UTC carries the next day's date like the portal would.
 */
export type VnTimeFormat = 'yyyyMMddHHmmss' | 'dd-MM-yyyy' | 'yyMMdd' | 'yyyy-MM-dd';

export const VN_TIME_FORMATS: readonly VnTimeFormat[] = ['yyyyMMddHHmmss', 'dd-MM-yyyy', 'yyMMdd', 'yyyy-MM-dd'];

const VN_OFFSET_MS = 7 * 3_600_000;

function two(n: number): string {
  return String(n).padStart(2, '0');
}

export function formatVnTime(date: Date, format: VnTimeFormat): string {
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  const yyyy = String(d.getUTCFullYear()).padStart(4, '0');
  const MM = two(d.getUTCMonth() + 1);
  const dd = two(d.getUTCDate());
  switch (format) {
    case 'yyyyMMddHHmmss':
      return `${yyyy}${MM}${dd}${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}`;
    case 'dd-MM-yyyy':
      return `${dd}-${MM}-${yyyy}`;
    case 'yyMMdd':
      return `${yyyy.slice(2)}${MM}${dd}`;
    case 'yyyy-MM-dd':
      return `${yyyy}-${MM}-${dd}`;
  }
}

/** An instant in Hà Nội time with its offset, for reports: `2026-12-07 09:30:05 +07:00`. */
export function formatVnInstant(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const d = new Date(date.getTime() + VN_OFFSET_MS);
  const day = `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  return `${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +07:00`;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** True for a real calendar date written dd-MM-yyyy (31-02-2024 is false). */
export function isDdMmYyyy(s: string): boolean {
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(s);
  return m !== null && validDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** True for a real moment written yyyyMMddHHmmss. */
export function isYyyyMmDdHhMmSs(s: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(s);
  return (
    m !== null &&
    validDate(Number(m[1]), Number(m[2]), Number(m[3])) &&
    Number(m[4]) < 24 &&
    Number(m[5]) < 60 &&
    Number(m[6]) < 60
  );
}
