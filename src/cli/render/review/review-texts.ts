import type { ReviewTexts } from '../../../app/review/review-session.js';
import { t, type Lang } from '../../../i18n/i18n.js';
import { mapCommunesTexts } from '../map-communes/map-communes-sheets.js';
import {
  decisionProblemText,
  existingReasonText,
  reasonText,
  sourceText,
  statusText,
  verdictText,
} from '../map-communes/map-communes-words.js';

/** The words of a review in one language: the same wording map-communes uses in its workbook and on the console. */
export function reviewTexts(lang: Lang): ReviewTexts {
  return {
    lang,
    mapCommunes: mapCommunesTexts(lang),
    kind: (kind) => (kind === 'differs' ? verdictText(lang, 'differs') : statusText(lang, kind)),
    reason: (r) => reasonText(lang, r),
    existingReason: (r) => existingReasonText(lang, r),
    why: (why) => t(lang, `candidate.why.${why}`),
    problem: (p) => {
      // The page shows the problem beside its row: the place in the decisions file is left out.
      const text = decisionProblemText(lang, p);
      const at = `${sourceText(lang, p.at)}: `;
      return text.startsWith(at) ? text.slice(at.length) : text;
    },
    unknownRow: (code) => t(lang, 'review.err.unknownRow', { code }),
  };
}
