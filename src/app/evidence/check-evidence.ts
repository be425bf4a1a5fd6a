import path from 'node:path';
import { checkEvidence, type CheckOutcome } from '../../core/evidence/check-rules.js';
import type { EvidenceMeta, RequestKind } from '../../core/evidence/evidence-types.js';
import { listApiTypes } from '../../core/api/api-type-registry.js';
import { scanFolder, requireFolder, type FolderFile } from '../../io/evidence/evidence-folder.js';
import { evidenceSetup, readMergedMeta, type EvidenceSetup, type SetupOptions } from './evidence-setup.js';

export interface CheckRun {
  dir: string;
  outcome: CheckOutcome;
  meta: EvidenceMeta | null;
  files: FolderFile[];
  setup: EvidenceSetup;
  /** The parsed evidence.yaml (progress, alerts). */
  raw?: unknown;
}

export async function runEvidenceCheck(
  o: SetupOptions & { dir: string; kind: RequestKind; now?: number },
): Promise<CheckRun> {
  const dir = await requireFolder(path.resolve(o.cwd ?? process.cwd(), o.dir));
  const setup = await evidenceSetup(o);
  const read = await readMergedMeta(dir, setup);
  const files = await scanFolder(dir);
  const outcome = checkEvidence({
    kind: o.kind,
    meta: read.meta,
    metaProblem: read.problem,
    files,
    now: o.now ?? Date.now(),
    limits: setup.limits,
    requiredApiTypes: requiredApiTypes(),
  });
  return { dir, outcome, meta: read.meta, files, setup, raw: read.raw };
}

/** The land-obligation types whose portal service name is published: the two APIs 3252/VPCP-KSTT speaks of. */
export function requiredApiTypes(): string[] {
  return listApiTypes()
    .filter((t) => t.role === 'notice' || t.role === 'receipt')
    .map((t) => t.id);
}
