/**
 * `dvc communes find`: looks a commune name (or code) up in one of the shipped GSO lists, optionally within a
 * province, and tells for the 2004 code system which 2025 commune each candidate went into.
 */
import { DvcError, ExitCode } from '../../errors.js';
import {
  findCommunes,
  mergeHint,
  parseEdition,
  provinceIn2025,
  provincesOf,
  resolveProvince,
  type CommuneCandidate,
  type Edition,
  type MergeTable,
  type FindTier,
  type MergeTarget,
  type ProvinceMatch,
  type RefUnit,
} from '../../core/reference/reference.js';
import { loadMergeTable, loadReferenceList } from '../../io/reference-data.js';

export interface CommunesFindInput {
  query: string;
  /** GSO code, TMS code (2025) or name of the province to search in. */
  province?: string;
  /** "2025", "2004", "2004-2021" or the full edition name; default 2025. */
  edition?: string;
  /** Most candidates listed; default 20. */
  limit?: number;
  /** Data folder override (tests). */
  dataDir?: string;
}

export interface CommuneHit extends RefUnit {
  tier: FindTier;
  /** The query named another unit type ("Phường …" for a Xã). */
  levelDiffers: boolean;
  /** 2004 code system only: the 2025 commune(s) it went into (derived table); empty when the table does not know it. */
  mergedInto?: MergeTarget[];
}

export interface CommunesFindResult {
  ok: boolean;
  query: string;
  edition: Edition;
  /** Effective date of the edition searched. */
  effective: string;
  province: { code: string; name: string; tmsCode?: string; matchedBy: ProvinceMatch } | null;
  /** All matches; `candidates` holds the first `limit` of them. */
  total: number;
  candidates: CommuneHit[];
  /** Closest names, when nothing matched. */
  suggestions: (RefUnit & { distance: number })[];
  /**
   * 2025 list only, when nothing matched: the same name in the 01/03/2025 list of the 2004 code system (within
   * the old provinces that make up the province asked for), with the 2025 commune(s) each went into.
   */
  before2025: CommuneHit[];
}

export const DEFAULT_LIMIT = 20;

export function communesFind(input: CommunesFindInput): CommunesFindResult {
  const edition = parseEdition(input.edition ?? '2025');
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1)
    throw new DvcError('communes.badLimit', { value: String(input.limit) }, ExitCode.Usage);
  const query = input.query.normalize('NFC').trim();
  if (query === '') throw new DvcError('communes.emptyQuery', {}, ExitCode.Usage);
  const resolved = input.province === undefined ? null : resolveProvince(input.province, edition);
  const list = loadReferenceList(edition, input.dataDir);
  const found = findCommunes(list.units, query, { provinceCode: resolved?.code, limit });
  const merges = edition === 'gso-2025' ? null : loadMergeTable(input.dataDir);
  const candidates: CommuneHit[] = found.candidates.map((c) => hit(c, merges));
  const before2025 =
    edition === 'gso-2025' && candidates.length === 0
      ? findBefore2025(query, resolved?.code, limit, input.dataDir)
      : [];
  return {
    ok: candidates.length > 0,
    query,
    edition,
    effective: list.effective,
    province: resolved
      ? {
          code: resolved.code,
          name: resolved.name,
          ...(resolved.tmsCode ? { tmsCode: resolved.tmsCode } : {}),
          matchedBy: resolved.matchedBy,
        }
      : null,
    total: found.total,
    candidates,
    suggestions: found.suggestions.map((s) => ({ ...s.unit, distance: s.distance })),
    before2025,
  };
}

function hit(c: CommuneCandidate, merges: MergeTable | null): CommuneHit {
  return {
    ...c.unit,
    tier: c.tier,
    levelDiffers: c.levelDiffers,
    ...(merges ? { mergedInto: [...(mergeHint(merges, c.unit.code)?.targets ?? [])] } : {}),
  };
}

/** A name not in the 2025 list is often an old commune: look for it in the 2004 list and say where it went. */
function findBefore2025(
  query: string,
  province2025: string | undefined,
  limit: number,
  dataDir: string | undefined,
): CommuneHit[] {
  const oldProvinces =
    province2025 === undefined
      ? undefined
      : provincesOf('gso-2004')
          .map((p) => p.code)
          .filter((c) => provinceIn2025(c) === province2025);
  const old = findCommunes(loadReferenceList('gso-2004', dataDir).units, query, {
    provinceCode: oldProvinces,
    limit,
    suggestions: 0,
  });
  const merges = loadMergeTable(dataDir);
  return old.candidates.map((c) => hit(c, merges));
}
