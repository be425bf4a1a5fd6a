import { describe, expect, it } from 'vitest';
import { MATCH_STATUSES, type RowMatch } from './communes-types.js';
import { statusCounts } from './status-counts.js';

const row = (status: RowMatch['status']) => ({ status }) as RowMatch;

describe('statusCounts', () => {
  it('counts each status once, and every row', () => {
    const rows = MATCH_STATUSES.flatMap((s, i) => Array.from({ length: i + 1 }, () => row(s)));
    expect(statusCounts(rows)).toEqual({ rows: 15, exact: 1, normalised: 2, decided: 3, ambiguous: 4, notFound: 5 });
  });
  it('an empty province counts nothing', () => {
    expect(statusCounts([])).toEqual({ rows: 0, exact: 0, normalised: 0, decided: 0, ambiguous: 0, notFound: 0 });
  });
});
