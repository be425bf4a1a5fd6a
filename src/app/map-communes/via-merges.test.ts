/**
 * `--via-merges` over the whole country: the shipped 2004-coded list (01/03/2025, 10,035 communes) as the standard
 * sheet against a tax sheet of the 2025 list with tax-authority-like codes and the real list's spelling differences
 * (fixtures/lists/tax-synthetic-2025.csv), every fill scored against the shipped official conversion links.
 */
import { mapCommunesTexts } from '../../cli/render/map-communes/map-communes-sheets.js';
import { describe, expect, it } from 'vitest';
import type { UnitRow } from '../../core/communes/communes-types.js';
import { loadConversionLinks, loadReferenceList } from '../../io/reference-data.js';
import { FIXTURE_LISTS, readList, unitRows } from '../../test-support/accuracy-lists.js';
import { OLD_AGAINST_2025, scoreViaMerges, type OfficialLink } from '../../test-support/via-merges-accuracy.js';
import { t } from '../../i18n/i18n.js';
import { matchViaMerges } from './via-merges.js';
import { referenceSide } from './reference-side.js';

/** The shipped 2004-coded list as the standard sheet dvc builds from it. */
const nationalStd = async (): Promise<UnitRow[]> => (await referenceSide('gso-2004')).units;

/** The synthetic tax sheet and the shipped GSO 2025 code of each of its tax codes. */
function taxSheet(): { tax: UnitRow[]; newOfTax: Map<string, string> } {
  const recs = readList(FIXTURE_LISTS, 'tax-synthetic-2025.csv');
  // The sheet was made from v3.0.2, which codes two communes otherwise than the shipped list (Công văn 1027):
  // a code the shipped list lacks is the same province and name there.
  const units = loadReferenceList('gso-2025').units;
  const codes = new Set(units.map((u) => u.code));
  const byName = new Map(units.map((u) => [`${u.provinceCode}|${u.name}`, u.code]));
  const source = readList(FIXTURE_LISTS, 'gso-units-2025.csv');
  const recode = new Map(
    source.map((r) => [
      r.commune_code,
      codes.has(r.commune_code) ? r.commune_code : byName.get(`${r.province_code}|${r.commune_name}`)!,
    ]),
  );
  expect([...recode].filter(([a, b]) => a !== b)).toEqual([
    ['06978', '06970'],
    ['23938', '23737'],
  ]);
  return { tax: unitRows(recs), newOfTax: new Map(recs.map((r) => [r.commune_code, recode.get(r.gso_commune_code)!])) };
}

function officialOfShipped(): Map<string, OfficialLink[]> {
  return new Map(
    [...loadConversionLinks().byOldCode].map(([old, links]) => [
      old,
      links.map((l) => ({ code: l.code, whole: l.whole })),
    ]),
  );
}

describe('--via-merges over the whole country', () => {
  it('fills 9,564 old communes, none wrong by the official conversion table; the rest go to review', async () => {
    const { tax, newOfTax } = taxSheet();
    const f = await scoreViaMerges(await nationalStd(), tax, newOfTax, officialOfShipped());
    expect(f.wrong).toEqual([]);
    expect({ rows: f.rows, filled: f.filled, review: f.review, notFound: f.notFound }).toEqual({
      rows: 10035,
      filled: 9564,
      review: 468,
      notFound: 3,
    });
    // Two old communes the official table does not list are filled by the derived table, and say so.
    expect(f.unscored).toEqual(['01651 Xã Mỹ Hưng → 01648', '02482 Xã Phú Thịnh → 02494']);
    expect(f.reasons).toEqual({
      via_official: 9562,
      via_official_none: 2,
      via_official_split: 438,
      via_tables_disagree: 8,
      via_tables_disagree_partial: 22,
      // "Xã Thuận Ha", "Phường Đào Duy Tư" (×2): tax-side typos, not filled by the 2025 name match either.
      via_official_no_tax: 3,
    });
  });

  it('sends each kind of doubt to review with every new commune as a candidate, naming the table', async () => {
    const { tax, newOfTax } = taxSheet();
    const taxOf = new Map([...newOfTax].map(([taxCode, gso]) => [gso, taxCode]));
    const r = await matchViaMerges({
      std: await nationalStd(),
      tax,
      pairs: [],
      editions: OLD_AGAINST_2025,
      notes: [],
      texts: mapCommunesTexts('en'),
    });
    const row = (code: string) => r.rows.find((x) => x.stdCode === code)!;
    const candidates = (code: string) => row(code).candidates.map((c) => newOfTax.get(c.code));
    const text = (lang: 'vi' | 'en', code: string) =>
      row(code).reasons.map((x) => t(lang, `reason.${x.code}`, x.params));

    // The derived table sends 13768 Xã Quang Trung to Phường Nam Định; the official one to Xã Hiển Khánh.
    expect(row('13768')).toMatchObject({ status: 'ambiguous', reasons: [{ code: 'via_tables_disagree' }] });
    expect(candidates('13768')).toEqual(['13753', '13669']);
    expect(text('en', '13768')).toEqual([
      'the two tables differ: the official conversion table of the National Statistics Office gives Xã Hiển Khánh (13753): Nhập toàn bộ; the merge table (derived data, not official) gives merged in full into Phường Nam Định (13669); the officer chooses',
    ]);
    expect(text('vi', '13768')[0]).toMatch(
      /^hai bảng ghi khác nhau: bảng chuyển đổi ĐVHC chính thức của Cục Thống kê ghi Xã Hiển Khánh/,
    );
    // Listed by the official table as going whole into two new communes.
    expect(row('01615')).toMatchObject({ status: 'ambiguous', reasons: [{ code: 'via_tables_disagree' }] });
    expect(candidates('01615')).toEqual(['01636', '01648']);
    // Whole into one by the official table, split by the derived one.
    expect(row('09859').reasons[0].code).toBe('via_tables_disagree_partial');
    expect(candidates('09859')).toEqual(['09871', '09616']);
    // Split by both ("Nhập một phần", several rows).
    expect(row('00019')).toMatchObject({ status: 'ambiguous', reasons: [{ code: 'via_official_split' }] });
    expect(candidates('00019')).toEqual(['00004', '00070', '00190', '00226']);
    expect(text('en', '00019')[0]).toContain('Phường Ba Đình (00004): Nhập một phần');
    // The only part of 00556 the official table places; the derived table gives another part elsewhere.
    expect(candidates('00556')).toEqual(['00541', '00562']);

    // The new commune is in the tax sheet under a misspelt name, so no tax row matches it surely: the old communes
    // that went into it are not filled, and are shown the tax rows that may be it, the right one first.
    expect(row('00922')).toMatchObject({ status: 'not_found', reasons: [{ code: 'via_official_no_tax' }] });
    expect(row('00922').candidates[0]).toMatchObject({ name: 'Xã Thuận Ha', why: 'similar_spelling' });
    expect(candidates('00922')[0]).toBe('00922');
    expect(candidates('16609')).toEqual(['16609']);
    expect(candidates('16627')).toEqual(['16609']);
    expect(row('16627').candidates[0].name).toBe('Phường Đào Duy Tư');

    // Filled by the official table: the note and the new commune are in the reason.
    expect(row('00001')).toMatchObject({ method: 'official_links', taxCode: taxOf.get('00097') });
    expect(text('vi', '00001')).toEqual([
      'theo bảng chuyển đổi ĐVHC chính thức của Cục Thống kê ("Nhập toàn bộ"): vào Phường Hồng Hà (mã GSO 2025 00097)',
    ]);
    // 23938 Xã Ia Mơ is "Giữ nguyên" in the table, under the code Công văn 1027 gives it (23737).
    expect(row('23938')).toMatchObject({ method: 'official_links', taxCode: taxOf.get('23737') });
    // Not in the official table: the derived table speaks, and both facts are shown.
    expect(row('01651')).toMatchObject({ method: 'merge_table', taxCode: taxOf.get('01648') });
    expect(text('en', '01651')).toEqual([
      'the official conversion table of the National Statistics Office does not list code 01651',
      'through the merge table (derived data, not official, from the 2025 commune-reorganisation resolutions of the NA Standing Committee): merged in full into Xã Phục Hòa (GSO 2025 code 01648)',
    ]);
  });
});
