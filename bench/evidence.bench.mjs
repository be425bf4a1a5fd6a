// `dvc evidence pack` over ~1 GB of mixed media against `zip -0 -r` of the same folder, and `dvc evidence verify`
// of the bundle against `sha256sum` of the payload, in the same run; then verify's peak RSS on hostile archives
// (60 tag files of 16 MiB each, 70,000 entries, a high compression ratio).
// Targets: pack >= 0.8 x zip throughput, verify time <= 1.2 x sha256sum, every peak RSS < 200 MB. Each run times
// zip and pack back to back (order alternating), then sha256sum and verify; the verdict is on the median of the
// same-run ratios, which a busy machine disturbs far less than absolute times. Per-run lines give the load average.
// The pack runs as a child process; its peak RSS comes from GNU time (-v) when present, else from the
// maxRssBytes field of `--json`. Everything lives in a temporary folder that is removed at the end.
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { crc32, deflateRawSync } from 'node:zlib';
import {
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
import { dvcTimed, gnuTime } from './dvc-timed.mjs';

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

/** A zip written field by field (stored or deflated entries), for the hostile archives. */
function rawZip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const body = e.deflated ?? e.data;
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0x800, 6);
    lh.writeUInt16LE(e.deflated ? 8 : 0, 8);
    lh.writeUInt32LE(crc32(e.data), 14);
    lh.writeUInt32LE(body.length, 18);
    lh.writeUInt32LE(e.data.length, 22);
    lh.writeUInt16LE(name.length, 26);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(e.deflated ? 8 : 0, 10);
    ch.writeUInt32LE(crc32(e.data), 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(e.data.length, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    ch.writeUInt32LE(offset, 42);
    locals.push(lh, name, body);
    centrals.push(ch, name);
    offset += 30 + name.length + body.length;
  }
  const cd = Buffer.concat(centrals);
  const n = entries.length;
  const z64 = n >= 0xffff;
  const tail = [];
  if (z64) {
    const z = Buffer.alloc(56);
    z.writeUInt32LE(0x06064b50, 0);
    z.writeBigUInt64LE(44n, 4);
    z.writeUInt16LE(45, 12);
    z.writeUInt16LE(45, 14);
    z.writeBigUInt64LE(BigInt(n), 24);
    z.writeBigUInt64LE(BigInt(n), 32);
    z.writeBigUInt64LE(BigInt(cd.length), 40);
    z.writeBigUInt64LE(BigInt(offset), 48);
    const loc = Buffer.alloc(20);
    loc.writeUInt32LE(0x07064b50, 0);
    loc.writeBigUInt64LE(BigInt(offset + cd.length), 8);
    loc.writeUInt32LE(1, 16);
    tail.push(z, loc);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(z64 ? 0xffff : n, 8);
  end.writeUInt16LE(z64 ? 0xffff : n, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, ...tail, end]);
}

function hostileArchives() {
  const bag = [
    { name: 'bag/bagit.txt', data: Buffer.from('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n') },
    { name: 'bag/manifest-sha256.txt', data: Buffer.from('') },
  ];
  const big = Buffer.alloc(16 * 1048576, 0x41);
  const deflated = deflateRawSync(big);
  const zeros = Buffer.alloc(256 * 1048576);
  const empty = Buffer.alloc(0);
  return {
    'tags-60x16MiB': rawZip([
      ...bag,
      ...Array.from({ length: 60 }, (_, i) => ({ name: `bag/t${i}.txt`, data: big, deflated })),
    ]),
    'entries-70000': rawZip([
      ...bag,
      ...Array.from({ length: 70_000 }, (_, i) => ({ name: `bag/data/f${i}`, data: empty })),
    ]),
    'ratio-256MiB': rawZip([...bag, { name: 'bag/data/zeros.bin', data: zeros, deflated: deflateRawSync(zeros) }]),
  };
}

const loadavgStart = os.loadavg().map((x) => +x.toFixed(2));
try {
  generate();
  const files = listFiles(dir);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  const payloadList = path.join(tmp, 'files.txt');
  writeFileSync(payloadList, files.join('\0'));
  timed('sh', ['-c', `xargs -0 cat < '${payloadList}' > /dev/null`]);
  const perRun = [];
  let packRss = 0;
  let verifyRss = 0;
  const out = path.join(tmp, 'minh-chung.zip');
  // Neither zip nor pack syncs; flushing the previous command's gigabyte first keeps its writeback out of the next
  // command's time (the first run otherwise also pays for writing the generated folder to disk).
  const settle = () => spawnSync('sync');
  const zipOnce = () => {
    rmSync(path.join(tmp, 'ref.zip'), { force: true });
    settle();
    return timed('zip', ['-0', '-r', '-q', 'ref.zip', 'minh-chung'], { cwd: tmp }).ms;
  };
  const packOnce = () => {
    rmSync(out, { force: true });
    settle();
    const p = dvcTimed(['evidence', 'pack', dir, '--out', out, '--allow-incomplete', '--json', '--no-input'], {
      cwd: tmp,
    });
    packRss = Math.max(packRss, p.rss);
    return p.ms;
  };
  for (let i = 0; i < runs; i++) {
    // Same run, back to back, the order alternating so that neither side always meets a warmer machine.
    const load = +os.loadavg()[0].toFixed(2);
    let zipMs;
    let packMs;
    if (i % 2 === 0) {
      zipMs = zipOnce();
      packMs = packOnce();
    } else {
      packMs = packOnce();
      zipMs = zipOnce();
    }
    const shaMs = timed('sh', ['-c', `xargs -0 sha256sum < '${payloadList}' > /dev/null`]).ms;
    const v = dvcTimed(['evidence', 'verify', out, '--json'], { cwd: tmp });
    verifyRss = Math.max(verifyRss, v.rss);
    const run = {
      load,
      zipMs: +zipMs.toFixed(0),
      packMs: +packMs.toFixed(0),
      packVsZip: +(zipMs / packMs).toFixed(2),
      sha256sumMs: +shaMs.toFixed(0),
      verifyMs: +v.ms.toFixed(0),
      verifyVsSha256sum: +(v.ms / shaMs).toFixed(2),
    };
    perRun.push(run);
    console.log(
      `run ${i + 1}/${runs} (load ${load}): zip ${run.zipMs} ms, pack ${run.packMs} ms (x${run.packVsZip}) · sha256sum ${run.sha256sumMs} ms, verify ${run.verifyMs} ms (x${run.verifyVsSha256sum})`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  rmSync(out, { force: true });
  rmSync(path.join(tmp, 'ref.zip'), { force: true });
  const hostile = {};
  for (const [name, buf] of Object.entries(hostileArchives())) {
    const f = path.join(tmp, `${name}.zip`);
    writeFileSync(f, buf);
    const h = dvcTimed(['evidence', 'verify', f, '--json'], { cwd: tmp, okCodes: [0, 1, 2] });
    hostile[name] = { exit: h.r.status, ms: +h.ms.toFixed(0), peakRssMb: +(h.rss / 1048576).toFixed(1) };
    rmSync(f, { force: true });
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const mbps = (ms) => +(bytes / 1048576 / (ms / 1000)).toFixed(1);
  const col = (k) => perRun.map((r) => r[k]);
  const result = {
    bench: 'evidence-pack-verify',
    loadavgStart,
    loadavgEnd: os.loadavg().map((x) => +x.toFixed(2)),
    cpus: os.cpus().length,
    files: files.length,
    megabytes: +(bytes / 1048576).toFixed(1),
    runs,
    zipMBps: mbps(median(col('zipMs'))),
    packMBps: mbps(median(col('packMs'))),
    // The median of the same-run ratios: each ratio compares two runs made back to back on the same machine state.
    packVsZip: median(col('packVsZip')),
    packPeakRssMb: +(packRss / 1048576).toFixed(1),
    sha256sumMs: median(col('sha256sumMs')),
    verifyMs: median(col('verifyMs')),
    verifyVsSha256sum: median(col('verifyVsSha256sum')),
    verifyPeakRssMb: +(verifyRss / 1048576).toFixed(1),
    perRun,
    hostile,
    rssSource: gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage().maxRSS',
    target: 'median same-run packVsZip >= 0.8, verifyVsSha256sum <= 1.2, every peak RSS < 200 MB',
  };
  result.pass =
    result.packVsZip >= 0.8 &&
    result.verifyVsSha256sum <= 1.2 &&
    result.packPeakRssMb < 200 &&
    result.verifyPeakRssMb < 200 &&
    Object.values(hostile).every((h) => h.peakRssMb < 200);
  const hostileRss = Math.max(...Object.values(hostile).map((h) => h.peakRssMb));
  console.log(
    `pack ${result.megabytes} MB: ${result.packMBps} MB/s vs zip -0 ${result.zipMBps} MB/s (median of ${runs} same-run ratios x${result.packVsZip}, RSS ${result.packPeakRssMb} MB) · verify x${result.verifyVsSha256sum} of sha256sum (RSS ${result.verifyPeakRssMb} MB) · hostile RSS <= ${hostileRss} MB · load ${result.loadavgStart.join(' ')} -> ${result.loadavgEnd.join(' ')} on ${result.cpus} CPUs`,
  );
  console.log(JSON.stringify(result));
  process.exitCode = result.pass ? 0 : 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
