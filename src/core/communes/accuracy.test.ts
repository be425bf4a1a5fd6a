/**
 * Accuracy against real public lists (not shipped; located at ../shared/data or $DVC_SHARED_DATA).
 * The figures printed here are copied into docs/map-communes-accuracy.md.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nameKeys, firstMatchingTier } from '../text/text.js';
import { matchCommunes } from './communes.js';
import type { MatchResult, UnitRow } from './communes-types.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const dataDir = process.env.DVC_SHARED_DATA ?? path.resolve(repoRoot, '..', 'shared', 'data');

type Rec = Record<string, string>;
function readCsv(file: string): Rec[] {
  const text = readFileSync(path.join(dataDir, file), 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function unitRows(recs: Rec[]): UnitRow[] {
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
const report: string[] = [];
// The figures go to the test output (they are quoted in docs/map-communes-accuracy.md).
const log = (line: string) => {
  report.push(line);
  process.stdout.write(`${line}\n`);
};

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

describe('accuracy: TMS tax list against GSO 2025', () => {
  it('fills at least 3,315 of 3,321 codes and every filled code agrees with the derived mapping', () => {
    const stdRecs = readCsv('gso-units-2025.csv');
    const taxRecs = readCsv('tax-tms-communes-2025.csv');
    const expected = new Map(
      readCsv('tax-tms-to-gso-2025-mapping-DERIVED.csv').map((r) => [r.gso_commune_code, r.tms_commune_code]),
    );
    const std = unitRows(stdRecs);
    const tax = unitRows(taxRecs);
    const result = matchCommunes({ std, tax });
    expect(result.pairing.pairs).toHaveLength(34);
    // Cross-check the name pairing of provinces against the tax file's GSO province column.
    const gsoOfTms = new Map(taxRecs.map((r) => [r.province_code, r.gso_province_code]));
    for (const p of result.pairing.pairs) expect(gsoOfTms.get(p.tax.code!)).toBe(p.std.code);

    const filled = result.rows.filter((r) => r.taxCode !== undefined);
    const wrong = filled.filter((r) => expected.get(r.stdCode) !== r.taxCode);
    expect(wrong).toEqual([]);
    expect(filled.length).toBeGreaterThanOrEqual(3315);
    const unfilled = result.rows
      .filter((r) => r.taxCode === undefined)
      .map((r) => `${r.stdCode} ${r.stdName} (${r.status})`);
    log(
      `TMS 2025 vs GSO 2025: filled ${filled.length}/${result.rows.length}, wrong 0; unfilled: ${unfilled.join('; ')}`,
    );

    const vl = vlookup(
      std,
      tax,
      (r) => r.provinceCode!,
      (t) => gsoOfTms.get(t.provinceCode!)!,
    );
    const vlWrong = [...vl].filter(([s, code]) => expected.get(s.code) !== code).length;
    log(`VLOOKUP baseline, TMS 2025: filled ${vl.size}, wrong ${vlWrong}`);
  });
});

interface ListCase {
  label: string;
  std: string;
  tax: string;
  prepare?: (recs: Rec[]) => void;
}

/** Magenest has no province names: each Odoo state goes to the 2025 province most of its codes belong to. */
function magenestProvinces(recs: Rec[]): void {
  const provinceOf = new Map(readCsv('gso-units-2025.csv').map((r) => [r.commune_code, r.province_name]));
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

const LISTS: ListCase[] = [
  { label: 'MIC QCVN 109 (2017)', std: 'mic-qcvn109-dvhc-2017.csv', tax: 'gso-units-2004-ed2021-11-01.csv' },
  {
    label: 'kenzouno1 (2017, integer codes)',
    std: 'kenzouno1-2017-json-intcodes.csv',
    tax: 'gso-units-2004-ed2021-11-01.csv',
  },
  {
    label: 'GSO web service raw (2025-03)',
    std: 'gso-units-2004-raw-gso-webservice-2025-03-01.csv',
    tax: 'gso-units-2004.csv',
  },
  {
    label: 'Magenest Odoo (2025)',
    std: 'magenest-odoo-2025-wards.csv',
    tax: 'gso-units-2025.csv',
    prepare: magenestProvinces,
  },
];

/**
 * Why a filled code may differ from the source's own code: the source's code is not that commune's code in
 * the official edition. Either the code is absent there (merged/recoded, or simply wrong as in Magenest), or
 * the official list gives it to a commune whose name does not meet the source's name at any tier (Magenest's
 * 124 shifted codes such as `226` "Kim Liên"; renamed units whose name moved to another code, such as 03016
 * "Xã Sa Pả" which is now "Phường Hàm Rồng" while "Phường Sa Pả" is 03002).
 */
function sourceCodeProblem(
  code: string,
  name: string,
  official: Map<string, string>,
): 'code_absent' | 'code_of_another_commune' | null {
  const officialName = official.get(code);
  if (officialName === undefined) return 'code_absent';
  return firstMatchingTier(nameKeys(officialName, 'commune'), nameKeys(name, 'commune')) === null
    ? 'code_of_another_commune'
    : null;
}

describe.each(LISTS)('accuracy: $label against the official list', ({ std: stdFile, tax: taxFile, prepare, label }) => {
  it("fills no code that disagrees with the source, except where the source code is not that commune's", () => {
    const stdRecs = readCsv(stdFile);
    prepare?.(stdRecs);
    const taxRecs = readCsv(taxFile);
    const official = new Map(taxRecs.map((r) => [r.commune_code, r.commune_name]));
    const std = unitRows(stdRecs);
    const result: MatchResult = matchCommunes({ std, tax: unitRows(taxRecs), codeSystems: { std: 'gso', tax: 'gso' } });
    expect(result.pairing.unpairedStd).toEqual([]);
    const filled = result.rows.filter((r) => r.taxCode !== undefined);
    const explained: Record<string, number> = { code_absent: 0, code_of_another_commune: 0 };
    const unexplained: string[] = [];
    let pointFiveMissed = 0;
    let pointFive = 0;
    for (const r of result.rows) {
      const problem = sourceCodeProblem(r.stdCode, r.stdName, official);
      if (r.taxCode !== undefined && r.taxCode !== r.stdCode) {
        if (problem) explained[problem]++;
        else unexplained.push(`${r.stdCode} ${r.stdName} → ${r.taxCode} ${r.taxName}`);
      }
      // Names that differ from the official one only by NFC, spaces, case, tone placement, prefix or zeros.
      const officialName = official.get(r.stdCode);
      if (
        officialName !== undefined &&
        !r.duplicateName &&
        nameKeys(officialName, 'commune').normalised === nameKeys(r.stdName, 'commune').normalised
      ) {
        pointFive++;
        // A conflict (another std row chose the same tax code) is shown for review, never filled.
        if (r.taxCode !== r.stdCode && !r.conflict) pointFiveMissed++;
      }
    }
    expect(unexplained).toEqual([]);
    expect(pointFiveMissed).toBe(0);
    const counts = Object.fromEntries(
      ['exact', 'normalised', 'ambiguous', 'not_found'].map((s) => [
        s,
        result.rows.filter((r) => r.status === s).length,
      ]),
    );
    log(
      `${label}: rows ${result.rows.length}, filled ${filled.length} (${((100 * filled.length) / result.rows.length).toFixed(1)}%), ` +
        `wrong 0, differing from a bad source code ${explained.code_absent + explained.code_of_another_commune} ` +
        `(absent ${explained.code_absent}, another commune's ${explained.code_of_another_commune}), point-5 variants filled ${pointFive}/${pointFive}, ${JSON.stringify(counts)}`,
    );

    const vl = vlookup(
      std,
      unitRows(taxRecs),
      (r) => r.provinceCode!.padStart(2, '0'),
      (t) => t.provinceCode!,
    );
    const vlWrong = [...vl].filter(
      ([s, code]) => code !== pad5(s.code) && sourceCodeProblem(pad5(s.code), s.name, official) === null,
    ).length;
    log(
      `VLOOKUP baseline, ${label}: filled ${vl.size}, wrong ${vlWrong}; conflicts left for review ${result.conflicts.length}`,
    );

    // Units merged away (code absent from the official edition) in the 2017 lists never come out filled.
    if (stdFile.includes('2017')) {
      const mergedFilled = result.rows.filter((r) => !official.has(r.stdCode) && r.taxCode !== undefined);
      expect(mergedFilled).toEqual([]);
    }
  });
});
