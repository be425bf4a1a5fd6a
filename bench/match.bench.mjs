// Times the commune engine on the whole 2004-structure country (GSO raw 2025-03 vs GSO 01/03/2025) and on
// TMS 2025 vs GSO 2025. Needs `npm run build` and the shared data (../shared/data or $DVC_SHARED_DATA).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { matchCommunes } from '../dist/core/communes/communes.js';
import { nameKeys } from '../dist/core/text/text.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.DVC_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');

function rows(file) {
  const text = readFileSync(path.join(dataDir, file), 'utf8').trimEnd();
  const lines = text.split('\n');
  const header = lines[0].replace(/"/g, '').split(',');
  return lines.slice(1).map((line, i) => {
    const f = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((x) => x.replace(/,$/, '').replace(/^"|"$/g, ''));
    const r = Object.fromEntries(header.map((h, j) => [h, f[j] ?? '']));
    return {
      rowNumber: i + 2,
      provinceCode: r.province_code,
      provinceName: r.province_name,
      districtCode: r.district_code,
      districtName: r.district_name,
      code: r.commune_code,
      name: r.commune_name,
    };
  });
}

function time(label, fn, runs = 5) {
  fn();
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: median ${ms[Math.floor(runs / 2)].toFixed(1)} ms (min ${ms[0].toFixed(1)})`);
}

const raw = rows('gso-units-2004-raw-gso-webservice-2025-03-01.csv');
const gso2004 = rows('gso-units-2004.csv');
const gso2025 = rows('gso-units-2025.csv');
const tms = rows('tax-tms-communes-2025.csv');
const names = [...raw, ...gso2004].map((r) => r.name);
time(`nameKeys × ${names.length}`, () => {
  for (const n of names) nameKeys(n, 'commune');
});
time(`match 2004 structure (${raw.length} × ${gso2004.length})`, () =>
  matchCommunes({ std: raw, tax: gso2004, codeSystems: { std: 'gso', tax: 'gso' } }),
);
time(`match 2025 TMS (${gso2025.length} × ${tms.length})`, () => matchCommunes({ std: gso2025, tax: tms }));
