/**
 * The map-communes JSON result as the HTML report reads it. Written structurally and loosely on purpose: the
 * report accepts the result of any version of the command (optional fields may be missing, reasons may be
 * objects or strings) and never throws on a field it does not know.
 */
export const MATCH_STATUSES = ['exact', 'normalised', 'decided', 'ambiguous', 'not_found'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export interface MapCandidate {
  code?: string;
  name?: string;
  district?: string;
  score?: number;
}

export interface MapRow {
  sheet?: string;
  rowNumber?: number;
  provinceName?: string;
  districtName?: string;
  code?: string;
  name?: string;
  status: string;
  method?: string;
  reasons?: ({ code?: string; text?: string } | string)[];
  taxCode?: string | null;
  taxName?: string | null;
  candidates?: MapCandidate[];
}

export interface MapCounts {
  rows?: number;
  exact?: number;
  normalised?: number;
  decided?: number;
  ambiguous?: number;
  notFound?: number;
}

export interface MapProvince extends MapCounts {
  provinceCode?: string;
  provinceName?: string;
}

export interface MapCommunesResult {
  ok?: boolean;
  input?: string;
  output?: string;
  mapOut?: string;
  summary?: MapCounts & { taxUnused?: number; conflicts?: number };
  provinces?: MapProvince[];
  rows?: MapRow[];
  /** The edition of each sheet, province by province (a line of text each). */
  editions?: { text?: string; mismatch?: boolean }[];
}

/** The key of a status in the counts objects (`not_found` is counted as `notFound`). */
export function countKey(status: MatchStatus): keyof MapCounts {
  return status === 'not_found' ? 'notFound' : status;
}

/** Per-province counts: the result's own when it has them, else computed from its rows. */
export function provinceCounts(result: MapCommunesResult): MapProvince[] {
  if (result.provinces && result.provinces.length > 0) return result.provinces;
  const byName = new Map<string, MapProvince>();
  for (const row of result.rows ?? []) {
    const name = row.provinceName ?? '';
    let p = byName.get(name);
    if (!p) {
      p = { provinceName: name, rows: 0, exact: 0, normalised: 0, decided: 0, ambiguous: 0, notFound: 0 };
      byName.set(name, p);
    }
    p.rows = (p.rows ?? 0) + 1;
    if ((MATCH_STATUSES as readonly string[]).includes(row.status)) {
      const k = countKey(row.status as MatchStatus);
      p[k] = (p[k] ?? 0) + 1;
    }
  }
  return [...byName.values()];
}

/** Totals: the result's summary when present, else counted from the rows. */
export function summaryCounts(
  result: MapCommunesResult,
): Required<MapCounts> & { taxUnused?: number; conflicts?: number } {
  const counted = { rows: 0, exact: 0, normalised: 0, decided: 0, ambiguous: 0, notFound: 0 };
  for (const row of result.rows ?? []) {
    counted.rows++;
    if ((MATCH_STATUSES as readonly string[]).includes(row.status)) counted[countKey(row.status as MatchStatus)]++;
  }
  const s = result.summary ?? {};
  return {
    rows: s.rows ?? counted.rows,
    exact: s.exact ?? counted.exact,
    normalised: s.normalised ?? counted.normalised,
    decided: s.decided ?? counted.decided,
    ambiguous: s.ambiguous ?? counted.ambiguous,
    notFound: s.notFound ?? counted.notFound,
    taxUnused: s.taxUnused,
    conflicts: s.conflicts,
  };
}

/** The compact form of a review row embedded in the page for its script (short keys keep 2,000 rows small). */
export interface ReviewRowData {
  /** status */ s: string;
  /** province */ p: string;
  /** district */ d: string;
  /** name */ n: string;
  /** code */ c: string;
  /** sheet and row */ r: string;
  /** method */ m: string;
  /** reasons */ why: string[];
  /** tax code, tax name */ tc: string;
  tn: string;
  /** candidates: [code, name, district, score] */ k: [string, string, string, string][];
}

export function reviewRows(result: MapCommunesResult): ReviewRowData[] {
  return (result.rows ?? [])
    .filter((row) => row.status !== 'exact')
    .map((row) => ({
      s: row.status,
      p: row.provinceName ?? '',
      d: row.districtName ?? '',
      n: row.name ?? '',
      c: row.code ?? '',
      r: [row.sheet, row.rowNumber].filter((v) => v !== undefined && v !== '').join(' #'),
      m: row.method ?? '',
      why: (row.reasons ?? [])
        .map((x) => (typeof x === 'string' ? x : (x.text ?? x.code ?? '')))
        .filter((x) => x !== ''),
      tc: row.taxCode ?? '',
      tn: row.taxName ?? '',
      k: (row.candidates ?? []).map((c) => [
        c.code ?? '',
        c.name ?? '',
        c.district ?? '',
        c.score === undefined ? '' : String(Math.round(c.score * 100) / 100),
      ]),
    }));
}
