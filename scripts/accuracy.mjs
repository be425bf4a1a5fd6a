// `npm run accuracy [DIR]`: the matching accuracy table of docs/map-communes-accuracy.md, measured on every list of
// DIR (default ../shared/data, the converted source lists described in its SOURCES.md), including the lists that may
// not be redistributed and so are not part of `npm test`. Also checks the shipped data against those lists and that
// no real Unicode name is taken for a legacy-font one. Exit 0 when every check holds, 1 when one fails, 2 when DIR
// lacks a list. Needs the compiled code (the npm script builds first).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href);
const dir = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, '..', 'shared', 'data');
const {
  DATA_FOLDER_CASES,
  FIXTURE_CASES,
  FIXTURE_LISTS,
  measureList,
  measureTaxList,
  readList,
  typedWithoutDiacritics,
  unitRows,
} = await dist('test-support/accuracy-lists.js');
// As `dvc map-communes` does: the shipped lists' own spellings of the std units link a tax name written that way.
const { officialNamesFor } = await dist('app/map-communes/reference-side.js');
const { decodeLegacy } = await dist('core/text/text.js');
const { provincesOf } = await dist('core/reference/reference.js');
const { scoreViaMerges } = await dist('test-support/via-merges-accuracy.js');
const { loadReferenceList } = await dist('io/reference-data.js');

const NEEDED = [
  'gso-units-2025.csv',
  'tax-tms-communes-2025.csv',
  'tax-tms-to-gso-2025-mapping-DERIVED.csv',
  'nso-2025-conversion-links.csv',
  ...DATA_FOLDER_CASES.flatMap((c) => [c.std, c.tax]),
];
const missing = [...new Set(NEEDED)].filter((f) => !existsSync(path.join(dir, f)));
if (missing.length) {
  console.error(`${dir}: missing ${missing.join(', ')} (usage: npm run accuracy [DIR])`);
  process.exit(2);
}

const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
};
const n = (x) => x.toLocaleString('en-US');
/** One decimal, two when one would round a rate short of 100 % up to 100.0. */
function rate(filled, rows) {
  const one = ((100 * filled) / rows).toFixed(1);
  return `${one === '100.0' && filled < rows ? ((100 * filled) / rows).toFixed(2) : one} %`;
}
const table = [
  '| std side (matched by name) | tax side | rows | filled right | filled wrong | to review, right answer first | ' +
    'to review, other | not found | fill rate | VLOOKUP-by-name wrong |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
/** The five whole figures of a row: filled right, filled wrong, to review (right first, other), not found. */
const figures = (f, wrong) =>
  `${n(f.filled - wrong)} | ${wrong} | ${n(f.reviewRightFirst)} | ${n(f.reviewOther)} | ${n(f.notFound)}`;
const notes = [];

async function taxRow(label, taxLabel, std, tax, expected) {
  const f = measureTaxList(std, tax, expected, await officialNamesFor(unitRows(std)));
  check(
    f.provincesPaired === 34 && f.provinceMismatches.length === 0,
    `${taxLabel}: provinces paired ${f.provincesPaired}`,
  );
  check(f.wrong.length === 0, `${taxLabel}: wrong ${f.wrong.join('; ')}`);
  table.push(
    `| ${label} | ${taxLabel} | ${n(f.rows)} | ${figures(f, f.wrong.length)} | ${rate(f.filled, f.rows)} | ` +
      `${f.vlookupWrong} (fills only ${n(f.vlookupFilled)}) |`,
  );
  notes.push(`${taxLabel}: provinces paired ${f.provincesPaired}/34; unfilled: ${f.unfilled.join('; ') || 'none'}`);
}

function listRow(c, from, where) {
  const f = measureList(from, c);
  check(f.unexplained.length === 0, `${c.label}: wrong ${f.unexplained.join('; ')}`);
  check(f.pointFiveMissed.length === 0, `${c.label}: variants not filled ${f.pointFiveMissed.join('; ')}`);
  check(f.mergedFilled.length === 0, `${c.label}: merged units filled ${f.mergedFilled.join('; ')}`);
  const vl = f.vlookupFilled === 0 ? '–' : String(f.vlookupWrong);
  table.push(
    `| ${c.label}${where} | ${c.taxLabel} | ${n(f.rows)} | ${figures(f, f.unexplained.length)} | ` +
      `${rate(f.filled, f.rows)} | ${vl} |`,
  );
  notes.push(
    `${c.label}: differing from a bad source code ${f.codeAbsent + f.codeOfAnotherCommune} (absent ${f.codeAbsent}, ` +
      `another commune's ${f.codeOfAnotherCommune}); point-5 variants filled ${f.pointFive - f.pointFiveMissed.length}` +
      `/${f.pointFive}; conflicts left for review ${f.conflicts}; unpaired provinces ${f.unpairedStd.join(', ') || 'none'}; ` +
      `${JSON.stringify(f.statuses)}`,
  );
}

const derived = new Map(
  readList(dir, 'tax-tms-to-gso-2025-mapping-DERIVED.csv').map((r) => [r.gso_commune_code, r.tms_commune_code]),
);
await taxRow(
  'GSO 2025 (`gso-units-2025.csv`)',
  'TMS 2025 (`tax-tms-communes-2025.csv`)',
  readList(dir, 'gso-units-2025.csv'),
  readList(dir, 'tax-tms-communes-2025.csv'),
  derived,
);
// The tax sheet typed without diacritics: a name that folds from two real names is evidence for both.
const plainTms = readList(dir, 'tax-tms-communes-2025.csv');
typedWithoutDiacritics(plainTms);
await taxRow(
  'GSO 2025 (`gso-units-2025.csv`)',
  'TMS 2025 typed without diacritics',
  readList(dir, 'gso-units-2025.csv'),
  plainTms,
  derived,
);
for (const c of DATA_FOLDER_CASES) listRow(c, dir, '');
const synthetic = readList(FIXTURE_LISTS, 'tax-synthetic-2025.csv');
await taxRow(
  'GSO 2025 (`gso-units-2025.csv`)',
  'TMS-like, synthetic codes (`fixtures/lists`)¹',
  readList(FIXTURE_LISTS, 'gso-units-2025.csv'),
  synthetic,
  new Map(synthetic.map((r) => [r.gso_commune_code, r.commune_code])),
);
for (const c of FIXTURE_CASES) listRow(c, FIXTURE_LISTS, '¹');

// `--via-merges` over the whole country: the 2004-coded list of 01/03/2025 against the real TMS list, every fill
// scored against the official conversion table of the data folder. The new GSO code of a TMS commune is the derived
// name mapping's; the codes of v3.0.2 that Công văn 1027 changed (06978, 23938) become the shipped ones.
async function viaMergesRow() {
  const shipped = loadReferenceList('gso-2025').units;
  const codes = new Set(shipped.map((u) => u.code));
  const byName = new Map(shipped.map((u) => [`${u.provinceCode}|${u.name}`, u.code]));
  const toShipped = new Map(
    readList(dir, 'gso-units-2025.csv').map((r) => [
      r.commune_code,
      codes.has(r.commune_code) ? r.commune_code : byName.get(`${r.province_code}|${r.commune_name}`),
    ]),
  );
  const shippedCode = (c) => toShipped.get(c) ?? c;
  const official = new Map();
  for (const r of readList(dir, 'nso-2025-conversion-links.csv')) {
    const links = official.get(r.old_code) ?? [];
    links.push({ code: shippedCode(r.new_code), whole: !/phần/u.test(r.note) });
    official.set(r.old_code, links);
  }
  const newOfTax = new Map(derivedRows.map((r) => [r.tms_commune_code, shippedCode(r.gso_commune_code)]));
  const std = unitRows(readList(dir, 'gso-units-2004.csv'));
  const f = await scoreViaMerges(std, unitRows(readList(dir, 'tax-tms-communes-2025.csv')), newOfTax, official);
  check(f.wrong.length === 0, `--via-merges: wrong ${f.wrong.join('; ')}`);
  viaTable.push(
    `| GSO ed. 01/03/2025 (\`gso-units-2004.csv\`) | TMS 2025 (\`tax-tms-communes-2025.csv\`) | ${n(f.rows)} | ` +
      `${n(f.filled)} | ${f.wrong.length} | ${f.unscored.length} | ${n(f.review)} | ${f.notFound} |`,
  );
  notes.push(`--via-merges: filled where the official table is silent: ${f.unscored.join('; ') || 'none'}`);
  notes.push(`--via-merges: rows by first reason ${JSON.stringify(f.reasons)}`);
}
const viaTable = [
  '| std side (2004 codes) | tax side (2025) | rows | filled | wrong (official table) | filled, official table silent | to review | not found |',
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
];
const derivedRows = readList(dir, 'tax-tms-to-gso-2025-mapping-DERIVED.csv');
await viaMergesRow();

// The shipped TMS province codes agree with the tax list they come from.
const tmsOf = new Map(readList(dir, 'tax-tms-communes-2025.csv').map((r) => [r.gso_province_code, r.province_code]));
const shippedWrong = provincesOf('gso-2025').filter((p) => tmsOf.get(p.code) !== p.tmsCode);
check(shippedWrong.length === 0, `shipped TMS province codes differ: ${shippedWrong.map((p) => p.code).join(', ')}`);

// No real Unicode name of any list is taken for a TCVN3 or VNI one.
let names = 0;
const decoded = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
  for (const r of readList(dir, file))
    for (const [k, v] of Object.entries(r)) {
      if (!(k.endsWith('_name') || k === 'commune_name_alt_release') || v === '') continue;
      names++;
      if (decodeLegacy(v).encoding !== null) decoded.push(`${file}: ${v}`);
    }
}
check(decoded.length === 0, `real names decoded as legacy fonts: ${decoded.slice(0, 10).join('; ')}`);

console.log(table.join('\n'));
console.log('\n¹ also checked by `npm test`.\n');
console.log(
  `\`--via-merges\`, the whole country, scored against the official conversion table:\n\n${viaTable.join('\n')}\n`,
);
for (const line of notes) console.log(`- ${line}`);
console.log(`- Shipped TMS province codes: ${34 - shippedWrong.length}/34 agree with \`tax-tms-communes-2025.csv\`.`);
console.log(`- Legacy-font detector: ${n(names)} real names in ${dir}, ${decoded.length} taken for TCVN3/VNI.`);
if (failures.length) {
  console.error(`\naccuracy: ${failures.length} check(s) failed:\n${failures.join('\n')}`);
  process.exit(1);
}
