/**
 * `--via-merges` over the whole country, scored against the official conversion links of the statistics office.
 * Used by the national check of `npm test` (the shipped 2004 list against a synthetic tax sheet) and by
 * `npm run accuracy` (against the real tax list, which may not be redistributed).
 */
import { mapCommunesTexts } from '../cli/render/map-communes/map-communes-sheets.js';
import type { UnitRow } from '../core/communes/communes-types.js';
import { matchViaMerges } from '../app/map-communes/via-merges.js';
import type { EditionReport } from '../app/map-communes/edition-check.js';

/** One official link of an old commune: the new commune's GSO 2025 code, and whether all of the old one went there. */
export interface OfficialLink {
  code: string;
  whole: boolean;
}

export interface ViaMergesFigures {
  rows: number;
  filled: number;
  /** Filled codes whose new commune is not the one the official table sends the old commune to, whole and alone. */
  wrong: string[];
  /** Filled rows of old communes the official table does not list (filled from the derived table). */
  unscored: string[];
  review: number;
  notFound: number;
  /** Rows by their first reason code. */
  reasons: Record<string, number>;
}

/** What the edition check reports for a 2004-coded standard sheet against a 2025 tax sheet. */
export const OLD_AGAINST_2025: EditionReport[] = [
  {
    province: '',
    std: { kind: 'gso-2004', dates: ['2025-03-01'] },
    tax: { kind: 'gso-2025' },
    mismatch: true,
  },
];

/**
 * `std` is a 2004-coded list, `tax` a 2025 tax list; `newOfTax` gives the GSO 2025 code of each tax code (shipped
 * codes), `official` the official links of each old code.
 */
export async function scoreViaMerges(
  std: readonly UnitRow[],
  tax: readonly UnitRow[],
  newOfTax: ReadonlyMap<string, string>,
  official: ReadonlyMap<string, readonly OfficialLink[]>,
): Promise<ViaMergesFigures> {
  const result = await matchViaMerges({
    std,
    tax,
    pairs: [],
    editions: OLD_AGAINST_2025,
    notes: [],
    texts: mapCommunesTexts('en'),
  });
  const wrong: string[] = [];
  const unscored: string[] = [];
  const reasons: Record<string, number> = {};
  for (const r of result.rows) {
    const first = r.reasons[0]?.code ?? '';
    reasons[first] = (reasons[first] ?? 0) + 1;
    if (r.taxCode === undefined) continue;
    const links = official.get(r.stdCode);
    const got = newOfTax.get(r.taxCode);
    if (!links) unscored.push(`${r.stdCode} ${r.stdName} → ${got ?? r.taxCode}`);
    else if (links.length !== 1 || !links[0].whole || links[0].code !== got) {
      const want = links.map((l) => `${l.code}${l.whole ? '' : ' (part)'}`).join(', ');
      wrong.push(`${r.stdCode} ${r.stdName} → ${got ?? '?'} ${r.taxName ?? ''}; official: ${want}`);
    }
  }
  const count = (s: string) => result.rows.filter((r) => r.status === s).length;
  return {
    rows: result.rows.length,
    filled: result.rows.filter((r) => r.taxCode !== undefined).length,
    wrong,
    unscored,
    review: count('ambiguous'),
    notFound: count('not_found'),
    reasons,
  };
}
