/**
 * MS-DOS date and time fields of a zip entry, computed in UTC. yazl and fflate compute them in the local time
 * zone, so the same bundle made in Hà Nội and in New York would differ; computing them here makes the bytes
 * independent of TZ. DOS time has 2-second resolution and covers 1980–2107; values outside are clamped.
 */
export interface DosDateTime {
  date: number;
  time: number;
}

const MIN = Date.UTC(1980, 0, 1);
const MAX = Date.UTC(2107, 11, 31, 23, 59, 58);

export function dosDateTimeUtc(ms: number): DosDateTime {
  const d = new Date(Math.min(Math.max(ms, MIN), MAX));
  return {
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
  };
}

/** Unix seconds for the extended-timestamp extra field (0x5455), clamped to its unsigned 32-bit range. */
export function unixSeconds(ms: number): number {
  return Math.min(Math.max(Math.floor(ms / 1000), 0), 0xffffffff);
}
