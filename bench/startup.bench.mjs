// Start-up cost: `dvc --version` and `dvc --help` against a bare `node -e 0`, measured in the same run,
// interleaved so that machine noise hits both alike. Target: median ratio ≤ 2.0.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dvc.js');
const runs = Number(process.env.BENCH_RUNS ?? 30);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

const bare = [];
const version = [];
const help = [];
for (let i = 0; i < 3; i++) (time(['-e', '0']), time([bin, '--version']));
for (let i = 0; i < runs; i++) {
  bare.push(time(['-e', '0']));
  version.push(time([bin, '--version']));
  help.push(time([bin, '--help']));
}
const result = {
  bench: 'startup',
  runs,
  nodeMs: +median(bare).toFixed(1),
  versionMs: +median(version).toFixed(1),
  helpMs: +median(help).toFixed(1),
  versionRatio: +(median(version) / median(bare)).toFixed(2),
  helpRatio: +(median(help) / median(bare)).toFixed(2),
  target: 'versionRatio <= 2.0',
};
result.pass = result.versionRatio <= 2.0;
console.log(
  `node -e 0: ${result.nodeMs} ms · dvc --version: ${result.versionMs} ms (×${result.versionRatio}) · dvc --help: ${result.helpMs} ms (×${result.helpRatio})`,
);
console.log(JSON.stringify(result));
