/**
 * A decision may replace a match dvc was confident of (exact or normalised). That is allowed — the officer knows
 * the ground — but it is shown on the row and counted, so a slip of the keyboard does not pass unseen.
 */
import type { MatchResult } from '../../core/communes/communes.js';
import type { ReportRow } from './map-communes-result.js';

export function markOverrides(rows: ReportRow[], undecided: MatchResult): number {
  const auto = new Map(undecided.rows.map((m) => [m.stdRow, m]));
  let count = 0;
  for (const r of rows) {
    if (r.status !== 'decided') continue;
    const m = auto.get(r.rowNumber);
    if (!m || (m.status !== 'exact' && m.status !== 'normalised') || m.conflict || m.taxCode === undefined) continue;
    if (m.taxCode === r.taxCode) continue;
    r.overrides = { taxCode: m.taxCode, status: m.status };
    r.reasons.push({
      code: 'decision_overrides',
      params: { code: m.taxCode, name: m.taxName ?? '', status: m.status },
    });
    count++;
  }
  return count;
}
