/** The statuses of a matched row and the verdicts on a code already in the target column, defined once. */

export const MATCH_STATUSES = ['exact', 'normalised', 'decided', 'ambiguous', 'not_found'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/**
 * confirmed: dvc finds the same code; differs: dvc is confident of another code; unchecked: dvc cannot decide,
 * so the existing code stays as it is.
 */
export const EXISTING_VERDICTS = ['confirmed', 'differs', 'unchecked'] as const;
export type ExistingVerdict = (typeof EXISTING_VERDICTS)[number];
