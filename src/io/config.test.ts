import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';
import { searchCandidates } from './config-search.js';

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

  it('skips an empty file and a package.json without `dvc` on the way up, and reads dvc.config.mjs', async () => {
    const dir = await project({ 'dvc.config.mjs': `export default ${JSON.stringify({ provinces })};\n` });
    await mkdir(path.join(dir, 'sub'));
    await writeFile(path.join(dir, 'sub', 'package.json'), JSON.stringify({ name: 'x' }));
    await writeFile(path.join(dir, 'sub', 'dvc.config.json'), '  \n');
    const loaded = await loadConfig({ cwd: path.join(dir, 'sub') });
    expect(loaded?.filepath).toBe(path.join(dir, 'dvc.config.mjs'));
    expect(loaded?.config.provinces.HNI.name).toBe('Thành phố Hà Nội');
  });
});

describe('config files found by the search are bounded as named ones are', () => {
  it('refuses an oversize dvc.config.json found by the search (exit 2, the limit named)', async () => {
    const dir = await project({ 'dvc.config.json': JSON.stringify({ provinces, pad: 'x'.repeat(1024 * 1024) }) });
    await expect(loadConfig({ cwd: dir })).rejects.toMatchObject({
      key: 'testApi.fileTooBig',
      params: { path: path.join(dir, 'dvc.config.json'), limit: '1 MiB' },
      exitCode: 2,
    });
  });

  it('reads a dvc.config.json of exactly 1 MiB', async () => {
    const text = JSON.stringify({ provinces });
    const full = text + ' '.repeat(1024 * 1024 - Buffer.byteLength(text));
    const dir = await project({ 'dvc.config.json': full });
    expect((await loadConfig({ cwd: dir }))?.config.provinces.HNI.name).toBe('Thành phố Hà Nội');
    await writeFile(path.join(dir, 'dvc.config.json'), full + ' ');
    await expect(loadConfig({ cwd: dir })).rejects.toMatchObject({ key: 'testApi.fileTooBig' });
  });

  it('refuses a FIFO found by the search (exit 2) without waiting for a writer', async () => {
    const dir = await project({});
    execFileSync('mkfifo', [path.join(dir, '.dvcrc.json')]);
    await expect(loadConfig({ cwd: dir })).rejects.toMatchObject({
      key: 'testApi.fileNotRegular',
      params: { path: path.join(dir, '.dvcrc.json') },
      exitCode: 2,
    });
  });

  it('searches each folder up to the home folder, then the user config folder', () => {
    const home = path.join(path.sep, 'home', 'an');
    const list = searchCandidates(path.join(home, 'p', 'q'), {
      home,
      env: { XDG_CONFIG_HOME: path.join(path.sep, 'cfg') },
      platform: 'linux',
    });
    expect(list.slice(0, 2)).toEqual([
      path.join(home, 'p', 'q', 'package.json'),
      path.join(home, 'p', 'q', 'dvc.config.json'),
    ]);
    expect(list.filter((f) => path.basename(f) === 'package.json')).toEqual([
      path.join(home, 'p', 'q', 'package.json'),
      path.join(home, 'p', 'package.json'),
      path.join(home, 'package.json'),
    ]);
    expect(list.slice(-5)).toEqual(
      ['config', 'config.json', 'config.yaml', 'config.yml', 'config.mjs'].map((f) =>
        path.join(path.sep, 'cfg', 'dvc', f),
      ),
    );
    expect(list).toHaveLength(3 * 9 + 5);
  });
});
