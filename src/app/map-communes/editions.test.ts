/**
 * The edition checks of map-communes, in-process, on workbooks built from the shipped lists: Bắc Kạn (06, merged
 * into Thái Nguyên), Thái Nguyên (19, absorbing it) and Cao Bằng (04, a province that kept its borders).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DvcError } from '../../errors.js';
import { loadConversionLinks } from '../../io/reference-data.js';
import { buildEditionWorkbook, taxCodeOf } from '../../test-support/edition-workbooks.js';
import { mapCommunes } from './run-map-communes.js';
import { mapCommunesTexts } from '../../cli/render/map-communes/map-communes-sheets.js';
import { withTexts } from '../../cli/render/map-communes/map-communes-words.js';

import { officialNamesFor } from './reference-side.js';

const OLD = ['06', '19', '04'];
const NEW = ['19', '04'];

async function run(file: string, extra: Partial<Parameters<typeof mapCommunes>[0]> = {}) {
  const result = await mapCommunes({
    input: file,
    out: path.join(path.dirname(file), `out-${Math.random()}.xlsx`),
    texts: mapCommunesTexts('en'),
    ...extra,
  });
  return withTexts(result, 'en');
}

describe('map-communes across editions', () => {
  it('stops with exit 2 on a 2004-coded standard sheet against a 2025 tax sheet, saying what to do', async () => {
    const file = await buildEditionWorkbook('mixed.xlsx', { oldProvinces: OLD, newProvinces: NEW });
    const err = await run(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DvcError);
    const e = err as DvcError;
    expect(e.exitCode).toBe(2);
    expect(e.key).toBe('mc.err.editionMismatch');
    expect(String(e.params.found)).toContain(
      'Tỉnh Thái Nguyên: standard sheet 2004-coded list (QĐ 124/2004), edition 2025-03-01; tax sheet 2025 list',
    );
    expect(String(e.params.found)).toContain('Tỉnh Cao Bằng');
    // Bắc Kạn was merged into Thái Nguyên: absent from the 2025 tax sheet, named too.
    expect(String(e.params.found)).toContain('Tỉnh Bắc Kạn: standard sheet 2004-coded list');
  });

  it('--allow-mixed-editions matches anyway and marks every fill across editions', async () => {
    const file = await buildEditionWorkbook('mixed.xlsx', { oldProvinces: OLD, newProvinces: NEW });
    const r = await run(file, { allowMixedEditions: true });
    const filled = r.rows.filter((x) => x.taxCode && x.status !== 'ambiguous' && x.status !== 'not_found');
    expect(filled.length).toBeGreaterThan(0);
    for (const x of filled) expect(x.reasons.map((y) => y.code)).toContain('cross_edition');
    expect(
      r.editions
        ?.filter((e) => e.mismatch)
        .map((e) => e.province)
        .sort(),
    ).toEqual(['Tỉnh Bắc Kạn', 'Tỉnh Cao Bằng', 'Tỉnh Thái Nguyên']);
    expect(r.notes.map((n) => n.key)).toContain('mc.note.crossEdition');
    // Old "Phường Quán Triều" is never given the code of new "Phường Quan Triều" (two different names).
    const quan = r.rows.find((x) => x.code === '05431')!;
    expect(quan.taxCode).toBeUndefined();
  });

  it('--via-merges fills each old commune by the official conversion table; splits and doubts go to review', async () => {
    const file = await buildEditionWorkbook('mixed.xlsx', { oldProvinces: OLD, newProvinces: NEW });
    const r = await run(file, { viaMerges: true });
    const links = loadConversionLinks();
    const official = r.rows.filter((x) => x.method === 'official_links');
    for (const x of official) {
      const l = links.byOldCode.get(x.code)!;
      expect(l.length === 1 && l[0].whole, `${x.code} ${x.name}`).toBe(true);
      expect(x.taxCode, `${x.code} ${x.name}`).toBe(taxCodeOf(l[0].code));
      expect(x.reasons[0]).toMatchObject({ code: 'via_official', params: { newCode: l[0].code } });
      expect(x.reasons[0].text).toContain('official conversion table of the National Statistics Office');
    }
    // Every old commune the official table splits is left to the officer, with each new commune it names.
    const split = r.rows.filter((x) => (links.byOldCode.get(x.code)?.length ?? 0) > 1);
    expect(split.map((x) => x.code).sort()).toEqual(['01615', '05461', '05467', '05932']);
    for (const x of split) {
      expect(x.status).toBe('ambiguous');
      const want = links.byOldCode.get(x.code)!.map((l) => taxCodeOf(l.code));
      expect(x.candidates.map((c) => c.code)).toEqual(want);
    }
    // 01615 Xã Hồng Quang (Cao Bằng) goes whole into two new communes by the official table, into one by the
    // derived one; 01651 Xã Mỹ Hưng is not in the official table, and the derived table fills it, saying so.
    expect(r.rows.find((x) => x.code === '01615')!.reasons.map((x) => x.code)).toEqual(['via_tables_disagree']);
    const myHung = r.rows.find((x) => x.code === '01651')!;
    expect(myHung).toMatchObject({ method: 'merge_table', taxCode: taxCodeOf('01648') });
    expect(myHung.reasons.map((x) => x.code)).toEqual(['via_official_none', 'via_merge']);
    expect(myHung.reasons[1].text).toContain('derived data');
    expect([official.length, r.summary.ambiguous, r.summary.notFound]).toEqual([436, 4, 0]);
    // Each kind of province is there: merged away, absorbing, unchanged.
    expect([...new Set(official.map((x) => x.provinceCode))].sort()).toEqual(['04', '06', '19']);
    expect(r.notes).toContainEqual({ key: 'mc.note.viaOfficial', params: { official: 436, derived: 1, review: 4 } });
  });

  it('--reference gso-2025 rebuilds the standard sheet from the 2025 list of the tax sheet’s provinces', async () => {
    const file = await buildEditionWorkbook('mixed.xlsx', { oldProvinces: OLD, newProvinces: NEW });
    const r = await run(file, { reference: 'gso-2025' });
    expect(r.summary.rows).toBe(r.summary.exact);
    expect(new Set(r.rows.map((x) => x.provinceCode))).toEqual(new Set(NEW));
    expect(r.editions?.every((e) => !e.mismatch && e.std.kind === 'gso-2025')).toBe(true);
  });

  it('reports the edition of same-edition sheets and does not stop', async () => {
    const file = await buildEditionWorkbook('same.xlsx', {
      oldProvinces: NEW,
      newProvinces: NEW,
      stdEdition: 'gso-2025',
    });
    const r = await run(file);
    expect(r.editions?.map((e) => [e.std.kind, e.tax?.kind, e.mismatch])).toEqual([
      ['gso-2025', 'gso-2025', false],
      ['gso-2025', 'gso-2025', false],
    ]);
    expect(r.summary.exact).toBe(r.summary.rows);
  });

  it('fills a name an official list spells otherwise for the same code, and never a look-alike no list gives', async () => {
    // "Xã Phó Bảng" (00745) is "Xã Phố Bảng" in the shipped 2025 list, as on the tax sheet; the tax sheet's
    // "Xã Thắng Mô" for 00829 "Xã Thắng Mố" is a spelling no list gives that code.
    const file = await buildEditionWorkbook('spelling.xlsx', {
      oldProvinces: ['08'],
      newProvinces: ['08'],
      stdEdition: 'gso-2025',
      stdNames: { '00745': 'Xã Phó Bảng' },
      taxNames: { '00829': 'Xã Thắng Mô' },
    });
    const r = await run(file);
    const row = (code: string) => r.rows.find((x) => x.code === code)!;
    expect(row('00745')).toMatchObject({ taxCode: taxCodeOf('00745'), taxName: 'Xã Phố Bảng' });
    expect(row('00745').reasons.map((x) => x.code)).toContain('official_spelling');
    expect(row('00745').reasons.find((x) => x.code === 'official_spelling')?.text).toMatch(/gso-2025/);
    expect(row('00829').taxCode).toBeUndefined();
    expect(row('00829').candidates[0]).toMatchObject({ code: taxCodeOf('00829'), why: 'similar_spelling' });
  });

  it("asks only the lists of the standard sheet's own code system for official spellings", async () => {
    const row = (code: string, name: string, province: string, district?: string) => ({
      rowNumber: 2,
      provinceCode: province,
      provinceName: '',
      districtName: district,
      code,
      name,
    });
    const of2025 = await officialNamesFor([row('00745', 'Xã Phó Bảng', '08')]);
    expect(of2025?.('00745')).toEqual([{ name: 'Xã Phố Bảng', list: expect.stringMatching(/^gso-2025 /) }]);
    // Another province's code is not this unit.
    expect(await officialNamesFor([row('00745', 'Xã Phó Bảng', '01')])).toBeUndefined();
    // 16906 is "Xã Lưỡng Minh" in the 2004-coded lists and "Xã Lượng Minh", a merged commune, in the 2025 list:
    // a sheet with districts is 2004-coded, and the 2025 list's unit is another one.
    expect(await officialNamesFor([row('16906', 'Xã Lưỡng Minh', '40', 'Huyện Tương Dương')])).toBeUndefined();
  });

  it('--via-merges refuses sheets that are not 2004-coded against 2025', async () => {
    const file = await buildEditionWorkbook('same.xlsx', {
      oldProvinces: NEW,
      newProvinces: NEW,
      stdEdition: 'gso-2025',
    });
    await expect(run(file, { viaMerges: true })).rejects.toMatchObject({
      key: 'mc.err.viaMergesNeedsOld',
      exitCode: 2,
    });
  });
});
