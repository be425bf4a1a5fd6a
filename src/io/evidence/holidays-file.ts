import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { DvcError, ExitCode, isDvcError } from '../../errors.js';
import { calendarFrom, type WorkCalendar } from '../../core/evidence/working-time.js';
import { dataDir } from '../shipped-data.js';
import { runningAsSea, seaAsset } from '../sea-assets.js';
import { stripBom } from '../../core/text/utf8.js';

export const SHIPPED_HOLIDAYS = 'vn-holidays.yaml';

/** A holiday file is a few kilobytes; anything past this is not one (a device, a log, a wrong path). */
export const HOLIDAYS_MAX_BYTES = 256 * 1024;
const HOLIDAY_KEYS = ['hours', 'holidays', 'workdays'];

/** A regular file under the size limit, checked before a byte is read. */
async function assertHolidayFile(abs: string): Promise<void> {
  const st = await stat(abs).catch((e: unknown) => {
    throw new DvcError('evidence.holidays.unreadable', { file: abs, reason: (e as Error).message }, ExitCode.Usage);
  });
  if (!st.isFile()) throw new DvcError('evidence.holidays.notFile', { file: abs }, ExitCode.Usage);
  if (st.size > HOLIDAYS_MAX_BYTES)
    throw new DvcError(
      'evidence.holidays.tooLarge',
      { file: abs, size: st.size, max: HOLIDAYS_MAX_BYTES },
      ExitCode.Usage,
    );
}

/** The documented shape: a mapping of hours / holidays / workdays lists, and nothing else. */
function assertHolidayShape(abs: string, raw: unknown): void {
  const isMap = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  const keys = isMap ? Object.keys(raw) : [];
  const ok =
    isMap &&
    keys.length > 0 &&
    keys.every((k) => HOLIDAY_KEYS.includes(k)) &&
    keys.every((k) => Array.isArray((raw as Record<string, unknown>)[k]));
  if (!ok) throw new DvcError('evidence.holidays.format', { file: abs, keys: HOLIDAY_KEYS.join(', ') }, ExitCode.Usage);
}

/** The working calendar from a holiday file: the one given, else the editable one shipped in `data/`. */
export async function loadWorkCalendar(file?: string): Promise<{ calendar: WorkCalendar; file: string }> {
  const abs = file ?? path.join(dataDir(), SHIPPED_HOLIDAYS);
  let text: string;
  try {
    // dvc.exe carries the shipped list as an asset: there is no data/ folder beside it.
    const carried = file === undefined && runningAsSea() ? seaAsset(`data/${SHIPPED_HOLIDAYS}`) : null;
    if (!carried) await assertHolidayFile(abs);
    text = carried ? carried.toString('utf8') : await readFile(abs, 'utf8');
  } catch (e) {
    if (isDvcError(e)) throw e;
    throw new DvcError('evidence.holidays.unreadable', { file: abs, reason: (e as Error).message }, ExitCode.Usage);
  }
  let raw: unknown;
  try {
    raw = parse(stripBom(text));
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    throw new DvcError('evidence.holidays.unreadable', { file: abs, reason }, ExitCode.Usage);
  }
  assertHolidayShape(abs, raw);
  const { calendar, problems } = calendarFrom(raw);
  if (problems.length > 0)
    throw new DvcError('evidence.holidays.bad', { file: abs, values: problems.slice(0, 5).join('; ') }, ExitCode.Usage);
  return { calendar, file: abs };
}
