// Writes fixtures/mau-63-tinh-vlookup.xlsx: mau-63-tinh.xlsx as a province sent it in 2021, column I filled the way
// VLOOKUP by name fills it, then corrected by hand in a few places. Ground truth is dvc's answer on the sample with
// the officer's eight decisions (docs/map-communes.md). Needs `npm run build`. Deterministic.
//   - names repeated in the province: VLOOKUP gives every one the code of the first (a wrong code for the others);
//   - three codes typed by hand with two digits swapped;
//   - one commune with no tax commune (05527) left as #N/A; every tenth other row kept as a live VLOOKUP formula.
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { mapCommunes } = await import(pathToFileURL(path.join(root, 'dist/app/map-communes/run-map-communes.js')).href);
const { mapCommunesTexts } = await import(
  pathToFileURL(path.join(root, 'dist/cli/render/map-communes/map-communes-sheets.js')).href
);
const sample = path.join(root, 'fixtures', 'mau-63-tinh.xlsx');
const out = path.join(root, 'fixtures', 'mau-63-tinh-vlookup.xlsx');
const DECISIONS = {
  '00526': '1011201',
  '00598': '1011502',
  '00610': '1011507',
  '08974': '1011602',
  '09802': '1012107',
  '09856': '1012209',
  10099: '1012527',
  '05527': '-',
};
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-vlookup-'));
const csv = path.join(tmp, 'quyet-dinh.csv');
writeFileSync(
  csv,
  'std_code,tax_code\n' +
    Object.entries(DECISIONS)
      .map(([s, t]) => `${s},${t}`)
      .join('\n') +
    '\n',
);
const truth = await mapCommunes({ input: sample, decisions: csv, audit: true, texts: mapCommunesTexts('vi') });

const bare = (name) => name.replace(/^(Phường|Xã|Thị trấn) /, '');
const first = new Map();
for (const r of truth.rows) {
  const key = `${r.provinceName}|${bare(r.name)}`;
  if (!first.has(key) && r.taxCode) first.set(key, r.taxCode);
}
const SWAPPED = new Set(['00040', '05434', '09706']);
const swap = (c) => c.slice(0, -2) + c.slice(-1) + c.slice(-2, -1);

copyFileSync(sample, out);
const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(out);
const ws = wb.getWorksheet('MX Bo TTTT');
const planted = [];
truth.rows.forEach((r, i) => {
  const vlookup = first.get(`${r.provinceName}|${bare(r.name)}`);
  let value = vlookup ?? null;
  if (SWAPPED.has(r.code) && r.taxCode) value = swap(r.taxCode);
  if (value !== null && value !== r.taxCode) planted.push(`${r.code} ${r.name}: ${value} (right: ${r.taxCode ?? '—'})`);
  const formula = `VLOOKUP(G${r.rowNumber},'MX CQT'!$F:$E,1,FALSE)`;
  ws.getCell(`I${r.rowNumber}`).value =
    value === null
      ? { formula, result: { error: '#N/A' } }
      : i % 10 === 3 && !SWAPPED.has(r.code)
        ? { formula, result: value }
        : value;
});
await wb.xlsx.writeFile(out);
console.log(`wrote ${path.relative(root, out)}; wrong codes (${planted.length}):\n  ${planted.join('\n  ')}`);
