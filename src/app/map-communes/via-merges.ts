/**
 * `--via-merges`: a standard sheet of the 2004-coded list against the tax authority's 2025 list. The shipped
 * 2025 list is matched against the tax sheet first (same edition, by name); each old commune then takes the tax
 * code of the new commune it was merged into in full, from the shipped merge table. Old communes split between
 * several new ones go to review with every new commune they touch. The merge table is derived data: every
 * reason says so.
 */
import { DvcError, ExitCode } from '../../errors.js';
import {
  matchCommunes,
  type Candidate,
  type MatchResult,
  type ProvincePair,
  type ProvinceSummary,
  type RowMatch,
  type UnitRow,
} from '../../core/communes/communes.js';
import { provinceRefOf, refKey } from '../../core/communes/pair-units.js';
import { mergeHint, type MergeTable, type MergeTarget } from '../../core/reference/reference.js';
import { restoreCodeZeros } from '../../core/text/text.js';
import type { EditionReport } from './edition-check.js';
import { formerDistrictsFor, referenceSide } from './reference-side.js';

interface TaxHit {
  taxCode: string;
  taxName: string;
  taxRow?: number;
  taxProvince: string;
}

export interface ViaMergesInput {
  std: readonly UnitRow[];
  tax: readonly UnitRow[];
  pairs: readonly ProvincePair[];
  editions: readonly EditionReport[];
  notes: { key: string; params: Record<string, string | number> }[];
}

export async function matchViaMerges(i: ViaMergesInput): Promise<MatchResult> {
  const fits = i.editions.some((e) => e.std.kind === 'gso-2004' && e.tax?.kind === 'gso-2025');
  if (!fits) {
    const found = i.editions.map((e) => e.text).join('; ');
    throw new DvcError('mc.err.viaMergesNeedsOld', { found }, ExitCode.Usage);
  }
  const newToTax = await newCommunesInTax(i.tax);
  const { loadMergeTable } = await import('../../io/reference-data.js');
  const table = loadMergeTable();
  const groups = new Map<string, UnitRow[]>();
  for (const row of i.std) {
    const k = refKey(provinceRefOf(row));
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  const rows: RowMatch[] = [];
  const provinces: ProvinceSummary[] = [];
  for (const group of groups.values()) {
    const province = provinces.length;
    const matched = group.map((row) => viaMerge(row, province, table, newToTax));
    rows.push(...matched);
    provinces.push(summaryOf(group, matched, newToTax));
  }
  const used = new Set(rows.map((r) => r.taxCode).filter((c) => c !== undefined));
  const taxUnused = i.tax
    .filter((t) => !used.has(t.code.trim()))
    .map((t) => ({ province: -1, taxRow: t.rowNumber, code: t.code.trim(), name: t.name }));
  const count = (code: string) => rows.filter((r) => r.reasons.some((x) => x.code === code)).length;
  i.notes.push({ key: 'mc.note.viaMerges', params: { full: count('via_merge'), partial: count('via_merge_partial') } });
  const pairing = { pairs: provinces.map((p) => p.pair), unpairedStd: [], unpairedTax: [], ambiguous: [] };
  return { rows, provinces, pairing, taxUnused, conflicts: [], duplicateCodes: [], codeRepairs: [] };
}

/** The shipped 2025 list matched against the tax sheet: new GSO code → its tax row. */
async function newCommunesInTax(tax: readonly UnitRow[]): Promise<Map<string, TaxHit>> {
  const ref = await referenceSide('gso-2025', tax);
  const inner = matchCommunes({ std: ref.units, tax: [...tax], formerDistricts: await formerDistrictsFor(ref.units) });
  const out = new Map<string, TaxHit>();
  for (const r of inner.rows) {
    if (r.taxCode === undefined || r.status === 'ambiguous' || r.status === 'not_found') continue;
    const taxProvince = inner.provinces[r.province]?.pair.tax.name ?? '';
    out.set(r.stdCode, { taxCode: r.taxCode, taxName: r.taxName ?? '', taxRow: r.taxRow, taxProvince });
  }
  return out;
}

function candidateOf(target: MergeTarget, hit: TaxHit | undefined): Candidate {
  return hit
    ? { code: hit.taxCode, name: hit.taxName, why: 'merged_into' }
    : { code: '', name: `${target.name} (${target.code})`, why: 'merged_into' };
}

function viaMerge(row: UnitRow, province: number, table: MergeTable, newToTax: Map<string, TaxHit>): RowMatch {
  const code = restoreCodeZeros(row.code, 'commune', 'gso').code;
  const base = { stdRow: row.rowNumber, stdCode: code, stdName: row.name, province, duplicateName: false };
  const hint = mergeHint(table, code);
  if (!hint || hint.targets.length === 0)
    return { ...base, status: 'not_found', reasons: [{ code: 'via_merge_none', params: { code } }], candidates: [] };
  const targets = [...new Map(hint.targets.map((t) => [t.code, t])).values()];
  if (targets.length === 1 && targets[0].type === 'full') {
    const target = targets[0];
    const hit = newToTax.get(target.code);
    const params = { newName: target.name, newCode: target.code };
    if (!hit) return { ...base, status: 'not_found', reasons: [{ code: 'via_merge_no_tax', params }], candidates: [] };
    return {
      ...base,
      status: 'normalised',
      method: 'merge_table',
      taxCode: hit.taxCode,
      taxName: hit.taxName,
      ...(hit.taxRow !== undefined ? { taxRow: hit.taxRow } : {}),
      reasons: [{ code: 'via_merge', params }],
      candidates: [],
    };
  }
  const list = targets.map((t) => `${t.name} (${t.code})`).join(', ');
  return {
    ...base,
    status: 'ambiguous',
    reasons: [{ code: 'via_merge_partial', params: { targets: list } }],
    candidates: targets.map((t) => candidateOf(t, newToTax.get(t.code))),
  };
}

function summaryOf(
  group: readonly UnitRow[],
  rows: readonly RowMatch[],
  newToTax: Map<string, TaxHit>,
): ProvinceSummary {
  const filled = new Set(rows.map((r) => r.taxCode));
  const taxNames = new Map<string, number>();
  for (const hit of newToTax.values())
    if (filled.has(hit.taxCode)) taxNames.set(hit.taxProvince, (taxNames.get(hit.taxProvince) ?? 0) + 1);
  const taxName = [...taxNames].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const pair: ProvincePair = { std: provinceRefOf(group[0]), tax: { name: taxName }, method: 'exact', reasons: [] };
  const count = (s: RowMatch['status']) => rows.filter((r) => r.status === s).length;
  return {
    pair,
    rows: rows.length,
    exact: count('exact'),
    normalised: count('normalised'),
    decided: 0,
    ambiguous: count('ambiguous'),
    notFound: count('not_found'),
    taxUnused: 0,
    conflicts: 0,
  };
}
