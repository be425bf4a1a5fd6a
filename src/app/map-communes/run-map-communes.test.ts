import { access, copyFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { REPO_ROOT } from '../../test-support/run-cli.js';
import { tempDir } from '../../test-support/excel-workbooks.js';
import { readReviewLines, typeDecisions } from '../../test-support/review-sheet.js';
import { mapCommunes, type MapCommunesOptions } from './run-map-communes.js';
import { mapCommunesTexts } from '../../cli/render/map-communes/map-communes-sheets.js';
import { withTexts } from '../../cli/render/map-communes/map-communes-words.js';

const SAMPLE = path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx');

/** Rows of the sample that need a decision, and the right tax row of each (from the sample's unused tax rows). */
const ROUND_1 = { '00526': '1011201', '00598': '1011502', '00610': '1011507', '08974': '1011602' };
const ROUND_2 = { '09802': '1012107', '09856': '1012209', '10099': '1012527', '05527': '-' };

/** A run in one language, worded as the command words it. */
const run = async ({ lang = 'vi', ...o }: Partial<MapCommunesOptions> & { input?: string; lang?: 'vi' | 'en' }) =>
  withTexts(await mapCommunes({ input: SAMPLE, texts: mapCommunesTexts(lang), ...o }), lang);

const exists = (f: string) =>
  access(f).then(
    () => true,
    () => false,
  );

describe('mapCommunes: decisions carried over from round to round', () => {
  it('keeps every decision of every earlier round in the review sheet of each output', async () => {
    const dir = await tempDir('dvc-rounds-');
    const r1 = await run({ out: path.join(dir, 'lan-1.xlsx') });
    // The engine settles the folded-tier ties by district and unit type; the two units missing from the tax sheet remain.
    expect(r1.summary).toMatchObject({ decided: 0, ambiguous: 0, notFound: 2 });
    const first = await readReviewLines(r1.output!);
    // The rows to decide open the sheet.
    expect(first.slice(0, 2).map((l) => l.status)).toEqual(['không tìm thấy', 'không tìm thấy']);
    expect(r1.nextStep).toBe(
      `dvc map-communes ${SAMPLE} --decisions ${path.join(dir, 'lan-1.xlsx')} --out ${path.join(dir, 'lan-2.xlsx')}`,
    );

    await typeDecisions(r1.output!, ROUND_1);
    const r2 = await run({ decisions: r1.output!, out: path.join(dir, 'lan-2.xlsx') });
    expect(r2.summary.decided).toBe(4);
    await typeDecisions(r2.output!, ROUND_2);
    const r3 = await run({ decisions: r2.output!, out: path.join(dir, 'lan-3.xlsx') });
    expect(r3.summary).toMatchObject({ decided: 8, ambiguous: 0, notFound: 0, overrides: 0 });
    expect(r3.nextStep).toBeNull();
    const third = await readReviewLines(r3.output!);
    const all: Record<string, string> = { ...ROUND_1, ...ROUND_2 };
    for (const [code, tax] of Object.entries(all)) {
      const line = third.find((l) => l.code === code && l.sheet === 'MX Bo TTTT');
      expect(line?.decision, code).toBe(tax);
      expect(line?.status, code).toBe('theo quyết định');
      const row = r3.rows.find((x) => x.code === code)!;
      expect(row.taxCode ?? '-').toBe(tax);
      expect(row.reasons.map((x) => x.text).join(' ')).not.toContain('{note}');
    }
    // The notes say in which round each decision was typed.
    expect(third.find((l) => l.code === '00526')?.note).toBe('lan-1.xlsx');
    expect(third.find((l) => l.code === '05527')?.note).toBe('lan-2.xlsx');
    // Round 3's output is a valid decisions file too: nothing is lost in a fourth run.
    const r4 = await run({ decisions: r3.output!, out: path.join(dir, 'lan-4.xlsx') });
    expect(r4.summary.decided).toBe(8);
  }, 300_000);

  it('reads a CSV, says "officer\'s decision" for an empty note, and counts a decision that replaces a match', async () => {
    const dir = await tempDir('dvc-csv-');
    const csv = path.join(dir, 'quyet-dinh.csv');
    // 00001 Phường Phúc Xá matches 1010101 on its own; the officer says 1010103 instead.
    await writeFile(csv, '\ufeffstd_code,tax_code,note\r\n00526,1011201,\r\n1,1010103,đi thực địa\r\n', 'utf8');
    const r = await run({ decisions: csv, out: path.join(dir, 'out.xlsx') });
    const yenVien = r.rows.find((x) => x.code === '00526')!;
    expect(yenVien.reasons[0].text).toBe('theo quyết định của cán bộ');
    const phucXa = r.rows.find((x) => x.code === '00001')!;
    expect(phucXa).toMatchObject({ status: 'decided', taxCode: '1010103', overrides: { taxCode: '1010101' } });
    expect(phucXa.reasons.map((x) => x.text)).toContain('thay kết quả tự động 1010101 P. Phúc Xá (khớp sau chuẩn hóa)');
    expect(r.summary.overrides).toBe(1);
    expect(r.provinces.find((p) => p.provinceName === 'Thành phố Hà Nội')?.overrides).toBe(1);
  }, 300_000);
});

describe('mapCommunes: bad decisions stop the run before anything is written', () => {
  it('names every bad CSV line: unknown commune, tax code of no / another province, one tax code twice', async () => {
    const dir = await tempDir('dvc-bad-');
    const csv = path.join(dir, 'bad.csv');
    await writeFile(
      csv,
      'std_code,tax_code,note\n00526,1011201,\n99999,1011502,\n00598,9999999,\n00610,2150125,\n09802,1011201,\n',
    );
    const out = path.join(dir, 'out.xlsx');
    const err = await run({ decisions: csv, out, mapOut: path.join(dir, 'map.csv') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ key: 'mc.err.decisionsInvalid', exitCode: ExitCode.Usage, params: { count: 5 } });
    const lines = String((err as { params: { lines: string } }).params.lines).split('\n');
    expect(lines[0]).toContain('bad.csv, dòng 3: mã phường/xã 99999 không có trong sheet chuẩn "MX Bo TTTT"');
    expect(lines[1]).toContain('bad.csv, dòng 4: mã CQT 9999999 (cho 00598 Phường Liên Mạc) không có');
    expect(lines[2]).toContain('bad.csv, dòng 5: mã CQT 2150125 (cho 00610 Phường Xuân Đỉnh) thuộc Thái Nguyên');
    expect(lines[3]).toContain('bad.csv, dòng 2: mã CQT 1011201 được chọn cho 00526 và cho 09802 (bad.csv, dòng 6)');
    expect(lines[4]).toContain('bad.csv, dòng 6: mã CQT 1011201 được chọn cho 09802 và cho 00526 (bad.csv, dòng 2)');
    expect(await exists(out)).toBe(false);
    expect(await exists(path.join(dir, 'map.csv'))).toBe(false);
  }, 300_000);

  it('names the sheet and row of a bad decision typed into the review sheet', async () => {
    const dir = await tempDir('dvc-bad-sheet-');
    const r1 = await run({ out: path.join(dir, 'lan-1.xlsx') });
    await typeDecisions(r1.output!, { '00526': '1011299' });
    const line = (await readReviewLines(r1.output!)).findIndex((l) => l.code === '00526') + 2;
    const err = await run({ decisions: r1.output!, out: path.join(dir, 'lan-2.xlsx') }).catch((e: unknown) => e);
    expect(String((err as { params: { lines: string } }).params.lines)).toContain(
      `lan-1.xlsx, sheet "Rà soát" dòng ${line}: mã CQT 1011299 (cho 00526 Thị trấn Yên Viên) không có trong sheet "MX CQT"`,
    );
  }, 300_000);
});

/** The sample with codes already in column I, as a province that did step 3 in 2021 would have it. */
async function prefilled(dir: string, codes: Record<number, string | { formula: string; result: string }>) {
  const file = path.join(dir, 'da-gui-2021.xlsx');
  await copyFile(SAMPLE, file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('MX Bo TTTT')!;
  for (const [row, v] of Object.entries(codes)) ws.getCell(`I${row}`).value = v;
  await wb.xlsx.writeFile(file);
  return file;
}

describe('mapCommunes: audit of the codes already in the target column', () => {
  // Row 4 Phường Phúc Xá is 1010101 and row 5 Phường Trúc Bạch 1010102; row 169 Thị trấn Yên Viên is 1011201
  // ("Thi tran Yen Vien"), so Xã Yên Viên's code 1011203 typed there differs.
  const CODES = {
    4: '1010101',
    5: { formula: "VLOOKUP(F5,'MX CQT'!A:F,5,FALSE)", result: '1010101' },
    6: '1010199',
    169: '1011203',
  };

  it("gives each existing code a verdict, keeps the officer's codes by default and colours them", async () => {
    const dir = await tempDir('dvc-audit-');
    const input = await prefilled(dir, CODES);
    const r = await run({ input, out: path.join(dir, 'out.xlsx') });
    const byRow = (n: number) => r.rows.find((x) => x.rowNumber === n)!;
    expect(byRow(4)).toMatchObject({ existingCode: '1010101', existingVerdict: 'confirmed' });
    expect(byRow(5)).toMatchObject({ existingCode: '1010101', existingVerdict: 'differs', taxCode: '1010102' });
    expect(byRow(6)).toMatchObject({ existingCode: '1010199', existingVerdict: 'differs', taxCode: '1010103' });
    expect(byRow(169)).toMatchObject({ existingCode: '1011203', existingVerdict: 'differs', taxCode: '1011201' });
    expect(byRow(7).existingVerdict).toBeUndefined();
    expect(r.summary.existing).toEqual({ confirmed: 1, differs: 3, unchecked: 0, notInTaxSheet: 1 });
    expect(r.provinces.find((p) => p.provinceName === 'Thành phố Hà Nội')?.existing).toEqual(r.summary.existing);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.output!);
    const ws = wb.getWorksheet('MX Bo TTTT')!;
    expect(ws.getCell('I5').value).toBe('1010101');
    expect(ws.getCell('I6').value).toBe('1010199');
    expect(ws.getCell('I169').value).toBe('1011203');
    expect(ws.getCell('I7').value).toBe('1010104');
    const fill = (ref: string) => (ws.getCell(ref).fill as { fgColor?: { argb?: string } }).fgColor?.argb;
    expect(fill('I5')).toBe('FFCC99FF');
    expect(fill('I169')).toBe('FFCC99FF');
    // The note says what is wrong with the officer's code, not how dvc matched its own.
    expect(ws.getCell('I5').dataValidation).toMatchObject({
      promptTitle: 'Mã đang có khác dvc',
      showInputMessage: true,
    });
    expect(ws.getCell('I5').dataValidation.prompt).toMatch(
      /^Có thể sai: mã 1010101 là của P\. Phúc Xá, không phải của xã này\. dvc đề xuất 1010102 Phường Trúc Bạch\./,
    );
    expect(ws.getCell('I6').dataValidation).toMatchObject({ promptTitle: 'Mã không có trong sheet thuế' });
    expect(ws.getCell('I6').dataValidation.prompt).toMatch(/^Sai: mã 1010199 không có trong sheet thuế\./);
    // Side by side in the review sheet, at the top with the rows to decide.
    const lines = await readReviewLines(r.output!);
    const top = lines.slice(0, 10).find((l) => l.row === 5);
    expect(top).toMatchObject({ existingCode: '1010101', existingVerdict: 'mã đang có khác dvc' });
    // What is wrong with the code comes first among the reasons, as the console says it.
    expect(top!.reasons).toMatch(/^mã đang có: mã 1010101 là của P\. Phúc Xá, không phải của xã này(; |$)/);
    expect(lines.find((l) => l.row === 6)?.reasons).toMatch(/^mã đang có: mã 1010199 không có trong sheet thuế/);
  }, 300_000);

  it('replaces a differing code only with --replace-existing, and still marks it', async () => {
    const dir = await tempDir('dvc-audit-replace-');
    const input = await prefilled(dir, CODES);
    const r = await run({ input, out: path.join(dir, 'out.xlsx'), replaceExisting: true });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(r.output!);
    const ws = wb.getWorksheet('MX Bo TTTT')!;
    expect(ws.getCell('I5').value).toBe('1010102');
    expect(ws.getCell('I6').value).toBe('1010103');
    expect(ws.getCell('I169').value).toBe('1011201');
    expect(ws.getCell('I5').dataValidation.prompt).toContain('Đã thay mã cũ 1010101 P. Phúc Xá bằng 1010102');
    expect(r.rows.find((x) => x.rowNumber === 5)?.existingReplaced).toBe(true);
  }, 300_000);

  it('--audit checks and writes no workbook', async () => {
    const dir = await tempDir('dvc-audit-only-');
    const input = await prefilled(dir, CODES);
    const r = await run({ input, audit: true });
    expect(r).toMatchObject({ output: null, audit: true, nextStep: null });
    expect(r.summary.existing).toEqual({ confirmed: 1, differs: 3, unchecked: 0, notInTaxSheet: 1 });
    expect(await exists(path.join(dir, 'da-gui-2021.doi-chieu.xlsx'))).toBe(false);
  }, 300_000);
});

describe('mapCommunes: provinces, the shipped list, the MAP table', () => {
  it('keeps to the provinces asked for, by code or by name in any spelling, and says which exist', async () => {
    const dir = await tempDir('dvc-province-');
    for (const [i, q] of ['thai nguyen', '19', 'TP Thái Nguyên'].entries()) {
      const r = await run({ provinces: [q], out: path.join(dir, `tn-${i}.xlsx`) });
      expect(r.provinces.map((p) => p.provinceName)).toEqual(['Tỉnh Thái Nguyên']);
      expect(r.summary.rows).toBe(172);
      // Hà Nội is on both sheets, only not chosen: it is not reported as missing from the tax sheet.
      expect(r.editions?.map((e) => [e.province, e.taxProvince])).toEqual([['Tỉnh Thái Nguyên', 'Thái Nguyên']]);
    }
    const err = await run({ provinces: ['Cà Mau'], out: path.join(dir, 'x.xlsx') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ key: 'mc.err.provinceNotInWorkbook', params: { query: 'Cà Mau' } });
    expect(String((err as { params: { found: string } }).params.found)).toContain('Tỉnh Thái Nguyên (19)');
  }, 300_000);

  it('builds the standard sheet from the shipped GSO list when the workbook has none, and writes the MAP table', async () => {
    const dir = await tempDir('dvc-reference-');
    const out = path.join(dir, 'out.xlsx');
    const mapOut = path.join(dir, 'map.csv');
    const r = await run({ stdSheet: 'Không có', reference: 'gso-2004', provinces: ['19'], out, mapOut });
    expect(r.notes).toContainEqual({ key: 'mc.note.reference', params: { edition: 'gso-2004' } });
    expect(r.rows.every((x) => x.sheet === 'gso-2004')).toBe(true);
    expect(r.summary.exact + r.summary.normalised).toBeGreaterThan(160);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const std = wb.getWorksheet('Không có')!;
    expect(std.getRow(1).values).toContain('Mã phường/xã CQT');
    const quanTrieu = r.rows.find((x) => x.name === 'Phường Quán Triều')!;
    expect(std.getCell(`H${quanTrieu.rowNumber}`).value).toBe(quanTrieu.taxCode);
    const { readFile } = await import('node:fs/promises');
    const csv = await readFile(mapOut, 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\ufeffprovince,district,gso_code,gso_name,cqt_code,cqt_name,status,audit_verdict,audit_reason,officer_code,officer_name,dvc_code,dvc_name,dvc_status',
    );
    expect(csv).toContain(`,${quanTrieu.code},Phường Quán Triều,${quanTrieu.taxCode},`);
  }, 300_000);

  it('without a standard sheet, builds it for the provinces of the tax sheet only, not the whole country', async () => {
    const dir = await tempDir('dvc-reference-');
    const out = path.join(dir, 'out.xlsx');
    const r = await run({ stdSheet: 'Không có', reference: 'gso-2004', out });
    expect(r.provinces.map((p) => p.provinceName)).toEqual(['Thành phố Hà Nội', 'Tỉnh Thái Nguyên']);
    // No warning for each of the 61 other provinces of the shipped list: the workbook never had them.
    expect(r.notes.filter((n) => n.key === 'mc.note.unpairedStd')).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Không có')!.actualRowCount).toBe(r.summary.rows + 1);
  }, 300_000);

  it('refuses an existing output before reading anything, unless forced', async () => {
    const dir = await tempDir('dvc-exists-');
    const out = path.join(dir, 'out.xlsx');
    await writeFile(out, 'old');
    await expect(run({ out })).rejects.toMatchObject({ exitCode: ExitCode.Usage });
    const r = await run({ out, force: true, lang: 'en' });
    expect(r.output).toBe(out);
    // A review sheet written in English still has a decision column whose header begins "Quyết định".
    await typeDecisions(out, { '00526': '1011201' });
    const again = await run({ decisions: out, out: path.join(dir, 'again.xlsx') });
    expect(again.rows.find((x) => x.code === '00526')).toMatchObject({ status: 'decided', taxCode: '1011201' });
  }, 300_000);
});
