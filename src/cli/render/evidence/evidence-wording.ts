/** The evidence use cases' words in one language, through the catalogue: what the commands hand down. */
import { t, type Lang } from '../../../i18n/i18n.js';
import type { EvidenceTexts } from '../../../app/evidence/evidence-texts.js';

export function evidenceTexts(lang: Lang): EvidenceTexts {
  return {
    message: (m) => t(lang, m.key, m.params),
    formMessage: (m) => t('vi', m.key, m.params),
    national: (state) => t(lang, `evidence.status.national.${state}`),
  };
}
