import path from 'node:path';
import { GUIDE_FILE, META_FILE, isSystemFile } from '../../core/evidence/checklist.js';
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
  /** Files that go into a bundle but whose content dvc cannot mask (images, PDF, video, large texts). */
  unmasked: string[];
}

export async function runEvidenceCheck(
  o: SetupOptions & { dir: string; kind: RequestKind; now?: number },
): Promise<CheckRun> {
  const dir = await requireFolder(path.resolve(o.cwd, o.dir));
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
  const unmasked = usableFiles(files)
    .filter(cannotMask)
    .map((f) => f.rel);
  return { dir, outcome, meta: read.meta, files, setup, raw: read.raw, unmasked };
}

/** The folder's files that go into a bundle: no system litter, link, guide or evidence.yaml (dvc writes its own). */
export function usableFiles(files: readonly FolderFile[]): FolderFile[] {
  return files.filter((f) => !isSystemFile(f.rel) && !f.notRegular && f.rel !== GUIDE_FILE && f.rel !== META_FILE);
}

/** A file whose content dvc did not read as text cannot be masked: a picture, a PDF, a video, a text too large. */
export function cannotMask(f: FolderFile): boolean {
  return f.facts === undefined && f.size > 0;
}

/** The land-obligation types whose portal service name is published: the two APIs 3252/VPCP-KSTT speaks of. */
export function requiredApiTypes(): string[] {
  return listApiTypes()
    .filter((t) => t.role === 'notice' || t.role === 'receipt')
    .map((t) => t.id);
}
