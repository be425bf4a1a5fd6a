/** Wiring of the edition checks: exit 2 with the way out on stderr, one JSON object with --json, the new options. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { buildEditionWorkbook } from '../test-support/edition-workbooks.js';

describe('dvc map-communes across editions (CLI)', () => {
  it('a 2004-coded standard sheet against a 2025 tax sheet exits 2 and names the three ways on', async () => {
    const file = await buildEditionWorkbook('bac-kan-thai-nguyen.xlsx', {
      oldProvinces: ['06', '19'],
      newProvinces: ['19'],
    });
    const r = await runCli(['map-communes', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Tỉnh Thái Nguyên: sheet chuẩn danh mục mã 2004 (QĐ 124/2004), kỳ 01/03/2025');
    for (const option of ['--reference gso-2025', '--via-merges', '--allow-mixed-editions'])
      expect(r.stderr).toContain(option);

    const j = await runCli(['map-communes', file, '--json', '--lang', 'en']);
    expect(j.code).toBe(2);
    const json = JSON.parse(j.stdout);
    expect(json).toMatchObject({ ok: false, error: { code: 'mc.err.editionMismatch', exitCode: 2 } });
  });

  it('--via-merges runs and reports the editions in --json', async () => {
    const file = await buildEditionWorkbook('bac-kan-thai-nguyen.xlsx', {
      oldProvinces: ['06', '19'],
      newProvinces: ['19'],
    });
    const r = await runCli(['map-communes', file, '--via-merges', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.editions[0]).toMatchObject({ province: 'Tỉnh Thái Nguyên', mismatch: true });
    expect(json.notes.map((n: { key: string }) => n.key)).toContain('mc.note.viaOfficial');
  });
});
