/**
 * A name written without diacritics is evidence for every name it folds from: "Xa Tam Anh" may be "Xã Tam Anh" or
 * "Xã Tâm Anh". That the other sheet has a name with no marks at all is no proof either: a sheet typed without
 * diacritics loses them on every name. A cell whose prefix or legacy font carries marks ("Thị trấn Sa Pa") was typed
 * with diacritics, and its name really has none; a cell with no mark anywhere is evidence for every name. So before a code is filled, the rows of the same district (or province, when
 * districts are not paired) that fold to the same letters are counted on both sides; a marked row of one side
 * settled by the same marked spelling on the other is out of play, and any other row is a rival that sends the pair
 * to review.
 */
import { foldDiacritics } from '../text/text.js';
import type { IndexedRow } from './block-index.js';

/** Which rows of each side are in the std row's scope (its district and the paired one, or the whole province). */
export interface FoldScope {
  std: (x: IndexedRow) => boolean;
  tax: (y: IndexedRow) => boolean;
}

function sameUnit(a: IndexedRow, b: IndexedRow): boolean {
  return a.keys.unitType === null || b.keys.unitType === null || a.keys.unitType === b.keys.unitType;
}

/** The cell has no diacritic anywhere, prefix included: it may have been typed without them. */
function bare(r: IndexedRow): boolean {
  return !r.keys.marked && r.keys.encoding === null && foldDiacritics(r.keys.exact) === r.keys.exact;
}

/**
 * The rows that `s` and `t` (equal folded keys) could equally be, other than each other: std rows `t` may stand
 * for when `t` is unmarked, tax rows `s` may stand for when `s` is unmarked. Empty when the pair is unique.
 */
export function unmarkedRivals(
  s: IndexedRow,
  t: IndexedRow,
  stdFolded: readonly IndexedRow[],
  taxFolded: readonly IndexedRow[],
  scope: FoldScope,
): { std: IndexedRow[]; tax: IndexedRow[] } {
  const none = { std: [], tax: [] };
  // The common case: one row of these letters on each side.
  if (stdFolded.length === 1 && taxFolded.length === 1) return none;
  const sBare = bare(s);
  const tBare = bare(t);
  if (!sBare && !tBare) return none;
  const stdG = stdFolded.filter((x) => scope.std(x) && sameUnit(x, s));
  const taxG = taxFolded.filter((y) => scope.tax(y) && sameUnit(y, t));
  if (stdG.length <= 1 && taxG.length <= 1) return none;
  const markedTax = new Set(taxG.filter((y) => y.keys.marked).map((y) => y.keys.spelled));
  const markedStd = new Set(stdG.filter((x) => x.keys.marked).map((x) => x.keys.spelled));
  const open = (r: IndexedRow, other: ReadonlySet<string>) => !r.keys.marked || !other.has(r.keys.spelled);
  return {
    std: tBare ? stdG.filter((x) => x !== s && open(x, markedTax)) : [],
    tax: sBare ? taxG.filter((y) => y !== t && open(y, markedStd)) : [],
  };
}
