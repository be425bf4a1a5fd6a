/** Where an old (2004 code system) commune went in the 2025 reform, from the derived merge table. */
import { restoreCodeZeros } from '../text/text.js';
import type { MergeHint, MergeTable } from './reference-types.js';

/**
 * The new commune(s) an old commune was merged into, with full/partial, or null when the table does not
 * know the code. A code typed as a number ("1", "1.0") gets its leading zeros back. The table is derived
 * data, not official: present the answer as a hint.
 */
export function mergeHint(table: MergeTable, oldCode: string): MergeHint | null {
  const code = restoreCodeZeros(oldCode, 'commune', 'gso').code;
  const entry = table.byOldCode.get(code);
  return entry ? { oldCode: code, oldName: entry.oldName, targets: entry.targets } : null;
}
