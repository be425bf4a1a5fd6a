// Regenerates the README's screenshots from the shipped samples: map-communes on fixtures/mau-63-tinh.xlsx,
// test-api against a local mock-api, and the index page of a bag packed from fixtures/evidence.
// Needs a build (`npm run build`) and Debian's chromium. Usage: node scripts/screenshots.mjs
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './browser-tools.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dvc.js');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-shots-'));
const dvc = (args, o = {}) => {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', ...o });
  if (r.status !== 0 && r.status !== 1) throw new Error(`dvc ${args.join(' ')}: ${r.stderr}`);
  return r;
};

dvc([
  'map-communes',
  'fixtures/mau-63-tinh.xlsx',
  '--out',
  path.join(tmp, 'out.xlsx'),
  '--html',
  path.join(tmp, 'map-communes.html'),
]);

const mock = spawn(process.execPath, [bin, 'mock-api', '--port', '0', '--json'], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const first = await new Promise((resolve) =>
  mock.stdout.once('data', (d) => resolve(JSON.parse(String(d).split('\n')[0]))),
);
dvc([
  'test-api',
  '--type',
  'thong-bao-thue',
  '--url',
  first.urls['thong-bao-thue'],
  '--html',
  path.join(tmp, 'test-api.html'),
]);
mock.kill('SIGTERM');

const folder = path.join(tmp, 'ho-so');
cpSync(path.join(root, 'fixtures', 'evidence'), folder, { recursive: true });
dvc([
  'evidence',
  'pack',
  folder,
  '--out',
  path.join(tmp, 'ho-so.zip'),
  '--allow-incomplete',
  '--config',
  'fixtures/dvc.config.json',
]);
spawnSync('unzip', ['-q', '-o', path.join(tmp, 'ho-so.zip'), '-d', path.join(tmp, 'bag')]);

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const shots = [
  ['map-communes.png', path.join(tmp, 'map-communes.html')],
  ['test-api.png', path.join(tmp, 'test-api.html')],
  ['evidence-index.png', path.join(tmp, 'bag', 'ho-so', 'data', 'index.html')],
];
for (const [name, file] of shots) {
  await page.goto(`file://${file}`);
  await page.screenshot({ path: path.join(root, 'docs', 'img', name), fullPage: false });
  console.log(`docs/img/${name}`);
}
await browser.close();
