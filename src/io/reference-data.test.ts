import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  EDITIONS,
  buildEditionIndex,
  decodeEditionIndexes,
  encodeEditionIndexes,
  mergeHint,
  officialLinks,
  provincesOf,
  type Edition,
  type RefUnit,
} from '../core/reference/reference.js';
import { FIXTURE_LISTS, readList } from '../test-support/accuracy-lists.js';
import {
  EDITION_INDEX_FILE,
  loadConversionLinks,
  loadEditionIndexes,
  loadMergeTable,
  loadReferenceList,
  mergeHintFor,
  referenceDataDir,
} from './reference-data.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The source lists the shipped data is built from (fixtures/lists, MIT). */
const readSource = (name: string) => readList(FIXTURE_LISTS, name);

const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

function byCode(units: readonly RefUnit[]): Map<string, RefUnit> {
  return new Map(units.map((u) => [u.code, u]));
}

describe('shipped reference data', () => {
  it('is found next to the package and stays under 3 MB', () => {
    const dir = referenceDataDir();
    expect(dir).toBe(path.join(repo, 'data'));
    const files = readdirSync(dir);
    expect(files.sort()).toEqual([
      'edition-index.json.gz',
      'gso-2004-2021.json.gz',
      'gso-2004.json.gz',
      'gso-2025-merges.json.gz',
      'gso-2025.json.gz',
      'nso-2025-conversion-links.json.gz',
      'vn-holidays.yaml',
    ]);
    const total = files.reduce((n, f) => n + statSync(path.join(dir, f)).size, 0);
    expect(total).toBeLessThan(3 * 1024 * 1024);
  });

  it('has the 2025 list of Công văn 1027: 3,321 communes in 34 provinces', () => {
    const list = loadReferenceList('gso-2025');
    expect(list.units).toHaveLength(3321);
    expect(list.provinces).toHaveLength(34);
    expect(list.districts).toHaveLength(0);
    expect(new Set(list.units.map((u) => u.code)).size).toBe(3321);
    const levels = new Map<string, number>();
    for (const u of list.units) levels.set(u.level, (levels.get(u.level) ?? 0) + 1);
    expect(Object.fromEntries(levels)).toEqual({ Xã: 2621, Phường: 687, 'Đặc khu': 13 });
    const codes = byCode(list.units);
    expect(codes.get('00070')).toMatchObject({
      name: 'Phường Hoàn Kiếm',
      provinceCode: '01',
      provinceName: 'Thành phố Hà Nội',
    });
    expect(codes.get('06970')).toMatchObject({ name: 'Xã Ba Chẽ', provinceCode: '22' });
    expect(codes.get('23737')).toMatchObject({ name: 'Xã Ia Mơ', provinceCode: '52' });
    expect(codes.get('00745')?.name).toBe('Xã Phố Bảng');
    expect(codes.has('06978')).toBe(false);
    expect(codes.has('23938')).toBe(false);
    expect(list.provinces.find((p) => p.code === '19')?.name).toBe('Tỉnh Thái Nguyên');
  });

  it('has both editions of the 2004 code system with districts', () => {
    const cases: [Edition, number, number][] = [
      ['gso-2004', 10035, 691],
      ['gso-2004-2021', 10599, 700],
    ];
    for (const [edition, communes, districts] of cases) {
      const list = loadReferenceList(edition);
      expect(list.units).toHaveLength(communes);
      expect(list.provinces).toHaveLength(63);
      expect(list.districts).toHaveLength(districts);
      expect(new Set(list.units.map((u) => u.code)).size).toBe(communes);
      expect(byCode(list.units).get('00001')).toMatchObject({
        name: 'Phường Phúc Xá',
        districtCode: '001',
        districtName: 'Quận Ba Đình',
        provinceCode: '01',
      });
      expect(list.provinces.find((p) => p.code === '01')?.name).toBe('Thành phố Hà Nội');
      expect(list.provinces.find((p) => p.code === '19')?.name).toBe('Tỉnh Thái Nguyên');
      expect(list.units.every((u) => u.name === clean(u.name))).toBe(true);
    }
  });

  it('has the merge table with its 10,604 rows', () => {
    const table = loadMergeTable();
    expect(table.size).toBe(10604);
    let full = 0;
    let partial = 0;
    for (const e of table.byOldCode.values())
      for (const t of e.targets) {
        if (t.type === 'full') full++;
        else partial++;
      }
    expect([full, partial]).toEqual([9592, 1012]);
    expect(mergeHint(table, '1')).toEqual({
      oldCode: '00001',
      oldName: 'Phường Phúc Xá',
      targets: [{ code: '00097', name: 'Phường Hồng Hà', provinceCode: '01', type: 'full' }],
    });
    expect(mergeHint(table, '06970')?.targets).toEqual([
      { code: '06970', name: 'Xã Ba Chẽ', provinceCode: '22', type: 'full' },
    ]);
    expect(mergeHint(table, '06886')?.targets.map((t) => `${t.code} ${t.type}`)).toEqual([
      '06799 partial',
      '06886 partial',
      '06970 partial',
    ]);
    expect(mergeHint(table, '99999')).toBeNull();
    expect(mergeHintFor('00004')?.targets.map((t) => t.name)).toEqual(['Phường Ba Đình']);
    const codes2025 = new Set(loadReferenceList('gso-2025').units.map((u) => u.code));
    for (const e of table.byOldCode.values()) for (const t of e.targets) expect(codes2025.has(t.code)).toBe(true);
  });

  it('has the official conversion links, row for row, in the codes of the shipped lists', () => {
    const links = loadConversionLinks();
    expect(links.size).toBe(10565);
    expect(links.byOldCode.size).toBe(10033);
    expect(links.source).toMatch(
      /^Tổng cục Thống kê .*sunshine-tech\/VietnamProvinces \(809e91baefbe3153ccaecc9b2286303a98b9119b\)/,
    );
    expect(officialLinks(links, '1')).toEqual([{ code: '00097', note: 'Nhập toàn bộ', whole: true }]);
    expect(officialLinks(links, '00019')?.map((l) => `${l.code} ${l.whole}`)).toEqual([
      '00004 false',
      '00070 false',
      '00190 false',
      '00226 false',
    ]);
    // Whole into two new communes, as the table writes it.
    expect(officialLinks(links, '01615')?.map((l) => `${l.code} ${l.note}`)).toEqual([
      '01636 Nhập toàn bộ',
      '01648 Nhập toàn bộ',
    ]);
    // The table names new Xã Ia Mơ by its v3.0.2 code 23938; Công văn 1027 (the shipped list) gives it 23737.
    expect(officialLinks(links, '23938')).toEqual([{ code: '23737', note: 'Giữ nguyên', whole: true }]);
    expect(officialLinks(links, '01651')).toBeNull();
    // Which of the table's own notes say the whole old commune went in.
    const notes = new Map<string, boolean>();
    for (const ls of links.byOldCode.values()) for (const l of ls) notes.set(l.note, l.whole);
    expect(
      [...notes]
        .filter(([, whole]) => whole)
        .map(([n]) => n)
        .sort(),
    ).toEqual([
      'Giữ nguyên',
      'Nhập toàn bộ',
      'Nhập toàn bộ diện tích',
      'Sắp xếp toàn bộ xã Thổ Châu thành đặc khu Thổ Châu',
      'Đổi loại hình',
      'Đổi tên',
    ]);
    expect(notes.size).toBe(14);
    const codes2004 = new Set(loadReferenceList('gso-2004').units.map((u) => u.code));
    const codes2025 = new Set(loadReferenceList('gso-2025').units.map((u) => u.code));
    const source = readSource('nso-2025-conversion-links.csv');
    expect(source).toHaveLength(links.size);
    const seen = new Map<string, number>();
    for (const r of source) {
      const k = seen.get(r.old_code) ?? 0;
      seen.set(r.old_code, k + 1);
      const l = links.byOldCode.get(r.old_code)![k];
      expect([l.code, l.note]).toEqual([r.new_code === '23938' ? '23737' : r.new_code, clean(r.note)]);
      expect(codes2004.has(r.old_code)).toBe(true);
      expect(codes2025.has(l.code)).toBe(true);
    }
  });

  it('ships the edition check the indexes the shipped lists give (else: node scripts/build-edition-index.mjs)', () => {
    const built = EDITIONS.map((e) => buildEditionIndex(loadReferenceList(e)));
    const shipped = loadEditionIndexes();
    expect(shipped.map((i) => [i.edition, i.effective])).toEqual(built.map((i) => [i.edition, i.effective]));
    shipped.forEach((index, k) => {
      // Same names, each with the same provinces in the same order; the same code for every name.
      expect([...index.byName]).toEqual([...built[k].byName]);
      expect([...index.byCode]).toEqual([...built[k].byCode]);
    });
    // The file is what the script writes, so a rebuild changes nothing.
    const file = path.join(referenceDataDir(), EDITION_INDEX_FILE);
    expect(JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'))).toEqual(encodeEditionIndexes(built));
  });

  it('refuses a damaged edition index as an internal error that names it', () => {
    const good = encodeEditionIndexes(EDITIONS.map((e) => buildEditionIndex(loadReferenceList(e))));
    const damaged = (change: (f: ReturnType<typeof encodeEditionIndexes>) => void) => {
      const f = structuredClone(good);
      change(f);
      return () => decodeEditionIndexes(f);
    };
    const corrupt = {
      key: 'reference.corrupt',
      exitCode: 70,
      params: expect.objectContaining({ what: 'edition index' }),
    };
    expect(damaged((f) => (f.format = 2))).toThrow(expect.objectContaining(corrupt) as Error);
    expect(damaged((f) => f.editions.pop())).toThrow(expect.objectContaining(corrupt) as Error);
    expect(damaged((f) => (f.editions[1].codeNames[5] = 1e9))).toThrow(expect.objectContaining(corrupt) as Error);
    expect(damaged((f) => (f.editions[0].provinces[3] = []))).toThrow(expect.objectContaining(corrupt) as Error);
    expect(damaged((f) => f.editions[2].names.push('x'))).toThrow(expect.objectContaining(corrupt) as Error);
    expect(damaged(() => {})).not.toThrow();
  });

  it('agrees with the source lists code for code', () => {
    const pairs: [Edition, string][] = [
      ['gso-2004', 'gso-units-2004.csv'],
      ['gso-2004-2021', 'gso-units-2004-ed2021-11-01.csv'],
      ['gso-2025', 'gso-units-2025-cv1027-transcribed.csv'],
    ];
    for (const [edition, file] of pairs) {
      const shipped = byCode(loadReferenceList(edition).units);
      const rows = readSource(file);
      expect(shipped.size).toBe(rows.length);
      for (const r of rows) {
        const u = shipped.get(r.commune_code);
        expect(u, `${edition} ${r.commune_code}`).toBeDefined();
        expect([u!.name, u!.level, u!.provinceCode, u!.districtCode ?? '', u!.districtName ?? '']).toEqual([
          clean(r.commune_name),
          r.commune_level,
          r.province_code,
          r.district_code,
          clean(r.district_name),
        ]);
      }
    }
    // Province names of 2025 follow v3.0.2 ("Thành phố Cần Thơ"), not the transcription ("Tp Cần Thơ").
    const names2025 = new Map(readSource('gso-units-2025.csv').map((r) => [r.province_code, r.province_name]));
    expect(new Map(provincesOf('gso-2025').map((p) => [p.code, p.name]))).toEqual(names2025);
    // The TMS province codes come from a list that may not be redistributed: `npm run accuracy` checks them.
    const table = loadMergeTable();
    const merges = readSource('gso-2025-merges-old-to-new.csv');
    expect(merges).toHaveLength(table.size);
    for (const r of merges) {
      expect(table.byOldCode.get(r.old_commune_code)?.targets).toContainEqual({
        code: r.new_commune_code,
        name: r.new_commune_name,
        provinceCode: r.new_province_code,
        type: r.merge_type,
      });
    }
  });
});
