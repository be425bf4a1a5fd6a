import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { runDvc } from '../test-support/run-dvc.js';

/** From another directory: the shipped data is found next to the package, not the working directory. */
const cwd = os.tmpdir();

describe('dvc communes find (built CLI)', () => {
  it('lists a name repeated in one province with districts, codes and the 2025 commune each went into', async () => {
    const r = await runCli(['communes', 'find', 'Hòa Bình', '--province', 'Lạng Sơn', '--edition', '2004'], { cwd });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Tìm thấy 4 đơn vị khớp "Hòa Bình" trong danh mục gso-2004, Tỉnh Lạng Sơn (20):');
    expect(lines[1]).toMatch(/^Tỉnh\s+Quận\/huyện\s+Mã\s+Tên\s+Cấp\s+Khớp\s+Sáp nhập vào \(2025\)$/);
    const rows = lines.slice(3);
    expect(rows.map((l) => /\s(\d{5})\s/.exec(l)?.[1])).toEqual(['06103', '06274', '06397', '06508']);
    expect(rows[0]).toContain('Huyện Bình Gia (181)');
    expect(rows[0]).toContain('06103 Xã Thiện Long');
    expect(r.stderr).toContain('không phải danh mục chính thức');
  });

  it('gives one JSON object with the candidates, and English texts with --lang en', async () => {
    const r = await runDvc(
      ['communes', 'find', 'phuong 1', '--province', '79', '--edition', '2004', '--json', '--limit', '3'],
      { cwd },
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      ok: true,
      query: 'phuong 1',
      edition: 'gso-2004',
      total: 10,
      province: { code: '79', name: 'Thành phố Hồ Chí Minh', matchedBy: 'gso_code' },
    });
    expect(out.candidates).toHaveLength(3);
    expect(out.candidates[0]).toMatchObject({
      code: '26890',
      name: 'Phường 1',
      districtName: 'Quận Gò Vấp',
      level: 'Phường',
      tier: 'normalised',
    });
    expect(out.candidates[0].mergedInto).toEqual([
      { code: '26890', name: 'Phường Hạnh Thông', provinceCode: '79', type: 'full' },
    ]);
    expect(r.stderr).toBe('');

    const en = await runDvc(['communes', 'find', 'hoan kiem', '--province', 'TP Hà Nội', '--lang', 'en'], { cwd });
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('Matches for "hoan kiem" in the gso-2025 list, Thành phố Hà Nội (01): 1');
    expect(en.stdout).toMatch(/Thành phố Hà Nội \(01\)\s+00070\s+Phường Hoàn Kiếm\s+Phường\s+diacritics ignored/);
    expect(en.stdout).not.toContain('Sáp nhập');
  });

  it('takes a TMS province code in the 2025 list', async () => {
    const r = await runDvc(['communes', 'find', 'Ba Chẽ', '--province', '225', '--json'], { cwd });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.province).toMatchObject({ code: '22', tmsCode: '225', matchedBy: 'tms_code' });
    expect(out.candidates.map((c: { code: string }) => c.code)).toEqual(['06970']);
  });

  it('exits 1 when nothing matches and suggests the closest names', async () => {
    const r = await runDvc(['communes', 'find', 'Phuc Xaa', '--edition', '2004', '--province', '01'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Không tìm thấy "Phuc Xaa" trong danh mục gso-2004, Thành phố Hà Nội (01).');
    expect(r.stdout).toContain('Các tên gần nhất:');
    expect(r.stdout).toMatch(/00001\s+Phường Phúc Xá/);
    const json = await runDvc(['communes', 'find', 'Phuc Xaa', '--edition', '2004', '--json'], { cwd });
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out).toMatchObject({ ok: false, total: 0, candidates: [] });
    expect(out.suggestions[0]).toMatchObject({ code: '00001', name: 'Phường Phúc Xá' });
  });

  it('shows where a commune of the old list went when the 2025 list lacks its name', async () => {
    const r = await runDvc(['communes', 'find', 'Phúc Xá', '--province', 'Hà Nội'], { cwd });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Không tìm thấy "Phúc Xá" trong danh mục gso-2025, Thành phố Hà Nội (01).');
    expect(r.stdout).toMatch(/Quận Ba Đình \(001\)\s+00001\s+Phường Phúc Xá\s+00097 Phường Hồng Hà/);
    // Dương Quang is a commune name in three old provinces; only Bắc Kạn (06) became part of Thái Nguyên.
    const bacKan = JSON.parse(
      (await runDvc(['communes', 'find', 'Dương Quang', '--province', '19', '--json'], { cwd })).stdout,
    );
    expect(bacKan).toMatchObject({ ok: false, candidates: [] });
    expect(bacKan.before2025.map((h: { provinceCode: string; code: string }) => `${h.provinceCode} ${h.code}`)).toEqual(
      ['06 01849'],
    );
    expect(bacKan.before2025[0].mergedInto.length).toBeGreaterThan(0);
  });

  it('exits 2 on a bad province or edition, naming what would work', async () => {
    const p = await runDvc(['communes', 'find', 'Hòa Bình', '--province', 'Lang Sonn', '--lang', 'en'], { cwd });
    expect(p.code).toBe(2);
    expect(p.stdout).toBe('');
    expect(p.stderr).toContain('Province "Lang Sonn" is not in the gso-2025 list. Did you mean: Tỉnh Lạng Sơn (20)?');
    const merged = await runDvc(['communes', 'find', 'Hòa Bình', '--province', 'Bắc Kạn'], { cwd });
    expect(merged.code).toBe(2);
    expect(merged.stderr).toContain('Tỉnh Thái Nguyên (19)');
    const e = await runDvc(['communes', 'find', 'Hòa Bình', '--edition', '1999', '--json'], { cwd });
    expect(e.code).toBe(2);
    expect(JSON.parse(e.stdout)).toMatchObject({ ok: false, error: { code: 'reference.badEdition', exitCode: 2 } });
    const l = await runDvc(['communes', 'find', 'Hòa Bình', '--limit', '0'], { cwd });
    expect(l.code).toBe(2);
    expect(l.stderr).toContain('--limit');
  });
});
