import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isScalar, parseDocument } from 'yaml';
import { DvcError, ExitCode } from '../../errors.js';
import { META_FILE } from '../../core/evidence/checklist.js';
import type { MetaChange } from '../../core/evidence/metadata.js';
import { writeFileAtomic } from '../atomic-write.js';

/**
 * Writes answers into `evidence.yaml`, keeping everything else of the file as the officer wrote it (comments,
 * order, other fields). When the file does not exist, `fresh` (the whole file) is written instead.
 */
export async function saveMetaChanges(dir: string, changes: readonly MetaChange[], fresh: string): Promise<string> {
  const file = path.join(dir, META_FILE);
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return undefined;
    throw e;
  });
  if (text === undefined) return writeFileAtomic(file, fresh);
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (doc.errors.length > 0)
    throw new DvcError(
      'evidence.answers.unparsable',
      { file, reason: doc.errors[0].message.split('\n')[0] },
      ExitCode.Usage,
    );
  for (const c of changes) {
    const node = doc.getIn(c.path, true);
    if (isScalar(node)) node.value = c.value;
    else doc.setIn(c.path, c.value);
  }
  return writeFileAtomic(file, doc.toString(), { force: true });
}
