/**
 * The province tables of the shipped editions and `resolveProvince`: a GSO code ("19", "1"), a TMS code
 * ("215", 2025 list only) or a name in any usual spelling ("Thái Nguyên", "thai nguyen", "TP Hà Nội", "tp hcm") → one province.
 */
import { distance } from 'fastest-levenshtein';
import { DvcError, ExitCode } from '../../errors.js';
import { nameKeys, type Tier } from '../text/text.js';
import { PROVINCE_MERGES_2025, PROVINCE_TABLE } from './province-table.generated.js';
import type { Edition, RefProvince } from './reference-types.js';

export type ProvinceMatch = 'gso_code' | 'tms_code' | 'alias' | Tier;

export interface ResolvedProvince extends RefProvince {
  edition: Edition;
  /** How the query was recognised: a code, a common short name, or the name tier that matched. */
  matchedBy: ProvinceMatch;
}

/** Short names in common use that the name tiers cannot reach (keys are folded, as `nameKeys` makes them). */
const ALIASES: Readonly<Record<string, string>> = {
  hcm: '79',
  tphcm: '79',
  saigon: '79',
  hn: '01',
  hue: '46',
  brvt: '77',
};

const NAME_TIERS: readonly Tier[] = ['exact', 'normalised', 'compact', 'folded'];

interface Entry {
  province: RefProvince;
  keys: Record<Tier, string>;
}

const cache = new Map<Edition, Entry[]>();

function entries(edition: Edition): Entry[] {
  let list = cache.get(edition);
  if (!list) {
    list = PROVINCE_TABLE[edition].map((row) => {
      const province: RefProvince =
        row.length === 3 ? { code: row[0], name: row[1], tmsCode: row[2] } : { code: row[0], name: row[1] };
      const k = nameKeys(province.name, 'province');
      return { province, keys: { exact: k.exact, normalised: k.normalised, compact: k.compact, folded: k.folded } };
    });
    cache.set(edition, list);
  }
  return list;
}

/** The provinces of an edition, in code order. */
export function provincesOf(edition: Edition): readonly RefProvince[] {
  return entries(edition).map((e) => e.province);
}

/** The 2025 province (GSO code) that an old province (2004 code system) became part of. */
export function provinceIn2025(oldCode: string): string | undefined {
  return PROVINCE_MERGES_2025.find(([from]) => from === oldCode)?.[1];
}

function label(p: RefProvince): string {
  return `${p.name} (${p.code})`;
}

function found(p: RefProvince, edition: Edition, matchedBy: ProvinceMatch): ResolvedProvince {
  return { ...p, edition, matchedBy };
}

/** The GSO code a numeric query stands for: 1–2 digits are GSO (zero-padded), 3 digits from 1 are TMS. */
function byCode(query: string, edition: Edition): ResolvedProvince | undefined {
  const list = entries(edition);
  if (/^\d{1,2}$/.test(query) || /^0\d{2}$/.test(query)) {
    const code = query.slice(-2).padStart(2, '0');
    const e = list.find((x) => x.province.code === code);
    if (e) return found(e.province, edition, 'gso_code');
    throw unknown(query, edition, []);
  }
  if (/^[1-9]\d{2}$/.test(query)) {
    const p2025 = entries('gso-2025').find((x) => x.province.tmsCode === query)?.province;
    if (!p2025) throw unknown(query, edition, []);
    if (edition === 'gso-2025') return found(p2025, edition, 'tms_code');
    // TMS codes name the 34 provinces of 2025; an old province cannot be told from one (223 is the new
    // Bắc Ninh, which holds the old Bắc Giang 24 and Bắc Ninh 27).
    const parts = PROVINCE_MERGES_2025.filter(([, into]) => into === p2025.code).map(([from]) => from);
    const names = list.filter((e) => parts.includes(e.province.code)).map((e) => label(e.province));
    throw new DvcError(
      'reference.provinceTmsOld',
      { query, province: label(p2025), edition, candidates: names.join(', ') },
      ExitCode.Usage,
    );
  }
  return undefined;
}

/**
 * Resolves a province query against an edition's province table. Throws a usage DvcError when nothing or
 * more than one province matches; the error lists the closest names, or says where an old province went.
 */
export function resolveProvince(query: string, edition: Edition): ResolvedProvince {
  const q = query.normalize('NFC').trim();
  if (q === '') throw new DvcError('reference.provinceEmpty', { edition }, ExitCode.Usage);
  const coded = byCode(q, edition);
  if (coded) return coded;

  const keys = nameKeys(q, 'province');
  const list = entries(edition);
  for (const tier of NAME_TIERS) {
    const hits = list.filter((e) => e.keys[tier] === keys[tier] && keys[tier] !== '');
    if (hits.length === 1) return found(hits[0].province, edition, tier);
    if (hits.length > 1) {
      throw new DvcError(
        'reference.provinceAmbiguous',
        { query, edition, candidates: hits.map((h) => label(h.province)).join(', ') },
        ExitCode.Usage,
      );
    }
  }
  const alias = ALIASES[keys.folded];
  const aliased = alias === undefined ? undefined : list.find((e) => e.province.code === alias);
  if (aliased) return found(aliased.province, edition, 'alias');

  if (edition === 'gso-2025') {
    const old = entries('gso-2004').find((e) => e.keys.folded === keys.folded || e.keys.compact === keys.compact);
    const into = old && provinceIn2025(old.province.code);
    const target = into === undefined ? undefined : list.find((e) => e.province.code === into);
    if (old && target && target.province.code !== old.province.code) {
      throw new DvcError(
        'reference.provinceMerged',
        { query, old: label(old.province), into: label(target.province), code: target.province.code },
        ExitCode.Usage,
      );
    }
  }
  throw unknown(query, edition, closest(keys.folded, list));
}

/** Up to three provinces whose folded name is within a typo's distance of the query's. */
function closest(folded: string, list: readonly Entry[]): RefProvince[] {
  const limit = Math.max(2, Math.floor(folded.length * 0.4));
  return list
    .map((e) => ({ p: e.province, d: distance(folded, e.keys.folded) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.p.code.localeCompare(b.p.code))
    .slice(0, 3)
    .map((x) => x.p);
}

function unknown(query: string, edition: Edition, near: readonly RefProvince[]): DvcError {
  if (near.length === 0) return new DvcError('reference.provinceUnknown', { query, edition }, ExitCode.Usage);
  return new DvcError(
    'reference.provinceUnknownNear',
    { query, edition, candidates: near.map(label).join(', ') },
    ExitCode.Usage,
  );
}
