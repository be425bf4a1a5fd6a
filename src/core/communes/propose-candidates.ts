/**
 * Edit-distance proposals for a std row that matched nothing: the closest tax names of the province by
 * folded key, with a similarity in 0..1. Proposals are shown to the officer; they never fill a code.
 */
import { distance } from 'fastest-levenshtein';
import type { IndexedRow } from './block-index.js';
import type { Candidate } from './communes-types.js';

export function proposeCandidates(folded: string, tax: readonly IndexedRow[], limit: number): Candidate[] {
  if (limit <= 0 || folded === '') return [];
  const scored: { row: IndexedRow; score: number }[] = [];
  for (const t of tax) {
    const longest = Math.max(folded.length, t.keys.folded.length);
    if (longest === 0) continue;
    const score = 1 - distance(folded, t.keys.folded) / longest;
    if (score > 0.5) scored.push({ row: t, score });
  }
  scored.sort((a, b) => b.score - a.score || a.row.code.localeCompare(b.row.code));
  return scored.slice(0, limit).map(({ row, score }) => ({
    code: row.code,
    name: row.row.name,
    ...(row.districtName ? { district: row.districtName } : {}),
    score: Math.round(score * 1000) / 1000,
  }));
}
