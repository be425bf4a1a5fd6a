import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binLatencies } from './latency-bins.js';

describe('binLatencies', () => {
  it('counts each value into its equal range, the largest into the last', () => {
    expect(binLatencies([1, 2, 2, 3, 10], 4)).toEqual({ counts: [4, 0, 0, 1], min: 1, max: 10 });
    // width 2.25: 3.25 starts the second range, 5.5 the third
    expect(binLatencies([1, 3.24, 3.25, 5.5, 10], 4).counts).toEqual([2, 1, 1, 1]);
  });

  it('puts every value in the first range when all are the same, and makes no ranges of nothing', () => {
    expect(binLatencies([7, 7, 7], 3)).toEqual({ counts: [3, 0, 0], min: 7, max: 7 });
    expect(binLatencies([])).toEqual({ counts: [], min: Number.NaN, max: Number.NaN });
  });

  it('has 24 ranges by default and counts every value exactly once', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const { counts } = binLatencies(values);
        expect(counts).toHaveLength(24);
        expect(counts.reduce((a, b) => a + b, 0)).toBe(values.length);
      }),
    );
  });
});
