/** The officer's hands in tests: type decisions into the "Rà soát" sheet of an output with exceljs, read it back. */
import ExcelJS from 'exceljs';

export interface ReviewLine {
  sheet: string;
  row: number;
  code: string;
  name: string;
  status: string;
  decision: string;
  note: string;
  existingCode: string;
  existingVerdict: string;
  /** The "Lý do" column. */
  reasons: string;
  /** Codes of the candidates listed on the line, best first. */
  candidates: string[];
}

function columnOf(ws: ExcelJS.Worksheet, test: (header: string) => boolean): number {
  const header = ws.getRow(1).values as unknown[];
  const i = header.findIndex((v) => typeof v === 'string' && test(v));
  if (i < 0) throw new Error(`no such column in the review sheet: ${header.join(' | ')}`);
  return i;
}

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/** The newest review sheet ("Rà soát", or "Rà soát (2)" in an output made from an earlier output). */
function reviewSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheets = wb.worksheets.filter((w) => /^Rà soát( \(\d+\))?$/.test(w.name));
  const ws = sheets[sheets.length - 1];
  if (!ws) throw new Error('no review sheet');
  return ws;
}

export async function readReviewLines(file: string): Promise<ReviewLine[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = reviewSheet(wb);
  const col = {
    code: columnOf(ws, (h) => h === 'Mã phường/xã'),
    name: columnOf(ws, (h) => h === 'Tên phường/xã'),
    status: columnOf(ws, (h) => h === 'Trạng thái'),
    decision: columnOf(ws, (h) => h.startsWith('Quyết định')),
    note: columnOf(ws, (h) => h.startsWith('Ghi chú')),
    existingCode: columnOf(ws, (h) => h.startsWith('Mã đang có')),
    existingVerdict: columnOf(ws, (h) => h.startsWith('Kiểm tra mã đang có')),
    reasons: columnOf(ws, (h) => h === 'Lý do'),
    candidates: columnOf(ws, (h) => h.startsWith('Ứng viên')),
  };
  const out: ReviewLine[] = [];
  ws.eachRow((row, i) => {
    if (i === 1) return;
    const v = (c: number) => text(row.getCell(c).value);
    out.push({
      sheet: v(1),
      row: Number(v(2)),
      code: v(col.code),
      name: v(col.name),
      status: v(col.status),
      decision: v(col.decision),
      note: v(col.note),
      existingCode: v(col.existingCode),
      existingVerdict: v(col.existingVerdict),
      reasons: v(col.reasons),
      candidates: v(col.candidates)
        .split(' | ')
        .map((c) => c.split(' — ')[0].trim())
        .filter(Boolean),
    });
  });
  return out;
}

/** Types `decisions` (standard code → tax code or "-") into the decision column, as an officer does in Excel. */
export async function typeDecisions(file: string, decisions: Record<string, string>): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = reviewSheet(wb);
  const codeCol = columnOf(ws, (h) => h === 'Mã phường/xã' || h === 'Commune code');
  const decisionCol = columnOf(ws, (h) => h.startsWith('Quyết định'));
  const left = new Set(Object.keys(decisions));
  ws.eachRow((row, i) => {
    const code = text(row.getCell(codeCol).value);
    if (i === 1 || !left.has(code) || text(row.getCell(1).value) === 'MX CQT') return;
    row.getCell(decisionCol).value = decisions[code];
    left.delete(code);
  });
  if (left.size) throw new Error(`not in the review sheet: ${[...left].join(', ')}`);
  await wb.xlsx.writeFile(file);
}

/** Types a commune's code into the decision column of the unused tax row of `taxCode`, as an officer may. */
export async function typeOnUnusedTaxRow(file: string, taxCode: string, stdCode: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = reviewSheet(wb);
  const codeCol = columnOf(ws, (h) => h === 'Mã phường/xã' || h === 'Commune code');
  const decisionCol = columnOf(ws, (h) => h.startsWith('Quyết định'));
  const status = columnOf(ws, (h) => h === 'Trạng thái');
  let done = false;
  ws.eachRow((row, i) => {
    if (i === 1 || done || text(row.getCell(codeCol).value) !== taxCode) return;
    if (!text(row.getCell(status).value).startsWith('Dòng của sheet thuế chưa')) return;
    row.getCell(decisionCol).value = stdCode;
    done = true;
  });
  if (!done) throw new Error(`no unused tax row ${taxCode} in the review sheet`);
  await wb.xlsx.writeFile(file);
}
