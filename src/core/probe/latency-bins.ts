/** Measured values counted into equal ranges: the one binning of the load report and its HTML histogram. */

export interface LatencyBins {
  /** How many values fall in each range, the ranges evenly spaced from `min` to `max`. */
  counts: number[];
  /** The smallest and the largest value (NaN with no values). */
  min: number;
  max: number;
}

/**
 * `bins` equal ranges from the smallest to the largest value, each value counted once (the largest in the last
 * range; all in the first when every value is the same). No values, no ranges.
 */
export function binLatencies(values: readonly number[], bins = 24): LatencyBins {
  if (values.length === 0) return { counts: [], min: Number.NaN, max: Number.NaN };
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const width = (max - min) / bins || 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.floor((v - min) / width))]++;
  return { counts, min, max };
}
