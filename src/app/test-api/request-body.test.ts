import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../errors.js';
import { getApiType, type Msg } from '../../core/api/api-type-registry.js';
import {
  BodyInvalidError,
  bodyFromFile,
  casesFromFile,
  PLACEHOLDER_UNIT,
  templateBody,
  validateCases,
  withBodyKey,
} from './request-body.js';
import { dvcErrorOf } from '../../test-support/rejection.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'dvc-request-body-'));
});

const now = new Date(Date.UTC(2026, 11, 1, 2, 30, 0));
const lookup = getApiType('tra-cuu');
const province = { unit: '000.00.01.H26' };

async function file(name: string, text: string): Promise<string> {
  const f = path.join(dir, name);
  await writeFile(f, text);
  return f;
}

const refusal = (p: Promise<unknown>) => dvcErrorOf(p, ExitCode.Usage);

describe('--cases files', () => {
  it('a CSV of dossier codes: one templated body per code, named by it; blank rows skipped', async () => {
    const f = await file('codes.csv', '\uFEFFMaHoSo\r\n000.00.01.H26-261201-0001\r\n\r\n000.00.01.H26-261201-0002\r\n');
    const warnings: Msg[] = [];
    const cases = await casesFromFile(f, lookup, province, now, warnings);
    expect(cases).toEqual([
      { name: '000.00.01.H26-261201-0001', body: { MaHoSo: '000.00.01.H26-261201-0001' } },
      { name: '000.00.01.H26-261201-0002', body: { MaHoSo: '000.00.01.H26-261201-0002' } },
    ]);
    expect(warnings).toEqual([]);
  });

  it('a CSV with the old column name MA_HSO and no unit: the placeholder unit is warned about once', async () => {
    const f = await file('old.csv', 'MA_HSO\nA-1\nA-2\n');
    const warnings: Msg[] = [];
    const cases = await casesFromFile(f, lookup, {}, now, warnings);
    expect(cases.map((c) => c.name)).toEqual(['A-1', 'A-2']);
    expect(warnings).toEqual([{ key: 'testApi.warn.placeholderUnit', params: { unit: PLACEHOLDER_UNIT } }]);
  });

  it('a CSV of JSON bodies with names', async () => {
    const f = await file('bodies.csv', 'name,body\nthieu-ma,"{""MaHoSo"":""""}"\n,"{""MaHoSo"":""X-1""}"\n');
    const cases = await casesFromFile(f, lookup, province, now, []);
    expect(cases).toEqual([
      { name: 'thieu-ma', body: { MaHoSo: '' } },
      { name: 'case-2', body: { MaHoSo: 'X-1' } },
    ]);
  });

  it('a CSV body that is not JSON is refused naming its row', async () => {
    const f = await file('bad-body.csv', 'body\n"{""MaHoSo"":""A""}"\n"{MaHoSo:"\n');
    const e = await refusal(casesFromFile(f, lookup, province, now, []));
    expect(e.key).toBe('testApi.casesBadBody');
    expect(e.params).toMatchObject({ file: f, row: 3 });
  });

  it('a CSV without a MaHoSo or body column is refused, listing the columns found', async () => {
    const f = await file('no-cols.csv', 'ho_ten,so_tien\nA,1\n');
    const e = await refusal(casesFromFile(f, lookup, province, now, []));
    expect(e.key).toBe('testApi.casesColumns');
    expect(String(e.params.found)).toContain('ho_ten');
  });

  it('a CSV with only empty rows, and an empty JSON array, are refused', async () => {
    const csv = await file('empty.csv', 'MaHoSo\n\n');
    expect((await refusal(casesFromFile(csv, lookup, province, now, []))).key).toBe('testApi.casesShape');
    const arr = await file('empty.json', '[]');
    expect((await refusal(casesFromFile(arr, lookup, province, now, []))).key).toBe('testApi.casesShape');
  });

  it('a JSON array of bodies, or of {name, body}; an envelope with a body field stays a body', async () => {
    const f = await file(
      'cases.json',
      JSON.stringify([
        { MaHoSo: 'A' },
        { name: 'co-ten', body: { MaHoSo: 'B' } },
        { body: { MaHoSo: 'C' } },
        { service: 'X', body: 'kept' },
      ]),
    );
    const cases = await casesFromFile(f, lookup, province, now, []);
    expect(cases).toEqual([
      { name: 'case-1', body: { MaHoSo: 'A' } },
      { name: 'co-ten', body: { MaHoSo: 'B' } },
      { name: 'case-3', body: { MaHoSo: 'C' } },
      { name: 'case-4', body: { service: 'X', body: 'kept' } },
    ]);
  });
});

describe('--body files', () => {
  it('reads JSON (BOM accepted); refuses text that is not JSON unless --no-validate', async () => {
    expect(await bodyFromFile(await file('bom.json', '\uFEFF{"MaHoSo":"A"}'), true)).toEqual({ MaHoSo: 'A' });
    const text = await file('text.txt', 'MaHoSo=A');
    expect((await refusal(bodyFromFile(text, true))).key).toBe('testApi.bodyNotJson');
    expect(await bodyFromFile(text, false)).toBe('MaHoSo=A');
    expect(await bodyFromFile(await file('json-anyway.txt', '{"a":1}'), false)).toEqual({ a: 1 });
  });

  it('names a missing file and a folder given as a file', async () => {
    expect((await refusal(bodyFromFile(path.join(dir, 'nope.json'), true))).key).toBe('fs.notFound');
    const folder = path.join(dir, 'a-folder');
    await mkdir(folder, { recursive: true });
    expect((await refusal(bodyFromFile(folder, true))).key).toBe('fs.isDirectory');
  });
});

describe('templates, keys and validation', () => {
  it("uses the province's own template file, placeholders filled", async () => {
    const tpl = await file('tpl.json', JSON.stringify({ MaHoSo: '${unit}-TINH', Kenh: 'dvc' }));
    const body = await templateBody(lookup, { ...province, templateFile: tpl }, now);
    expect(body).toEqual({ MaHoSo: '000.00.01.H26-TINH', Kenh: 'dvc' });
    const broken = await file('broken-tpl.json', '{');
    expect((await refusal(templateBody(lookup, { templateFile: broken }, now))).key).toBe('testApi.bodyNotJson');
  });

  it('puts the body key in its field, replacing the same field in any case; leaves non-objects alone', () => {
    const key = { field: 'SecurityKey', value: 'khoa-bi-mat-2026' };
    expect(withBodyKey({ MaHoSo: 'A', securitykey: 'old' }, key)).toEqual({
      MaHoSo: 'A',
      SecurityKey: 'khoa-bi-mat-2026',
    });
    expect(withBodyKey('text', key)).toBe('text');
    expect(withBodyKey([{ a: 1 }], key)).toEqual([{ a: 1 }]);
    expect(withBodyKey({ a: 1 }, undefined)).toEqual({ a: 1 });
  });

  it('stops at the first invalid case with its name and the field path (exit 2)', () => {
    const receipt = getApiType('chung-tu');
    expect(() => validateCases(lookup, [{ name: 'ok', body: { MaHoSo: '000.00.01.H26-261201-0001' } }])).not.toThrow();
    let e: unknown;
    try {
      validateCases(receipt, [{ name: 'thieu', body: { service: 'NhanChungTuThueDat', data: {} } }]);
    } catch (err) {
      e = err;
    }
    expect(e).toBeInstanceOf(BodyInvalidError);
    const invalid = e as BodyInvalidError;
    expect(invalid.exitCode).toBe(ExitCode.Usage);
    expect(invalid.caseName).toBe('thieu');
    expect(invalid.issues.length).toBeGreaterThan(0);
    expect(invalid.issues.every((i) => i.path.startsWith('data'))).toBe(true);
    expect(() => validateCases(lookup, [{ name: 'text', body: 'MaHoSo=A' }])).toThrow(BodyInvalidError);
  });
});
