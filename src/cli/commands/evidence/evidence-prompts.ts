import type { CliContext } from '../../context.js';
import {
  answerChanges,
  fieldProblem,
  isHttpUrl,
  type MetaChange,
  type MetaField,
} from '../../../core/evidence/metadata.js';
import type { EvidenceMeta } from '../../../core/evidence/evidence-types.js';
import { listApiTypes } from '../../../core/api/api-type-registry.js';

import { saveAnswers } from '../../../app/evidence/save-answers.js';

/** Asks a person for the missing metadata, each answer validated as typed. Only called when ctx.interactive. */
export async function askMissing(
  ctx: CliContext,
  meta: EvidenceMeta,
  missing: readonly string[],
  optional: ReadonlySet<string> = new Set(),
): Promise<EvidenceMeta> {
  const { default: input } = await import('@inquirer/input');
  const out: EvidenceMeta = { ...meta, apis: { ...meta.apis } };
  for (const field of missing) {
    if (field === 'apis') {
      for (const type of listApiTypes().map((t) => t.id)) {
        const url = await input({
          message: ctx.t('evidence.prompt.api', { type }),
          validate: (v) => v.trim() === '' || isHttpUrl(v.trim()) || ctx.t('evidence.item.apiBad', { type, url: v }),
        });
        if (url.trim()) out.apis[type] = url.trim();
      }
      continue;
    }
    const f = field as Exclude<MetaField, 'apis'>;
    const answer = await input({
      message: ctx.t(`evidence.prompt.${f}`) + (optional.has(f) ? ` ${ctx.t('evidence.prompt.skip')}` : ''),
      validate: (v) => {
        if (optional.has(f) && v.trim() === '') return true;
        const key = fieldProblem(f, v);
        return key === null || ctx.t(key, { field: f, value: v });
      },
    });
    if (answer.trim()) out[f] = answer.trim().normalize('NFC');
  }
  return out;
}

function showChanges(ctx: CliContext, changes: readonly MetaChange[]): void {
  ctx.info(ctx.t('evidence.answers.willWrite'));
  for (const c of changes) ctx.info(`  ${c.field}: ${c.value}`);
}

/** Asks, shows what will be written, and saves the answers to evidence.yaml before anything else happens. */
export async function askAndSave(
  ctx: CliContext,
  dir: string,
  meta: EvidenceMeta,
  missing: readonly string[],
): Promise<EvidenceMeta> {
  const after = await askMissing(ctx, meta, missing);
  const changes = answerChanges(meta, after);
  if (changes.length > 0) {
    showChanges(ctx, changes);
    const saved = await saveAnswers({ dir, before: meta, after });
    if (saved.file) ctx.info(ctx.t('evidence.answers.saved', { file: saved.file }));
  }
  return after;
}
