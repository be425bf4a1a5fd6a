import { t, type Lang } from '../../../i18n/i18n.js';
import type { Say } from '../../../core/evidence/evidence-types.js';
import type { PackTexts } from '../../../app/evidence/pack-evidence.js';

/** The catalogue's words for evidence messages in one language, handed down to the use cases that write files. */
export function sayIn(lang: Lang): Say {
  return (key, params) => t(lang, key, params);
}

/** The bundle's words: its index page in the officer's language, bag-info.txt in the form's Vietnamese. */
export function packTexts(lang: Lang): PackTexts {
  return { page: sayIn(lang), bag: sayIn('vi') };
}
