// dvc test-api against a local server (a child process, so client and server do not share a thread):
//   1. one probe: wall time of `dvc test-api` vs `newman run` of an equivalent one-request collection (target ≤ 0.45×)
//      and vs a bare `undici.request` script, process wall time too (target ≤ 1.15×)
//   2. load: `--repeat 2000 --concurrency 50` against `dvc mock-api` (a child process), each round a fresh process
//      (target ≥ 3000 answers/s), alternated with a bare undici Pool of the same size on the same server (reported)
//   3. per-request overhead: p50 of dvc's probe (fresh connection, timings, checks, masking) minus p50 of a bare
//      undici.request on a kept-alive connection, and minus a bare request on a fresh connection (reported); p50 of
//      a load run's exchange (kept-alive connection, judged, built only when shown) minus a bare undici `dispatch` on
//      a kept-alive connection (target ≤ 0.2 ms)
//   4. the five-step rehearsal against mock-api (in-process) vs five single probes of the same bodies (target ≤ 1.5×)
// Standalone: `node bench/test-api.bench.mjs` after `npm run build`; the last line is the JSON of the figures.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dvc.js');
const require = createRequire(import.meta.url);
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const r1 = (n) => Math.round(n * 10) / 10;
const r2 = (n) => Math.round(n * 100) / 100;
const r3 = (n) => Math.round(n * 1000) / 1000;

// The server: a tra-cuu answer, the shape the registry's response schema expects.
const SERVER = `
const http = require('node:http');
const answer = JSON.stringify({ error_code: 0, message: 'Không có khoản phải nộp' });
const s = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) }); res.end(answer); });
});
s.keepAliveTimeout = 5000;
s.listen(0, '127.0.0.1', () => process.stdout.write(String(s.address().port) + '\\n'));
`;

async function startServer() {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => resolve(Number(String(d).trim())));
    child.once('error', reject);
  });
  return { url: `http://127.0.0.1:${port}/api/tracuu`, stop: () => child.kill() };
}

function wall(cmd, args) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  return { ms, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const server = await startServer();
// The look-up as the public code sends it: a bare body.
const body = { MaHoSo: '000.04.05.H55-230731-0101' };
const dir = mkdtempSync(path.join(os.tmpdir(), 'dvc-bench-'));
const bodyFile = path.join(dir, 'body.json');
writeFileSync(bodyFile, JSON.stringify(body));
const result = { bench: 'test-api', server: 'node:http child process' };

try {
  // 1. one probe vs newman
  const collection = {
    info: { name: 'tra-cuu', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'tra-cuu',
        request: {
          method: 'POST',
          header: [{ key: 'content-type', value: 'application/json' }],
          body: { mode: 'raw', raw: JSON.stringify(body) },
          url: server.url,
        },
        event: [
          {
            listen: 'test',
            script: {
              exec: [
                "pm.test('status', () => pm.response.to.have.status(200));",
                "pm.test('json', () => pm.response.to.be.json);",
                "pm.test('code', () => pm.expect(String(pm.response.json().error_code)).to.eql('0'));",
                "pm.test('time', () => pm.expect(pm.response.responseTime).to.be.below(5000));",
              ],
            },
          },
        ],
      },
    ],
  };
  const collFile = path.join(dir, 'collection.json');
  writeFileSync(collFile, JSON.stringify(collection));
  const newmanBin = path.join(path.dirname(require.resolve('newman/package.json')), 'bin', 'newman.js');
  const dvcArgs = [bin, 'test-api', '--type', 'tra-cuu', '--url', server.url, '--body', bodyFile, '--json'];
  const newmanArgs = [newmanBin, 'run', collFile, '--reporters', 'cli', '--disable-unicode', '--color', 'off'];
  const bareScript = `require('undici').request(${JSON.stringify(server.url)}, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${JSON.stringify(JSON.stringify(body))} }).then((r) => r.body.json()).then((j) => { if (String(j.error_code) !== '0') process.exit(1); });`;
  const bareArgs = ['-e', bareScript];
  wall(process.execPath, dvcArgs);
  wall(process.execPath, newmanArgs);
  wall(process.execPath, bareArgs);
  const dvcMs = [];
  const newmanMs = [];
  const bareMs = [];
  for (let i = 0; i < RUNS; i++) {
    const d = wall(process.execPath, dvcArgs);
    if (d.status !== 0) throw new Error(`dvc test-api exited ${d.status}: ${d.stderr}${d.stdout}`);
    dvcMs.push(d.ms);
    const n = wall(process.execPath, newmanArgs);
    if (n.status !== 0) throw new Error(`newman exited ${n.status}: ${n.stdout}`);
    newmanMs.push(n.ms);
    const b = wall(process.execPath, bareArgs);
    if (b.status !== 0) throw new Error(`bare undici script exited ${b.status}: ${b.stderr}`);
    bareMs.push(b.ms);
  }
  result.probeWallMs = r1(median(dvcMs));
  result.newmanWallMs = r1(median(newmanMs));
  result.bareUndiciScriptWallMs = r1(median(bareMs));
  result.probeVsNewman = r2(median(dvcMs) / median(newmanMs));
  result.probeVsBareScript = r2(median(dvcMs) / median(bareMs));

  // 2. load against mock-api: dvc and a bare undici Pool alternate, each round a fresh process, medians and spread.
  const LOAD_ROUNDS = Number(process.env.BENCH_LOAD_ROUNDS ?? 5);
  const mockChild = spawn(process.execPath, [bin, 'mock-api', '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const mockPort = await new Promise((resolve, reject) => {
    let out = '';
    mockChild.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve(JSON.parse(out.slice(0, out.indexOf('\n'))).port);
    });
    mockChild.once('error', reject);
  });
  const mockUrl = `http://127.0.0.1:${mockPort}/tra-cuu`;
  // The ceiling of dvc's HTTP layer: a bare undici Pool of the same size, `request` and nothing else, same timing.
  const poolScript = `
const { performance } = require('node:perf_hooks');
const { Pool } = require('undici');
const url = new URL(${JSON.stringify(mockUrl)});
const pool = new Pool(url.origin, { connections: ${CONCURRENCY}, pipelining: 1 });
const body = ${JSON.stringify(JSON.stringify(body))};
let next = 0;
const t0 = performance.now();
const worker = async () => {
  while (next < ${REPEAT}) {
    next++;
    const r = await pool.request({ path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await r.body.json();
  }
};
Promise.all(Array.from({ length: ${CONCURRENCY} }, worker)).then(async () => {
  process.stdout.write(JSON.stringify({ rate: (${REPEAT} / (performance.now() - t0)) * 1000 }));
  await pool.close();
});`;
  const poolRound = () => {
    const a = spawnSync(process.execPath, ['-e', poolScript], { cwd: root, encoding: 'utf8' });
    if (a.status !== 0) throw new Error(`bare undici pool exited ${a.status}: ${a.stderr}`);
    return JSON.parse(a.stdout).rate;
  };
  const dvcLoadArgs = [
    bin,
    'test-api',
    '--type',
    'tra-cuu',
    '--url',
    mockUrl,
    '--body',
    bodyFile,
    '--repeat',
    String(REPEAT),
    '--concurrency',
    String(CONCURRENCY),
    '--json',
  ];
  const dvcRound = () => {
    const load = wall(process.execPath, dvcLoadArgs);
    if (load.status !== 0) throw new Error(`dvc --repeat exited ${load.status}: ${load.stdout.slice(0, 2000)}`);
    return JSON.parse(load.stdout).load;
  };
  const dvcRates = [];
  const poolRates = [];
  let l;
  try {
    // One untimed round of each first: the server's own code is compiled under load by whichever comes first.
    dvcRound();
    poolRound();
    for (let round = 0; round < LOAD_ROUNDS; round++) {
      if (round % 2 === 1) poolRates.push(poolRound());
      l = dvcRound();
      if (l.passed !== REPEAT) throw new Error(`dvc load: ${l.failed} of ${REPEAT} failed`);
      dvcRates.push(l.throughput);
      if (round % 2 === 0) poolRates.push(poolRound());
    }
  } finally {
    mockChild.kill();
  }
  result.repeat = REPEAT;
  result.concurrency = CONCURRENCY;
  result.loadRounds = LOAD_ROUNDS;
  result.loadServer = 'dvc mock-api (child process)';
  result.dvcThroughput = r1(median(dvcRates));
  result.dvcThroughputRounds = dvcRates.map(r1);
  result.dvcThroughputSpread = [r1(Math.min(...dvcRates)), r1(Math.max(...dvcRates))];
  result.dvcLatencyLastRound = l.latency;
  result.bareUndiciPoolThroughput = r1(median(poolRates));
  result.bareUndiciPoolRounds = poolRates.map(r1);
  result.throughputVsBarePool = r2(median(dvcRates) / median(poolRates));

  // 3. per-request overhead vs a bare undici.request
  const undici = await import('undici');
  const { probeOnce, prepareCase, sendCase } = await import(
    pathToFileURL(path.join(root, 'dist', 'app', 'test-api', 'probe-once.js')).href
  );
  const { getApiType, prepareChecks } = await import(
    pathToFileURL(path.join(root, 'dist', 'core', 'api', 'api-type-registry.js')).href
  );
  const { SharedConnections } = await import(
    pathToFileURL(path.join(root, 'dist', 'io', 'http', 'shared-connections.js')).href
  );
  const type = getApiType('tra-cuu');
  const target = {
    dst: null,
    url: server.url,
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      accept: 'application/json',
      'accept-encoding': 'gzip, deflate, br',
    },
    secrets: { values: [], bodyFields: ['SecurityKey'] },
    rule: type.responseRule,
    caFiles: [],
    insecure: false,
  };
  const settings = { timeoutMs: 15000, maxTimeMs: 5000, maxBytes: 10 * 1024 * 1024, follow: false, env: {} };
  const bare = async () => {
    const res = await undici.request(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.body.json();
  };
  const bareFresh = async () => {
    const client = new undici.Client(new URL(server.url).origin);
    const res = await client.request({
      path: '/api/tracuu',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.body.json();
    await client.close();
  };
  const dvc = async () => {
    const r = await probeOnce(type, target, { name: 'tra-cuu', body }, settings);
    if (!r.ok) throw new Error('probe failed in bench');
  };
  // A load run's exchange: a kept-alive connection of its pool, judged, its result built only when shown.
  const shared = new SharedConnections({ timeoutMs: settings.timeoutMs, insecure: false, connections: 1 });
  const pooled = { ...settings, shared };
  const prepared = prepareCase(target, { name: 'tra-cuu', body }, pooled);
  prepareChecks(type, prepared.rule);
  const memo = {};
  const dvcPooled = async () => {
    const o = await sendCase(type, target, prepared, pooled, memo);
    if (!o.ok) throw new Error('load exchange failed in bench');
  };
  // undici's own dispatch on a kept-alive connection, the body gathered and parsed: the floor of a load run's exchange.
  const origin = new URL(server.url).origin;
  const barePool = new undici.Pool(origin, { connections: 1, pipelining: 1 });
  const payload = JSON.stringify(body);
  const bareDispatch = () =>
    new Promise((resolve, reject) => {
      const chunks = [];
      barePool.dispatch(
        { origin, path: '/api/tracuu', method: 'POST', headers: { 'content-type': 'application/json' }, body: payload },
        {
          onRequestStart() {},
          onResponseStart() {},
          onResponseData(_c, chunk) {
            chunks.push(chunk);
          },
          onResponseEnd() {
            const j = JSON.parse(Buffer.concat(chunks).toString('utf8'));
            if (String(j.error_code) !== '0') reject(new Error('bare dispatch: unexpected answer'));
            else resolve();
          },
          onResponseError(_c, err) {
            reject(err);
          },
        },
      );
    });
  const times = { bare: [], bareFresh: [], dvc: [], bareDispatch: [], dvcPooled: [] };
  const fns = { bare, bareFresh, dvc, bareDispatch, dvcPooled };
  for (let i = 0; i < 100; i++) for (const f of Object.values(fns)) await f();
  const N = Number(process.env.BENCH_OVERHEAD_N ?? 500);
  for (let i = 0; i < N; i++) {
    for (const [k, f] of Object.entries(fns)) {
      const t0 = performance.now();
      await f();
      times[k].push(performance.now() - t0);
    }
  }
  result.bareUndiciP50Ms = r2(median(times.bare));
  result.bareFreshConnectionP50Ms = r2(median(times.bareFresh));
  result.dvcProbeP50Ms = r2(median(times.dvc));
  result.overheadP50Ms = r2(median(times.dvc) - median(times.bare));
  result.overheadVsFreshP50Ms = r2(median(times.dvc) - median(times.bareFresh));
  result.bareDispatchKeptAliveP50Ms = r3(median(times.bareDispatch));
  result.loadExchangeP50Ms = r3(median(times.dvcPooled));
  result.loadExchangeOverheadP50Ms = r3(median(times.dvcPooled) - median(times.bareDispatch));
  await shared.close();
  await barePool.close();

  // 4. the rehearsal against mock-api vs five single probes of the same five bodies (both in-process, fresh
  //    connections), interleaved, medians
  const dist = (p) => pathToFileURL(path.join(root, 'dist', ...p.split('/'))).href;
  const { startMockServer } = await import(dist('io/mock-server.js'));
  const { runRehearsal } = await import(dist('app/test-api/rehearse.js'));
  const mock = await startMockServer({ host: '127.0.0.1', port: 0, auth: { type: 'none' }, lang: 'vi' });
  const apis = Object.fromEntries(Object.entries(mock.urls).map(([id, url]) => [id, { url }]));
  const cfg = path.join(dir, 'dvc.config.json');
  writeFileSync(cfg, JSON.stringify({ provinces: { HNI: { name: 'Hà Nội', unit: '000.00.01.H26', apis } } }));
  const rehearse = (serial) =>
    runRehearsal({
      dst: 'HNI',
      timeoutMs: 15000,
      maxTimeMs: 5000,
      maxBytes: 1 << 20,
      caFiles: [],
      insecure: false,
      force: false,
      configPath: cfg,
      cwd: dir,
      env: {},
      serial,
    });
  const rehearsalMs = [];
  const fiveProbesMs = [];
  try {
    for (let i = 0; i < 3; i++) await rehearse(i);
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      const run = await rehearse(10 + i);
      rehearsalMs.push(performance.now() - t0);
      if (run.exitCode !== 0) throw new Error('rehearsal failed in bench');
      // the same five bodies, sent as five single probes (the duplicate notice is answered 1: a check, not a fault)
      const t1 = performance.now();
      for (const step of run.steps) {
        const t = getApiType(step.type);
        await probeOnce(
          t,
          { ...target, url: mock.urls[step.type], rule: t.responseRule },
          { name: step.name, body: step.probe.request.body },
          settings,
        );
      }
      fiveProbesMs.push(performance.now() - t1);
    }
  } finally {
    await mock.close();
  }
  result.rehearsalMs = r1(median(rehearsalMs));
  result.fiveProbesMs = r1(median(fiveProbesMs));
  result.rehearsalVsFiveProbes = r2(median(rehearsalMs) / median(fiveProbesMs));
} finally {
  server.stop();
}

result.loadAverage = os.loadavg().map(r2);
result.targets = {
  probeVsNewman: '<= 0.45',
  probeVsBareScript: '<= 1.15',
  dvcThroughput: '>= 3000 answers/s',
  rehearsalVsFiveProbes: '<= 1.5',
  loadExchangeOverheadP50Ms: '<= 0.2',
};
result.pass =
  result.probeVsNewman <= 0.45 &&
  result.probeVsBareScript <= 1.15 &&
  result.dvcThroughput >= 3000 &&
  result.rehearsalVsFiveProbes <= 1.5 &&
  result.loadExchangeOverheadP50Ms <= 0.2;
console.log(
  `one probe: dvc ${result.probeWallMs} ms vs newman ${result.newmanWallMs} ms (×${result.probeVsNewman}) · ` +
    `load ${REPEAT}×${CONCURRENCY} against mock-api: dvc ${result.dvcThroughput} answers/s ` +
    `[rounds ${result.dvcThroughputRounds.join(', ')}; bare undici Pool ${result.bareUndiciPoolThroughput} req/s, ` +
    `rounds ${result.bareUndiciPoolRounds.join(', ')}; dvc ×${result.throughputVsBarePool}] · ` +
    `bare undici script ${result.bareUndiciScriptWallMs} ms (×${result.probeVsBareScript}) · ` +
    `rehearsal ${result.rehearsalMs} ms vs five probes ${result.fiveProbesMs} ms (×${result.rehearsalVsFiveProbes}) · ` +
    `load average ${result.loadAverage.join(' ')} · ` +
    `overhead p50 ${result.overheadP50Ms} ms (dvc ${result.dvcProbeP50Ms} ms, bare undici ${result.bareUndiciP50Ms} ms, bare fresh connection ${result.bareFreshConnectionP50Ms} ms) · ` +
    `load exchange overhead p50 ${result.loadExchangeOverheadP50Ms} ms (dvc ${result.loadExchangeP50Ms} ms, bare undici dispatch ${result.bareDispatchKeptAliveP50Ms} ms)`,
);
console.log(JSON.stringify(result));
