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
  const unmatchedStd = groupByDistrict(matches.filter((m) => m.outcome !== 'filled').map((m) => m.std));
  const unusedTax = groupByDistrict(tax.rows.filter((t) => !used.has(t)));
  const paired = new Set(districtPairs.values());
  const claims = new Map<IndexedRow, number>();
  for (const m of pending) claims.set(m.candidates[0], (claims.get(m.candidates[0]) ?? 0) + 1);
  for (const m of pending) {
    const s = m.std;
    const t = m.candidates[0];
    const taxDistrict = s.district !== undefined ? districtPairs.get(s.district) : undefined;
    if (taxDistrict === undefined || t.district !== taxDistrict || used.has(t) || claims.get(t) !== 1) continue;
    if (!sameUnit(s, t) || codesContradict(s, t, sameCodeSystem)) continue;
    const key = s.keys.folded;
    const stdNeighbours = (std.byTier.folded.get(key) ?? []).filter((x) => x !== s && x.district === s.district);
    const taxNeighbours = (tax.byTier.folded.get(key) ?? []).filter(
      (y) => y !== t && (y.district === taxDistrict || !paired.has(y.district!)),
    );
    if (stdNeighbours.length > 0 || taxNeighbours.length > 0) continue;
    const stdClose = (unmatchedStd.get(s.district) ?? []).some((x) => x !== s && close(x.keys.folded, key));
    const taxClose = (unusedTax.get(taxDistrict) ?? []).some((y) => y !== t && close(y.keys.folded, key));
    if (stdClose || taxClose) continue;
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
