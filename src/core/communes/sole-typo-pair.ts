/**
 * Two names that both carry diacritics and differ in them ("Đào Duy Từ", "Đào Duy Tư") are different names, unless
 * the evidence says one is a typo of the other: in a district paired on both sheets, they are the only rows left
 * unmatched that could be each other. Nothing else of either side in the district has those letters (no tone
 * neighbour, matched or not), and no other unmatched std row or unused tax row of the district is spelt close to them.
 * Without districts (the 2025 lists) a province is too wide for that and the pair stays for review; with one code
 * system on both sheets, a different code says they are two units.
 */
import { distance } from 'fastest-levenshtein';
import { explainKeyMatch } from '../text/text.js';
import type { BlockIndex, IndexedRow } from './block-index.js';
import type { BlockMatch } from './match-block.js';

/** Folded names this alike (1 − edit distance / longer length) could be the same name misspelt. */
const CLOSE = 0.5;

function close(a: string, b: string): boolean {
  const longest = Math.max(a.length, b.length);
  return longest > 0 && 1 - distance(a, b) / longest > CLOSE;
}

/**
 * Both rows carry codes of one system (the run says so, or both are 5-digit GSO commune codes) and the codes differ:
 * the codes say these are two units, whatever the spelling says.
 */
export function codesContradict(s: IndexedRow, t: IndexedRow, sameCodeSystem: boolean): boolean {
  if (t.code === s.code) return false;
  return sameCodeSystem || (/^\d{5}$/.test(s.code) && /^\d{5}$/.test(t.code));
}

function sameUnit(a: IndexedRow, b: IndexedRow): boolean {
  return a.keys.unitType === null || b.keys.unitType === null || a.keys.unitType === b.keys.unitType;
}

function groupByDistrict(rows: Iterable<IndexedRow>): Map<string | undefined, IndexedRow[]> {
  const m = new Map<string | undefined, IndexedRow[]>();
  for (const r of rows) {
    const list = m.get(r.district);
    if (list) list.push(r);
    else m.set(r.district, [r]);
  }
  return m;
}

/** What one province block knows once its rows are matched. */
interface PairContext {
  std: BlockIndex;
  tax: BlockIndex;
  districtPairs: ReadonlyMap<string, string>;
  paired: ReadonlySet<string>;
  used: Set<IndexedRow>;
  unmatchedStd: Map<string | undefined, IndexedRow[]>;
  unusedTax: Map<string | undefined, IndexedRow[]>;
  claims: Map<IndexedRow, number>;
  sameCodeSystem: boolean;
}

/** Fills, in place, the `diacritics_differ` rows of `matches` whose pair is the only one possible in its district. */
export function fillSoleTypoPairs(
  matches: BlockMatch[],
  std: BlockIndex,
  tax: BlockIndex,
  districtPairs: ReadonlyMap<string, string>,
  sameCodeSystem: boolean,
): void {
  const pending = matches.filter((m) => m.outcome === 'not_found' && m.reasons[0]?.code === 'diacritics_differ');
  if (pending.length === 0) return;
  const used = new Set<IndexedRow>();
  for (const m of matches) if (m.tax) used.add(m.tax);
  const claims = new Map<IndexedRow, number>();
  for (const m of pending) claims.set(m.candidates[0], (claims.get(m.candidates[0]) ?? 0) + 1);
  const ctx: PairContext = {
    std,
    tax,
    districtPairs,
    paired: new Set(districtPairs.values()),
    used,
    unmatchedStd: groupByDistrict(matches.filter((m) => m.outcome !== 'filled').map((m) => m.std)),
    unusedTax: groupByDistrict(tax.rows.filter((t) => !used.has(t))),
    claims,
    sameCodeSystem,
  };
  for (const m of pending) {
    const s = m.std;
    const t = m.candidates[0];
    if (!soleClosePair(s, t, ctx)) continue;
    m.outcome = 'filled';
    m.tier = 'folded';
    m.tax = t;
    m.candidates = [];
    m.why = new Map();
    m.reasons = [
      ...explainKeyMatch(s.keys, t.keys, 'folded').map((code) => ({ code })),
      { code: 'sole_close_pair', params: { name: t.row.name, district: s.districtName ?? '' } },
    ];
    used.add(t);
  }
}

/** `s` and `t` are in paired districts and nothing else of either district could be either of them. */
function soleClosePair(s: IndexedRow, t: IndexedRow, ctx: PairContext): boolean {
  const taxDistrict = s.district !== undefined ? ctx.districtPairs.get(s.district) : undefined;
  if (taxDistrict === undefined || t.district !== taxDistrict) return false;
  if (ctx.used.has(t) || ctx.claims.get(t) !== 1) return false;
  if (!sameUnit(s, t) || codesContradict(s, t, ctx.sameCodeSystem)) return false;
  const key = s.keys.folded;
  // A tone neighbour, matched or not, on either side: the letters name two real communes.
  const stdNeighbours = (ctx.std.byTier.folded.get(key) ?? []).filter((x) => x !== s && x.district === s.district);
  const taxNeighbours = (ctx.tax.byTier.folded.get(key) ?? []).filter(
    (y) => y !== t && (y.district === taxDistrict || !ctx.paired.has(y.district!)),
  );
  if (stdNeighbours.length > 0 || taxNeighbours.length > 0) return false;
  const stdClose = (ctx.unmatchedStd.get(s.district) ?? []).some((x) => x !== s && close(x.keys.folded, key));
  const taxClose = (ctx.unusedTax.get(taxDistrict) ?? []).some((y) => y !== t && close(y.keys.folded, key));
  return !stdClose && !taxClose;
}
