/**
 * A sheet's edition as message parameters: a reason such as `cross_edition` carries the editions of both sheets as
 * plain strings and numbers, and a renderer turns them back into words in its own language.
 */
import type { SheetEdition } from './detect-edition.js';

export type EditionParams = Record<string, string | number>;

/** The parameters of an edition under a prefix (`std`, `tax`): `stdKind`, and `stdDates` or `stdOld`/`stdNew`. */
export function editionParams(prefix: string, e: SheetEdition | undefined): EditionParams {
  if (!e) return { [`${prefix}Kind`]: 'absent' };
  if (e.kind === 'gso-2004') return { [`${prefix}Kind`]: e.kind, [`${prefix}Dates`]: e.dates.join(',') };
  if (e.kind === 'mixed') return { [`${prefix}Kind`]: e.kind, [`${prefix}Old`]: e.old, [`${prefix}New`]: e.new };
  return { [`${prefix}Kind`]: e.kind };
}

/** The edition that editionParams wrote under a prefix; undefined for an absent one. */
export function editionOfParams(prefix: string, p: Readonly<Record<string, unknown>>): SheetEdition | undefined {
  const kind = p[`${prefix}Kind`];
  if (kind === 'gso-2004') {
    const dates = String(p[`${prefix}Dates`] ?? '');
    return { kind, dates: dates === '' ? [] : dates.split(',') };
  }
  if (kind === 'mixed') return { kind, old: Number(p[`${prefix}Old`]), new: Number(p[`${prefix}New`]) };
  if (kind === 'gso-2025') return { kind };
  if (kind === 'absent') return undefined;
  return { kind: 'unknown' };
}
