import { describe, expect, it } from 'vitest';
import type { SheetEdition } from './detect-edition.js';
import { editionOfParams, editionParams } from './edition-params.js';

describe('an edition as message parameters', () => {
  const editions: (SheetEdition | undefined)[] = [
    { kind: 'gso-2004', dates: ['2025-03-01'] },
    { kind: 'gso-2004', dates: ['2021-11-01', '2025-03-01'] },
    { kind: 'gso-2004', dates: [] },
    { kind: 'gso-2025' },
    { kind: 'mixed', old: 12, new: 30 },
    { kind: 'unknown' },
    undefined,
  ];

  it('comes back as the same edition, under either prefix', () => {
    for (const e of editions) {
      expect(editionOfParams('std', editionParams('std', e))).toEqual(e);
      expect(editionOfParams('tax', { ...editionParams('std', undefined), ...editionParams('tax', e) })).toEqual(e);
    }
  });

  it('carries plain strings and numbers only', () => {
    expect(editionParams('std', { kind: 'mixed', old: 12, new: 30 })).toEqual({
      stdKind: 'mixed',
      stdOld: 12,
      stdNew: 30,
    });
    expect(editionParams('tax', { kind: 'gso-2004', dates: ['2021-11-01', '2025-03-01'] })).toEqual({
      taxKind: 'gso-2004',
      taxDates: '2021-11-01,2025-03-01',
    });
  });
});
