import type { CheckOutcome } from '../../core/evidence/check-rules.js';
import type { RequestKind } from '../../core/evidence/evidence-types.js';
import { runEvidenceCheck } from './check-evidence.js';
import type { SetupOptions } from './evidence-setup.js';
import { nameNumbersHidden, scrubItems } from './pack-privacy.js';

export interface FolderCheck {
  outcome: CheckOutcome;
  /** The files whose content dvc cannot mask, by folder path. */
  unmasked: string[];
}

/**
 * `dvc evidence check`: the checklist for a request kind, with the personal numbers in file names masked in
 * every item and path, as they are in the bundle.
 */
export async function checkFolder(o: SetupOptions & { dir: string; kind: RequestKind }): Promise<FolderCheck> {
  const run = await runEvidenceCheck(o);
  const hide = nameNumbersHidden(run.files);
  return { outcome: { ...run.outcome, items: scrubItems(run.outcome.items, hide) }, unmasked: run.unmasked.map(hide) };
}
