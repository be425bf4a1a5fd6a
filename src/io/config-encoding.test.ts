import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeConfigBytes, detectEncoding, looksMisdecoded } from './config-encoding.js';
import { loadConfig } from './config.js';

const bom16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const bom16be = (s: string) => {
  const le = Buffer.from(s, 'utf16le');
  return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(le).swap16()]);
};

describe('detectEncoding', () => {
  it('tells UTF-16 LE/BE by their byte-order mark or by the NUL of every other byte, else UTF-8', () => {
    expect(detectEncoding(bom16le('{}'))).toBe('utf-16le');
    expect(detectEncoding(bom16be('{}'))).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('{"a":1}', 'utf16le'))).toBe('utf-16le');
    expect(detectEncoding(Buffer.from('\ufeff{"tỉnh":1}', 'utf8'))).toBe('utf-8');
    expect(detectEncoding(Buffer.from('provinces:', 'utf8'))).toBe('utf-8');
  });
});

describe('decodeConfigBytes', () => {
  it('returns the text of each encoding without its byte-order mark', () => {
    const text = '{\r\n  "name": "Thành phố Hà Nội"\r\n}\r\n';
    expect(decodeConfigBytes(bom16le(text), 'a.json')).toBe(text);
    expect(decodeConfigBytes(bom16be(text), 'a.json')).toBe(text);
    expect(decodeConfigBytes(Buffer.from('\ufeff' + text, 'utf8'), 'a.json')).toBe(text);
  });

  it('refuses a broken UTF-16 file with the way to save it as UTF-8 (exit 2)', () => {
    const cut = Buffer.concat([bom16le('{"a":1}'), Buffer.from([0x7b])]);
    expect(() => decodeConfigBytes(cut, 'dvc.config.json')).toThrow(
      expect.objectContaining({
        key: 'config.encoding',
        exitCode: 2,
        params: { file: 'dvc.config.json', encoding: 'UTF-16LE' },
      }),
    );
  });

  it('recognises what a UTF-8 reader made of a UTF-16 file', () => {
    expect(looksMisdecoded(bom16le('{}').toString('utf8'))).toBe(true);
    expect(looksMisdecoded('{"name": "Hà Nội"}')).toBe(false);
  });
});

describe('loadConfig with a UTF-16 file', () => {
  const config = {
    provinces: { HNI: { name: 'Thành phố Hà Nội', apis: { 'tra-cuu': { url: 'https://a.example/x' } } } },
  };

  it('reads dvc.config.json as PowerShell 5.1 `>` writes it (UTF-16 LE, BOM, CRLF)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-cfg16-'));
    await writeFile(path.join(dir, 'dvc.config.json'), bom16le(JSON.stringify(config, null, 2).replace(/\n/g, '\r\n')));
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded?.config.provinces.HNI.name).toBe('Thành phố Hà Nội');
  });

  it('reads a UTF-16 YAML file given with --config, and refuses a broken one', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-cfg16-'));
    await writeFile(path.join(dir, 'a.yaml'), bom16be('provinces:\r\n  HNI:\r\n    name: Hà Nội\r\n    apis: {}\r\n'));
    expect((await loadConfig({ cwd: dir, configPath: 'a.yaml' }))?.config.provinces.HNI.name).toBe('Hà Nội');
    await writeFile(path.join(dir, 'b.yaml'), Buffer.concat([bom16le('provinces: {}'), Buffer.from([0x41])]));
    await expect(loadConfig({ cwd: dir, configPath: 'b.yaml' })).rejects.toMatchObject({ key: 'config.encoding' });
  });
});
