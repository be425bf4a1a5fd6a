// Workbook I/O of `map-communes` against exceljs. A two-sheet workbook of 10,599 communes per sheet (the GSO
// 01/11/2021 edition) is built once; then, interleaved, exceljs reads and writes it, and dvc reads both sheets,
// detects their headers and writes the mapped workbook (every std row filled, a review and a summary sheet).
// Target: dvc's read + write ≤ 0.6 × exceljs's read + write. DVC_DIST points at another compiled tree.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { STD_HEADER } from './gso-units.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = process.env.DVC_DIST ?? path.join(root, 'dist');
const load = (p) => import(pathToFileURL(path.join(dist, p)).href);
const { readWorkbook } = await load('io/excel/read-workbook.js');
const { writeMappedWorkbook } = await load('io/excel/write-mapped-workbook.js');
const { detectHeader } = await load('core/workbook/detect-header.js');
const runs = Number(process.env.BENCH_RUNS ?? 5);

// The data folder sits beside the checkout (DVC_DATA overrides); the CSV has no quoted fields.
const dataFile = process.env.DVC_DATA ?? path.join(root, '..', 'shared', 'data', 'gso-units-2004-ed2021-11-01.csv');
const lines = readFileSync(dataFile, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => l.split(','));

const dir = mkdtempSync(path.join(tmpdir(), 'dvc-bench-excel-'));
const input = path.join(dir, 'big.xlsx');
{
  const wb = new ExcelJS.Workbook();
  const std = wb.addWorksheet('MX Bo TTTT');
  std.addRow(['DANH MỤC ĐƠN VỊ HÀNH CHÍNH']);
  std.addRow([]);
  std.addRow(STD_HEADER);
  lines.forEach((l, i) => std.addRow([i + 1, l[0], l[1], l[2], l[3], l[4], l[5], l[6]]));
  const tax = wb.addWorksheet('MX CQT');
  tax.addRow(['Mã tỉnh', 'Tên tỉnh', 'Mã huyện', 'Tên huyện', 'Mã xã', 'Tên xã']);
  lines.forEach((l, i) => tax.addRow([`1${l[0]}`, l[1], `1${l[0]}${l[2].slice(1)}`, l[3], String(1000000 + i), l[5]]));
  await wb.xlsx.writeFile(input);
}

const time = async (f) => {
  const t0 = process.hrtime.bigint();
  await f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const statuses = ['exact', 'normalised', 'decided', 'ambiguous', 'not_found'];

let n = 0;
let exReadMs = 0;
async function exceljsRoundTrip() {
  const t0 = process.hrtime.bigint();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  exReadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  await wb.xlsx.writeFile(path.join(dir, `exceljs-${n++}.xlsx`));
}
let readMs = 0;
async function dvcRoundTrip() {
  const t0 = process.hrtime.bigint();
  const wb = await readWorkbook(input);
  const std = detectHeader(wb.sheet('MX Bo TTTT').rows(), { sheet: 'MX Bo TTTT' });
  const tax = detectHeader(wb.sheet('MX CQT').rows(), { sheet: 'MX CQT' });
  readMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cells = std.dataRows.map((r, i) => ({
    row: r.row,
    value: i % 5 === 4 ? null : (tax.dataRows[i]?.values.code ?? null),
    status: statuses[i % 5],
  }));
  const review = [
    ['Dòng', 'Mã', 'Tên', 'Trạng thái'],
    ...std.dataRows
      .filter((_, i) => i % 5 >= 3)
      .map((r, i) => [r.row, r.values.code, r.values.name, statuses[3 + (i % 2)]]),
  ];
  await writeMappedWorkbook(
    input,
    path.join(dir, `dvc-${n++}.xlsx`),
    {
      stdSheet: 'MX Bo TTTT',
      headerRow: std.headerRow,
      cells,
      legend: { title: 'Chú giải', rows: statuses.map((s) => ({ status: s, label: s })) },
      extraSheets: [
        {
          name: 'Rà soát',
          rows: review,
          headerStyle: true,
          autoFilter: true,
          freezeHeader: true,
          columnWidths: [8, 10, 30, 14],
        },
        {
          name: 'Tóm tắt',
          rows: [
            ['Tỉnh', 'Số xã'],
            ['Tất cả', std.dataRows.length],
          ],
        },
      ],
    },
    { source: wb.package },
  );
}

await exceljsRoundTrip();
await dvcRoundTrip();
const ex = [];
const exReads = [];
const ours = [];
const reads = [];
for (let i = 0; i < runs; i++) {
  globalThis.gc?.();
  ex.push(await time(exceljsRoundTrip));
  exReads.push(exReadMs);
  globalThis.gc?.();
  ours.push(await time(dvcRoundTrip));
  reads.push(readMs);
}
rmSync(dir, { recursive: true, force: true });
const result = {
  rowsPerSheet: lines.length,
  runs,
  exceljsReadWriteMs: Math.round(median(ex)),
  exceljsReadOnlyMs: Math.round(median(exReads)),
  dvcReadWriteMs: Math.round(median(ours)),
  dvcReadOnlyMs: Math.round(median(reads)),
  ratio: Number((median(ours) / median(ex)).toFixed(3)),
  target: 0.6,
};
console.log(
  `exceljs read+write ${result.exceljsReadWriteMs} ms (read ${result.exceljsReadOnlyMs} ms); dvc read+detect+write ${result.dvcReadWriteMs} ms (read+detect ${result.dvcReadOnlyMs} ms); ratio ${result.ratio}`,
);
console.log(JSON.stringify(result));
process.exitCode = result.ratio <= result.target ? 0 : 1;
