import path from 'node:path';
import { GUIDE_FILE, META_FILE, isSystemFile } from '../../core/evidence/checklist.js';
import { checkEvidence, type CheckOutcome } from '../../core/evidence/check-rules.js';
import type { EvidenceMeta, RequestKind } from '../../core/evidence/evidence-types.js';
import { listApiTypes } from '../../core/api/api-type-registry.js';
import { scanFolder, requireFolder, type FolderFile } from '../../io/evidence/evidence-folder.js';
import type { MetaRead } from '../../io/evidence/evidence-folder.js';
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

/** An evidence folder as every check reads it: the config's set-up, evidence.yaml merged over it, and the files. */
export interface OpenedFolder {
  dir: string;
  setup: EvidenceSetup;
  meta: EvidenceMeta | null;
  metaProblem: MetaRead['problem'];
  raw?: unknown;
  files: FolderFile[];
}

/** Reads the folder and its set-up once; `checkOpened` then checks it for any kind. */
export async function openEvidenceFolder(o: SetupOptions & { dir: string }): Promise<OpenedFolder> {
  const dir = await requireFolder(path.resolve(o.cwd, o.dir));
  const setup = await evidenceSetup(o);
  const read = await readMergedMeta(dir, setup);
  const files = await scanFolder(dir);
  return { dir, setup, meta: read.meta, metaProblem: read.problem, raw: read.raw, files };
}

export function checkOpened(f: OpenedFolder, kind: RequestKind, now: number): CheckOutcome {
  return checkEvidence({
    kind,
    meta: f.meta,
    metaProblem: f.metaProblem,
    files: f.files,
    now,
    limits: f.setup.limits,
    requiredApiTypes: requiredApiTypes(),
  });
}

export async function runEvidenceCheck(
  o: SetupOptions & { dir: string; kind: RequestKind; now?: number },
): Promise<CheckRun> {
  const f = await openEvidenceFolder(o);
  const outcome = checkOpened(f, o.kind, o.now ?? Date.now());
  const unmasked = usableFiles(f.files)
    .filter(cannotMask)
    .map((x) => x.rel);
  return { dir: f.dir, outcome, meta: f.meta, files: f.files, setup: f.setup, raw: f.raw, unmasked };
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
