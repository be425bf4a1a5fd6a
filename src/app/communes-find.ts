/**
 * `dvc communes find`: looks a commune name (or code) up in one of the shipped GSO lists, optionally within a
 * province, and tells for the 2004 code system which 2025 commune each candidate went into.
 */
import { DvcError, ExitCode } from '../errors.js';
import {
  findCommunes,
  mergeHint,
  parseEdition,
  resolveProvince,
  type Edition,
  type FindTier,
  type MergeTarget,
  type ProvinceMatch,
  type RefUnit,
} from '../core/reference/index.js';
import { loadMergeTable, loadReferenceList } from '../io/reference-data.js';

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
}

export const DEFAULT_LIMIT = 20;

export function communesFind(input: CommunesFindInput): CommunesFindResult {
  const edition = parseEdition(input.edition ?? '2025');
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new DvcError('communes.badLimit', { value: String(input.limit) }, ExitCode.Usage);
  const query = input.query.normalize('NFC').trim();
  if (query === '') throw new DvcError('communes.emptyQuery', {}, ExitCode.Usage);
  const resolved = input.province === undefined ? null : resolveProvince(input.province, edition);
  const list = loadReferenceList(edition, input.dataDir);
  const found = findCommunes(list.units, query, { provinceCode: resolved?.code, limit });
  const merges = edition === 'gso-2025' ? null : loadMergeTable(input.dataDir);
  const candidates: CommuneHit[] = found.candidates.map((c) => ({
    ...c.unit,
    tier: c.tier,
    levelDiffers: c.levelDiffers,
    ...(merges ? { mergedInto: [...(mergeHint(merges, c.unit.code)?.targets ?? [])] } : {}),
  }));
  return {
    ok: candidates.length > 0,
    query,
    edition,
    effective: list.effective,
    province: resolved ? { code: resolved.code, name: resolved.name, ...(resolved.tmsCode ? { tmsCode: resolved.tmsCode } : {}), matchedBy: resolved.matchedBy } : null,
    total: found.total,
    candidates,
    suggestions: found.suggestions.map((s) => ({ ...s.unit, distance: s.distance })),
  };
}
