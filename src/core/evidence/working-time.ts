/**
 * Working time of Vietnamese public administration, for the deadline of step 3 of 3252/VPCP-KSTT ("Thời hạn xử
 * lý trong vòng 8h làm việc"): Monday to Friday, working hours of the day, public holidays off, compensatory
 * Saturdays on. All times are Vietnam time (UTC+7, no daylight saving); instants are ms since the epoch.
 */
export interface WorkCalendar {
  /** Working intervals of a day, minutes after midnight, in order. */
  hours: ReadonlyArray<readonly [number, number]>;
  /** YYYY-MM-DD days off that would be working days. */
  holidays: ReadonlySet<string>;
  /** YYYY-MM-DD weekend days that are working days. */
  workdays: ReadonlySet<string>;
}

export const VN_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export const DEFAULT_HOURS: ReadonlyArray<readonly [number, number]> = [
  [8 * 60, 12 * 60],
  [13 * 60, 17 * 60],
];

/** "08:00" → 480; undefined for anything else. */
export function parseClock(s: string): number | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(s.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function ymd(localDayStartMs: number): string {
  return new Date(localDayStartMs).toISOString().slice(0, 10);
}

export function isWorkingDay(localDayStartMs: number, cal: WorkCalendar): boolean {
  const day = ymd(localDayStartMs);
  const weekday = new Date(localDayStartMs).getUTCDay();
  if (cal.workdays.has(day)) return true;
  return weekday !== 0 && weekday !== 6 && !cal.holidays.has(day);
}

/**
 * The instant `hours` working hours after `startMs`. Time outside working hours does not count; a start outside
 * them begins at the next working minute. Searches at most ten years ahead (a calendar with no working day).
 */
export function addWorkingHours(startMs: number, hours: number, cal: WorkCalendar): number | undefined {
  let remaining = hours * 60;
  const local = startMs + VN_OFFSET_MS;
  let dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  let cursor = (local - dayStart) / MINUTE_MS;
  for (let i = 0; i < 3660; i++, dayStart += DAY_MS, cursor = 0) {
    if (!isWorkingDay(dayStart, cal)) continue;
    for (const [s, e] of cal.hours) {
      if (cursor >= e) continue;
      const from = Math.max(cursor, s);
      if (remaining <= e - from) return dayStart + (from + remaining) * MINUTE_MS - VN_OFFSET_MS;
      remaining -= e - from;
    }
  }
  return undefined;
}

/** "2026-11-19 09:30" or "2026-11-19T09:30[:ss]" as Vietnam time, or a full ISO instant with its offset. */
export function parseVnTime(s: string): number | undefined {
  const t = s.trim();
  if (/[zZ]$|[+-]\d{2}:?\d{2}$/.test(t)) {
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? undefined : ms;
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return undefined;
  const [y, mo, d, h = '0', mi = '0', se = '0'] = m.slice(1);
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, +se);
  const back = new Date(ms);
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59) return undefined;
  return ms - VN_OFFSET_MS;
}

/** An instant as Vietnam time, `YYYY-MM-DD HH:mm`. */
export function formatVnTime(ms: number): string {
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The calendar from the parsed holiday file; bad lines are returned as problems, never guessed. */
export function calendarFrom(raw: unknown): { calendar: WorkCalendar; problems: string[] } {
  const r = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const problems: string[] = [];
  const days = (v: unknown, name: string) => {
    const out = new Set<string>();
    for (const d of Array.isArray(v) ? v : []) {
      const s = d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
      if (/^\d{4}-\d{2}-\d{2}$/.test(s) && parseVnTime(s) !== undefined) out.add(s);
      else problems.push(`${name}: ${s}`);
    }
    return out;
  };
  const hours: Array<[number, number]> = [];
  for (const h of Array.isArray(r.hours) ? r.hours : []) {
    const [s, e] = Array.isArray(h) ? h.map((x) => parseClock(String(x))) : [];
    if (s !== undefined && e !== undefined && s < e) hours.push([s, e]);
    else problems.push(`hours: ${JSON.stringify(h)}`);
  }
  return {
    calendar: {
      hours: hours.length > 0 ? hours.sort((a, b) => a[0] - b[0]) : DEFAULT_HOURS,
      holidays: days(r.holidays, 'holidays'),
      workdays: days(r.workdays, 'workdays'),
    },
    problems,
  };
}
