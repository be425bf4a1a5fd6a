// `dvc evidence pack` on folders of text dense with personal data: peak RSS, wall time, and how fast the masking
// goes. Two folders are generated from fixtures/evidence:
//   notes — 650 notes of 845 kB (about 526 MB), every line with phone numbers, CCCD/CMND numbers and mailboxes;
//   dense — 200 notes of 1 MB (masked) and 40 texts of 12 MB (too large to read, stored as they are): about 674 MB.
// Each folder is packed by default (masked) and with --keep-personal-data, alternating, BENCH_RUNS times (3), each
// as a whole process under GNU time -v (peak RSS) or, without it, with the maxRssBytes of `--json`. The verdict is
// on medians: peak RSS <= 160 MB in every case, masking >= 50 MB/s, where the masking rate is the masked text's
// size over the extra time a masked pack takes over a kept one (same folder, same run). A last line measures the
// masker alone, in this process, over one note. Everything lives in a temporary folder removed at the end.
// Folders of many small files (BENCH_FOLDERS=many, many-1b, many-40k): the sample plus 9,850 notes of 4 kB (1 byte,
// 40 kB; many-long: 4 kB under names of 255 bytes) in 03-phan-mem-mot-cua, near the most files a bundle may hold
// (nested-long: notes of 4 kB and names of 255 bytes three folders of 200-byte names deep, as many as a bundle's
// manifest may list, about 4,400); `check`, `status` and `pack` (masked and
// kept) each run as a whole process, BENCH_RUNS times; the verdict is a median peak RSS < 200 MB for every one.
// BENCH_BEFORE=<another dvc.js> runs that build too, alternating with this one, for before/after figures: every
// folder is then measured as the many-files ones are (all four commands; no masking rate).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dvcTimed } from './dvc-timed.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'dvc.js');
const runs = Number(process.env.BENCH_RUNS ?? 3);
const only = process.env.BENCH_FOLDERS?.split(',');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'dvc-bench-pack-'));

/** A deterministic generator (xorshift32): the same folders on every run and every machine. */
function rng(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

const WORDS = [
  'hồ sơ',
  'thanh toán',
  'nghĩa vụ tài chính',
  'đất đai',
  'biên lai',
  'thông báo thuế',
  'người nộp',
  'đã gửi',
  'kiểm tra',
  'Cổng Dịch vụ công',
  'một cửa',
  'chứng từ',
];
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Thị Hoa', 'Phạm Minh Đức'];

/** One line of a note: Vietnamese words around a phone, a CCCD, a CMND, a mailbox and sometimes a name. */
function line(r) {
  const d = (n) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');
  const w = () => WORDS[Math.floor(r() * WORDS.length)];
  const phone = [
    '09' + d(8),
    '03' + d(1) + ' ' + d(3) + ' ' + d(4),
    '+84 9' + d(8),
    '08' + d(1) + '.' + d(3) + '.' + d(4),
  ][Math.floor(r() * 4)];
  const who = r() < 0.3 ? ` ông/bà ${NAMES[Math.floor(r() * NAMES.length)]}` : '';
  return `Ngày ${1 + Math.floor(r() * 28)}/11/2026 ${w()}${who}, ĐT ${phone}, CCCD 0${d(11)}, CMND ${d(9)}, thư ${w().length > 6 ? 'can.bo' : 'motcua'}${d(2)}@hanoi.example.vn — ${w()} ${w()}, số tiền ${d(7)} đồng.\n`;
}

function note(seed, bytes) {
  const r = rng(seed);
  const parts = [];
  let n = 0;
  for (;;) {
    const l = line(r);
    const len = Buffer.byteLength(l);
    if (n + len > bytes) break;
    parts.push(l);
    n += len;
  }
  return Buffer.from(parts.join('') + ' '.repeat(bytes - n), 'utf8');
}

function baseFolder(name) {
  const dir = path.join(tmp, name);
  cpSync(path.join(root, 'fixtures', 'evidence'), dir, { recursive: true });
  mkdirSync(path.join(dir, '07-ghi-chu'));
  return dir;
}

/** A few distinct bodies written many times (each file its own header): generation stays quick. */
function writeNotes(dir, count, bytes, prefix, sub = '07-ghi-chu', fileName = noteName) {
  const bodies = bytes < 64 ? [] : Array.from({ length: 8 }, (_, i) => note(1000 + i + bytes, bytes - 64));
  for (let i = 0; i < count; i++) {
    const head = Buffer.from(`Ghi chú ${prefix} ${i}\n`.padEnd(64, ' '), 'utf8');
    writeFileSync(
      path.join(dir, sub, fileName(prefix, i)),
      bytes < 64 ? Buffer.alloc(bytes, 0x78) : Buffer.concat([head, bodies[i % 8]]),
    );
  }
}

function noteName(prefix, i) {
  return `${prefix}-${String(i).padStart(4, '0')}.txt`;
}

/**
 * A name as long as a file system admits (255 UTF-8 bytes), with a Vietnamese letter in it, so that every string
 * holding it takes two bytes a character: the costliest name a bundle of one folder level can carry.
 */
function longName(prefix, i) {
  const stem = `${prefix} chú ${String(i).padStart(6, '0')} ${'dài '.repeat(80)}`;
  let name = '';
  for (const ch of stem) {
    if (Buffer.byteLength(name + ch + '.txt', 'utf8') > 255) break;
    name += ch;
  }
  return `${name}.txt`;
}

/** The sample and 9,850 notes of `bytes` in one folder: a bundle may hold 10,000 entries. */
function manyFolder(name, bytes, fileName = noteName) {
  const dir = baseFolder(name);
  writeNotes(dir, 9850, bytes, 'ghi-chu', '03-phan-mem-mot-cua', fileName);
  return { dir, maskedBytes: 9850 * bytes, many: true };
}

/** A folder name of 200 UTF-8 bytes, Vietnamese. */
function longFolderName(level) {
  let name = '';
  for (const ch of `thư mục cấp ${level} ${'rất dài '.repeat(40)}`) {
    if (Buffer.byteLength(name + ch, 'utf8') > 200) break;
    name += ch;
  }
  return name;
}

/**
 * Notes of 4 kB under names of 255 bytes, three folders of 200 bytes deep in 03-phan-mem-mot-cua: full paths of
 * about 880 bytes, as many files as a bundle's payload manifest (4 MiB, BAG_LIMITS.tagTextBytes) may list. A folder
 * of more such files is refused (exit 2) as it is read, and is no case of memory.
 */
function nestedFolder(name) {
  const dir = baseFolder(name);
  const sub = path.join('03-phan-mem-mot-cua', longFolderName(1), longFolderName(2), longFolderName(3));
  mkdirSync(path.join(dir, sub), { recursive: true });
  const line = 64 + 2 + Buffer.byteLength(`data/${sub}/${longName('ghi-chu', 0)}`, 'utf8') + 1;
  const count = Math.floor((4 * 1048576) / line) - 20;
  writeNotes(dir, count, 4000, 'ghi-chu', sub, longName);
  return { dir, maskedBytes: count * 4000, many: true };
}

const FOLDERS = {
  notes() {
    const dir = baseFolder('notes');
    writeNotes(dir, 650, 845 * 1000, 'ghi-chu');
    return { dir, maskedBytes: 650 * 845 * 1000 };
  },
  dense() {
    const dir = baseFolder('dense');
    writeNotes(dir, 200, 1000 * 1000, 'ghi-chu');
    writeNotes(dir, 40, 12 * 1000 * 1000, 'nhat-ky');
    return { dir, maskedBytes: 200 * 1000 * 1000 };
  },
  many: () => manyFolder('many', 4000),
  'many-1b': () => manyFolder('many-1b', 1),
  'many-40k': () => manyFolder('many-40k', 40000),
  'many-long': () => manyFolder('many-long', 4000, longName),
  'nested-long': () => nestedFolder('nested-long'),
};
/** Run when BENCH_FOLDERS does not say. */
const DEFAULT_FOLDERS = ['notes', 'dense', 'many'];

/** One dvc command as a whole process: wall time and peak RSS. `ok` lists the exit codes that are not a failure. */
function dvc(binPath, args, ok = [0]) {
  const { ms, rss } = dvcTimed(args, { cwd: tmp, okCodes: ok, bin: binPath });
  return { ms, rss };
}

function pack(dir, out, keep, binPath = bin) {
  const args = ['evidence', 'pack', dir, '--out', out, '--allow-incomplete', '--json', '--no-input', '--force'];
  if (keep) args.push('--keep-personal-data');
  const r = dvc(binPath, args);
  rmSync(out, { force: true });
  return r;
}

const before = process.env.BENCH_BEFORE ? path.resolve(process.env.BENCH_BEFORE) : undefined;
const MANY_COMMANDS = ['check', 'status', 'packMasked', 'packKept'];

/** check, status and both packs of a folder of many files, by this build (and BENCH_BEFORE's), alternating. */
function measureMany(name, dir) {
  const builds = before
    ? [
        ['now', bin],
        ['before', before],
      ]
    : [['now', bin]];
  const runsOf = Object.fromEntries(builds.map(([b]) => [b, Object.fromEntries(MANY_COMMANDS.map((c) => [c, []]))]));
  const out = path.join(tmp, `${name}.zip`);
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? builds : [...builds].reverse();
    for (const [b, binPath] of order) {
      const load = os.loadavg()[0].toFixed(2);
      const r = runsOf[b];
      r.check.push(dvc(binPath, ['evidence', 'check', dir, '--json'], [0, 1]));
      r.status.push(dvc(binPath, ['evidence', 'status', dir, '--json'], [0, 1]));
      const pair = i % 2 === 0 ? [false, true] : [true, false];
      for (const keep of pair) (keep ? r.packKept : r.packMasked).push(pack(dir, out, keep, binPath));
      process.stderr.write(
        `${name} ${b} run ${i + 1}/${runs} (load ${load}): ${MANY_COMMANDS.map((c) => `${c} ${r[c].at(-1).ms.toFixed(0)} ms ${mb(r[c].at(-1).rss)} MB`).join(' · ')}\n`,
      );
    }
  }
  return Object.fromEntries(
    builds.map(([b]) => [
      b,
      Object.fromEntries(
        MANY_COMMANDS.flatMap((c) => [
          [`${c}PeakRssMb`, mb(median(runsOf[b][c].map((x) => x.rss)))],
          [`${c}MaxRssMb`, mb(Math.max(...runsOf[b][c].map((x) => x.rss)))],
          [`${c}MedianMs`, +median(runsOf[b][c].map((x) => x.ms)).toFixed(0)],
        ]),
      ),
    ]),
  );
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const mb = (b) => +(b / 1e6).toFixed(1);

/** The masker alone, in this process: one 845 kB note masked the way pack masks it, repeated. */
async function maskerAlone() {
  const privacy = path.join(root, 'dist', 'app', 'evidence', 'pack-privacy.js');
  const redactor = path.join(root, 'dist', 'core', 'evidence', 'personal-data.js');
  if (!existsSync(privacy)) return undefined;
  const { piecesOf } = await import(privacy);
  const { makeRedactor } = await import(redactor);
  const text = note(7, 845 * 1000).toString('utf8');
  const r = makeRedactor(['Nguyễn Văn An', 'Trần Thị Bình'], ['024 3825 1234']);
  const mask = (s) => r.text(s);
  // The text as pack reads it: chunks of about 64 K characters, cut into pieces, each piece masked.
  const chunks = Array.from({ length: Math.ceil(text.length / 65536) }, (_, i) =>
    text.slice(i * 65536, (i + 1) * 65536),
  );
  const from = async function* () {
    yield* chunks;
  };
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < 10; k++) for await (const piece of piecesOf(from())) if (typeof piece === 'string') mask(piece);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return +((10 * Buffer.byteLength(text)) / 1e6 / (median(times) / 1000)).toFixed(1);
}

const loadStart = os.loadavg().map((x) => +x.toFixed(2));
const result = { bench: 'evidence-pack-masking', runs, cpus: os.cpus().length, folders: {} };
try {
  for (const [name, make] of Object.entries(FOLDERS)) {
    if (!(only ?? DEFAULT_FOLDERS).includes(name)) continue;
    const { dir, maskedBytes, many } = make();
    // Many small files, or any folder when another build is to be compared: every command, both builds.
    if (many || before) {
      result.many ??= {};
      result.many[name] = { megabytes: mb(maskedBytes), ...measureMany(name, dir) };
      rmSync(dir, { recursive: true, force: true });
      continue;
    }
    const out = path.join(tmp, `${name}.zip`);
    const masked = [];
    const kept = [];
    for (let i = 0; i < runs; i++) {
      // Alternate the order so that neither mode always runs on a warmer page cache.
      const pair = i % 2 === 0 ? [false, true] : [true, false];
      const load = os.loadavg()[0].toFixed(2);
      for (const keep of pair) (keep ? kept : masked).push(pack(dir, out, keep));
      const m = masked.at(-1);
      const k = kept.at(-1);
      process.stderr.write(
        `${name} run ${i + 1}/${runs} (load ${load}): masked ${m.ms.toFixed(0)} ms ${mb(m.rss)} MB · kept ${k.ms.toFixed(0)} ms ${mb(k.rss)} MB\n`,
      );
    }
    const maskingMs = median(masked.map((m, i) => m.ms - kept[i].ms));
    result.folders[name] = {
      megabytes: mb(maskedBytes),
      maskedMedianMs: +median(masked.map((m) => m.ms)).toFixed(0),
      maskedPeakRssMb: mb(median(masked.map((m) => m.rss))),
      maskedMaxRssMb: mb(Math.max(...masked.map((m) => m.rss))),
      keptMedianMs: +median(kept.map((m) => m.ms)).toFixed(0),
      keptPeakRssMb: mb(median(kept.map((m) => m.rss))),
      keptMaxRssMb: mb(Math.max(...kept.map((m) => m.rss))),
      maskingMBps: maskingMs > 0 ? +(maskedBytes / 1e6 / (maskingMs / 1000)).toFixed(1) : null,
    };
    rmSync(dir, { recursive: true, force: true });
  }
  result.maskerAloneMBps = await maskerAlone();
  result.loadavgStart = loadStart;
  result.loadavgEnd = os.loadavg().map((x) => +x.toFixed(2));
  const f = Object.values(result.folders);
  result.target =
    'median peak RSS <= 160 MB (masked and kept), masking >= 50 MB/s; many files: check, status, pack < 200 MB';
  const manyPass = Object.values(result.many ?? {}).every((x) =>
    MANY_COMMANDS.every((c) => x.now[`${c}PeakRssMb`] < 200),
  );
  result.pass =
    manyPass &&
    f.every(
      (x) => x.maskedPeakRssMb <= 160 && x.keptPeakRssMb <= 160 && (x.maskingMBps === null || x.maskingMBps >= 50),
    );
  for (const [name, x] of Object.entries(result.folders))
    process.stderr.write(
      `${name} ${x.megabytes} MB masked: ${x.maskedMedianMs} ms, RSS ${x.maskedPeakRssMb} MB (max ${x.maskedMaxRssMb}) · kept: ${x.keptMedianMs} ms, RSS ${x.keptPeakRssMb} MB (max ${x.keptMaxRssMb}) · masking ${x.maskingMBps} MB/s\n`,
    );
  for (const [name, x] of Object.entries(result.many ?? {}))
    for (const b of Object.keys(x).filter((k) => k !== 'megabytes'))
      process.stderr.write(
        `${name} (${b}): ${MANY_COMMANDS.map((c) => `${c} ${x[b][`${c}PeakRssMb`]} MB, ${x[b][`${c}MedianMs`]} ms`).join(' · ')}\n`,
      );
  process.stderr.write(
    `masker alone: ${result.maskerAloneMBps} MB/s · load ${loadStart.join(' ')} -> ${result.loadavgEnd.join(' ')}\n`,
  );
  console.log(JSON.stringify(result));
  process.exitCode = result.pass ? 0 : 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
