// `dvc evidence pack` over ~1 GB of mixed media against `sha256sum` over the same files, in the same run.
// Targets: throughput ratio (pack / sha256sum) >= 0.8, peak RSS of the pack process < 200 MB.
// The pack runs as a child process; its peak RSS comes from GNU time (-v) when present, else from the
// maxRssBytes field of `--json`. Everything lives in a temporary folder that is removed at the end.
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  writeFileSync,
  writeSync,
  closeSync,
  readdirSync,
  statSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dvc.js');
const totalMb = Number(process.env.BENCH_EVIDENCE_MB ?? 1024);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-bench-evidence-'));
const dir = path.join(tmp, 'minh-chung');

function writeRandom(file, size, head, tail) {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20);
  let left = size - head.length - tail.length;
  writeSync(fd, head);
  while (left > 0) {
    const n = Math.min(left, chunk.length);
    randomFillSync(chunk, 0, n);
    writeSync(fd, chunk, 0, n);
    left -= n;
  }
  writeSync(fd, tail);
  closeSync(fd);
}

function generate() {
  const videoBytes = Math.floor(totalMb * 0.75) * 1048576;
  const smallBytes = totalMb * 1048576 - videoBytes;
  const folders = [
    '01-tin-nhan-thong-bao-thue',
    '02-xac-nhan-thanh-toan',
    '03-phan-mem-mot-cua',
    '04-bien-lai',
    '06-video',
  ];
  for (const f of folders) mkdirSync(path.join(dir, f), { recursive: true });
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')]);
  for (let i = 0; i < 3; i++)
    writeRandom(path.join(dir, '06-video', `video-${i + 1}.mp4`), Math.floor(videoBytes / 3), ftyp, Buffer.alloc(0));
  const kinds = [
    [
      '01-tin-nhan-thong-bao-thue',
      'png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
    ],
    ['02-xac-nhan-thanh-toan', 'jpg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from([0xff, 0xd9])],
    [
      '03-phan-mem-mot-cua',
      'png',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]),
    ],
    ['04-bien-lai', 'pdf', Buffer.from('%PDF-1.4\n'), Buffer.from('\n%%EOF\n')],
  ];
  const each = 512 * 1024;
  const count = Math.floor(smallBytes / each);
  for (let i = 0; i < count; i++) {
    const [folder, ext, head, tail] = kinds[i % kinds.length];
    writeRandom(path.join(dir, folder, `anh-${String(i).padStart(4, '0')}.${ext}`), each, head, tail);
  }
  writeFileSync(
    path.join(dir, 'evidence.yaml'),
    'unitName: "UBND tỉnh Thử Nghiệm"\nemail: "motcua@example.vn"\ndst: "TST"\ntestPayment:\n  dossierCode: "000.00.12.H26-261118-0001"\n  date: "2026-11-20"\napis:\n  chung-tu: "https://motcua.example.vn/api/chung-tu"\n',
  );
}

function listFiles(d) {
  return readdirSync(d, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

function timed(cmd, args, opts = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.slice(0, 3).join(' ')} exited ${r.status}: ${r.stderr}`);
  return { ms, r };
}

const gnuTime =
  existsSync('/usr/bin/time') &&
  spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' }).stderr.includes('Maximum resident');

try {
  generate();
  const files = listFiles(dir);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const listFile = path.join(tmp, 'files.txt');
  writeFileSync(listFile, files.join('\0'));
  const sha = [];
  const pack = [];
  let rssBytes = 0;
  timed('sh', ['-c', `xargs -0 cat < '${listFile}' > /dev/null`]);
  for (let i = 0; i < runs; i++) {
    sha.push(timed('sh', ['-c', `xargs -0 sha256sum < '${listFile}' > /dev/null`]).ms);
    const out = path.join(tmp, 'minh-chung.zip');
    rmSync(out, { force: true });
    const args = [bin, 'evidence', 'pack', dir, '--out', out, '--allow-incomplete', '--json', '--no-input'];
    const { ms, r } = gnuTime
      ? timed('/usr/bin/time', ['-v', process.execPath, ...args], { cwd: tmp })
      : timed(process.execPath, args, { cwd: tmp });
    pack.push(ms);
    const fromTime = gnuTime
      ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1] ?? 0) * 1024
      : 0;
    const fromJson = JSON.parse(r.stdout).maxRssBytes ?? 0;
    rssBytes = Math.max(rssBytes, fromTime || fromJson);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mbps = (ms) => bytes / 1048576 / (ms / 1000);
  const result = {
    bench: 'evidence-pack',
    files: files.length,
    megabytes: +(bytes / 1048576).toFixed(1),
    runs,
    sha256sumMs: +median(sha).toFixed(0),
    packMs: +median(pack).toFixed(0),
    sha256sumMBps: +mbps(median(sha)).toFixed(1),
    packMBps: +mbps(median(pack)).toFixed(1),
    throughputRatio: +(median(sha) / median(pack)).toFixed(2),
    peakRssMb: +(rssBytes / 1048576).toFixed(1),
    rssSource: gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
    target: 'throughputRatio >= 0.8 && peakRssMb < 200',
  };
  result.pass = result.throughputRatio >= 0.8 && result.peakRssMb < 200;
  console.log(
    `pack ${result.megabytes} MB: ${result.packMBps} MB/s · sha256sum ${result.sha256sumMBps} MB/s · ratio ×${result.throughputRatio} · peak RSS ${result.peakRssMb} MB`,
  );
  console.log(JSON.stringify(result));
  process.exitCode = result.pass ? 0 : 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
