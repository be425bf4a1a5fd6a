// Builds fixtures/lists/tax-synthetic-2025.csv: a tax-authority-like (TMS) commune sheet for the 34-province
// edition, made from the MIT lists in fixtures/lists, because the real TMS list may not be redistributed.
// Names are the real GSO 2025 names (gso-units-2025.csv), with the kinds of spelling differences the real TMS
// list has (SOURCES.md of the data folder) re-created on the same communes. Codes are SYNTHETIC: the real TMS
// province code (shipped in the package), then a 2-digit old-district number and a 3-digit commune number.
// Deterministic. Needs `npm run build` (for the shipped province table). Usage: node scripts/make-tax-list.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const lists = path.join(root, 'fixtures', 'lists');
const { PROVINCE_TABLE } = await import(
  pathToFileURL(path.join(root, 'dist', 'core', 'reference', 'province-table.generated.js')).href
);

const read = (name) => parse(readFileSync(path.join(lists, name)), { columns: true, bom: true });
const gso2025 = read('gso-units-2025.csv');
const gso2004 = read('gso-units-2004.csv');
const merges = read('gso-2025-merges-old-to-new.csv');
const tmsProvince = new Map(PROVINCE_TABLE['gso-2025'].map(([code, , tms]) => [code, tms]));

/** Moves the tone mark of an open oa/oe/uy syllable to the first vowel: "Thủy" → "Thuỷ" (old style). */
function oldTone(s) {
  return s.replace(/\p{L}+/gu, (w) => {
    const m = /^(.*?)([oOuU])([\u0300\u0301\u0303\u0309\u0323])([aAeEyY])$/u.exec(w.normalize('NFD'));
    if (!m || /[qQ]$/.test(m[1])) return w;
    return (m[1] + m[2] + m[4] + m[3]).normalize('NFC');
  });
}
const replace = (from, to) => (s) => s.replace(from, to);

/** The differences between the real TMS names and GSO's, by GSO commune code, and the kind of each. */
const VARIANTS = new Map([
  ...['11560', '14167', '01501', '02287', '02620', '00928', '08674', '22924', '27823'].map((c) => [
    c,
    ['old_tone', oldTone],
  ]),
  ['00745', ['spelling', replace('Phó Bảng', 'Phố Bảng')]],
  ['16609', ['typo', replace('Đào Duy Từ', 'Đào Duy Tư')]],
  ['20137', ['en_dash', replace(' - ', ' – ')]],
  ['23954', ['spacing', replace('Al Bá', 'Albá')]],
  ...['24286', '24280', '24412', '24436'].map((c) => [c, ['curly_apostrophe', replace("'", '’')]]),
  ['24184', ['curly_apostrophe', replace("H'Leo", 'H’leo')]],
  ['24846', ['spacing', replace('Lang Biang', 'Langbiang')]],
  ['24829', ['spacing', replace("B'Lao", "B' Lao")]],
  ...['24871', '24895', '24883', '24868', '24916', '24907'].map((c) => [
    c,
    ['hyphen_added', replace(' Lâm Hà', ' - Lâm Hà')],
  ]),
  ['00922', ['typo', replace('Thuận Hòa', 'Thuận Ha')]],
  ['29857', ['i_y', replace('Lục Sĩ', 'Lục Sỹ')]],
]);

/** The old (2004-system) district most of a new commune's old communes came from: the tax list keeps it. */
function oldDistricts() {
  const districtOf = new Map(gso2004.map((r) => [r.commune_code, r]));
  const votes = new Map();
  for (const m of merges) {
    const d = districtOf.get(m.old_commune_code);
    if (!d) continue;
    const v = votes.get(m.new_commune_code) ?? new Map();
    const weight = m.merge_type === 'full' ? 2 : 1;
    v.set(d.district_code, { name: d.district_name, n: (v.get(d.district_code)?.n ?? 0) + weight });
    votes.set(m.new_commune_code, v);
  }
  const out = new Map();
  for (const [code, v] of votes) {
    const [best] = [...v].sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0]));
    out.set(code, { code: best[0], name: best[1].name });
  }
  return out;
}

function build() {
  const district = oldDistricts();
  const rows = [];
  const byProvince = new Map();
  for (const r of gso2025) byProvince.set(r.province_code, [...(byProvince.get(r.province_code) ?? []), r]);
  for (const [provinceCode, communes] of byProvince) {
    const tms = tmsProvince.get(provinceCode);
    if (!tms) throw new Error(`no TMS province code for ${provinceCode}`);
    // Old districts numbered 01, 02… in GSO order within the province; a commune without merge data gets 99.
    const districts = [...new Set(communes.map((c) => district.get(c.commune_code)?.code).filter(Boolean))].sort();
    const sorted = communes
      .map((c) => ({ c, d: district.get(c.commune_code) }))
      .sort(
        (a, b) =>
          (a.d?.code ?? '999').localeCompare(b.d?.code ?? '999') || a.c.commune_code.localeCompare(b.c.commune_code),
      );
    sorted.forEach(({ c, d }, i) => {
      const n = d ? String(districts.indexOf(d.code) + 1).padStart(2, '0') : '99';
      const [variant, make] = VARIANTS.get(c.commune_code) ?? ['', (s) => s];
      rows.push({
        province_code: tms,
        province_name: c.province_name,
        district_code: `${tms}${n}`,
        district_name: d?.name ?? '',
        commune_code: `${tms}${n}${String(i + 1).padStart(3, '0')}`,
        commune_name: make(c.commune_name),
        commune_level: c.commune_level,
        gso_province_code: provinceCode,
        gso_commune_code: c.commune_code,
        variant,
      });
    });
  }
  return rows.sort((a, b) => a.commune_code.localeCompare(b.commune_code));
}

const rows = build();
const missing = [...VARIANTS.keys()].filter((c) => !rows.some((r) => r.gso_commune_code === c && r.variant));
if (missing.length) throw new Error(`variants not applied: ${missing.join(', ')}`);
writeFileSync(path.join(lists, 'tax-synthetic-2025.csv'), stringify(rows, { header: true, record_delimiter: '\n' }));
const kinds = {};
for (const r of rows) if (r.variant) kinds[r.variant] = (kinds[r.variant] ?? 0) + 1;
console.log(`tax-synthetic-2025.csv: ${rows.length} rows; variants ${JSON.stringify(kinds)}`);
