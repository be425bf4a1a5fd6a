import type { ProvinceSummary, RowMatch } from './communes-types.js';

/** The rows of a province summary counted by status, in one pass. */
export function statusCounts(
  rows: readonly RowMatch[],
): Pick<ProvinceSummary, 'rows' | 'exact' | 'normalised' | 'decided' | 'ambiguous' | 'notFound'> {
  const c = { rows: rows.length, exact: 0, normalised: 0, decided: 0, ambiguous: 0, notFound: 0 };
  for (const r of rows) {
    if (r.status === 'exact') c.exact++;
    else if (r.status === 'normalised') c.normalised++;
    else if (r.status === 'decided') c.decided++;
    else if (r.status === 'ambiguous') c.ambiguous++;
    else if (r.status === 'not_found') c.notFound++;
  }
  return c;
}
