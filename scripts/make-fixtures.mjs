// Generates the sample workbooks in fixtures/ from the administrative-unit lists (see fixtures/README.md).
// Deterministic: a seeded generator, fixed dates, sorted input. Needs the compiled text module (npm run build)
// for the legacy-font encoders. Usage: node scripts/make-fixtures.mjs [data-folder]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { writeFileSync } from 'node:fs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.argv[2] ?? process.env.DVC_DATA_DIR ?? path.join(root, '..', 'shared', 'data');
const textModule = path.join(root, 'dist', 'core', 'text', 'text.js');
if (!existsSync(textModule)) {
  console.error('dist/core/text/text.js is missing: run `npm run build` first.');
  process.exit(2);
}
const { encodeTcvn3, encodeVni, foldDiacritics } = await import(pathToFileURL(textModule).href);
const { STD_HEADER } = await import('../bench/gso-units.mjs');
const { seededRandom: seeded } = await import(pathToFileURL(path.join(root, 'dist', 'core', 'seeded-random.js')).href);

function readCsv(name) {
  const [head, ...lines] = readFileSync(path.join(dataDir, name), 'utf8').trim().split('\n');
  const keys = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [keys[i], v])));
}

const FIXED_DATE = new Date(Date.UTC(2025, 0, 15, 8, 0, 0));

/** exceljs stamps zip entries with the current time; re-pack with a fixed one so a re-run is byte-identical. */
async function writeStable(wb, file) {
  const zip = await yauzl.fromBufferPromise(Buffer.from(await wb.xlsx.writeBuffer()));
  const out = new yazl.ZipFile();
  for await (const entry of zip.eachEntry()) {
    if (entry.fileName.endsWith('/')) continue;
    const chunks = [];
    for await (const c of await zip.openReadStreamPromise(entry)) chunks.push(c);
    out.addBuffer(Buffer.concat(chunks), entry.fileName, { mtime: FIXED_DATE, compress: true });
  }
  zip.close();
  out.end();
  const chunks = [];
  for await (const c of out.outputStream) chunks.push(c);
  writeFileSync(file, Buffer.concat(chunks));
}

function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dvc fixtures';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

function styleHeader(row) {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    c.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
}

function titleRows(ws, title, width) {
  ws.addRow([title]);
  ws.mergeCells(1, 1, 1, width);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.addRow([]);
}

const bare = (name) => name.replace(/^(Thành phố|Tỉnh|Quận|Huyện|Thị xã|Phường|Xã|Thị trấn|Đặc khu)\s+/u, '');

/** Old-style tone placement on a final "oa", "oe", "uy": Hòa → Hoà, Thủy → Thuỷ. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
function oldTone(s) {
  return s.replace(/([òóỏõọ])([ae])(?!\p{L})|([ùúủũụ])(y)(?!\p{L})/gu, (w, o, v, u, y) => {
    const toned = o ?? u;
    const tone = TONE_MARKS.exec(toned.normalize('NFD'))?.[0] ?? '';
    return (o ? 'o' : 'u') + ((v ?? y) + tone).normalize('NFC');
  });
}

function abbreviate(name) {
  return name
    .replace(/^Phường\s+/u, 'P. ')
    .replace(/^Xã\s+/u, 'X. ')
    .replace(/^Thị trấn\s+/u, 'TT ');
}

// ---------------------------------------------------------------------------------------------------------
// mau-63-tinh.xlsx: the 63-province edition (01/03/2025 GSO list) for Hà Nội (01) and Thái Nguyên (19).
async function make63() {
  const rand = seeded(63);
  const gso = readCsv('gso-units-2004.csv').filter((r) => r.province_code === '01' || r.province_code === '19');
  const tmsProvince = { '01': '101', 19: '215' };
  const wb = newWorkbook();
  const std = wb.addWorksheet('MX Bo TTTT', { views: [{ state: 'frozen', ySplit: 3 }] });
  const header = STD_HEADER;
  titleRows(std, 'DANH MỤC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ (QĐ 124/2004/QĐ-TTg) — HÀ NỘI, THÁI NGUYÊN', header.length);
  styleHeader(std.addRow(header));
  gso.forEach((r, i) => {
    // Some codes of Ba Đình were typed as numbers, so Excel dropped their leading zeros ("00001" → 1).
    const asNumber = r.district_code === '001';
    std.addRow([
      i + 1,
      r.province_code,
      r.province_name,
      asNumber ? Number(r.district_code) : r.district_code,
      r.district_name,
      asNumber ? Number(r.commune_code) : r.commune_code,
      r.commune_name,
      r.commune_level,
      null,
    ]);
  });
  [6, 6, 18, 7, 24, 8, 28, 10, 18].forEach((w, i) => (std.getColumn(i + 1).width = w));
  std.autoFilter = { from: 'A3', to: `I${gso.length + 3}` };

  // The tax side: same provinces, synthetic TMS-like codes (province 3 digits, district +2, commune +2).
  const districts = new Map();
  const communeNo = new Map();
  const noise = { plain: 0, noDiacritics: 0, tcvn3: 0, vni: 0, oldTone: 0, abbreviated: 0, bare: 0, doubleSpace: 0 };
  const taxRows = [];
  const missing = gso.find((r) => r.province_code === '19' && r.commune_level === 'Xã' && r.district_code !== '164');
  const renamed = gso.find((r) => r.province_code === '01' && r.district_code === '250' && r.commune_level === 'Xã');
  for (const r of gso) {
    const pCode = tmsProvince[r.province_code];
    if (!districts.has(r.district_code)) {
      const n =
        [...districts.keys()].filter((d) => gso.find((g) => g.district_code === d)?.province_code === r.province_code)
          .length + 1;
      districts.set(r.district_code, `${pCode}${String(n).padStart(2, '0')}`);
    }
    const dCode = districts.get(r.district_code);
    const cn = (communeNo.get(dCode) ?? 0) + 1;
    communeNo.set(dCode, cn);
    if (r === missing) continue;
    let name = r.commune_name;
    const x = rand();
    if (r === renamed) name = `Xã ${bare(r.commune_name)} Mới`;
    else if (oldTone(name) !== name && x < 0.5) ((name = oldTone(name)), noise.oldTone++);
    else if (x < 0.08) ((name = foldDiacritics(name)), noise.noDiacritics++);
    else if (x < 0.12) ((name = encodeTcvn3(name)), noise.tcvn3++);
    else if (x < 0.15) ((name = encodeVni(name)), noise.vni++);
    else if (x < 0.4) ((name = abbreviate(name)), noise.abbreviated++);
    else if (x < 0.55) ((name = bare(name)), noise.bare++);
    else if (x < 0.6) ((name = name.replace(' ', '  ')), noise.doubleSpace++);
    else noise.plain++;
    taxRows.push([
      pCode,
      bare(r.province_name),
      dCode,
      r.district_name,
      `${dCode}${String(cn).padStart(2, '0')}`,
      name,
    ]);
  }
  // Sorted by tax code, as a TMS export is; the std sheet is in GSO order.
  taxRows.sort((a, b) => a[4].localeCompare(b[4]));
  const tax = wb.addWorksheet('MX CQT', { views: [{ state: 'frozen', ySplit: 1 }] });
  styleHeader(tax.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã']));
  for (const r of taxRows) tax.addRow(r);
  [9, 14, 10, 26, 11, 30].forEach((w, i) => (tax.getColumn(i + 1).width = w));
  await writeStable(wb, path.join(root, 'fixtures', 'mau-63-tinh.xlsx'));
  return {
    std: gso.length,
    tax: taxRows.length,
    missing: `${missing.commune_code} ${missing.commune_name}`,
    renamed: `${renamed.commune_code} ${renamed.commune_name}`,
    noise,
  };
}

// ---------------------------------------------------------------------------------------------------------
// mau-34-tinh.xlsx: the 34-province edition (01/07/2025) for Hà Nội (01), Thái Nguyên (19) and Lâm Đồng (68),
// with the real TMS commune list of the same provinces.
async function make34() {
  const codes = ['01', '19', '68'];
  const gso = readCsv('gso-units-2025.csv').filter((r) => codes.includes(r.province_code));
  const tms = readCsv('tax-tms-communes-2025.csv').filter((r) => codes.includes(r.gso_province_code));
  const wb = newWorkbook();
  const std = wb.addWorksheet('MX Bo TTTT', { views: [{ state: 'frozen', ySplit: 3 }] });
  const header = ['STT', 'Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã', 'Cấp', 'Mã phường/xã CQT'];
  titleRows(std, 'DANH MỤC ĐƠN VỊ HÀNH CHÍNH CẤP XÃ TỪ 01/7/2025 (QĐ 19/2025/QĐ-TTg)', header.length);
  styleHeader(std.addRow(header));
  gso.forEach((r, i) =>
    std.addRow([i + 1, r.province_code, r.province_name, r.commune_code, r.commune_name, r.commune_level, null]),
  );
  [6, 8, 20, 9, 30, 10, 18].forEach((w, i) => (std.getColumn(i + 1).width = w));
  const tax = wb.addWorksheet('MX CQT', { views: [{ state: 'frozen', ySplit: 1 }] });
  styleHeader(tax.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã xã', 'Tên xã']));
  for (const r of tms) tax.addRow([r.province_code, r.province_name, r.commune_code, r.commune_name]);
  [9, 20, 11, 30].forEach((w, i) => (tax.getColumn(i + 1).width = w));
  await writeStable(wb, path.join(root, 'fixtures', 'mau-34-tinh.xlsx'));
  return { std: gso.length, tax: tms.length };
}

const r63 = await make63();
const r34 = await make34();
console.log(JSON.stringify({ 'mau-63-tinh.xlsx': r63, 'mau-34-tinh.xlsx': r34 }, null, 2));
