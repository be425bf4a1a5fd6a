import { describe, expect, it } from 'vitest';
import { matchCommunes, type MatchResult, type UnitRow } from '../communes/communes.js';
import { applyDecisions } from './apply-decisions.js';

const P = 'Tỉnh Thử';
const unit = (rowNumber: number, code: string, name: string): UnitRow => ({ rowNumber, provinceName: P, code, name });

const std = [
  unit(2, '00001', 'Xã An Bình'),
  unit(3, '00002', 'Xã Hòa Lạc'),
  unit(4, '00003', 'Xã Tân Tiến'),
  unit(5, '00004', 'Xã Đông Sơn'),
];
const tax = [
  unit(2, '1010101', 'Xã An Bình'),
  unit(3, '1010102', 'Xã Hòa Lạc'),
  unit(4, '1010103', 'Xã Tân Tiến Mới'),
  unit(5, '1010104', 'Xã Tây Sơn'),
];

function base(): MatchResult {
  return matchCommunes({ std, tax });
}

const row = (m: MatchResult, code: string) => m.rows.find((r) => r.stdCode === code)!;

describe('applyDecisions: one ledger applied after any matcher', () => {
  it('fills a commune the matcher could not, counts it as decided and takes its code off the unused rows', () => {
    const before = base();
    expect(row(before, '00003').status).toBe('not_found');
    expect(before.taxUnused.map((u) => u.code)).toContain('1010103');
    const after = applyDecisions({ match: before, decisions: [{ stdCode: '3', taxCode: '1010103' }], tax });
    const r = row(after, '00003');
    expect(r).toMatchObject({ status: 'decided', method: 'decision', taxCode: '1010103', taxName: 'Xã Tân Tiến Mới' });
    expect(r.taxRow).toBe(4);
    expect(after.taxUnused.map((u) => u.code)).not.toContain('1010103');
    expect(after.provinces[0]).toMatchObject({ decided: 1, notFound: before.provinces[0].notFound - 1 });
    expect(after.provinces[0].taxUnused).toBe(before.provinces[0].taxUnused - 1);
    // The matcher's own result is left as it was (it is what dvc would have answered).
    expect(row(before, '00003').status).toBe('not_found');
  });

  it('lets a decision take a code matched to another commune, and sends that commune back to review saying why', () => {
    const before = base();
    expect(row(before, '00002')).toMatchObject({ status: 'exact', taxCode: '1010102' });
    const after = applyDecisions({ match: before, decisions: [{ stdCode: '00003', taxCode: '1010102' }], tax });
    const taker = row(after, '00003');
    const loser = row(after, '00002');
    expect(taker).toMatchObject({ status: 'decided', taxCode: '1010102' });
    expect(taker.reasons).toContainEqual({
      code: 'decision_takes_code',
      params: { code: '1010102', other: '00002', otherName: 'Xã Hòa Lạc' },
    });
    expect(loser.status).toBe('ambiguous');
    expect(loser.taxCode).toBeUndefined();
    expect(loser.reasons).toContainEqual({
      code: 'code_taken_by_decision',
      params: { code: '1010102', by: '00003', byName: 'Xã Tân Tiến' },
    });
    expect(loser.candidates[0]).toMatchObject({ code: '1010102' });
    // The code is written for one commune only; no conflict is left behind.
    expect(after.rows.filter((r) => r.taxCode === '1010102')).toHaveLength(1);
    expect(after.conflicts).toEqual([]);
    expect(after.provinces[0]).toMatchObject({ exact: before.provinces[0].exact - 1, decided: 1 });
  });

  it('takes a code from no one where communes may share codes (--via-merges: old communes merged into one)', () => {
    const before = base();
    const after = applyDecisions({
      match: before,
      decisions: [{ stdCode: '00003', taxCode: '1010102' }],
      tax,
      sharedCodes: true,
    });
    expect(row(after, '00003')).toMatchObject({ status: 'decided', taxCode: '1010102' });
    expect(row(after, '00002')).toEqual(row(before, '00002'));
    expect(row(after, '00003').reasons.map((x) => x.code)).toEqual(['decided_by_officer']);
  });

  it('lists the code a decided commune gave up among the unused tax rows again', () => {
    const before = base();
    const after = applyDecisions({ match: before, decisions: [{ stdCode: '00001', taxCode: '1010104' }], tax });
    expect(row(after, '00001')).toMatchObject({ status: 'decided', taxCode: '1010104' });
    expect(after.taxUnused.map((u) => u.code).sort()).toEqual(['1010101', '1010103']);
    expect(after.taxUnused.find((u) => u.code === '1010101')).toMatchObject({ taxRow: 2, name: 'Xã An Bình' });
  });

  it('records "no tax commune" and fills nothing', () => {
    const after = applyDecisions({ match: base(), decisions: [{ stdCode: '00004', taxCode: null }], tax });
    const r = row(after, '00004');
    expect(r.status).toBe('decided');
    expect(r.taxCode).toBeUndefined();
    expect(r.reasons.map((x) => x.code)).toEqual(['decided_by_officer', 'no_tax_commune']);
  });

  it('settles a code two communes shared: the decided one keeps it, the other is told a decision took it', () => {
    // The engine's answer when two communes chose one code: neither filled, both in review (a conflict).
    const before = base();
    for (const code of ['00001', '00004']) {
      const r = row(before, code);
      Object.assign(r, { status: 'ambiguous', conflict: true, candidates: [{ code: '1010101', name: 'Xã An Bình' }] });
      r.reasons = [
        { code: 'code_conflict', params: { code: '1010101', others: code === '00001' ? '00004' : '00001' } },
      ];
      delete r.taxCode;
    }
    before.conflicts = [{ province: 0, taxCode: '1010101', taxName: 'Xã An Bình', stdCodes: ['00001', '00004'] }];
    before.provinces[0].conflicts = 1;
    const after = applyDecisions({ match: before, decisions: [{ stdCode: '00004', taxCode: '1010101' }], tax });
    expect(row(after, '00004')).toMatchObject({ status: 'decided', taxCode: '1010101' });
    expect(row(after, '00004').conflict).toBeUndefined();
    expect(after.conflicts).toEqual([]);
    expect(after.provinces[0].conflicts).toBe(0);
    const other = row(after, '00001');
    expect(other).toMatchObject({ status: 'ambiguous' });
    expect(other.taxCode).toBeUndefined();
    expect(other.conflict).toBeUndefined();
    expect(other.reasons.map((x) => x.code)).toEqual(['code_taken_by_decision']);
  });

  it('returns the result unchanged when there is no decision', () => {
    const before = base();
    expect(applyDecisions({ match: before, decisions: [], tax })).toBe(before);
  });
});
