import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const provinces = { HNI: { name: 'Thành phố Hà Nội', apis: { 'tra-cuu': { url: 'https://a.example/tra-cuu' } } } };

async function project(files: Record<string, string>) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-cfg-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describe('loadConfig', () => {
  it('finds dvc.config.yaml written on Windows (BOM, CRLF)', async () => {
    const yaml =
      '\uFEFFprovinces:\r\n  HNI:\r\n    name: Thành phố Hà Nội\r\n    apis:\r\n      tra-cuu:\r\n        url: https://a.example/tra-cuu\r\n';
    const dir = await project({ 'dvc.config.yaml': yaml });
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded?.config.provinces.HNI.name).toBe('Thành phố Hà Nội');
    expect(path.basename(loaded!.filepath)).toBe('dvc.config.yaml');
  });

  it('finds .dvcrc.json and package.json#dvc from a sub-folder', async () => {
    const dir = await project({ '.dvcrc.json': '\uFEFF' + JSON.stringify({ provinces }) });
    await mkdir(path.join(dir, 'sub'));
    expect((await loadConfig({ cwd: path.join(dir, 'sub') }))?.config.provinces.HNI.apis['tra-cuu'].url).toBe(
      'https://a.example/tra-cuu',
    );
    const dir2 = await project({ 'package.json': JSON.stringify({ name: 'x', dvc: { provinces } }) });
    expect((await loadConfig({ cwd: dir2 }))?.config.provinces.HNI.name).toBe('Thành phố Hà Nội');
  });

  it('reports a JSON syntax error with the file', async () => {
    const dir = await project({ 'dvc.config.json': '{ "provinces": ' });
    await expect(loadConfig({ cwd: dir })).rejects.toMatchObject({ key: 'config.parse', exitCode: 2 });
  });

  it('fails clearly when an explicit --config file is missing', async () => {
    await expect(loadConfig({ configPath: 'no-such-file.json', cwd: os.tmpdir() })).rejects.toMatchObject({
      key: 'config.notFound',
    });
  });
});
