// Runs every bench/*.bench.mjs in turn (each a standalone script that prints its figures) and
// collects the last JSON line of each into bench/out/results.json. `npm run bench` calls this after a build.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
const results = {};
let failed = 0;
for (const f of files) {
  process.stderr.write(`\n== ${f}\n`);
  const r = spawnSync(process.execPath, ['--expose-gc', path.join(here, f)], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  process.stdout.write(r.stdout);
  const last = r.stdout
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  try {
    results[f] = last ? JSON.parse(last) : { error: 'no JSON line' };
  } catch {
    results[f] = { error: 'unparsable JSON line' };
  }
  if (r.status !== 0) {
    failed++;
    results[f].exitCode = r.status;
  }
}
mkdirSync(path.join(here, 'out'), { recursive: true });
writeFileSync(path.join(here, 'out', 'results.json'), JSON.stringify(results, null, 2) + '\n');
process.stderr.write(`\nbench/out/results.json written (${files.length} benchmarks, ${failed} failed)\n`);
process.exitCode = failed ? 1 : 0;
