/**
 * The engine's entry point: repairs codes, pairs provinces and districts, matches every province block,
 * applies the officer's decisions, unfills codes chosen twice, and counts the outcome per province.
 */
import { clearExplainCache, restoreCodeZeros, type CodeSystem, type NameKeys } from '../text/text.js';
import { buildBlockIndex, type IndexedRow } from './block-index.js';
import { matchBlock, type BlockMatch } from './match-block.js';
import { pairDistricts, pairProvinces, provinceRefOf, refKey } from './pair-units.js';
import { proposeCandidates } from './propose-candidates.js';
import type {
  Candidate,
  CodeConflict,
  CodeRepair,
  Decision,
  DuplicateCode,
  MatchInput,
  MatchResult,
  ProvinceSummary,
  Reason,
  RowMatch,
  TaxUnused,
  UnitRow,
} from './communes-types.js';

function repairCodes(
  rows: readonly UnitRow[],
  side: 'std' | 'tax',
  system: CodeSystem,
  repairs: CodeRepair[],
): Map<UnitRow, string> {
  const out = new Map<UnitRow, string>();
  for (const row of rows) {
    const r = restoreCodeZeros(row.code, 'commune', system);
    if (r.leadingZeroRestored) repairs.push({ side, row: row.rowNumber, from: row.code.trim(), to: r.code });
    out.set(row, r.code);
  }
  return out;
}

function duplicates(
  rows: readonly UnitRow[],
  codes: ReadonlyMap<UnitRow, string>,
  side: 'std' | 'tax',
): DuplicateCode[] {
  const byCode = new Map<string, number[]>();
  for (const row of rows) {
    const code = codes.get(row)!;
    if (code === '') continue;
    const list = byCode.get(code);
    if (list) list.push(row.rowNumber);
    else byCode.set(code, [row.rowNumber]);
  }
  return [...byCode].filter(([, r]) => r.length > 1).map(([code, r]) => ({ side, code, rows: r }));
}

function groupByProvince(rows: readonly UnitRow[]): Map<string, UnitRow[]> {
  const m = new Map<string, UnitRow[]>();
  for (const row of rows) {
    const k = refKey(provinceRefOf(row));
    const list = m.get(k);
    if (list) list.push(row);
    else m.set(k, [row]);
  }
  return m;
}

function candidateOf(r: IndexedRow): Candidate {
  return { code: r.code, name: r.row.name, ...(r.districtName ? { district: r.districtName } : {}) };
}

const NO_TAX_CODE = new Set(['', '-', '—', '–']);

export function matchCommunes(input: MatchInput): MatchResult {
  clearExplainCache();
  const systems = input.codeSystems ?? { std: 'gso', tax: 'tms' };
  const codeRepairs: CodeRepair[] = [];
  const stdCodes = repairCodes(input.std, 'std', systems.std, codeRepairs);
  const taxCodes = repairCodes(input.tax, 'tax', systems.tax, codeRepairs);
  const duplicateCodes = [...duplicates(input.std, stdCodes, 'std'), ...duplicates(input.tax, taxCodes, 'tax')];
  const pairing = pairProvinces(input.std, input.tax);
  const pairs = input.provinces ?? pairing.pairs;
  const stdGroups = groupByProvince(input.std);
  const taxGroups = groupByProvince(input.tax);
  const decisions = new Map<string, Decision>();
  for (const d of input.decisions ?? []) decisions.set(restoreCodeZeros(d.stdCode, 'commune', systems.std).code, d);
  const taxByCode = new Map<string, UnitRow>();
  for (const row of input.tax) if (!taxByCode.has(taxCodes.get(row)!)) taxByCode.set(taxCodes.get(row)!, row);

  // When both sheets use one code system, codes are evidence too (see toRowMatch).
  const codeEvidence =
    systems.std === systems.tax
      ? { stdCodes: new Set(stdCodes.values()), taxCodes: new Set(taxCodes.values()) }
      : undefined;
  const results = new Map<UnitRow, RowMatch>();
  const taxUnused: TaxUnused[] = [];
  const conflicts: CodeConflict[] = [];
  const summaries: ProvinceSummary[] = [];
  const keyCache = new Map<string, NameKeys>();

  pairs.forEach((pair, province) => {
    const stdRows = stdGroups.get(refKey(pair.std)) ?? [];
    const taxRows = taxGroups.get(refKey(pair.tax)) ?? [];
    const stdIndex = buildBlockIndex(stdRows, stdCodes, keyCache);
    const taxIndex = buildBlockIndex(taxRows, taxCodes, keyCache);
    let districtPairs: Map<string, string> | null = null;
    if (stdIndex.hasDistricts && taxIndex.hasDistricts) {
      districtPairs = new Map(pairDistricts(stdRows, taxRows).map((p) => [refKey(p.std), refKey(p.tax)]));
    }
    const matches = matchBlock(stdIndex, taxIndex, districtPairs);
    const chosen = new Map<string, RowMatch[]>();
    for (const m of matches) {
      const row = toRowMatch(m, province, decisions, taxByCode, taxCodes, taxIndex.rows, input, codeEvidence);
      results.set(m.std.row, row);
      if (row.taxCode !== undefined) {
        const list = chosen.get(row.taxCode);
        if (list) list.push(row);
        else chosen.set(row.taxCode, [row]);
      }
    }
    let conflictCount = 0;
    for (const [taxCode, rows] of chosen) {
      if (rows.length < 2) continue;
      const decided = rows.filter((r) => r.status === 'decided');
      const losers = decided.length > 0 ? rows.filter((r) => r.status !== 'decided') : rows;
      if (losers.length === 0) continue;
      const taxName = rows[0].taxName ?? '';
      conflicts.push({ province, taxCode, taxName, stdCodes: rows.map((r) => r.stdCode) });
      conflictCount++;
      for (const r of losers) {
        r.candidates = [{ code: taxCode, name: taxName }];
        r.reasons = [
          ...r.reasons,
          {
            code: 'code_conflict',
            params: {
              code: taxCode,
              others: rows
                .filter((o) => o !== r)
                .map((o) => o.stdCode)
                .join(', '),
            },
          },
        ];
        r.status = 'ambiguous';
        r.conflict = true;
        delete r.taxCode;
        delete r.taxName;
        delete r.taxRow;
        delete r.method;
      }
    }
    const used = new Set<string>();
    for (const m of matches) {
      const r = results.get(m.std.row)!;
      if (r.taxCode !== undefined) used.add(r.taxCode);
    }
    let unusedCount = 0;
    for (const t of taxIndex.rows) {
      if (used.has(t.code)) continue;
      unusedCount++;
      taxUnused.push({
        province,
        taxRow: t.row.rowNumber,
        code: t.code,
        name: t.row.name,
        ...(t.districtName ? { district: t.districtName } : {}),
      });
    }
    const rows = matches.map((m) => results.get(m.std.row)!);
    const count = (s: RowMatch['status']) => rows.filter((r) => r.status === s).length;
    summaries.push({
      pair,
      rows: rows.length,
      exact: count('exact'),
      normalised: count('normalised'),
      decided: count('decided'),
      ambiguous: count('ambiguous'),
      notFound: count('not_found'),
      taxUnused: unusedCount,
      conflicts: conflictCount,
    });
  });

  if (input.provinces === undefined) {
    for (const row of input.std) {
      if (results.has(row)) continue;
      results.set(row, {
        stdRow: row.rowNumber,
        stdCode: stdCodes.get(row)!,
        stdName: row.name,
        province: -1,
        status: 'not_found',
        reasons: codeReasons(row, stdCodes),
        candidates: [],
        duplicateName: false,
      });
    }
  }
  const rows = input.std.filter((r) => results.has(r)).map((r) => results.get(r)!);
  return { rows, provinces: summaries, pairing, taxUnused, conflicts, duplicateCodes, codeRepairs };
}

function codeReasons(row: UnitRow, codes: ReadonlyMap<UnitRow, string>): Reason[] {
  return codeReasonsOf(row, codes.get(row)!);
}

function codeReasonsOf(row: UnitRow, code: string): Reason[] {
  return code !== row.code.trim() && /^0/.test(code)
    ? [{ code: 'leading_zero_restored', params: { from: row.code.trim(), to: code } }]
    : [];
}

function toRowMatch(
  m: BlockMatch,
  province: number,
  decisions: ReadonlyMap<string, Decision>,
  taxByCode: ReadonlyMap<string, UnitRow>,
  taxCodes: ReadonlyMap<UnitRow, string>,
  taxRows: readonly IndexedRow[],
  input: MatchInput,
  codeEvidence?: { stdCodes: ReadonlySet<string>; taxCodes: ReadonlySet<string> },
): RowMatch {
  const base = {
    stdRow: m.std.row.rowNumber,
    stdCode: m.std.code,
    stdName: m.std.row.name,
    province,
    duplicateName: m.duplicateName,
  };
  const codeReason = codeReasonsOf(m.std.row, m.std.code);
  const decision = decisions.get(m.std.code);
  if (decision) {
    const reasons: Reason[] = [
      ...codeReason,
      { code: 'decided_by_officer', params: decision.note ? { note: decision.note } : {} },
    ];
    const taxCode = decision.taxCode?.trim() ?? '';
    if (NO_TAX_CODE.has(taxCode)) {
      return {
        ...base,
        status: 'decided',
        method: 'decision',
        reasons: [...reasons, { code: 'no_tax_commune' }],
        candidates: [],
      };
    }
    const restored = restoreCodeZeros(taxCode, 'commune', input.codeSystems?.tax ?? 'tms').code;
    const taxRow = taxByCode.get(restored);
    if (!taxRow) reasons.push({ code: 'decision_code_unknown', params: { code: restored } });
    return {
      ...base,
      status: 'decided',
      method: 'decision',
      taxCode: restored,
      reasons,
      candidates: [],
      ...(taxRow ? { taxName: taxRow.name, taxRow: taxRow.rowNumber } : {}),
    };
  }
  if (m.outcome === 'filled') {
    const t = m.tax!;
    // Same code system: the std code is gone from the tax sheet and the tax code is another std row's
    // code, so the std commune was merged into (or renamed to make room for) that tax commune.
    if (
      codeEvidence &&
      t.code !== m.std.code &&
      !codeEvidence.taxCodes.has(m.std.code) &&
      codeEvidence.stdCodes.has(t.code)
    ) {
      return {
        ...base,
        status: 'not_found',
        reasons: [...codeReason, { code: 'merged_into', params: { code: t.code, name: t.row.name } }],
        candidates: [candidateOf(t)],
      };
    }
    // The commonest outcome, written out without spreads: it runs for nearly every row of a country.
    return {
      stdRow: base.stdRow,
      stdCode: base.stdCode,
      stdName: base.stdName,
      province,
      duplicateName: m.duplicateName,
      status: m.tier === 'exact' ? 'exact' : 'normalised',
      method: m.tier,
      taxCode: taxCodes.get(t.row) ?? t.code,
      taxName: t.row.name,
      taxRow: t.row.rowNumber,
      reasons: codeReason.length ? [...codeReason, ...m.reasons] : m.reasons,
      candidates: [],
    };
  }
  if (m.outcome === 'ambiguous') {
    return {
      ...base,
      status: 'ambiguous',
      reasons: [...codeReason, ...m.reasons],
      candidates: m.candidates.map(candidateOf),
    };
  }
  const reasons: Reason[] = [...codeReason];
  const hint = input.mergeHint?.(m.std.code, m.std.row.name);
  if (hint) reasons.push({ code: 'merged_into', params: { code: hint.newCode, name: hint.newName } });
  return {
    ...base,
    status: 'not_found',
    reasons,
    candidates: proposeCandidates(m.std.keys.folded, taxRows, input.proposals ?? 3),
  };
}
