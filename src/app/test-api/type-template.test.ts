import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { NOTICE_ITEM_FIELDS } from '../../core/api/notice-xml.js';
import { apiTypes, decodeNoticeFile, suggestBody } from './type-template.js';
import { dvcErrorOf } from '../../test-support/rejection.js';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'api');
const now = new Date(Date.UTC(2026, 11, 1, 2, 30, 0));

let dir: string;
let config: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-type-template-'));
  await writeFile(path.join(dir, 'tra-cuu.tpl.json'), JSON.stringify({ MaHoSo: '${unit}-${now:yyMMdd}-0001' }));
  await writeFile(
    path.join(dir, 'ho-so.tpl.json'),
    JSON.stringify({ service: 'TraCuuHoSo', data: { MaHoSo: '${dossierCode}' } }),
  );
  config = path.join(dir, 'dvc.config.json');
  await writeFile(
    config,
    JSON.stringify({
      provinces: {
        HNI: {
          name: 'Hà Nội',
          unit: '000.00.01.H26',
          dstcode: 'HNI01',
          apis: { 'tra-cuu': { url: 'https://motcua.example.vn/tra-cuu', templateFile: 'tra-cuu.tpl.json' } },
        },
      },
      apiTypes: { 'ho-so': { title: 'Tra cứu hồ sơ', templateFile: 'ho-so.tpl.json' } },
    }),
  );
});

describe('test-api template', () => {
  it("fills the province's template file with its unit and the date; valid", async () => {
    const r = await suggestBody({ type: 'tra-cuu', dst: 'hni', configPath: config, cwd: dir, now });
    expect(r.dst).toBe('HNI');
    expect(r.body).toEqual({ MaHoSo: '000.00.01.H26-261201-0001' });
    expect(r.issues).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('without a province: the built-in template with the placeholder unit, and a warning saying so', async () => {
    const r = await suggestBody({ type: 'tra-cuu', cwd: dir, configPath: config, now });
    expect(r.dst).toBeNull();
    expect(String((r.body as { MaHoSo: string }).MaHoSo)).toMatch(/^000\.00\.00\.H00-/);
    expect(r.warnings.map((w) => w.key)).toEqual(['testApi.warn.placeholderUnit']);
  });

  it('puts a notice XML file into FileThongBaoThue (base64) and validates the notice inside', async () => {
    const xmlFile = path.join(FIXTURES, 'thong-bao-thue.notice.xml');
    const r = await suggestBody({ type: 'thong-bao-thue', dst: 'HNI', xmlFile, configPath: config, cwd: dir, now });
    const data = r.body.data as { FileThongBaoThue: string };
    expect(data.FileThongBaoThue).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(r.issues).toEqual([]);
    await writeFile(path.join(dir, 'broken.xml'), '<ThongBao><chua-dong>');
    const broken = await suggestBody({
      type: 'thong-bao-thue',
      xmlFile: path.join(dir, 'broken.xml'),
      configPath: config,
      cwd: dir,
      now,
    });
    expect(broken.issues.map((i) => i.path)).toContain('data.FileThongBaoThue');
  });

  it('names an unreadable XML file, an unknown type and an unknown province (exit 2)', async () => {
    const refused = async (p: Promise<unknown>) => (await dvcErrorOf(p, ExitCode.Usage)).key;
    const xmlFile = path.join(dir, 'missing.xml');
    expect(await refused(suggestBody({ type: 'thong-bao-thue', xmlFile, configPath: config, cwd: dir }))).toBe(
      'testApi.xmlUnreadable',
    );
    expect(await refused(suggestBody({ type: 'khong-co', configPath: config, cwd: dir }))).toBe('api.unknownType');
    expect(await refused(suggestBody({ type: 'tra-cuu', dst: 'XYZ', configPath: config, cwd: dir }))).toBe(
      'testApi.unknownDst',
    );
  });

  it("a province's own type: its template, its title", async () => {
    const r = await suggestBody({ type: 'ho-so', dst: 'HNI', configPath: config, cwd: dir, now });
    expect(r.body).toMatchObject({ service: 'TraCuuHoSo' });
    const types = await apiTypes({ configPath: config, cwd: dir });
    expect(types.map((t) => [t.id, t.origin])).toEqual([
      ['tra-cuu', 'builtin'],
      ['thong-bao-thue', 'builtin'],
      ['chung-tu', 'builtin'],
      ['ho-so', 'config'],
    ]);
    expect(types[3].title).toBe('Tra cứu hồ sơ');
  });
});

describe('test-api decode', () => {
  it('reads the notice rows out of a thong-bao-thue body file', async () => {
    const r = await decodeNoticeFile(path.join(FIXTURES, 'thong-bao-thue.request.json'));
    expect(r.issues).toEqual([]);
    // One LIST row, read into exactly the type's notice fields and its dossier code; the alias TEN_TIEU_MUC
    // in the fixture lands on TEN_TIEUMUC and adds no field of its own.
    expect(r.rows).toEqual([
      {
        MA_HSO: '000.04.05.H55-230731-0101',
        MA_SO_THUE: '8012345678',
        SO_QUYET_DINH: 'TB-230731-0001',
        NGAY_QUYET_DINH: '31-07-2023',
        SO_TIEN: '1500000',
        TEN_TIEUMUC: 'Lệ phí trước bạ nhà đất',
      },
    ]);
    expect(Object.keys(r.rows[0]).sort()).toEqual(['MA_HSO', ...NOTICE_ITEM_FIELDS].sort());
    expect(r.xml).toContain('<MA_HSO>000.04.05.H55-230731-0101</MA_HSO>');
  });
});
