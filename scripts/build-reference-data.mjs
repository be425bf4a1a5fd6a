// Builds the reference data shipped with dvc (data/*.json.gz and src/core/reference/province-table.generated.ts)
// from the converted source lists described in the shared data folder's SOURCES.md.
//
//   node scripts/build-reference-data.mjs [shared-data-dir]
//
// The folder comes from the argument, else DVC_SHARED_DATA, else ../shared/data relative to the repository.
// Output is deterministic: rebuilding from the same sources gives byte-identical files.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.resolve(process.argv[2] ?? process.env.DVC_SHARED_DATA ?? path.join(root, '..', 'shared', 'data'));
const outDir = path.join(root, 'data');
const tableFile = path.join(root, 'src', 'core', 'reference', 'province-table.generated.ts');

/** RFC 4180 rows of a UTF-8 CSV file, as objects keyed by the header. */
function readCsv(name) {
  const text = readFileSync(path.join(src, name), 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [];
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
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...body] = rows.filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Names are shipped NFC with whitespace runs collapsed and trimmed (20 names of the 2021 edition change). */
const clean = (s) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function fail(message) {
  console.error(`build-reference-data: ${message}`);
  process.exit(1);
}

/** Compact form of one commune-level list: provinces, districts and communes as tuples of indexes. */
function compact(rows, meta) {
  const levels = [];
  const provinces = [];
  const districts = [];
  const communes = [];
  const pIndex = new Map();
  const dIndex = new Map();
  const seen = new Set();
  for (const r of rows) {
    const pc = r.province_code;
    if (!pIndex.has(pc)) {
      pIndex.set(pc, provinces.length);
      provinces.push([pc, clean(r.province_name)]);
    }
    let parent = pIndex.get(pc);
    if (r.district_code) {
      const dc = r.district_code;
      if (!dIndex.has(dc)) {
        dIndex.set(dc, districts.length);
        districts.push([dc, clean(r.district_name), pIndex.get(pc)]);
      }
      parent = dIndex.get(dc);
    }
    if (seen.has(r.commune_code)) fail(`${meta.edition}: duplicate commune code ${r.commune_code}`);
    seen.add(r.commune_code);
    let level = levels.indexOf(r.commune_level);
    if (level < 0) {
      level = levels.length;
      levels.push(r.commune_level);
    }
    communes.push([r.commune_code, clean(r.commune_name), level, parent]);
  }
  return { format: 1, ...meta, levels, provinces, districts, communes };
}

function write(name, value) {
  const gz = gzipSync(Buffer.from(JSON.stringify(value), 'utf8'), { level: 9 });
  writeFileSync(path.join(outDir, name), gz);
  console.log(`${name}: ${gz.length} bytes`);
}

if (!existsSync(path.join(src, 'gso-units-2025.csv')))
  fail(`no source lists in ${src}; pass the folder as an argument or set DVC_SHARED_DATA`);
mkdirSync(outDir, { recursive: true });

// GSO 2025 (34 provinces): v3.0.2 with the codes and names of Công văn 1027/CTK-CSCL where they differ.
const rows2025 = readCsv('gso-units-2025.csv');
const cv1027 = readCsv('gso-units-2025-cv1027-transcribed.csv');
const cvByCode = new Map(cv1027.map((r) => [r.commune_code, r]));
const cvByProvinceName = new Map(cv1027.map((r) => [`${r.province_code}|${r.commune_name}`, r]));
const applied = [];
/** v3.0.2 code → the code Công văn 1027 gives the same commune (Ba Chẽ, Ia Mơ). */
const recoded = new Map();
for (const r of rows2025) {
  const byCode = cvByCode.get(r.commune_code);
  if (byCode) {
    if (byCode.commune_name !== r.commune_name || byCode.commune_level !== r.commune_level) {
      applied.push(`${r.commune_code}: ${r.commune_name} → ${byCode.commune_name}`);
      r.commune_name = byCode.commune_name;
      r.commune_level = byCode.commune_level;
    }
    continue;
  }
  const byName = cvByProvinceName.get(`${r.province_code}|${r.commune_name}`);
  if (!byName || rows2025.some((x) => x.commune_code === byName.commune_code))
    fail(`2025: ${r.commune_code} ${r.commune_name} not in CV 1027`);
  applied.push(`${r.commune_name}: ${r.commune_code} → ${byName.commune_code}`);
  recoded.set(r.commune_code, byName.commune_code);
  r.commune_code = byName.commune_code;
}
rows2025.sort((a, b) => (a.province_code + a.commune_code).localeCompare(b.province_code + b.commune_code));
console.log(`CV 1027 applied: ${applied.join('; ')}`);
const list2025 = compact(rows2025, {
  edition: 'gso-2025',
  effective: '2025-07-01',
  source:
    'thanglequoc/vietnamese-provinces-database v3.0.2 (78594ea643d5fdebd640ea3889ea91f84b9463ae), MIT; codes and names of Công văn 1027/CTK-CSCL (dvhcvn/20250701 dd94887ce32324380bc5bb0a76fe39867dafc73b, MIT) where they differ',
});
write('gso-2025.json.gz', list2025);

const list2004 = compact(readCsv('gso-units-2004.csv'), {
  edition: 'gso-2004',
  effective: '2025-03-01',
  source: 'thanglequoc/vietnamese-provinces-database v2.4.1 (fc33b7411ec4e3697817fab8118718a8d39ef090), MIT',
});
write('gso-2004.json.gz', list2004);

const list2021 = compact(readCsv('gso-units-2004-ed2021-11-01.csv'), {
  edition: 'gso-2004-2021',
  effective: '2021-11-01',
  source: 'thanglequoc/vietnamese-provinces-database v1.0.0 (6c8f1d6e77bd10d67cd203ad6a87f72e05287542), MIT',
});
write('gso-2004-2021.json.gz', list2021);

// The 2025 merge table, old GSO commune → new commune(s). Derived data (dvhcvn/20250701), not official.
const merges = readCsv('gso-2025-merges-old-to-new.csv');
const newUnits = [];
const newIndex = new Map();
const mergeRows = [];
for (const r of merges) {
  if (!newIndex.has(r.new_commune_code)) {
    newIndex.set(r.new_commune_code, newUnits.length);
    newUnits.push([r.new_commune_code, clean(r.new_commune_name), r.new_province_code]);
  }
  if (r.merge_type !== 'full' && r.merge_type !== 'partial') fail(`merges: bad merge_type ${r.merge_type}`);
  mergeRows.push([
    r.old_commune_code,
    clean(r.old_commune_name),
    newIndex.get(r.new_commune_code),
    r.merge_type === 'full' ? 0 : 1,
  ]);
}
write('gso-2025-merges.json.gz', {
  format: 1,
  derived: true,
  source:
    'dvhcvn/20250701 (dd94887ce32324380bc5bb0a76fe39867dafc73b) mapping/merges.json, MIT; built by its author from the NQ-UBTVQH15 resolutions; derived, not official',
  newUnits,
  rows: mergeRows,
});

// The official conversion links of the statistics office, old GSO commune → new commune(s), codes and notes only.
// A new code the table writes as v3.0.2 does (23938 Xã Ia Mơ) becomes the code of Công văn 1027 (23737).
const codes2004 = new Set(list2004.communes.map(([code]) => code));
const codes2025 = new Set(list2025.communes.map(([code]) => code));
const linkNotes = [];
const linkRows = [];
const linkRecoded = [];
for (const r of readCsv('nso-2025-conversion-links.csv')) {
  if (!codes2004.has(r.old_code)) fail(`conversion links: old code ${r.old_code} not in the 01/03/2025 list`);
  let code = r.new_code;
  if (!codes2025.has(code)) {
    code = recoded.get(code) ?? fail(`conversion links: new code ${r.new_code} not in the 2025 list`);
    linkRecoded.push(`${r.old_code} → ${r.new_code} → ${code}`);
  }
  const note = clean(r.note);
  if (!linkNotes.includes(note)) linkNotes.push(note);
  linkRows.push([r.old_code, code, linkNotes.indexOf(note)]);
}
console.log(`conversion links, new codes of Công văn 1027 applied: ${linkRecoded.join('; ')}`);
write('nso-2025-conversion-links.json.gz', {
  format: 1,
  official: true,
  source:
    'Tổng cục Thống kê (National Statistics Office), Bảng chuyển đổi ĐVHC mới – cũ (2025), as transcribed in sunshine-tech/VietnamProvinces (809e91baefbe3153ccaecc9b2286303a98b9119b) dev/seed-data/2025-07/BangChuyendoiĐVHCmoi_cu_khong_merge.csv; codes and notes only; an administrative document of a state agency, outside copyright (Law on Intellectual Property, Art. 15); new codes as in Công văn 1027/CTK-CSCL',
  notes: linkNotes,
  rows: linkRows,
});

// Province tables of every edition, with the tax authority's (TMS) province code for the 34 provinces.
const tms = new Map();
for (const r of readCsv('tax-tms-communes-2025.csv')) {
  const known = tms.get(r.gso_province_code);
  if (known && known !== r.province_code)
    fail(`TMS: province ${r.gso_province_code} has codes ${known} and ${r.province_code}`);
  tms.set(r.gso_province_code, r.province_code);
}
if (tms.size !== 34) fail(`TMS: ${tms.size} provinces, expected 34`);
// Old province → the 2025 province most of its communes went into (An Giang 89 has one commune that the
// derived table sends to Đồng Tháp; the majority decides).
const oldProvince = new Map(
  list2004.communes.map(([code, , , d]) => [code, list2004.provinces[list2004.districts[d][2]][0]]),
);
const votes = new Map();
for (const r of merges) {
  const from = oldProvince.get(r.old_commune_code);
  if (!from) continue;
  const tally = votes.get(from) ?? new Map();
  tally.set(r.new_province_code, (tally.get(r.new_province_code) ?? 0) + 1);
  votes.set(from, tally);
}
const provinceMerges = [...votes]
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([from, tally]) => [from, [...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]]);
if (provinceMerges.length !== 63) fail(`province merges: ${provinceMerges.length} old provinces, expected 63`);
const table = (list, withTms) =>
  list.provinces.map(([code, name]) =>
    withTms ? [code, name, tms.get(code) ?? fail(`no TMS code for ${code}`)] : [code, name],
  );
const rowsTs = (rows, indent) => `[\n${rows.map((r) => `${indent}  ${JSON.stringify(r)},`).join('\n')}\n${indent}]`;
const ts = [
  '// Generated by scripts/build-reference-data.mjs from the shared source lists. Do not edit by hand.',
  "import type { ProvinceRow } from './reference-types.js';",
  '',
  '/** [GSO code, official name, TMS code (2025 only)] of every province, per edition. */',
  'export const PROVINCE_TABLE = {',
  `  'gso-2025': ${rowsTs(table(list2025, true), '  ')},`,
  `  'gso-2004': ${rowsTs(table(list2004, false), '  ')},`,
  `  'gso-2004-2021': ${rowsTs(table(list2021, false), '  ')},`,
  '} as const satisfies Record<string, readonly ProvinceRow[]>;',
  '',
  '/** [old GSO province code, the 2025 province it became part of], from the derived merge table (majority of communes). */',
  `export const PROVINCE_MERGES_2025: readonly (readonly [string, string])[] = ${rowsTs(provinceMerges, '')};`,
  '',
].join('\n');
writeFileSync(tableFile, ts);
console.log(`${path.relative(root, tableFile)}: ${ts.length} bytes`);
