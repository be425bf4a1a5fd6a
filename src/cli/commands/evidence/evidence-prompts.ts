import type { CliContext } from '../../context.js';
import { DvcError, ExitCode } from '../../../errors.js';
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

/** Ctrl+C at a prompt, with the answers given before it, so that the caller keeps them. */
export class AnswersCancelled extends Error {
  constructor(readonly partial: EvidenceMeta) {
    super('cancelled');
    this.name = 'AnswersCancelled';
  }
}

export function isPromptCancel(e: unknown): boolean {
  return e instanceof Error && e.name === 'ExitPromptError';
}

/**
 * Asks a person for the missing metadata, each answer validated as typed. Only called when ctx.interactive.
 * Ctrl+C throws AnswersCancelled with what was answered so far.
 */
export async function askMissing(
  ctx: CliContext,
  meta: EvidenceMeta,
  missing: readonly string[],
  optional: ReadonlySet<string> = new Set(),
): Promise<EvidenceMeta> {
  const out: EvidenceMeta = { ...meta, apis: { ...meta.apis } };
  try {
    await askInto(ctx, out, missing, optional);
  } catch (e) {
    if (isPromptCancel(e)) throw new AnswersCancelled(out);
    throw e;
  }
  return out;
}

async function askInto(
  ctx: CliContext,
  out: EvidenceMeta,
  missing: readonly string[],
  optional: ReadonlySet<string>,
): Promise<void> {
  const { default: input } = await import('@inquirer/input');
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
  let after: EvidenceMeta;
  try {
    after = await askMissing(ctx, meta, missing);
  } catch (e) {
    if (!(e instanceof AnswersCancelled)) throw e;
    // Ctrl+C: what was typed before it is kept, then the command stops as cancelled.
    await keep(ctx, dir, meta, e.partial);
    throw new DvcError('cli.cancelled', {}, ExitCode.Cancelled);
  }
  await keep(ctx, dir, meta, after);
  return after;
}

async function keep(ctx: CliContext, dir: string, meta: EvidenceMeta, after: EvidenceMeta): Promise<void> {
  const changes = answerChanges(meta, after);
  if (changes.length > 0) {
    showChanges(ctx, changes);
    const saved = await saveAnswers({ dir, before: meta, after });
    if (saved.file) ctx.info(ctx.t('evidence.answers.saved', { file: saved.file }));
  }
}
