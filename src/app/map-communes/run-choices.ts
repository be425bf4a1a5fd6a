/**
 * The map-communes choices that change a result, apart from the review (which imports the store and its CSV
 * writer): a plain map-communes run takes them from here and loads neither.
 */
import type { MapCommunesOptions } from './run-map-communes.js';

/** The map-communes choices that change a result: the same as the next step repeats. */
export type MatchChoices = Pick<
  MapCommunesOptions,
  | 'stdSheet'
  | 'taxSheet'
  | 'stdCols'
  | 'taxCols'
  | 'provinces'
  | 'reference'
  | 'viaMerges'
  | 'allowMixedEditions'
  | 'replaceExisting'
>;

/** The choices that change a result, and nothing else of an object that carries them. */
export function choicesOf(s: MatchChoices): MatchChoices {
  return {
    stdSheet: s.stdSheet,
    taxSheet: s.taxSheet,
    stdCols: s.stdCols,
    taxCols: s.taxCols,
    provinces: s.provinces ?? [],
    reference: s.reference,
    viaMerges: s.viaMerges === true,
    allowMixedEditions: s.allowMixedEditions === true,
    replaceExisting: s.replaceExisting === true,
  };
}
