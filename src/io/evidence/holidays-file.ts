import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { DvcError, ExitCode } from '../../errors.js';
import { calendarFrom, type WorkCalendar } from '../../core/evidence/working-time.js';
import { dataDir } from '../shipped-data.js';
import { runningAsSea, seaAsset } from '../sea-assets.js';
import { stripBom } from '../../core/text/utf8.js';

export const SHIPPED_HOLIDAYS = 'vn-holidays.yaml';

/** The working calendar from a holiday file: the one given, else the editable one shipped in `data/`. */
export async function loadWorkCalendar(file?: string): Promise<{ calendar: WorkCalendar; file: string }> {
  const abs = file ?? path.join(dataDir(), SHIPPED_HOLIDAYS);
  let text: string;
  try {
    // dvc.exe carries the shipped list as an asset: there is no data/ folder beside it.
    const carried = file === undefined && runningAsSea() ? seaAsset(`data/${SHIPPED_HOLIDAYS}`) : null;
    text = carried ? carried.toString('utf8') : await readFile(abs, 'utf8');
  } catch (e) {
    throw new DvcError('evidence.holidays.unreadable', { file: abs, reason: (e as Error).message }, ExitCode.Usage);
  }
  let raw: unknown;
  try {
    raw = parse(stripBom(text));
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    throw new DvcError('evidence.holidays.unreadable', { file: abs, reason }, ExitCode.Usage);
  }
  const { calendar, problems } = calendarFrom(raw);
  if (problems.length > 0)
    throw new DvcError('evidence.holidays.bad', { file: abs, values: problems.slice(0, 5).join('; ') }, ExitCode.Usage);
  return { calendar, file: abs };
}
