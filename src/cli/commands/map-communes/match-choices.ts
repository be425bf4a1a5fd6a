import { choicesOf, type MatchChoices } from '../../../app/review/review-session.js';

/** The options, as commander parsed them, that carry the map-communes choices changing a result. */
export interface MatchChoiceOptions {
  stdSheet?: string;
  taxSheet?: string;
  stdCols?: string;
  taxCols?: string;
  province?: string[];
  reference?: string;
  viaMerges?: boolean;
  allowMixedEditions?: boolean;
  replaceExisting?: boolean;
}

/** The choices of a run, read once for map-communes, its `--review` and `dvc review` (the next round repeats them). */
export function matchChoicesOf(opts: MatchChoiceOptions): MatchChoices {
  return choicesOf({ ...opts, provinces: opts.province, reference: opts.reference as MatchChoices['reference'] });
}
