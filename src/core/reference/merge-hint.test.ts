import { describe, expect, it } from 'vitest';
import { decodeMergeTable } from './decode.js';
import { mergeHint } from './merge-hint.js';

const table = decodeMergeTable({
  format: 1,
  source: 'test',
  newUnits: [
    ['00097', 'Phường Hồng Hà', '01'],
    ['06799', 'Xã Hải Hòa', '22'],
    ['06970', 'Xã Ba Chẽ', '22'],
  ],
  rows: [
    ['00001', 'Phường Phúc Xá', 0, 0],
    ['06886', 'Xã Hải Lạng', 1, 1],
    ['06886', 'Xã Hải Lạng', 2, 1],
  ],
});

describe('mergeHint', () => {
  it('gives the new commune of a fully merged old one', () => {
    expect(mergeHint(table, '00001')).toEqual({
      oldCode: '00001',
      oldName: 'Phường Phúc Xá',
      targets: [{ code: '00097', name: 'Phường Hồng Hà', provinceCode: '01', type: 'full' }],
    });
  });

  it('gives every new commune of a split one, marked partial', () => {
    expect(mergeHint(table, '06886')?.targets.map((t) => `${t.code} ${t.name} ${t.type}`)).toEqual([
      '06799 Xã Hải Hòa partial',
      '06970 Xã Ba Chẽ partial',
    ]);
  });

  it('puts back the leading zeros of a code typed as a number', () => {
    expect(mergeHint(table, '1')?.oldCode).toBe('00001');
    expect(mergeHint(table, ' 1.0 ')?.oldCode).toBe('00001');
    expect(mergeHint(table, '6886')?.oldName).toBe('Xã Hải Lạng');
  });

  it('is null for a code the table does not know', () => {
    expect(mergeHint(table, '99999')).toBeNull();
    expect(mergeHint(table, '')).toBeNull();
  });
});
