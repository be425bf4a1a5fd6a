// `dvc map-communes --via-merges` on the whole country, as a whole process: "MX Bo TTTT" holds the 2004-coded list of
// 01/03/2025 (10,035 communes), "MX CQT" the tax-authority-like 2025 list of fixtures/lists (3,321 communes,
// synthetic codes). Median of BENCH_RUNS (default 3) wall-clock runs of `node bin/dvc.js map-communes <wb>
// --via-merges --out <tmp> --force`. With BENCH_PEER=<another checkout, built>, the peer's runs alternate with this
// checkout's on the same workbook, so both see the same machine load; CPU time is the steadier figure on a shared
// machine. Needs `npm run build`; reads only the
// repository. Prints human lines, then one JSON line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { STD_HEADER } from '../dist/test-support/excel-workbooks.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const peer = process.env.BENCH_PEER ? path.resolve(process.env.BENCH_PEER) : null;
const lists = path.join(root, 'fixtures', 'lists');
const read = (name) => parse(readFileSync(path.join(lists, name)), { columns: true, bom: true });

const tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-bench-via-'));
const input = path.join(tmp, 'ca-nuoc-2004.xlsx');
const wb = new ExcelJS.Workbook();
const std = wb.addWorksheet('MX Bo TTTT');
std.addRow(STD_HEADER);
read('gso-units-2004.csv').forEach((r, i) =>
  std.addRow([
    i + 1,
    r.province_code,
    r.province_name,
    r.district_code,
    r.district_name,
    r.commune_code,
    r.commune_name,
    r.commune_level,
    '',
  ]),
);
const tax = wb.addWorksheet('MX CQT');
tax.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã']);
for (const r of read('tax-synthetic-2025.csv'))
  tax.addRow([r.province_code, r.province_name, r.district_code, r.district_name, r.commune_code, r.commune_name]);
await wb.xlsx.writeFile(input);

const gnuTime = existsSync('/usr/bin/time');

/** One run: wall-clock ms, and user + system CPU ms when GNU time is there. */
function once(checkout) {
  const out = path.join(tmp, 'out.xlsx');
  const args = [path.join(checkout, 'bin', 'dvc.js'), 'map-communes', input, '--via-merges', '--out', out, '--force'];
  const [cmd, argv] = gnuTime
    ? ['/usr/bin/time', ['-f', 'DVC_CPU %U %S', process.execPath, ...args]]
    : [process.execPath, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${checkout}: exit ${r.status}\n${r.stderr}`);
  const cpu = /DVC_CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return { ms, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : null };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const mine = [];
const theirs = [];
for (let i = 0; i < runs; i++) {
  if (peer) theirs.push(once(peer));
  mine.push(once(root));
}
rmSync(tmp, { recursive: true, force: true });
const figures = (xs) => ({
  ms: Math.round(median(xs.map((x) => x.ms))),
  cpuMs: gnuTime ? Math.round(median(xs.map((x) => x.cpu))) : null,
  all: xs.map((x) => Math.round(x.ms)),
});
const line = (f) =>
  `median ${f.ms} ms wall${f.cpuMs === null ? '' : `, ${f.cpuMs} ms CPU`} of ${runs} (${f.all.join(', ')})`;
const result = { runs, ...figures(mine) };
console.log(`--via-merges, whole country (10,035 old communes): ${line(result)}`);
if (peer) {
  result.peer = { checkout: peer, ...figures(theirs) };
  console.log(`peer ${peer}: ${line(result.peer)}`);
}
console.log(JSON.stringify(result));
