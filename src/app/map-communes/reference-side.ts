/**
 * The shipped lists a map-communes run asks for, read through io and handed to core: the standard rows built from
 * a list, and the merge hints, former districts and official spellings that the standard side's code system calls
 * for (core/reference/standard-side.ts decides which).
 */
import type { MergeHint, OfficialNames, UnitRow } from '../../core/communes/communes.js';
import * as standardSide from '../../core/reference/standard-side.js';

/** The shipped GSO list of an edition as standard rows, cut to the tax sheet's provinces with `pairWith`. */
export async function referenceSide(
  edition: 'gso-2025' | 'gso-2004',
  pairWith?: readonly UnitRow[],
): Promise<{ units: UnitRow[]; levels: string[] }> {
  const { loadReferenceList } = await import('../../io/reference-data.js');
  return standardSide.referenceUnits(loadReferenceList(edition), pairWith);
}

/** Merge hints for a 2004-coded standard side; none for a 2025 one. */
export async function mergeHintFor(std: readonly UnitRow[]): Promise<MergeHint | undefined> {
  if (standardSide.codeSystemOf(std) !== 'gso-2004') return undefined;
  const { loadMergeTable } = await import('../../io/reference-data.js');
  return standardSide.mergeHintOf(std, loadMergeTable());
}

/** The former districts of each new commune, for a standard side of the 2025 list. */
export async function formerDistrictsFor(
  std: readonly UnitRow[],
): Promise<((stdCode: string) => readonly string[] | undefined) | undefined> {
  if (standardSide.codeSystemOf(std) !== 'gso-2025') return undefined;
  const { loadMergeTable, loadReferenceList } = await import('../../io/reference-data.js');
  return standardSide.formerDistrictsOf(std, loadMergeTable(), loadReferenceList('gso-2004'));
}

/** The official spellings of the standard side's units, from the shipped lists of its own code system. */
export async function officialNamesFor(std: readonly UnitRow[]): Promise<OfficialNames | undefined> {
  const system = standardSide.codeSystemOf(std);
  if (!system) return undefined;
  const { loadReferenceList } = await import('../../io/reference-data.js');
  return standardSide.officialNamesOf(
    std,
    standardSide.editionsOfSystem(system).map((e) => loadReferenceList(e)),
  );
}
