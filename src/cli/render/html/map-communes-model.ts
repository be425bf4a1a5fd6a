/**
 * The map-communes result as the HTML report reads it: the command's own result type (one definition, in
 * app/map-communes/map-communes-result.ts), every field optional, so that the report also reads the saved JSON of
 * an older version (optional fields may be missing, reasons may be objects or strings) and never throws on a
 * field it does not know.
 */
import {
  MATCH_STATUSES,
  type ExistingCounts,
  type MapCommunesResult as Result,
  type MatchStatus,
  type ProvinceReport,
  type ReportRow,
  type Summary,
} from '../../../app/map-communes/map-communes-result.js';
import type { TextedEdition, TextedReason } from '../map-communes/map-communes-words.js';
import { shownName } from '../../../app/map-communes/present.js';

export { MATCH_STATUSES, type MatchStatus };

export type MapCandidate = Partial<ReportRow['candidates'][number]>;

export type MapRow = Omit<
  Partial<ReportRow>,
  'status' | 'reasons' | 'existingReason' | 'candidates' | 'taxCode' | 'taxName'
> & {
  status: string;
  taxCode?: string | null;
  taxName?: string | null;
  reasons?: (Partial<TextedReason> | string)[];
  existingReason?: Partial<TextedReason>;
  candidates?: MapCandidate[];
};

export type MapCounts = Partial<Omit<Summary, 'existing'>> & { existing?: Partial<ExistingCounts> };

export type MapProvince = MapCounts & Partial<Pick<ProvinceReport, 'provinceCode' | 'provinceName'>>;

export type MapCommunesResult = Omit<
  Partial<Result>,
  'ok' | 'output' | 'mapOut' | 'rows' | 'summary' | 'provinces' | 'editions'
> & {
  ok?: boolean;
  editions?: TextedEdition[];
  output?: string | null;
  mapOut?: string | null;
  summary?: MapCounts;
  provinces?: MapProvince[];
  rows?: MapRow[];
};

/** The key of a status in the counts objects (`not_found` is counted as `notFound`). */
export function countKey(status: MatchStatus): 'exact' | 'normalised' | 'decided' | 'ambiguous' | 'notFound' {
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
): Record<'rows' | 'exact' | 'normalised' | 'decided' | 'ambiguous' | 'notFound', number> &
  Pick<MapCounts, 'taxUnused' | 'conflicts' | 'existing'> {
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
    existing: s.existing,
  };
}

/** The compact form of a review row embedded in the page for its script (short keys keep 2,000 rows small). */
export interface ReviewRowData {
  /** status */ s: string;
  /** needs a decision: 1, else 0 */ x: 0 | 1;
  /** province */ p: string;
  /** district */ d: string;
  /** name */ n: string;
  /** code */ c: string;
  /** sheet and row */ r: string;
  /** method */ m: string;
  /** reasons */ why: string[];
  /** tax code, tax name */ tc: string;
  tn: string;
  /** existing code, its name and the verdict on it ("" when the cell was empty) */ ec: string;
  en: string;
  ev: string;
  /** what is wrong with the existing code ("" when nothing is); 1 when the code is not in the tax sheet */ er: string;
  ni: 0 | 1;
  /** candidates: [code, name, district, score as a percentage] */ k: [string, string, string, string][];
}

/** The rows an officer must decide: no code found, or dvc disagrees with the code already there. */
function needsDecision(row: MapRow): boolean {
  if (row.status === 'decided') return false;
  return row.status === 'ambiguous' || row.status === 'not_found' || row.existingVerdict === 'differs';
}

function reviewRowOf(row: MapRow): ReviewRowData {
  return {
    s: row.status,
    x: needsDecision(row) ? 1 : 0,
    p: shownName(row.provinceName),
    d: shownName(row.districtName),
    n: shownName(row.name),
    c: row.code ?? '',
    r: [row.sheet, row.rowNumber].filter((v) => v !== undefined && v !== '').join(' #'),
    m: row.method ?? '',
    why: (row.reasons ?? []).map((x) => (typeof x === 'string' ? x : (x.text ?? x.code ?? ''))).filter((x) => x !== ''),
    tc: row.taxCode ?? '',
    tn: shownName(row.taxName),
    ec: row.existingCode ?? '',
    en: shownName(row.existingName),
    ev: row.existingVerdict ?? '',
    er: row.existingReason?.text ?? '',
    ni: row.existingCode && row.existingInTaxSheet === false ? 1 : 0,
    k: (row.candidates ?? []).map((c) => [
      c.code ?? '',
      shownName(c.name),
      shownName(c.district),
      // As the workbook shows it: 0.73 is "73%".
      typeof c.score === 'number' ? `${Math.round(c.score * 100)}%` : '',
    ]),
  };
}

/** Every row that is not a plain exact match, those that need a decision first. */
export function reviewRows(result: MapCommunesResult): ReviewRowData[] {
  const listed = (result.rows ?? []).filter((row) => row.status !== 'exact' || row.existingVerdict === 'differs');
  const out = listed.map(reviewRowOf);
  return [...out.filter((r) => r.x === 1), ...out.filter((r) => r.x === 0)];
}
