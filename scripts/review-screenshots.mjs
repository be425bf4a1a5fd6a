// Regenerates the screenshots of docs/review.md from the build: `dvc review` on round 1 of the audit sample
// (fixtures/mau-63-tinh-vlookup.xlsx: 36 rows to decide), one decision clicked and a search typed, in Vietnamese
// and in English. Needs a build (`npm run build`) and Debian's chromium. Usage: node scripts/review-screenshots.mjs
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, reviewAddress } from './browser-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dvc.js');

/** A fresh round 1 of the sample in a temporary folder; returns the output to review. */
function round1() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-review-shots-'));
  const input = path.join(tmp, 'mau-63-tinh-vlookup.xlsx');
  copyFileSync(path.join(root, 'fixtures', 'mau-63-tinh-vlookup.xlsx'), input);
  const r = spawnSync(process.execPath, [bin, 'map-communes', input], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return input.replace(/\.xlsx$/, '.doi-chieu.xlsx');
}

/** `dvc review --json --no-open`: resolves with the address and the process. */
function review(workbook, lang) {
  const child = spawn(process.execPath, [bin, 'review', workbook, '--json', '--no-open', '--lang', lang], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return reviewAddress(child).then((url) => ({ child, url }));
}

const browser = await launchChromium();
for (const [lang, search] of [
  ['vi', 'yen vien'],
  ['en', 'yen vien'],
]) {
  const { child, url } = await review(round1(), lang);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: lang });
  await page.goto(url);
  await page.waitForSelector('html[data-ready]');
  // The first row decided with one click; the second row's search shows unused rows first.
  const first = await page.locator('section.row').first().getAttribute('data-code');
  await page.locator(`#r-${first} .choices button.dvc, #r-${first} .choices button.cand`).first().click();
  await page.waitForSelector(`#r-${first}.done`);
  const second = await page.locator('section.row.active').getAttribute('data-code');
  await page.fill(`#r-${second}-s`, search);
  await page.waitForSelector(`#r-${second}-s-hits li`);
  const name = `review-${lang}.png`;
  await page.screenshot({ path: path.join(root, 'docs', 'img', name) });
  console.log(`docs/img/${name}`);
  await page.close();
  child.kill('SIGINT');
}
await browser.close();
