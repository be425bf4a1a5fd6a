import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  decodeBody,
  getApiType,
  listApiTypes,
  parseNoticeXml,
  validateRequest,
  buildTemplate,
} from './api-type-registry.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures', 'api');
const read = async (name: string) => readFile(path.join(FIXTURES, name), 'utf8');

describe('fixtures/api', () => {
  it('holds the registry examples, valid against their schemas', async () => {
    for (const t of listApiTypes()) {
      const body = JSON.parse(await read(`${t.id}.request.json`)) as unknown;
      expect(body, t.id).toEqual(t.exampleRequest);
      expect(validateRequest(t, body), t.id).toEqual([]);
      expect(JSON.parse(await read(`${t.id}.response.json`)), t.id).toEqual(t.exampleResponse);
    }
  });

  it('has sample notice files that read without problems', async () => {
    const one = parseNoticeXml(await read('thong-bao-thue.notice.xml'));
    expect(one.issues).toEqual([]);
    expect(decodeBody(JSON.parse(await read('thong-bao-thue.request.json'))).xml).toBe(
      await read('thong-bao-thue.notice.xml'),
    );
    const two = parseNoticeXml(await read('thong-bao-thue.two-dossiers.xml'));
    expect(two.issues).toEqual([]);
    expect(two.dossiers.map((d) => [d.MA_HSO, d.items.length])).toEqual([
      ['000.04.05.H55-230731-0101', 2],
      ['H55.92-230404-0004', 1],
    ]);
  });

  it('has a province template that overrides tra-cuu', async () => {
    const t = getApiType('tra-cuu', { 'tra-cuu': { template: JSON.parse(await read('tra-cuu.template.json')) } });
    const body = buildTemplate(t, { unit: '000.00.00.H26', now: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) });
    expect(body).toMatchObject({
      service: 'TraCuuNghiaVuTaiChinh_TINH',
      Ngay: '20240102100405',
      data: { MaHoSo: '000.00.00.H26-240102-0101', MaDonVi: '000.00.00.H26' },
    });
    expect(validateRequest(t, body)).toEqual([]);
  });
});
