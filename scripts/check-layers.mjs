// The floors of docs/architecture: core imports nothing above it; io imports core; app imports io and core; cli
// imports all. errors.ts and i18n/ are shared by every floor. Also: no import cycle, no file-system or network
// module in src/app (it reaches the world through src/io), and no two source files with the same name.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const src = path.join(root, 'src');
const RANK = { core: 0, io: 1, app: 2, cli: 3 };
const SHARED = ['errors.ts', 'i18n'];

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith('.ts')) yield p;
  }
}
const rel = (p) => path.relative(src, p).split(path.sep).join('/');
const floorOf = (r) => (SHARED.some((s) => r === s || r.startsWith(s + '/')) ? 'shared' : r.split('/')[0]);
const isTestOnly = (r) => /\.test\.ts$/.test(r) || r.startsWith('test-support/');
const IMPORT = /(?:from\s+|import\(\s*|import\s+)['"](\.{1,2}\/[^'"]+)['"]/g;
const TYPE_IMPORT = /import\s+type\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g;
const FS_MODULES = /from\s+['"](node:)?(fs|fs\/promises|net|http|https|tls|dns|child_process)['"]/;

export function checkLayers() {
  const problems = [];
  const graph = new Map();
  const names = new Map();
  for (const file of files(src)) {
    const r = rel(file);
    const base = path.basename(r);
    if (names.has(base)) problems.push(`${r}: same file name as ${names.get(base)}`);
    else names.set(base, r);
    if (isTestOnly(r)) continue;
    const text = readFileSync(file, 'utf8');
    const edges = [];
    // A type-only import is erased at compile time: it obeys the floors but makes no cycle at run time.
    const typeOnly = new Set([...text.matchAll(TYPE_IMPORT)].map((m) => m[1]));
    for (const m of text.matchAll(IMPORT)) {
      const target = rel(path.resolve(path.dirname(file), m[1]).replace(/\.js$/, '.ts'));
      if (!typeOnly.has(m[1])) edges.push(target);
      const from = floorOf(r);
      const to = floorOf(target);
      if (to === 'shared' || from === 'shared' || !(from in RANK) || !(to in RANK)) {
        if (from === 'shared' && to in RANK && to !== 'core')
          problems.push(`${r}: imports ${target} (shared code may import only core)`);
        continue;
      }
      if (RANK[to] > RANK[from]) problems.push(`${r}: imports ${target} (${from} may not import ${to})`);
    }
    if (floorOf(r) === 'app' && FS_MODULES.test(text))
      problems.push(`${r}: src/app reaches files or the network only through src/io`);
    graph.set(r, edges);
  }
  for (const cycle of findCycles(graph)) problems.push(`import cycle: ${cycle.join(' → ')}`);
  return problems;
}

/** Tarjan's strongly connected components, iteratively; every component of more than one file is a cycle. */
function findCycles(graph) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const onStack = new Set();
  const stack = [];
  const cycles = [];
  for (const start of graph.keys()) {
    if (idx.has(start)) continue;
    const work = [[start, 0]];
    idx.set(start, index);
    low.set(start, index++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1];
      const [v, i] = frame;
      const edges = (graph.get(v) ?? []).filter((w) => graph.has(w));
      if (i < edges.length) {
        frame[1]++;
        const w = edges[i];
        if (!idx.has(w)) {
          idx.set(w, index);
          low.set(w, index++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent), low.get(v)));
      }
      if (low.get(v) === idx.get(v)) {
        const comp = [];
        let w;
        do {
          w = stack.pop();
          onStack.delete(w);
          comp.push(w);
        } while (w !== v);
        if (comp.length > 1) cycles.push(comp.reverse());
      }
    }
  }
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkLayers();
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  console.log('layers: ok');
}
