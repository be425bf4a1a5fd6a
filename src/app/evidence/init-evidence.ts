import path from 'node:path';
import { CHECKLIST, GUIDE_FILE, META_FILE } from '../../core/evidence/checklist.js';
import { guideText, metaYaml } from '../../core/evidence/init-files.js';
import { META_FIELDS } from '../../core/evidence/metadata.js';
import type { EvidenceMeta } from '../../core/evidence/evidence-types.js';
import { createMissing, type CreatedPath } from '../../io/evidence/init-folder.js';
import { pathKind } from '../../io/evidence/evidence-folder.js';
import { evidenceSetup, type SetupOptions } from './evidence-setup.js';

export interface InitPlan {
  dir: string;
  meta: EvidenceMeta;
  /** evidence.yaml exists already: it will not be touched, so there is nothing to ask. */
  metaExists: boolean;
  /** Fields still empty after the config's defaults. */
  missing: string[];
}

export async function planInit(o: SetupOptions & { dir: string }): Promise<InitPlan> {
  const setup = await evidenceSetup(o);
  const dir = path.resolve(o.cwd, o.dir);
  const metaExists = (await pathKind(path.join(dir, META_FILE))) !== 'missing';
  const meta = setup.defaults;
  const missing: string[] = META_FIELDS.filter((f) => !meta[f]);
  if (Object.keys(meta.apis).length === 0) missing.push('apis');
  return { dir, meta, metaExists, missing };
}

export interface InitResult {
  dir: string;
  paths: CreatedPath[];
  missing: string[];
}

/** Creates the checklist folders, evidence.yaml and HUONG-DAN.txt; nothing that exists is touched. */
export async function writeInit(plan: InitPlan, meta: EvidenceMeta): Promise<InitResult> {
  const paths = await createMissing(
    plan.dir,
    CHECKLIST.map((f) => f.dir),
    [
      [META_FILE, metaYaml(meta, { tracking: true })],
      [GUIDE_FILE, guideText()],
    ],
  );
  const missing: string[] = META_FIELDS.filter((f) => !meta[f]);
  if (Object.keys(meta.apis).length === 0) missing.push('apis');
  const metaCreated = paths.some((p) => p.rel === META_FILE && p.created);
  return { dir: plan.dir, paths, missing: metaCreated ? missing : [] };
}
