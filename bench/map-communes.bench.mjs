// `dvc map-communes` on the whole 2004-structure country. A workbook is built with the GSO 01/11/2021 edition
// (10,599 communes) on "MX Bo TTTT" and the same country on "MX CQT" as a tax authority would type it: old tone
// style, abbreviated or dropped prefixes, some names without diacritics, a few in TCVN3 or VNI, NFD, doubled
// spaces, TMS-like 3/5/8-digit codes. Then, in the same run:
//   (a) exceljs reads and writes that workbook (median of BENCH_RUNS, default 3);
//   (b) `dvc map-communes <wb> --out <tmp> --force` end to end, as a subprocess (median; b/a is printed);
//   (c) the matching alone (pairProvinces + matchCommunes from dist, on the rows the CLI reads) < 200 ms;
//   (d) the peak RSS of the CLI run (GNU time -v, else a --require preload reporting maxRSS) < 300 MB;
//   (e) a 2× workbook (each province copied once under a new name; 21,198 rows, within the 30,000-row limit) end
//       to end ≤ 2.2 × the 1× time;
//   (f) audit: the 1× workbook with column I already filled (the right code, except one row in 97 holding its
//       neighbour's code, as a hand-typed slip), `dvc map-communes --audit` ≤ 0.5 × the exceljs read+write of that
//       workbook, peak RSS < 300 MB; and the audit figures: planted wrong codes found (must be all), right codes
//       called `differs` (must be 0).
//   (g) with GNU time: the same exceljs read+write as a script in its own process (node's start and exceljs's import
//       included), alternated with (b) and (f): the ratios issue 19 sets, whole process to whole process, CPU time
//       and wall time (the time a user waits), each ≤ 0.6 (full run) and ≤ 0.5 (--audit).
// Needs `npm run build` and the shared data (../shared/data or $DVC_SHARED_DATA). Prints human lines, then one JSON line.
// DVC_BIN runs another build's CLI (e.g. a checkout of an earlier commit) for a before/after comparison. With GNU
// time the CPU time (user + system) of each CLI run is reported beside its wall time: on a shared, loaded machine
// it moves far less than the wall time does.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { STD_HEADER, readGsoUnits, writeTaxSheet } from './gso-units.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.DVC_DIST ?? path.join(root, 'dist');
const load = (p) => import(pathToFileURL(path.join(dist, p)).href);
const { clearNameKeysMemo, encodeTcvn3, encodeVni, foldDiacritics } = await load('core/text/text.js');
const { matchCommunes, pairProvinces } = await load('core/communes/communes.js');
const { readWorkbook } = await load('io/excel/read-workbook.js');
const { readSide } = await load('app/map-communes/read-sides.js');
const { mergeHintFor } = await load('app/map-communes/reference-side.js');

const bin = process.env.DVC_BIN ?? path.join(root, 'bin', 'dvc.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const copies = Number(process.env.BENCH_COPIES ?? 2);
const dataDir = process.env.DVC_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
const csv = ['gso-units-2004-ed2021-11-01.csv', 'gso-units-2004.csv']
  .flatMap((f) => [path.join(dataDir, f), path.join(root, 'fixtures', 'lists', f)])
  .find(existsSync);
if (!csv) throw new Error(`no 2004-structure GSO list in ${dataDir} (set DVC_SHARED_DATA)`);
// These files have no quoted fields (SOURCES.md), but a few names keep odd whitespace: split on commas only.
const units = readGsoUnits(csv);

// ── the synthetic tax side ──────────────────────────────────────────────────────────────────────────────
let seed = 20210111;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;

const OLD_TONE = { ò: 'à', ó: 'á', ỏ: 'ả', õ: 'ã', ọ: 'ạ' };
const OLD_TONE_E = { ò: 'è', ó: 'é', ỏ: 'ẻ', õ: 'ẽ', ọ: 'ẹ' };
const OLD_TONE_Y = { ù: 'ỳ', ú: 'ý', ủ: 'ỷ', ũ: 'ỹ', ụ: 'ỵ' };
/** "Hòa" → "Hoà", "Thủy" → "Thuỷ" (the style many offices still type). */
function oldTone(s) {
  return s
    .replace(
      /(?<![\p{L}])(\p{L}*?)([òóỏõọ])([ae])(?![\p{L}])/gu,
      (_, head, o, v) => head + 'o' + (v === 'a' ? OLD_TONE : OLD_TONE_E)[o],
    )
    .replace(/(?<![\p{L}])(\p{L}*?[^qQ\p{L}]?)([ùúủũụ])y(?![\p{L}])/gu, (_, head, u) => head + 'u' + OLD_TONE_Y[u]);
}
function abbreviate(name) {
  return name
    .replace(/^Phường /, random() < 0.5 ? 'P. ' : 'P.')
    .replace(/^Xã /, 'X. ')
    .replace(/^Thị trấn /i, random() < 0.5 ? 'TT ' : 'T.T. ');
}
const dropPrefix = (name) => name.replace(/^(Phường|Xã|Thị trấn) /i, '');
const noisyProvince = (name) => name.replace(/^(Tỉnh|Thành phố) /, '');
const noisyDistrict = (name) =>
  name
    .replace(/^Huyện /, 'H. ')
    .replace(/^Thành phố /, 'TP ')
    .replace(/^Quận /, 'Q. ');

const noiseCounts = {};
function noisyName(name) {
  const r = random();
  const kind =
    r < 0.3
      ? 'oldTone'
      : r < 0.5
        ? 'abbreviated'
        : r < 0.55
          ? 'prefixDropped'
          : r < 0.6
            ? 'diacriticsFree'
            : r < 0.61
              ? 'tcvn3'
              : r < 0.62
                ? 'vni'
                : r < 0.65
                  ? 'nfd'
                  : r < 0.68
                    ? 'spacesCase'
                    : 'asIs';
  noiseCounts[kind] = (noiseCounts[kind] ?? 0) + 1;
  switch (kind) {
    case 'oldTone':
      return oldTone(name);
    case 'abbreviated':
      return abbreviate(name);
    case 'prefixDropped':
      return dropPrefix(name);
    case 'diacriticsFree':
      return foldDiacritics(name);
    case 'tcvn3':
      return encodeTcvn3(name);
    case 'vni':
      return encodeVni(name);
    case 'nfd':
      return name.normalize('NFD');
    case 'spacesCase':
      return ` ${name.replace(/ /g, '  ').toUpperCase()}\u00a0`;
    default:
      return name;
  }
}

const SUFFIX = ['', ' Bắc', ' Nam', ' Đông', ' Tây', ' Trung', ' Thượng', ' Hạ', ' Tiền', ' Hậu', ' Ngoại', ' Nội'];

/** Rows of both sheets for `n` copies of the country; copy k > 0 renames each province and shifts every code. */
function sheetsFor(n) {
  if (n > SUFFIX.length) throw new Error(`at most ${SUFFIX.length} copies`);
  const std = [];
  const tax = [];
  /** The right tax code of each standard row. */
  const truth = [];
  for (let k = 0; k < n; k++) {
    const districtSeq = new Map();
    const communeSeq = new Map();
    const provinceSeq = new Map();
    for (const u of units) {
      const provinceName = u.provinceName + SUFFIX[k];
      const code = k === 0 ? u.code : String(k * 100000 + Number(u.code));
      // Some GSO codes typed as numbers, so their leading zeros are gone.
      std.push([
        std.length + 1,
        u.provinceCode,
        provinceName,
        u.districtCode,
        u.districtName,
        random() < 0.03 ? Number(code) : code,
        u.name,
        u.level,
      ]);
      if (!provinceSeq.has(u.provinceCode)) provinceSeq.set(u.provinceCode, 100 * (k + 1) + provinceSeq.size + 1);
      const p = provinceSeq.get(u.provinceCode);
      const dKey = `${u.provinceCode}:${u.districtCode}`;
      if (!districtSeq.has(dKey))
        districtSeq.set(dKey, [...districtSeq.keys()].filter((d) => d.startsWith(`${u.provinceCode}:`)).length + 1);
      const d = `${p}${String(districtSeq.get(dKey)).padStart(2, '0')}`;
      communeSeq.set(dKey, (communeSeq.get(dKey) ?? 0) + 1);
      truth.push(`${d}${String(communeSeq.get(dKey)).padStart(3, '0')}`);
      tax.push([
        String(p),
        noisyProvince(provinceName),
        d,
        noisyDistrict(u.districtName),
        `${d}${String(communeSeq.get(dKey)).padStart(3, '0')}`,
        noisyName(u.name),
      ]);
    }
  }
  // The tax authority's export is sorted by its own codes, not in GSO order.
  tax.sort((a, b) => (a[4] < b[4] ? -1 : 1));
  return { std, tax, truth };
}

/** Writes the workbook the way a province would send it: title row, merged title, frozen header, shared strings. */
async function writeInput(file, n, prefill) {
  const { std, tax, truth } = sheetsFor(n);
  const existing = prefill ? prefill(truth) : undefined;
  if (existing) std.forEach((r, i) => r.push(existing[i]));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const s = wb.addWorksheet('MX Bo TTTT', { views: [{ state: 'frozen', ySplit: 3 }] });
  s.columns = [6, 8, 24, 8, 24, 10, 28, 10, 18].map((width) => ({ width }));
  const title = s.addRow(['DANH MỤC ĐƠN VỊ HÀNH CHÍNH (Bộ TTTT)']);
  s.mergeCells('A1:I1');
  title.commit();
  s.addRow([]).commit();
  const header = s.addRow(STD_HEADER);
  header.font = { bold: true };
  header.commit();
  for (const r of std) s.addRow(r).commit();
  s.commit();
  writeTaxSheet(wb, tax);
  await wb.commit();
  return { stdRows: std.length, taxRows: tax.length, truth, existing };
}

// ── measuring ───────────────────────────────────────────────────────────────────────────────────────────
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const mb = (bytes) => Math.round(bytes / 1024 / 1024);
const gnuTime =
  existsSync('/usr/bin/time') &&
  spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr?.includes('Maximum resident');

const dir = mkdtempSync(path.join(os.tmpdir(), 'dvc-bench-mc-'));
const preload = path.join(dir, 'max-rss.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => require('node:fs').writeFileSync(process.env.DVC_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n",
);

// The yardstick of issue 19 as a whole process: node starting, exceljs imported, the workbook read and written.
const exScript = path.join(dir, 'exceljs-round-trip.mjs');
writeFileSync(
  exScript,
  `import ExcelJS from ${JSON.stringify(pathToFileURL(path.join(root, 'node_modules', 'exceljs', 'excel.js')).href)};\n` +
    'const wb = new ExcelJS.Workbook();\nawait wb.xlsx.readFile(process.argv[2]);\nawait wb.xlsx.writeFile(process.argv[3]);\n',
);

/** One end-to-end CLI run: wall time (ms), peak RSS (bytes), exit code, stdout. */
function runCli(input, out, extra = []) {
  return runDvc([input, '--out', out, '--force', ...extra]);
}

function runDvc(rest) {
  return runNode([bin, 'map-communes', ...rest], 'dvc map-communes');
}

/** The exceljs read+write of `input` as its own process (CPU time with GNU time only). */
function runExceljs(input, i) {
  return runNode([exScript, input, path.join(dir, `exceljs-process-${i}.xlsx`)], 'the exceljs script');
}

function runNode(args, what) {
  const rssFile = path.join(dir, 'rss.txt');
  const t0 = process.hrtime.bigint();
  const r = gnuTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(process.execPath, ['--require', preload, ...args], {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        env: { ...process.env, DVC_BENCH_RSS_FILE: rssFile },
      });
  const wall = ms(t0);
  if (r.status !== 0) throw new Error(`${what} exited ${r.status}\n${r.stderr}`);
  const rss = gnuTime
    ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)[1]) * 1024
    : Number(readFileSync(rssFile, 'utf8')) * 1024;
  const seconds = (label) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr)?.[1] ?? NaN);
  const cpu = gnuTime ? (seconds('User') + seconds('System')) * 1000 : NaN;
  return { wall, rss, cpu, stdout: r.stdout };
}

/** CPU time (ms) of the exceljs round trips, in order, beside their wall times. */
const exCpu = [];
async function exceljsRoundTrip(input, i) {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  await wb.xlsx.writeFile(path.join(dir, `exceljs-${i}.xlsx`));
  const c = process.cpuUsage(c0);
  exCpu.push((c.user + c.system) / 1000);
  return ms(t0);
}

const loadStart = os.loadavg();
const one = path.join(dir, 'ca-nuoc.xlsx');
const ten = path.join(dir, `ca-nuoc-x${copies}.xlsx`);
let t0 = process.hrtime.bigint();
const size1 = await writeInput(one, 1);
console.log(
  `built ${path.basename(one)}: ${size1.stdRows} + ${size1.taxRows} rows, ${(statSync(one).size / 1024 / 1024).toFixed(1)} MB in ${Math.round(ms(t0))} ms; tax-side noise ${JSON.stringify(noiseCounts)}`,
);
t0 = process.hrtime.bigint();
const size10 = await writeInput(ten, copies);
console.log(
  `built ${path.basename(ten)}: ${size10.stdRows} + ${size10.taxRows} rows, ${(statSync(ten).size / 1024 / 1024).toFixed(1)} MB in ${Math.round(ms(t0))} ms`,
);

// What the run finds, once (not timed): the figures are only meaningful if the synthetic noise is matched.
const summary = JSON.parse(runCli(one, path.join(dir, 'out-json.xlsx'), ['--json']).stdout).summary;
console.log(`1× summary: ${JSON.stringify(summary)}`);

// (c) matching alone, on exactly the rows the CLI reads.
const wb = await readWorkbook(one);
const std = readSide(wb.sheet('MX Bo TTTT').rows(), 'MX Bo TTTT', undefined).units;
const tax = readSide(wb.sheet('MX CQT').rows(), 'MX CQT', undefined).units;
const mergeHint = await mergeHintFor(std);
// Each timed run normalises the names again (the CLI does it once per process; the memo would hide it here).
const match = () => {
  clearNameKeysMemo?.();
  return matchCommunes({ std, tax, provinces: pairProvinces(std, tax).pairs, mergeHint });
};
match();
const matchMs = [];
for (let i = 0; i < Math.max(5, runs); i++) {
  globalThis.gc?.();
  t0 = process.hrtime.bigint();
  match();
  matchMs.push(ms(t0));
}
console.log(
  `matching alone (${std.length} × ${tax.length}): median ${median(matchMs).toFixed(1)} ms of ${matchMs.map((x) => x.toFixed(0)).join(', ')}`,
);

// (a) and (b), interleaved so that machine noise hits both alike; one warm-up of each.
await exceljsRoundTrip(one, 'warm');
runCli(one, path.join(dir, 'out-warm.xlsx'));
const ex = [];
const cli1 = [];
const exProc = [];
exCpu.length = 0;
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  ex.push(await exceljsRoundTrip(one, i));
  cli1.push(runCli(one, path.join(dir, `out-1-${i}.xlsx`)));
  exProc.push(runExceljs(one, i));
}
const exCpu1 = [...exCpu];
console.log(`exceljs read+write: median ${Math.round(median(ex))} ms of ${ex.map(Math.round).join(', ')}`);
console.log(
  `dvc map-communes 1×: median ${Math.round(median(cli1.map((r) => r.wall)))} ms of ${cli1.map((r) => Math.round(r.wall)).join(', ')}; peak RSS ${mb(Math.max(...cli1.map((r) => r.rss)))} MB`,
);

// (e) the 10× workbook, with a 1× run before each so both see the same machine.
const cli10 = [];
const cli1b = [];
for (let i = 0; i < runs; i++) {
  cli1b.push(runCli(one, path.join(dir, `out-1b-${i}.xlsx`)));
  cli10.push(runCli(ten, path.join(dir, `out-10-${i}.xlsx`)));
}
const oneMs = median([...cli1, ...cli1b].map((r) => r.wall));
console.log(
  `dvc map-communes ${copies}×: median ${Math.round(median(cli10.map((r) => r.wall)))} ms of ${cli10.map((r) => Math.round(r.wall)).join(', ')}; peak RSS ${mb(Math.max(...cli10.map((r) => r.rss)))} MB`,
);
// (f) the audit of a column I filled before: one slip in 97 rows (the neighbour's code), the rest right.
const audited = path.join(dir, 'ca-nuoc-da-dien.xlsx');
const plant = (truth) =>
  truth.map((code, i) => (i % 97 === 13 && truth[i + 1] && truth[i + 1] !== code ? truth[i + 1] : code));
const sizeA = await writeInput(audited, 1, plant);
const auditRun = runDvc([audited, '--audit', '--json']);
const auditJson = JSON.parse(auditRun.stdout);
const plantedAt = new Set(sizeA.existing.flatMap((c, i) => (c !== sizeA.truth[i] ? [i] : [])));
let plantedFound = 0;
let rightCalledDiffers = 0;
let plantedUnchecked = 0;
auditJson.rows.forEach((r) => {
  const i = r.rowNumber - 4;
  if (plantedAt.has(i)) {
    if (r.existingVerdict === 'differs' && r.taxCode === sizeA.truth[i]) plantedFound++;
    else if (r.existingVerdict === 'unchecked') plantedUnchecked++;
  } else if (r.existingVerdict === 'differs') rightCalledDiffers++;
});
console.log(
  `audit: ${plantedAt.size} planted wrong codes, ${plantedFound} found as differs with the right code, ${plantedUnchecked} unchecked; right codes called differs: ${rightCalledDiffers}; summary.existing ${JSON.stringify(auditJson.summary.existing)}`,
);
await exceljsRoundTrip(audited, 'audit-warm');
exCpu.length = 0;
const exA = [];
const auditRuns = [];
const exProcA = [];
const auditWrite = [];
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  exA.push(await exceljsRoundTrip(audited, `a-${i}`));
  auditRuns.push(runDvc([audited, '--audit']));
  exProcA.push(runExceljs(audited, `a-${i}`));
  auditWrite.push(runCli(audited, path.join(dir, `out-a-${i}.xlsx`)));
}
console.log(
  `audit: exceljs read+write ${Math.round(median(exA))} ms; dvc --audit median ${Math.round(median(auditRuns.map((r) => r.wall)))} ms, peak RSS ${mb(Math.max(...auditRuns.map((r) => r.rss)))} MB; with the workbook written ${Math.round(median(auditWrite.map((r) => r.wall)))} ms, peak RSS ${mb(Math.max(...auditWrite.map((r) => r.rss)))} MB`,
);

const exCpuA = [...exCpu];
const cpuRatio = (runsOf, exOf) => +(median(runsOf.map((r) => r.cpu)) / median(exOf)).toFixed(3);
console.log(
  `CPU time (user+system), medians: exceljs ${Math.round(median(exCpu1))} ms, dvc 1× ${Math.round(median(cli1.map((r) => r.cpu)))} ms (ratio ${cpuRatio(cli1, exCpu1)}); audit: exceljs ${Math.round(median(exCpuA))} ms, dvc --audit ${Math.round(median(auditRuns.map((r) => r.cpu)))} ms (ratio ${cpuRatio(auditRuns, exCpuA)})`,
);
const processRatio = (runsOf, exOf) => +(median(runsOf.map((r) => r.cpu)) / median(exOf.map((r) => r.cpu))).toFixed(3);
console.log(
  `CPU time against the exceljs script as a whole process (the yardstick of issue 19), medians: exceljs ${Math.round(median(exProc.map((r) => r.cpu)))} ms, dvc 1× ratio ${processRatio(cli1, exProc)} (target 0.6); audit: exceljs ${Math.round(median(exProcA.map((r) => r.cpu)))} ms, dvc --audit ratio ${processRatio(auditRuns, exProcA)} (target 0.5)`,
);

const wallRatioProcess = (runsOf, exOf) =>
  +(median(runsOf.map((r) => r.wall)) / median(exOf.map((r) => r.wall))).toFixed(3);
console.log(
  `wall time against the exceljs script as a whole process (as a user waits), medians: exceljs ${Math.round(median(exProc.map((r) => r.wall)))} ms, dvc 1× ratio ${wallRatioProcess(cli1, exProc)}; audit: exceljs ${Math.round(median(exProcA.map((r) => r.wall)))} ms, dvc --audit ratio ${wallRatioProcess(auditRuns, exProcA)}`,
);

if (process.env.BENCH_KEEP) console.log(`kept ${dir}`);
else rmSync(dir, { recursive: true, force: true });

const result = {
  bench: 'map-communes',
  source: path.basename(csv),
  rowsPerSheet: size1.stdRows,
  rowsPerSheet10x: size10.stdRows,
  runs,
  loadavgStart: loadStart.map((x) => +x.toFixed(2)),
  loadavgEnd: os.loadavg().map((x) => +x.toFixed(2)),
  cpus: os.cpus().length,
  rssMethod: gnuTime ? '/usr/bin/time -v' : 'preload process.resourceUsage().maxRSS',
  summary1x: summary,
  exceljsReadWriteMs: Math.round(median(ex)),
  cliMs: Math.round(median(cli1.map((r) => r.wall))),
  ratio: +(median(cli1.map((r) => r.wall)) / median(ex)).toFixed(3),
  ratioTarget: 0.6,
  cpuRatio: cpuRatio(cli1, exCpu1),
  cpuRatioProcess: processRatio(cli1, exProc),
  wallRatioProcess: wallRatioProcess(cli1, exProc),
  matchMs: +median(matchMs).toFixed(1),
  matchTargetMs: 200,
  peakRssMb: mb(Math.max(...cli1.map((r) => r.rss))),
  peakRssTargetMb: 300,
  peakRss10xMb: mb(Math.max(...cli10.map((r) => r.rss))),
  cli1xMsForScale: Math.round(oneMs),
  cli10xMs: Math.round(median(cli10.map((r) => r.wall))),
  scale: +(median(cli10.map((r) => r.wall)) / oneMs).toFixed(2),
  scaleTarget: +(copies * 1.1).toFixed(2),
  audit: {
    planted: plantedAt.size,
    plantedFound,
    plantedUnchecked,
    rightCalledDiffers,
    existing: auditJson.summary.existing,
    exceljsReadWriteMs: Math.round(median(exA)),
    auditMs: Math.round(median(auditRuns.map((r) => r.wall))),
    ratio: +(median(auditRuns.map((r) => r.wall)) / median(exA)).toFixed(3),
    ratioTarget: 0.5,
    cpuRatio: cpuRatio(auditRuns, exCpuA),
    cpuRatioProcess: processRatio(auditRuns, exProcA),
    wallRatioProcess: wallRatioProcess(auditRuns, exProcA),
    peakRssMb: mb(Math.max(...auditRuns.map((r) => r.rss))),
    peakRssTargetMb: 300,
    auditWithWorkbookMs: Math.round(median(auditWrite.map((r) => r.wall))),
    auditWithWorkbookPeakRssMb: mb(Math.max(...auditWrite.map((r) => r.rss))),
  },
};
// Issue 19's yardstick is the exceljs script as a whole process: CPU and wall time must both be within the target
// (without GNU time, wall time only).
const byProcess = (r) =>
  Number.isFinite(r.cpuRatioProcess) ? Math.max(r.cpuRatioProcess, r.wallRatioProcess) : r.wallRatioProcess;
result.pass = {
  ratio: byProcess(result) <= result.ratioTarget,
  match: result.matchMs < result.matchTargetMs,
  peakRss: result.peakRssMb < result.peakRssTargetMb,
  scale: result.scale <= result.scaleTarget,
  auditRatio: byProcess(result.audit) <= result.audit.ratioTarget,
  auditRss: result.audit.peakRssMb < result.audit.peakRssTargetMb,
  auditAllFound: result.audit.plantedFound === result.audit.planted,
  auditNoFalseDiffers: result.audit.rightCalledDiffers === 0,
};
console.log(
  `ratio ${byProcess(result)} (whole processes, CPU and wall; ≤ 0.6 ${result.pass.ratio ? 'pass' : 'FAIL'}) · match ${result.matchMs} ms (< 200 ${result.pass.match ? 'pass' : 'FAIL'}) · RSS ${result.peakRssMb} MB (< 300 ${result.pass.peakRss ? 'pass' : 'FAIL'}) · ${copies}× scale ${result.scale} (≤ ${result.scaleTarget} ${result.pass.scale ? 'pass' : 'FAIL'})`,
);
console.log(
  `audit ratio ${byProcess(result.audit)} (≤ 0.5 ${result.pass.auditRatio ? 'pass' : 'FAIL'}) · RSS ${result.audit.peakRssMb} MB (< 300 ${result.pass.auditRss ? 'pass' : 'FAIL'}) · planted found ${result.audit.plantedFound}/${result.audit.planted} · right codes called differs ${result.audit.rightCalledDiffers}`,
);
console.log(JSON.stringify(result));
process.exitCode = Object.values(result.pass).every(Boolean) ? 0 : 1;
