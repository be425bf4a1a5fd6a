// `dvc review` on the whole 2004-structure country (GSO edition of 01/11/2021, 10,599 communes). The tax side is the
// same country as a tax office types it (abbreviated or dropped prefixes, names without diacritics, TCVN3, old tone
// style), with one commune in 40 missing and one in 60 renamed ("… Mới"), so a few hundred rows need a decision.
// Round 1 is written by `dvc map-communes`, then, BENCH_RUNS times (default 3):
//   (a) `dvc review <output> --json --no-open` as a subprocess: time from the spawn to the printed address (the model
//       is built before the server listens);
//   (b) time until interactive: from the address to the page, opened in Debian's chromium, being ready (every row
//       to decide rendered, the keys live) — the bar is ≤ 1 s after the server starts;
//   (c) click-save latency: BENCH_CLICKS (default 40) decisions clicked on the page, each timed in the page from the
//       click to the row shown as saved (the store written atomically on disk before the answer): median, p90, max
//       — the bar is ≤ 50 ms.
// Needs `npm run build`, Debian's chromium and the shared data (../shared/data or $DVC_SHARED_DATA). Prints human
// lines, then one JSON line. Medians over the runs; there is no peer program that does this, so no ratio.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { STD_HEADER, readGsoUnits, writeTaxSheet } from './gso-units.mjs';
import { launchChromium, reviewAddress } from '../scripts/browser-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.DVC_DIST ?? path.join(root, 'dist');
const { encodeTcvn3, foldDiacritics } = await import(pathToFileURL(path.join(dist, 'core/text/text.js')).href);
const bin = process.env.DVC_BIN ?? path.join(root, 'bin', 'dvc.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const clicks = Number(process.env.BENCH_CLICKS ?? 40);
const dataDir = process.env.DVC_SHARED_DATA ?? path.resolve(root, '..', 'shared', 'data');
const csv = path.join(dataDir, 'gso-units-2004-ed2021-11-01.csv');
if (!existsSync(csv)) throw new Error(`no ${csv} (set DVC_SHARED_DATA)`);
const units = readGsoUnits(csv);

let seed = 20260301;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
function noisy(name) {
  const r = random();
  if (r < 0.2)
    return name
      .replace(/^Phường /, 'P. ')
      .replace(/^Xã /, 'X. ')
      .replace(/^Thị trấn /, 'TT ');
  if (r < 0.25) return name.replace(/^(Phường|Xã|Thị trấn) /, '');
  if (r < 0.3) return foldDiacritics(name);
  if (r < 0.31) return encodeTcvn3(name);
  return name;
}

async function writeInput(file) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const s = wb.addWorksheet('MX Bo TTTT');
  s.addRow(STD_HEADER).commit();
  const tax = [];
  const seq = new Map();
  units.forEach((u, i) => {
    s.addRow([i + 1, u.provinceCode, u.provinceName, u.districtCode, u.districtName, u.code, u.name, u.level]).commit();
    const r = random();
    if (r < 1 / 40) return;
    const d = `${100 + Number(u.provinceCode)}${u.districtCode.slice(-2)}`;
    seq.set(d, (seq.get(d) ?? 0) + 1);
    const name = r < 1 / 40 + 1 / 60 ? `${u.name} Mới` : noisy(u.name);
    tax.push([
      String(100 + Number(u.provinceCode)),
      u.provinceName,
      d,
      u.districtName,
      `${d}${String(seq.get(d)).padStart(2, '0')}`,
      name,
    ]);
  });
  s.commit();
  writeTaxSheet(wb, tax);
  await wb.commit();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const round = (x) => Math.round(x * 10) / 10;

const dir = mkdtempSync(path.join(os.tmpdir(), 'dvc-bench-review-'));
const input = path.join(dir, 'ca-nuoc.xlsx');
await writeInput(input);
const mc = spawnSync(process.execPath, [bin, 'map-communes', input, '--json'], {
  encoding: 'utf8',
  maxBuffer: 1 << 29,
});
if (mc.status !== 0) throw new Error(mc.stderr);
const s = JSON.parse(mc.stdout).summary;
const toDecide = s.ambiguous + s.notFound + s.existing.differs;
console.log(
  `national workbook: ${s.rows} communes, ${toDecide} to decide (${s.ambiguous} ambiguous, ${s.notFound} not found)`,
);
const output = path.join(dir, 'ca-nuoc.doi-chieu.xlsx');

const browser = await launchChromium();

/** One review: start, open, click `clicks` decisions, close. Figures in ms. */
async function once(k) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, 'review', output, '--json', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await reviewAddress(child);
  const started = performance.now() - t0;
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('crash', () => console.error('page crashed'));
  page.on('pageerror', (e) => console.error('page error:', e.message));
  const t1 = performance.now();
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
  const interactive = performance.now() - t1;
  const rows = await page.locator('section.row:not(.done)').count();
  // Each click timed inside the page: from the click to the row re-rendered as decided (the answer came after the
  // store was on disk).
  const times = await page.evaluate(async (n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const sec = document.querySelector('section.row.active:not(.done)');
      if (!sec) break;
      const code = sec.getAttribute('data-code');
      // "No code" is never refused, so every click is a saved decision.
      const button = sec.querySelector('button.none');
      const t = performance.now();
      button.click();
      await new Promise((resolve, reject) => {
        const check = () => {
          if (document.querySelector(`#r-${code}.done`)) resolve();
          else if (performance.now() - t > 5000) reject(new Error(`${code} not saved in 5 s`));
          else setTimeout(check, 0);
        };
        check();
      });
      out.push(performance.now() - t);
    }
    return out;
  }, clicks);
  // The request alone (network and server, the atomic write included), from the page's resource timings.
  const requests = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((e) => e.name.endsWith('/api/decide'))
      .map((e) => e.duration),
  );
  await page.close();
  child.kill('SIGINT');
  await new Promise((r) => child.once('exit', r));
  console.log(
    `run ${k + 1}: address after ${Math.round(started)} ms; interactive ${Math.round(interactive)} ms later (${rows} rows to decide); click→saved median ${round(median(times))} ms, p90 ${round(pct(times, 0.9))} ms, max ${round(Math.max(...times))} ms (${times.length} clicks); the request alone median ${round(median(requests))} ms`,
  );
  // Next run from a clean store: the same rows to decide.
  spawnSync('rm', ['-f', path.join(dir, 'ca-nuoc.doi-chieu.quyet-dinh.csv')]);
  return { started, interactive, times, requests };
}

const results = [];
for (let k = 0; k < runs; k++) results.push(await once(k));
await browser.close();
const all = results.flatMap((r) => r.times);
const figures = {
  rows: s.rows,
  toDecide,
  startToAddressMs: Math.round(median(results.map((r) => r.started))),
  interactiveMs: Math.round(median(results.map((r) => r.interactive))),
  clickSaveMedianMs: round(median(all)),
  clickSaveP90Ms: round(pct(all, 0.9)),
  clicks: all.length,
  requestMedianMs: round(median(results.flatMap((r) => r.requests))),
};
console.log(
  `median: address ${figures.startToAddressMs} ms after the start; interactive ${figures.interactiveMs} ms after (bar 1000); click→saved ${figures.clickSaveMedianMs} ms (bar 50), p90 ${figures.clickSaveP90Ms} ms`,
);
console.log(JSON.stringify(figures));
