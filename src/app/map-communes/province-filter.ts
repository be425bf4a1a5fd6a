import { DvcError, ExitCode } from '../../errors.js';
import type { ProvincePair, ProvinceRef } from '../../core/communes/communes.js';
import { nameKeys, restoreCodeZeros } from '../../core/text/text.js';

/**
 * `--province`: a GSO code ("19", "1"), a TMS code ("101") or a name in any spelling ("Thái Nguyên",
 * "thai nguyen", "TP Hà Nội"), compared with both sides of each province pair of the workbook.
 */
export function filterProvincePairs(
  pairs: readonly ProvincePair[],
  queries: readonly string[],
  /** Provinces of the standard sheet that pair with none of the tax sheet, to say so when one is asked for. */
  unpairedStd: readonly ProvinceRef[] = [],
): ProvincePair[] {
  if (queries.length === 0) return [...pairs];
  const chosen = new Set<ProvincePair>();
  for (const q of queries) {
    const hits = pairs.filter((p) => matchesQuery([p.std, p.tax], q));
    if (hits.length === 0) {
      const found = pairs.map((p) => `${p.std.name}${p.std.code ? ` (${p.std.code})` : ''}`).join(', ');
      const stdOnly = unpairedStd.find((ref) => matchesQuery([ref], q));
      if (stdOnly)
        throw new DvcError('mc.err.provinceNotOnTax', { query: q, name: stdOnly.name, found }, ExitCode.Usage);
      throw new DvcError('mc.err.provinceNotInWorkbook', { query: q, found }, ExitCode.Usage);
    }
    for (const h of hits) chosen.add(h);
  }
  return pairs.filter((p) => chosen.has(p));
}

function matchesQuery(refs: readonly ProvinceRef[], query: string): boolean {
  const q = query.trim();
  if (/^\d+$/.test(q)) {
    const gso = restoreCodeZeros(q, 'province', 'gso').code;
    const codes = refs
      .map((r) => r.code)
      .filter((c): c is string => !!c)
      .map((c) => c.trim());
    return codes.some((c) => c === q || restoreCodeZeros(c, 'province', 'gso').code === gso);
  }
  const qk = nameKeys(q, 'province');
  return refs
    .map((r) => r.name)
    .some((name) => {
      const k = nameKeys(name, 'province');
      return k.normalised === qk.normalised || k.compact === qk.compact || k.folded === qk.folded;
    });
}
