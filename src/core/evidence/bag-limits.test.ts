import { describe, expect, it } from 'vitest';
import { BAG_LIMITS, TAG_FILES, packLimitBreach } from './bag-limits.js';
import { VERIFY_LIMITS } from '../../io/evidence/bag-source.js';

const files = (n: number, size = 1, name = (i: number) => `${i}.txt`) =>
  Array.from({ length: n }, (_, i) => ({ name: name(i), size }));

describe('one table of bag limits for pack and verify', () => {
  it('is the table verify reads', () => {
    expect(VERIFY_LIMITS).toBe(BAG_LIMITS);
  });

  it('allows a bag of exactly the entry limit, counting the tag files, and refuses one more', () => {
    expect(packLimitBreach(files(BAG_LIMITS.maxEntries - TAG_FILES))).toBeUndefined();
    expect(packLimitBreach(files(BAG_LIMITS.maxEntries - TAG_FILES + 1))).toEqual({
      limit: 'entries',
      found: 10_001,
      max: 10_000,
    });
  });

  it('refuses a payload over the total size, and a payload manifest verify could not read as text', () => {
    expect(packLimitBreach(files(2, 8 * 1024 ** 3 + 1))?.limit).toBe('totalBytes');
    // 64 hex digits, two spaces, the path and a line feed per file: 2,100 paths of 2,000 bytes pass 4 MiB.
    const long = packLimitBreach(files(2_100, 1, (i) => `${'x'.repeat(1_990)}${String(i).padStart(5, '0')}`));
    expect(long?.limit).toBe('tagTextBytes');
    expect(long?.found).toBe(2_100 * (64 + 2 + 2_000 + 1));
  });
});
