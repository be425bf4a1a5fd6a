import { choicesOf, type MatchChoices } from '../../../app/map-communes/run-choices.js';
import type { OptionsOf } from '../../command-spec.js';
import type { matchChoiceOptions } from './map-communes.spec.js';

/** The options, as commander parsed them, that carry the map-communes choices changing a result. */
export type MatchChoiceOptions = OptionsOf<typeof matchChoiceOptions>;

/** The choices of a run, read once for map-communes, its `--review` and `dvc review` (the next round repeats them). */
export function matchChoicesOf(opts: MatchChoiceOptions): MatchChoices {
  return choicesOf({ ...opts, provinces: opts.province });
}
