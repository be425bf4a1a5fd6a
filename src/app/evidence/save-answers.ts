import { DvcError, ExitCode } from '../../errors.js';
import { metaYaml } from '../../core/evidence/init-files.js';
import { answerChanges, invalidAnswer, type MetaChange } from '../../core/evidence/metadata.js';
import type { EvidenceMeta } from '../../core/evidence/evidence-types.js';
import { saveMetaChanges } from '../../io/evidence/meta-file.js';

export interface SavedAnswers {
  /** evidence.yaml, absolute; undefined when there was nothing to save. */
  file?: string;
  changes: MetaChange[];
}

/**
 * Saves what the officer typed into evidence.yaml, before anything else can fail: the answers are validated
 * again here (the prompt validated them as typed), then written field by field into the existing file, or a new
 * file is made from the whole metadata.
 */
export async function saveAnswers(o: {
  dir: string;
  before: EvidenceMeta;
  after: EvidenceMeta;
}): Promise<SavedAnswers> {
  const changes = answerChanges(o.before, o.after);
  if (changes.length === 0) return { changes };
  const bad = invalidAnswer(changes);
  if (bad) throw new DvcError(bad.key, { field: bad.change.field, value: bad.change.value }, ExitCode.Usage);
  const file = await saveMetaChanges(o.dir, changes, metaYaml(o.after, { tracking: true }));
  return { file, changes };
}
