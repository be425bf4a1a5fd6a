import { copyFile, mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../test-support/run-cli.js';
import { tempDir } from '../../test-support/excel-workbooks.js';
import { typeDecisions } from '../../test-support/review-sheet.js';
import { SafeZip } from '../../io/zip/zip-reader.js';
import { ZIP_LIMITS } from '../../io/zip/zip-limits.js';
import { mapCommunesTexts } from '../../cli/render/map-communes/map-communes-sheets.js';
import { reviewTexts } from '../../cli/render/review/review-texts.js';
import { mapCommunes } from '../map-communes/run-map-communes.js';
import { inferInput, ReviewSession } from './review-session.js';

const SAMPLE = path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.xlsx');
const AUDIT_SAMPLE = path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh-vlookup.xlsx');
const NOW = () => new Date('2026-03-01T08:00:00.000Z');

/** Round 1 of the sample in a fresh folder: `mau-63-tinh.xlsx` and `mau-63-tinh.doi-chieu.xlsx`. */
async function round1(prefix = 'dvc-review-'): Promise<{ dir: string; input: string; workbook: string }> {
  const dir = await tempDir(prefix);
  const input = path.join(dir, 'mau-63-tinh.xlsx');
  await copyFile(SAMPLE, input);
  const r = await mapCommunes({ input, texts: mapCommunesTexts('vi') });
  return { dir, input, workbook: r.output! };
}

/** Every part of an xlsx package, by name. */
async function parts(file: string): Promise<Map<string, Buffer>> {
  const z = await SafeZip.open(file, ZIP_LIMITS.workbook);
  const out = new Map<string, Buffer>();
  try {
    for (const e of z.entries) {
      const chunks: Buffer[] = [];
      for await (const c of z.read(e)) chunks.push(c);
      out.set(e.name, Buffer.concat(chunks));
    }
  } finally {
    z.close();
  }
  return out;
}

describe('ReviewSession: the model of a map-communes output', () => {
  it('lists the two communes to decide of the sample, per province, with their ranked candidates', async () => {
    const { workbook } = await round1();
    const s = await ReviewSession.open({ workbook, texts: reviewTexts('vi'), now: NOW });
    const m = s.model();
    expect(m).toMatchObject({ toDecide: 2, decided: 0, workbook: 'mau-63-tinh.doi-chieu.xlsx' });
    expect(m.store).toBe('mau-63-tinh.doi-chieu.quyet-dinh.csv');
    expect(m.provinces.map((p) => [p.name, p.toDecide, p.decided, p.rows.map((r) => r.code)])).toEqual([
      ['Thành phố Hà Nội', 1, 0, ['08974']],
      ['Tỉnh Thái Nguyên', 1, 0, ['05527']],
    ]);
    const daiThinh = m.provinces[0].rows[0];
    expect(daiThinh).toMatchObject({ name: 'Xã Đại Thịnh', kind: 'not_found', district: 'Huyện Mê Linh' });
    expect(daiThinh.candidates[0]).toEqual({
      code: '1011602',
      name: 'Xã Đại Thịnh Mới',
      district: 'Huyện Mê Linh',
      percent: 73,
      why: 'similar_spelling',
      whyText: 'tên viết gần giống',
    });
    // Ranked as the workbook ranks them: the best score first.
    const scores = daiThinh.candidates.map((c) => c.percent!);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(daiThinh.reasons.map((r) => r.code)).toContain('merged_into');
  });

  it('finds a tax row by its name without diacritics, in legacy fonts too, unused rows first', async () => {
    const { workbook } = await round1();
    const s = await ReviewSession.open({ workbook, texts: reviewTexts('vi') });
    const hanoi = s.model().provinces[0].id;
    const hits = s.search(hanoi, 'dai thinh');
    expect(hits[0]).toEqual({ code: '1011602', name: 'Xã Đại Thịnh Mới', district: 'Huyện Mê Linh' });
    // A code typed in part, and a name that the engine matched: it is listed, as used.
    const used = s.search(hanoi, 'phuc xa');
    expect(used).toEqual([{ code: '1010101', name: 'P. Phúc Xá', district: 'Quận Ba Đình', usedBy: '00001' }]);
    // "P. Trúc Bạch" is in TCVN3 on the tax sheet: found by its Unicode name, shown decoded.
    expect(s.search(hanoi, 'Trúc Bạch').map((h) => h.name)).toEqual(['Phường Trúc Bạch']);
  });
});

describe('ReviewSession: decisions', () => {
  it('saves each decision at once in the --decisions CSV format, and refuses what --decisions refuses', async () => {
    const { workbook, dir } = await round1();
    const s = await ReviewSession.open({ workbook, texts: reviewTexts('vi'), now: NOW });
    const store = path.join(dir, 'mau-63-tinh.doi-chieu.quyet-dinh.csv');
    // A code of Hà Nội for a commune of Thái Nguyên: refused with the checker's reason, nothing written.
    const other = await s.decide('05527', '1012209');
    expect(other).toEqual({
      ok: false,
      problems: [
        'mã CQT 1012209 (cho 05527 Xã Tân Quang) thuộc Hà Nội, không thuộc Tỉnh Thái Nguyên — gõ một mã CQT của Tỉnh Thái Nguyên.',
      ],
    });
    await expect(readFile(store)).rejects.toThrow(/ENOENT/);
    const ok = await s.decide('08974', '1011602');
    expect(ok).toMatchObject({ ok: true, toDecide: 1, decided: 1 });
    expect(await readFile(store, 'utf8')).toBe(
      'std_code,tax_code,note,decided_at,source\r\n08974,1011602,mau-63-tinh.doi-chieu.xlsx,2026-03-01T08:00:00.000Z,review\r\n',
    );
    // The same tax code for a second commune of the province: refused, naming the first decision.
    const twice = await s.decide('00001', '1011602');
    expect(twice.ok).toBe(false);
    expect(!twice.ok && twice.problems).toEqual([
      'mã CQT 1011602 được chọn cho 00001 và cho 08974 (mau-63-tinh.doi-chieu.quyet-dinh.csv, dòng 2) — mỗi mã CQT chỉ thuộc một xã/phường; bỏ một quyết định.',
    ]);
    expect(await s.decide('05527', '-')).toMatchObject({ ok: true, toDecide: 0, decided: 2 });
    // Undo is a clear; a reopened review reads the store.
    expect(await s.decide('05527', null)).toMatchObject({ ok: true, toDecide: 1, decided: 1 });
    const again = await ReviewSession.open({ workbook, texts: reviewTexts('vi') });
    expect(again.model()).toMatchObject({ toDecide: 1, decided: 1 });
    expect(again.model().provinces[0].rows[0].decision).toMatchObject({
      taxCode: '1011602',
      taxName: 'Xã Đại Thịnh Mới',
      source: 'review',
    });
  });

  it('keeps the order of the writes of two callers (two tabs): the file holds both decisions', async () => {
    const { workbook, dir } = await round1();
    const s = await ReviewSession.open({ workbook, texts: reviewTexts('vi'), now: NOW });
    await Promise.all([s.decide('08974', '1011602'), s.decide('05527', '-')]);
    const text = await readFile(path.join(dir, 'mau-63-tinh.doi-chieu.quyet-dinh.csv'), 'utf8');
    expect(text.split('\r\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      'std_code,tax_code',
      '08974,1011602',
      '05527,-',
      '',
    ]);
    expect((await readdir(dir)).filter((f) => f.includes('.tmp') || f.startsWith('.'))).toEqual([]);
  });

  it('the next round from the page equals the next round typed into the workbook, byte for byte', async () => {
    const { workbook, dir } = await round1();
    const s = await ReviewSession.open({ workbook, texts: reviewTexts('vi'), now: NOW });
    await s.decide('08974', '1011602');
    await s.decide('05527', '-');
    const done = await s.finish();
    expect(done.output).toBe(path.join(dir, 'mau-63-tinh.doi-chieu-2.xlsx'));
    expect(done.summary).toMatchObject({ decided: 2, ambiguous: 0, notFound: 0, taxUnused: 0 });
    expect(done.next.model()).toMatchObject({ toDecide: 0, decided: 2, workbook: 'mau-63-tinh.doi-chieu-2.xlsx' });
    // The officer's way: the same decisions typed into the review sheet, and the printed next step.
    const typedDir = path.join(dir, 'typed');
    await mkdir(typedDir);
    const typed = path.join(typedDir, 'mau-63-tinh.doi-chieu.xlsx');
    await copyFile(workbook, typed);
    await typeDecisions(typed, { '08974': '1011602', '05527': '-' });
    const byHand = await mapCommunes({
      input: path.join(dir, 'mau-63-tinh.xlsx'),
      decisions: typed,
      out: path.join(typedDir, 'mau-63-tinh.doi-chieu-2.xlsx'),
      texts: mapCommunesTexts('vi'),
    });
    const [a, b] = [await parts(done.output), await parts(byHand.output!)];
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [name, bytes] of a) expect(bytes.equals(b.get(name)!), name).toBe(true);
    // The round written is never written over: a second finish goes to round 3.
    const third = await done.next.finish();
    expect(third.output).toBe(path.join(dir, 'mau-63-tinh.doi-chieu-3.xlsx'));
  });

  it('an audit row offers the existing code and dvc code; keeping a code of no tax row is refused', async () => {
    const dir = await tempDir('dvc-review-audit-');
    const input = path.join(dir, 'gui.xlsx');
    await copyFile(AUDIT_SAMPLE, input);
    const out = (await mapCommunes({ input, texts: mapCommunesTexts('en') })).output!;
    const s = await ReviewSession.open({ workbook: out, input, texts: reviewTexts('en') });
    const rows = s.model().provinces.flatMap((p) => p.rows);
    expect(rows.filter((r) => r.kind === 'differs')).toHaveLength(34);
    const dongXuan = rows.find((r) => r.code === '00040')!;
    expect(dongXuan).toMatchObject({ existing: { code: '1010220' }, dvc: { code: '1010202' } });
    const keep = await s.decide('00040', '1010220');
    expect(keep.ok).toBe(false);
    expect(await s.decide('00040', '1010202')).toMatchObject({ ok: true });
  });

  it('finds the input beside the output by its name, and says how to give it otherwise', () => {
    expect(inferInput(path.join(REPO_ROOT, 'fixtures', 'mau-63-tinh.doi-chieu-4.xlsx'))).toBe(SAMPLE);
    expect(() => inferInput(path.join(REPO_ROOT, 'fixtures', 'ket-qua.xlsx'))).toThrow(
      expect.objectContaining({ key: 'review.err.inputUnknown', exitCode: 2 }),
    );
  });
});
