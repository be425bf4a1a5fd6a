/**
 * Matching accuracy against lists of real communes whose right codes are known. Used by the accuracy tests of
 * `npm test` (lists under fixtures/lists, redistributable) and by `npm run accuracy [DIR]` (scripts/accuracy.mjs,
 * every list of the data folder, including the ones that may not be redistributed).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { matchCommunes, type OfficialNames } from '../core/communes/communes.js';
import type { MatchResult, UnitRow } from '../core/communes/communes-types.js';
import { firstMatchingTier, foldDiacritics, nameKeys } from '../core/text/text.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Redistributable real lists, committed with the repository (see fixtures/README.md). */
export const FIXTURE_LISTS = path.join(REPO, 'fixtures', 'lists');

export type Rec = Record<string, string>;

/** A CSV list of the data folder or fixtures/lists: header row, UTF-8, every value text. */
export function readList(dir: string, file: string): Rec[] {
  return parse(readFileSync(path.join(dir, file)), { columns: true, bom: true, relax_column_count: true }) as Rec[];
}

export function unitRows(recs: readonly Rec[]): UnitRow[] {
  return recs.map((r, i) => ({
    rowNumber: i + 2,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    districtCode: r.district_code,
    districtName: r.district_name,
    code: r.commune_code,
    name: r.commune_name,
  }));
}

const pad5 = (c: string) => c.trim().padStart(5, '0');

/** First case-insensitive equal name in the same province, in sheet order: what VLOOKUP does. */
function vlookup(
  std: UnitRow[],
  tax: UnitRow[],
  province: (r: UnitRow) => string,
  taxProvince: (r: UnitRow) => string,
): Map<UnitRow, string> {
  const first = new Map<string, string>();
  for (const t of tax) {
    const k = `${taxProvince(t)}|${t.name.toLowerCase()}`;
    if (!first.has(k)) first.set(k, t.code);
  }
  const out = new Map<UnitRow, string>();
  for (const s of std) {
    const code = first.get(`${province(s)}|${s.name.toLowerCase()}`);
    if (code !== undefined) out.set(s, code);
  }
  return out;
}

/** A tax-authority list (3-digit province, 8-digit commune codes) against the GSO list it must be mapped to. */
export interface TaxListFigures {
  rows: number;
  filled: number;
  provincesPaired: number;
  /** Province pairs whose tax province does not carry the paired GSO province code. */
  provinceMismatches: string[];
  /** Filled codes that are not the expected one. */
  wrong: string[];
  unfilled: string[];
  /** Unfilled rows whose right code is on the tax side and is the first candidate shown to the officer. */
  reviewRightFirst: number;
  /** Unfilled rows whose right code is on the tax side but not the first candidate. */
  reviewOther: number;
  /** Unfilled rows with no right code on the tax side. */
  notFound: number;
  vlookupFilled: number;
  vlookupWrong: number;
}

/** How the unfilled rows stand for the officer, given each row's right code (undefined: none on the tax side). */
export function reviewFigures(
  unfilled: readonly MatchResult['rows'][number][],
  rightCode: (r: MatchResult['rows'][number]) => string | undefined,
): { reviewRightFirst: number; reviewOther: number; notFound: number } {
  const out = { reviewRightFirst: 0, reviewOther: 0, notFound: 0 };
  for (const r of unfilled) {
    const right = rightCode(r);
    if (right === undefined) out.notFound++;
    else if (r.candidates[0]?.code === right) out.reviewRightFirst++;
    else out.reviewOther++;
  }
  return out;
}

/**
 * `expected` maps a GSO commune code to its tax code; the tax records carry `gso_province_code`.
 */
export function measureTaxList(
  stdRecs: Rec[],
  taxRecs: Rec[],
  expected: Map<string, string>,
  officialNames?: OfficialNames,
): TaxListFigures {
  const std = unitRows(stdRecs);
  const tax = unitRows(taxRecs);
  const result = matchCommunes({ std, tax, officialNames });
  const gsoOfTax = new Map(taxRecs.map((r) => [r.province_code, r.gso_province_code]));
  const provinceMismatches = result.pairing.pairs
    .filter((p) => gsoOfTax.get(p.tax.code!) !== p.std.code)
    .map((p) => `${p.std.name} ↔ ${p.tax.name}`);
  const filled = result.rows.filter((r) => r.taxCode !== undefined);
  const taxCodes = new Set(tax.map((t) => t.code.trim()));
  const unfilledRows = result.rows.filter((r) => r.taxCode === undefined);
  const vl = vlookup(
    std,
    tax,
    (r) => r.provinceCode!,
    (t) => gsoOfTax.get(t.provinceCode!)!,
  );
  return {
    rows: result.rows.length,
    filled: filled.length,
    provincesPaired: result.pairing.pairs.length,
    provinceMismatches,
    wrong: filled
      .filter((r) => expected.get(r.stdCode) !== r.taxCode)
      .map((r) => `${r.stdCode} ${r.stdName} → ${r.taxCode}`),
    unfilled: unfilledRows.map((r) => `${r.stdCode} ${r.stdName} (${r.status})`),
    ...reviewFigures(unfilledRows, (r) => {
      const right = expected.get(r.stdCode);
      return right !== undefined && taxCodes.has(right) ? right : undefined;
    }),
    vlookupFilled: vl.size,
    vlookupWrong: [...vl].filter(([s, code]) => expected.get(s.code) !== code).length,
  };
}

/** A list of communes with GSO codes (the std side, matched by name) against an official GSO edition. */
export interface ListCase {
  label: string;
  /** The std list (names and the codes its source gives them). */
  std: string;
  /** The official edition its codes are checked against. */
  tax: string;
  taxLabel: string;
  /** Older than the official edition: units merged away must never come out filled. */
  older?: boolean;
  /** Fills in province names the list does not have. */
  prepare?: (recs: Rec[], dir: string) => void;
}

export interface ListFigures {
  rows: number;
  filled: number;
  /** Std provinces the engine could not pair by name; their rows are left out of `pointFiveMissed`. */
  unpairedStd: string[];
  /** Filled codes that differ from the list's own because that code is absent from the official edition. */
  codeAbsent: number;
  /** … or because the official edition gives that code to a commune of another name. */
  codeOfAnotherCommune: number;
  /** Filled codes that differ from the list's own code for no such reason: wrong fills. */
  unexplained: string[];
  /** Names equal to the official one after NFC, spaces, case, tone placement, prefix and zeros, not repeated. */
  pointFive: number;
  pointFiveMissed: string[];
  statuses: Record<string, number>;
  /** See TaxListFigures; the right code is the list's own when the official edition gives it to that commune. */
  reviewRightFirst: number;
  reviewOther: number;
  notFound: number;
  /** Units absent from the official edition that came out filled (checked for older lists). */
  mergedFilled: string[];
  vlookupFilled: number;
  vlookupWrong: number;
  conflicts: number;
}

/**
 * Why a filled code may differ from the source's own code: the source's code is not that commune's code in the
 * official edition. Either the code is absent there (merged or recoded, or simply wrong as in Magenest), or the
 * official list gives it to a commune whose name does not meet the source's name at any tier (Magenest's shifted
 * codes such as `226` "Kim Liên"; renamed units whose name moved to another code, such as 03016 "Xã Sa Pả",
 * now "Phường Hàm Rồng", while "Phường Sa Pả" is 03002).
 */
function sourceCodeProblem(
  code: string,
  name: string,
  official: Map<string, string>,
): 'codeAbsent' | 'codeOfAnotherCommune' | null {
  const officialName = official.get(code);
  if (officialName === undefined) return 'codeAbsent';
  return firstMatchingTier(nameKeys(officialName, 'commune'), nameKeys(name, 'commune')) === null
    ? 'codeOfAnotherCommune'
    : null;
}

function classifyRows(result: MatchResult, official: Map<string, string>, unpairedCodes: Set<string>) {
  const explained = { codeAbsent: 0, codeOfAnotherCommune: 0 };
  const unexplained: string[] = [];
  const pointFiveMissed: string[] = [];
  let pointFive = 0;
  for (const r of result.rows) {
    const problem = sourceCodeProblem(r.stdCode, r.stdName, official);
    if (r.taxCode !== undefined && r.taxCode !== r.stdCode) {
      if (problem) explained[problem]++;
      else unexplained.push(`${r.stdCode} ${r.stdName} → ${r.taxCode} ${r.taxName}`);
    }
    const officialName = official.get(r.stdCode);
    // Rows of a province the engine could not pair are reported by `unpairedStd`, not here.
    if (
      !unpairedCodes.has(r.stdCode) &&
      officialName !== undefined &&
      !r.duplicateName &&
      nameKeys(officialName, 'commune').normalised === nameKeys(r.stdName, 'commune').normalised
    ) {
      pointFive++;
      // A conflict (another std row chose the same tax code) is shown for review, never filled.
      if (r.taxCode !== r.stdCode && !r.conflict) pointFiveMissed.push(`${r.stdCode} ${r.stdName}`);
    }
  }
  return { ...explained, unexplained, pointFive, pointFiveMissed };
}

export function measureList(dir: string, c: ListCase): ListFigures {
  const stdRecs = readList(dir, c.std);
  c.prepare?.(stdRecs, dir);
  const taxRecs = readList(dir, c.tax);
  const official = new Map(taxRecs.map((r) => [r.commune_code, r.commune_name]));
  const std = unitRows(stdRecs);
  const tax = unitRows(taxRecs);
  const result = matchCommunes({ std, tax, codeSystems: { std: 'gso', tax: 'gso' } });
  const statuses = Object.fromEntries(
    ['exact', 'normalised', 'ambiguous', 'not_found'].map((s) => [s, result.rows.filter((r) => r.status === s).length]),
  );
  const unpairedStd = result.pairing.unpairedStd.map((p) => p.name);
  const unpairedCodes = new Set(std.filter((r) => unpairedStd.includes(r.provinceName ?? '')).map((r) => pad5(r.code)));
  const vl = vlookup(
    std,
    tax,
    (r) => r.provinceCode!.padStart(2, '0'),
    (t) => t.provinceCode!,
  );
  return {
    rows: result.rows.length,
    filled: result.rows.filter((r) => r.taxCode !== undefined).length,
    unpairedStd,
    ...classifyRows(result, official, unpairedCodes),
    statuses,
    ...reviewFigures(
      result.rows.filter((r) => r.taxCode === undefined),
      (r) => (sourceCodeProblem(r.stdCode, r.stdName, official) === null ? r.stdCode : undefined),
    ),
    mergedFilled: c.older
      ? result.rows.filter((r) => !official.has(r.stdCode) && r.taxCode !== undefined).map((r) => r.stdCode)
      : [],
    vlookupFilled: vl.size,
    vlookupWrong: [...vl].filter(
      ([s, code]) => code !== pad5(s.code) && sourceCodeProblem(pad5(s.code), s.name, official) === null,
    ).length,
    conflicts: result.conflicts.length,
  };
}

/** Magenest has no province names: each Odoo state goes to the 2025 province most of its codes belong to. */
function magenestProvinces(recs: Rec[], dir: string): void {
  const provinceOf = new Map(readList(dir, 'gso-units-2025.csv').map((r) => [r.commune_code, r.province_name]));
  const votes = new Map<string, Map<string, number>>();
  for (const r of recs) {
    const p = provinceOf.get(pad5(r.commune_code));
    if (!p) continue;
    const m = votes.get(r.province_code) ?? new Map<string, number>();
    m.set(p, (m.get(p) ?? 0) + 1);
    votes.set(r.province_code, m);
  }
  const state = new Map([...votes].map(([s, m]) => [s, [...m].sort((a, b) => b[1] - a[1])[0][0]]));
  for (const r of recs) r.province_name = state.get(r.province_code) ?? '';
}

/** Every name of the list typed without diacritics, prefixes included ("Xa Tam Anh"). */
export function typedWithoutDiacritics(recs: Rec[]): void {
  for (const r of recs) r.commune_name = foldDiacritics(r.commune_name);
}

/**
 * As `typedWithoutDiacritics`, and the list lacks every name with no marks that has a marked twin of the same letters
 * in its district ("Phường Sa Pa" beside "Phường Sa Pả"): what is left, "Phuong Sa Pa", is the marked one's row.
 */
export function typedWithoutDiacriticsTwinsLeftOut(recs: Rec[]): void {
  const groups = new Map<string, Rec[]>();
  for (const r of recs) {
    const k = nameKeys(r.commune_name, 'commune');
    const key = `${r.province_code}|${r.district_code}|${k.folded}|${k.unitType ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const gone = new Set<Rec>();
  for (const g of groups.values()) {
    if (g.length < 2 || g.every((r) => !nameKeys(r.commune_name, 'commune').marked)) continue;
    for (const r of g) if (!nameKeys(r.commune_name, 'commune').marked) gone.add(r);
  }
  const kept = recs.filter((r) => !gone.has(r));
  recs.splice(0, recs.length, ...kept);
  typedWithoutDiacritics(recs);
}

/** Real lists with their sources' own codes, committed in fixtures/lists (MIT): run by `npm test`. */
export const FIXTURE_CASES: ListCase[] = [
  {
    label: 'GSO ed. 01/11/2021',
    std: 'gso-units-2004-ed2021-11-01.csv',
    tax: 'gso-units-2004.csv',
    taxLabel: 'GSO ed. 01/03/2025',
  },
  {
    label: 'GSO 2025 ed. 30/04/2026',
    std: 'gso-units-2025-ed2026-04-30.csv',
    tax: 'gso-units-2025.csv',
    taxLabel: 'GSO 2025',
  },
  {
    label: 'GSO 2025, CV 1027 transcription',
    std: 'gso-units-2025-cv1027-transcribed.csv',
    tax: 'gso-units-2025.csv',
    taxLabel: 'GSO 2025',
  },
];

/** Lists that may not be redistributed (no licence, GPL): only `npm run accuracy` reads them. */
export const DATA_FOLDER_CASES: ListCase[] = [
  {
    label: 'MIC QCVN 109 (2017)',
    std: 'mic-qcvn109-dvhc-2017.csv',
    tax: 'gso-units-2004-ed2021-11-01.csv',
    taxLabel: 'GSO ed. 01/11/2021',
    older: true,
  },
  {
    label: 'kenzouno1 (2017, integer codes)',
    std: 'kenzouno1-2017-json-intcodes.csv',
    tax: 'gso-units-2004-ed2021-11-01.csv',
    taxLabel: 'GSO ed. 01/11/2021',
    older: true,
  },
  {
    label: 'GSO web service raw (01/03/2025)',
    std: 'gso-units-2004-raw-gso-webservice-2025-03-01.csv',
    tax: 'gso-units-2004.csv',
    taxLabel: 'GSO ed. 01/03/2025',
  },
  {
    label: 'GSO web service raw, typed without diacritics',
    std: 'gso-units-2004-raw-gso-webservice-2025-03-01.csv',
    tax: 'gso-units-2004.csv',
    taxLabel: 'GSO ed. 01/03/2025',
    prepare: typedWithoutDiacritics,
  },
  {
    label: 'The same, unmarked twins left out',
    std: 'gso-units-2004-raw-gso-webservice-2025-03-01.csv',
    tax: 'gso-units-2004.csv',
    taxLabel: 'GSO ed. 01/03/2025',
    prepare: typedWithoutDiacriticsTwinsLeftOut,
  },
  {
    label: 'Magenest Odoo (2025)',
    std: 'magenest-odoo-2025-wards.csv',
    tax: 'gso-units-2025.csv',
    taxLabel: 'GSO 2025',
    prepare: magenestProvinces,
  },
];
