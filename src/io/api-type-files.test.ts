import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadApiTypeOverrides } from './api-type-files.js';
import { buildTemplate, getApiType, validateRequest } from '../core/api/api-type-registry.js';

describe('loadApiTypeOverrides', () => {
  it('reads the files relative to the config, with a BOM and CRLF, and feeds the registry', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-types-'));
    await mkdir(path.join(dir, 'api'));
    await writeFile(
      path.join(dir, 'api', 'tra-cuu.json'),
      '\uFEFF{\r\n "service": "TraCuuHNI", "isUpdating": false,\r\n "data": { "MaHoSo": "${dossierCode}" } }\r\n',
    );
    const overrides = await loadApiTypeOverrides(
      { apiTypes: { 'tra-cuu': { templateFile: 'api/tra-cuu.json', title: 'Tra cứu HNI' } } },
      path.join(dir, 'dvc.config.json'),
    );
    const t = getApiType('tra-cuu', overrides);
    expect([t.service, t.title]).toEqual(['TraCuuHNI', 'Tra cứu HNI']);
    const body = buildTemplate(t, { unit: 'U', now: new Date(Date.UTC(2024, 0, 1)) });
    expect(body.data).toEqual({ MaHoSo: 'U-240101-0101' });
    expect(validateRequest(t, body)).toEqual([]);
  });

  it('names the key and file of a missing or broken file', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-types-'));
    const cfg = path.join(dir, 'dvc.config.json');
    await expect(
      loadApiTypeOverrides({ apiTypes: { x: { requestSchemaFile: 'nope.json' } } }, cfg),
    ).rejects.toMatchObject({
      key: 'api.typeFileMissing',
      params: { file: 'nope.json', id: 'x', key: 'requestSchemaFile' },
      exitCode: 2,
    });
    await writeFile(path.join(dir, 'bad.json'), '{ "type": ');
    await expect(loadApiTypeOverrides({ apiTypes: { x: { templateFile: 'bad.json' } } }, cfg)).rejects.toMatchObject({
      key: 'api.typeFileParse',
    });
    await writeFile(path.join(dir, 'arr.json'), '[]');
    await expect(
      loadApiTypeOverrides({ apiTypes: { x: { responseSchemaFile: 'arr.json' } } }, cfg),
    ).rejects.toMatchObject({ key: 'api.typeFileNotObject' });
  });
});
