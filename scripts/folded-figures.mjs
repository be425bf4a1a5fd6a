// Figures of the folded tier on whole-country lists: how many std rows it filled, and how many of those with a
// tax name that carries diacritics different from the std name's (both sides marked). Usage, after
// `npm run build`: node scripts/folded-figures.mjs [data-folder] (default ../shared/data).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.argv[2] ?? path.join(root, '..', 'shared', 'data');
const dist = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
const { matchCommunes } = await dist('core/communes/communes.js');
const { nameKeys, foldDiacritics } = await dist('core/text/text.js');
// As `dvc map-communes` does: official spellings of the std units from the shipped lists.
const { officialNamesFor } = await dist('app/map-communes/reference-side.js');

const read = (file) => parse(readFileSync(path.join(dataDir, file), 'utf8'), { columns: true, bom: true });
const rows = (recs) =>
  recs.map((r, i) => ({
    rowNumber: i + 2,
    provinceCode: r.province_code,
    provinceName: r.province_name,
    districtCode: r.district_code,
    districtName: r.district_name,
    code: r.commune_code,
    name: r.commune_name,
  }));
const marked = (name) => {
  const k = nameKeys(name, 'commune').normalised;
  return foldDiacritics(k) !== k;
};

const CASES = [
  ['TMS 2025 vs GSO 2025', 'gso-units-2025.csv', 'tax-tms-communes-2025.csv', 'tms'],
  [
    'MIC QCVN 109 (2017) vs GSO 2004 ed 2021-11-01',
    'mic-qcvn109-dvhc-2017.csv',
    'gso-units-2004-ed2021-11-01.csv',
    'gso',
  ],
  [
    'kenzouno1 (2017) vs GSO 2004 ed 2021-11-01',
    'kenzouno1-2017-json-intcodes.csv',
    'gso-units-2004-ed2021-11-01.csv',
    'gso',
  ],
  [
    'GSO web service raw vs GSO 2004 ed 2025-03-01',
    'gso-units-2004-raw-gso-webservice-2025-03-01.csv',
    'gso-units-2004.csv',
    'gso',
  ],
  ['GSO 2004 ed 2025-03-01 vs TMS 2025 (cross-edition)', 'gso-units-2004.csv', 'tax-tms-communes-2025.csv', 'tms'],
];
for (const [label, stdFile, taxFile, taxSystem] of CASES) {
  const std = rows(read(stdFile));
  const tax = rows(read(taxFile));
  const officialNames = await officialNamesFor(std);
  const result = matchCommunes({ std, tax, codeSystems: { std: 'gso', tax: taxSystem }, officialNames });
  const folded = result.rows.filter((r) => r.method === 'folded' && r.taxCode !== undefined);
  const bothMarked = folded.filter((r) => marked(r.stdName) && marked(r.taxName));
  const byCode = bothMarked.filter((r) => r.reasons.some((x) => x.code === 'code_confirms')).length;
  const byList = bothMarked.filter((r) => r.reasons.some((x) => x.code === 'official_spelling')).length;
  const filled = result.rows.filter((r) => r.taxCode !== undefined && r.status !== 'ambiguous').length;
  console.log(
    `${label}: rows ${result.rows.length}, filled ${filled}, folded-tier fills ${folded.length}, ` +
      `of which both names carry diacritics ${bothMarked.length} (confirmed by the same code on both sheets: ${byCode}; ` +
      `by an official list's spelling of the std code: ${byList})` +
      (bothMarked.length
        ? `: ${bothMarked.map((r) => `${r.stdCode} ${r.stdName} → ${r.taxCode} ${r.taxName}`).join('; ')}`
        : ''),
  );
}
