/**
 * `--via-merges`: a standard sheet of the 2004-coded list against the tax authority's 2025 list. The shipped
 * 2025 list is matched against the tax sheet first (same edition, by name); each old commune then takes the tax
 * code of the new commune it went into whole, by the statistics office's official conversion table. The derived
 * merge table speaks only where the official one is silent, and every reason says which table spoke. An old
 * commune the official table splits (or sends whole into two new ones), or on which the two tables disagree,
 * goes to review with every new commune either table names.
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
import {
  mergeHint,
  officialLinks,
  type ConversionLink,
  type ConversionLinks,
  type MergeTable,
  type MergeTarget,
} from '../../core/reference/reference.js';
import { restoreCodeZeros } from '../../core/text/text.js';
import type { EditionReport } from './edition-check.js';
import type { MapCommunesTexts } from './map-communes-texts.js';
import { formerDistrictsFor, referenceSide } from './reference-side.js';
import { statusCounts } from '../../core/communes/status-counts.js';

/** The two tables, and the names of the 2025 communes (the official table carries codes only). */
interface Tables {
  official: ConversionLinks;
  derived: MergeTable;
  newNames: ReadonlyMap<string, string>;
  /**
   * For a new commune that no tax row matches surely, the tax rows that may be it (a name typed otherwise, a commune
   * renamed), as the matcher proposes them: an old commune that went into it is shown them to choose from.
   */
  nearTax: ReadonlyMap<string, readonly Candidate[]>;
}

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
  /**
   * `--province`: the province pairs chosen. An old province is kept when it pairs with one of them, or when its
   * communes went into a chosen province of the tax sheet (Bắc Kạn into Thái Nguyên); the others are left out.
   */
  chosen?: readonly ProvincePair[];
  editions: readonly EditionReport[];
  notes: { key: string; params: Record<string, string | number> }[];
  /** Words for the error that refuses sheets of the wrong editions. */
  texts: Pick<MapCommunesTexts, 'editionLines'>;
}

export async function matchViaMerges(i: ViaMergesInput): Promise<MatchResult> {
  const fits = i.editions.some((e) => e.std.kind === 'gso-2004' && e.tax?.kind === 'gso-2025');
  if (!fits) {
    const found = i.texts.editionLines(i.editions);
    throw new DvcError('mc.err.viaMergesNeedsOld', { found }, ExitCode.Usage);
  }
  const { hits: newToTax, near } = await newCommunesInTax(i.tax);
  const { loadConversionLinks, loadMergeTable, loadReferenceList } = await import('../../io/reference-data.js');
  const tables: Tables = {
    official: loadConversionLinks(),
    derived: loadMergeTable(),
    newNames: new Map(loadReferenceList('gso-2025').units.map((u) => [u.code, u.name])),
    nearTax: near,
  };
  const groups = new Map<string, UnitRow[]>();
  for (const row of i.std) {
    const k = refKey(provinceRefOf(row));
    groups.set(k, [...(groups.get(k) ?? []), row]);
  }
  const rows: RowMatch[] = [];
  const provinces: ProvinceSummary[] = [];
  for (const group of groups.values()) {
    const province = provinces.length;
    const matched = group.map((row) => viaMerge(row, province, tables, newToTax));
    const summary = summaryOf(group, matched, newToTax);
    if (i.chosen && !isChosen(summary.pair, i.chosen)) continue;
    rows.push(...matched);
    provinces.push(summary);
  }
  const used = new Set(rows.map((r) => r.taxCode).filter((c) => c !== undefined));
  const chosenTax = i.chosen && new Set(i.chosen.map((p) => p.tax.name));
  const taxUnused = i.tax
    .filter((t) => !chosenTax || chosenTax.has(provinceRefOf(t).name))
    .filter((t) => !used.has(t.code.trim()))
    .map((t) => ({ province: -1, taxRow: t.rowNumber, code: t.code.trim(), name: t.name }));
  const filledBy = (method: RowMatch['method']) => rows.filter((r) => r.method === method).length;
  const review = rows.filter((r) => r.status === 'ambiguous').length;
  const params = { official: filledBy('official_links'), derived: filledBy('merge_table'), review };
  i.notes.push({ key: 'mc.note.viaOfficial', params });
  const pairing = { pairs: provinces.map((p) => p.pair), unpairedStd: [], unpairedTax: [], ambiguous: [] };
  return { rows, provinces, pairing, taxUnused, conflicts: [], duplicateCodes: [], codeRepairs: [] };
}

/** An old province asked for with --province: by its own pair, or by the tax province its communes went into. */
function isChosen(pair: ProvincePair, chosen: readonly ProvincePair[]): boolean {
  return chosen.some(
    (p) => refKey(p.std) === refKey(pair.std) || (pair.tax.name !== '' && p.tax.name === pair.tax.name),
  );
}

/**
 * The shipped 2025 list matched against the tax sheet: new GSO code → its tax row (`hits`), and for a new commune
 * left to review or not found, the tax rows proposed for it (`near`).
 */
async function newCommunesInTax(
  tax: readonly UnitRow[],
): Promise<{ hits: Map<string, TaxHit>; near: Map<string, readonly Candidate[]> }> {
  const ref = await referenceSide('gso-2025', tax);
  const inner = matchCommunes({ std: ref.units, tax: [...tax], formerDistricts: await formerDistrictsFor(ref.units) });
  const hits = new Map<string, TaxHit>();
  const near = new Map<string, readonly Candidate[]>();
  for (const r of inner.rows) {
    if (r.taxCode === undefined || r.status === 'ambiguous' || r.status === 'not_found') {
      if (r.candidates.length > 0) near.set(r.stdCode, r.candidates);
      continue;
    }
    const taxProvince = inner.provinces[r.province]?.pair.tax.name ?? '';
    hits.set(r.stdCode, { taxCode: r.taxCode, taxName: r.taxName ?? '', taxRow: r.taxRow, taxProvince });
  }
  return { hits, near };
}

type Base = Pick<RowMatch, 'stdRow' | 'stdCode' | 'stdName' | 'province' | 'duplicateName'>;

/** A new commune as the officer sees it in a candidate or a reason: "Xã Hiển Khánh (13753)". */
function newLabel(code: string, tables: Tables): string {
  return `${tables.newNames.get(code) ?? '?'} (${code})`;
}

function candidateOf(code: string, tables: Tables, hit: TaxHit | undefined): Candidate {
  return hit
    ? { code: hit.taxCode, name: hit.taxName, why: 'merged_into' }
    : { code: '', name: newLabel(code, tables), why: 'merged_into' };
}

type Reason = RowMatch['reasons'][number];

/** Review with every new commune the tables name, official ones first. */
function toReview(
  base: Base,
  reasons: Reason[],
  codes: readonly string[],
  t: Tables,
  tax: Map<string, TaxHit>,
): RowMatch {
  const candidates = [...new Set(codes)].map((c) => candidateOf(c, t, tax.get(c)));
  return { ...base, status: 'ambiguous', reasons, candidates };
}

/**
 * Filled with the tax row of new commune `code`, or not found when no tax row matches it surely: then the tax rows
 * proposed for that new commune are this row's candidates.
 */
function fill(
  base: Base,
  method: 'official_links' | 'merge_table',
  code: string,
  t: { tables: Tables; tax: Map<string, TaxHit> },
  reasons: { filled: Reason[]; noTax: Reason[] },
): RowMatch {
  const hit = t.tax.get(code);
  if (!hit)
    return {
      ...base,
      status: 'not_found',
      reasons: reasons.noTax,
      candidates: [...(t.tables.nearTax.get(code) ?? [])],
    };
  return {
    ...base,
    status: 'normalised',
    method,
    taxCode: hit.taxCode,
    taxName: hit.taxName,
    ...(hit.taxRow !== undefined ? { taxRow: hit.taxRow } : {}),
    reasons: reasons.filled,
    candidates: [],
  };
}

function viaMerge(row: UnitRow, province: number, tables: Tables, newToTax: Map<string, TaxHit>): RowMatch {
  const code = restoreCodeZeros(row.code, 'commune', 'gso').code;
  const base: Base = { stdRow: row.rowNumber, stdCode: code, stdName: row.name, province, duplicateName: false };
  const hint = mergeHint(tables.derived, code);
  const derived = [...new Map((hint?.targets ?? []).map((t) => [t.code, t])).values()];
  const links = officialLinks(tables.official, code);
  if (!links) return viaDerived(base, derived, tables, newToTax);
  const official = [...new Map(links.map((l) => [l.code, l])).values()];
  const all = [...official.map((l) => l.code), ...derived.map((t) => t.code)];
  const whole = official.length === 1 && official[0].whole;
  const derivedWhole = derived.length === 1 && derived[0].type === 'full';
  const agree = whole
    ? derivedWhole && derived[0].code === official[0].code
    : !derivedWhole &&
      derived.length === official.length &&
      derived.every((t) => official.some((l) => l.code === t.code));
  if (derived.length > 0 && !agree) {
    const params = {
      official: officialText(official, tables),
      derived: derived.map((t) => newLabel(t.code, tables)).join(', '),
    };
    const reason: Reason = { code: derivedWhole ? 'via_tables_disagree' : 'via_tables_disagree_partial', params };
    return toReview(base, [reason], all, tables, newToTax);
  }
  if (!whole) {
    const reason: Reason = { code: 'via_official_split', params: { targets: officialText(official, tables) } };
    return toReview(base, [reason], all, tables, newToTax);
  }
  const target = official[0];
  const params = { newName: tables.newNames.get(target.code) ?? '?', newCode: target.code, note: target.note };
  return fill(
    base,
    'official_links',
    target.code,
    { tables, tax: newToTax },
    {
      filled: [{ code: 'via_official', params }],
      noTax: [{ code: 'via_official_no_tax', params }],
    },
  );
}

/** "Phường Ba Đình (00004): Nhập một phần; …", in the official table's own words. */
function officialText(links: readonly ConversionLink[], tables: Tables): string {
  return links.map((l) => `${newLabel(l.code, tables)}: ${l.note}`).join('; ');
}

/** The official table does not list the old commune: the derived merge table speaks, and the reasons say so. */
function viaDerived(base: Base, targets: readonly MergeTarget[], t: Tables, newToTax: Map<string, TaxHit>): RowMatch {
  const silent: Reason = { code: 'via_official_none', params: { code: base.stdCode } };
  if (targets.length === 0) {
    const reasons: Reason[] = [silent, { code: 'via_merge_none', params: { code: base.stdCode } }];
    return { ...base, status: 'not_found', reasons, candidates: [] };
  }
  if (targets.length === 1 && targets[0].type === 'full') {
    const params = { newName: targets[0].name, newCode: targets[0].code };
    return fill(
      base,
      'merge_table',
      targets[0].code,
      { tables: t, tax: newToTax },
      {
        filled: [silent, { code: 'via_merge', params }],
        noTax: [silent, { code: 'via_merge_no_tax', params }],
      },
    );
  }
  const list = targets.map((x) => `${x.name} (${x.code})`).join(', ');
  const reasons: Reason[] = [silent, { code: 'via_merge_partial', params: { targets: list } }];
  return toReview(
    base,
    reasons,
    targets.map((x) => x.code),
    t,
    newToTax,
  );
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
  return {
    pair,
    ...statusCounts(rows),
    taxUnused: 0,
    conflicts: 0,
  };
}
