/**
 * Looking a commune up by name (or code) in a reference list: every unit whose name meets the query at some
 * tier (exact → normalised → compact → folded), best tier first; when nothing meets it, the closest names.
 */
import { distance } from 'fastest-levenshtein';
import { nameKeys, restoreCodeZeros, TIERS, type Tier, type UnitType } from '../text/text.js';
import type { RefUnit } from './reference-types.js';

export type FindTier = 'code' | Tier;

export interface CommuneCandidate {
  unit: RefUnit;
  tier: FindTier;
  /** The query named a unit type ("Phường …") and this unit is of another type. */
  levelDiffers: boolean;
}

export interface Suggestion {
  unit: RefUnit;
  /** Edit distance between the folded names. */
  distance: number;
}

export interface FindOptions {
  /** Search one province only, or several (GSO codes). */
  provinceCode?: string | readonly string[];
  /** Most candidates returned (all are counted in `total`); default 20. */
  limit?: number;
  /** Most suggestions when nothing is found; default 5. */
  suggestions?: number;
}

export interface FindResult {
  candidates: CommuneCandidate[];
  /** Number of matching units before the limit. */
  total: number;
  /** Closest names, only when no unit matched. */
  suggestions: Suggestion[];
}

interface UnitKeys {
  keys: Record<Tier, string>;
  unitType: UnitType | null;
}

/** Keys are computed lazily per unit (a province-scoped search touches a few hundred) and kept per list. */
const keyCache = new WeakMap<readonly RefUnit[], (UnitKeys | undefined)[]>();

function keysOf(units: readonly RefUnit[]): (i: number) => UnitKeys {
  let keys = keyCache.get(units);
  if (!keys) {
    keys = new Array<UnitKeys | undefined>(units.length);
    keyCache.set(units, keys);
  }
  const cache = keys;
  return (i) => {
    let k = cache[i];
    if (!k) {
      const n = nameKeys(units[i].name, 'commune');
      k = {
        keys: { exact: n.exact, normalised: n.normalised, compact: n.compact, folded: n.folded },
        unitType: n.unitType,
      };
      cache[i] = k;
    }
    return k;
  };
}

const TIER_RANK: Readonly<Record<FindTier, number>> = { code: 0, exact: 1, normalised: 2, compact: 3, folded: 4 };

function compareUnits(a: RefUnit, b: RefUnit): number {
  return (
    a.provinceCode.localeCompare(b.provinceCode) ||
    (a.districtCode ?? '').localeCompare(b.districtCode ?? '') ||
    a.code.localeCompare(b.code)
  );
}

export function findCommunes(units: readonly RefUnit[], query: string, options: FindOptions = {}): FindResult {
  const limit = options.limit ?? 20;
  const keyOf = keysOf(units);
  const q = nameKeys(query, 'commune');
  const digits = /^\d{1,5}(\.0+)?$/.test(q.exact) ? restoreCodeZeros(q.exact, 'commune', 'gso').code : null;
  const scope =
    options.provinceCode === undefined
      ? null
      : new Set(typeof options.provinceCode === 'string' ? [options.provinceCode] : options.provinceCode);
  const found: CommuneCandidate[] = [];
  const inScope: number[] = [];
  units.forEach((unit, i) => {
    if (scope && !scope.has(unit.provinceCode)) return;
    inScope.push(i);
    if (digits !== null && unit.code === digits) {
      found.push({ unit, tier: 'code', levelDiffers: false });
      return;
    }
    const k = keyOf(i);
    const tier = TIERS.find((t) => q[t] !== '' && k.keys[t] === q[t]);
    if (tier)
      found.push({ unit, tier, levelDiffers: q.unitType !== null && k.unitType !== null && q.unitType !== k.unitType });
  });
  found.sort(
    (a, b) =>
      TIER_RANK[a.tier] - TIER_RANK[b.tier] ||
      Number(a.levelDiffers) - Number(b.levelDiffers) ||
      compareUnits(a.unit, b.unit),
  );
  const suggestions =
    found.length === 0
      ? closest(
          q.folded,
          inScope.map((i) => ({ unit: units[i], folded: keyOf(i).keys.folded })),
          options.suggestions ?? 5,
        )
      : [];
  return { candidates: found.slice(0, limit), total: found.length, suggestions };
}

/** The closest distinct names within a generous typo distance (half the query's length, at least 3). */
function closest(folded: string, pool: readonly { unit: RefUnit; folded: string }[], count: number): Suggestion[] {
  if (folded === '' || count <= 0) return [];
  const limit = Math.max(3, Math.floor(folded.length / 2));
  const scored = pool
    .map((p) => ({ unit: p.unit, distance: distance(folded, p.folded) }))
    .filter((s) => s.distance <= limit)
    .sort((a, b) => a.distance - b.distance || compareUnits(a.unit, b.unit));
  const seen = new Set<string>();
  const out: Suggestion[] = [];
  for (const s of scored) {
    const key = `${s.unit.provinceCode}|${s.unit.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s);
    if (out.length === count) break;
  }
  return out;
}
