import type { CliContext } from '../../context.js';
import { fieldProblem, isHttpUrl, type MetaField } from '../../../core/evidence/metadata.js';
import type { EvidenceMeta } from '../../../core/evidence/evidence-types.js';

const API_TYPES = ['tra-cuu', 'thong-bao-thue', 'chung-tu'];

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
      for (const type of API_TYPES) {
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
