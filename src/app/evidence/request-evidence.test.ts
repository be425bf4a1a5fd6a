import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { draftRequest, finishRequest, type RequestOptions } from './request-evidence.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir } from '../../test-support/evidence-sample.js';

let tmp: ReturnType<typeof tempDir>;
let dir: string;
beforeAll(() => {
  tmp = tempDir('dvc-request-');
  dir = sampleFolder(tmp.dir);
});
afterAll(() => tmp.remove());

const options = (extra: Partial<RequestOptions> = {}): RequestOptions => ({
  format: 'text',
  keepPersonalData: false,
  force: false,
  cwd: tmp.dir,
  asked: false,
  ...extra,
});
const draft = (d = dir, kind: 'cau-hinh' | 'xac-nhan' = 'xac-nhan') =>
  draftRequest({ dir: d, kind, configPath: SAMPLE_CONFIG, cwd: tmp.dir });

describe('the request use case, called without the command line', () => {
  it('writes the masked text with CRLF line ends, and never over the file it wrote', async () => {
    const r = await finishRequest(await draft(), options({ out: 'yeu-cau.txt' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.written).toBe(path.join(tmp.dir, 'yeu-cau.txt'));
    const written = readFileSync(r.written!, 'utf8');
    expect(written).toBe(r.text.replace(/\r?\n/g, '\r\n'));
    expect(r.text).not.toContain('Nguyễn Văn An');
    expect(r.text).toContain('N.V.A.');
    await expect(finishRequest(await draft(), options({ out: 'yeu-cau.txt' }))).rejects.toMatchObject({ exitCode: 2 });
    const kept = await finishRequest(await draft(), options({ keepPersonalData: true }));
    expect(kept.ok && kept.text).toContain('Nguyễn Văn An');
  });

  it('refuses an output name that carries a personal number', async () => {
    await expect(finishRequest(await draft(), options({ out: 'yeu-cau 0912345678.txt' }))).rejects.toMatchObject({
      key: 'evidence.personalInOutName',
      exitCode: 2,
    });
  });

  it('names missing fields one way when nobody was asked, another when the answers still leave them empty', async () => {
    const other = sampleFolder(tmp.dir, 'thieu');
    const yaml = path.join(other, 'evidence.yaml');
    // The dossier code of the test payment is the folder's own: the configuration cannot fill it in.
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace(/dossierCode: "[^"]*"/, 'dossierCode: ""'));
    const d = await draft(other);
    expect(d.missing).toEqual(['dossierCode']);
    await expect(finishRequest(d, options())).rejects.toMatchObject({ key: 'evidence.missingFields', exitCode: 2 });
    await expect(finishRequest(d, options({ asked: true }))).rejects.toMatchObject({
      key: 'evidence.answers.stillMissing',
      exitCode: 2,
    });
  });

  it('does not present a failed API test as evidence for the configuration request', async () => {
    const other = sampleFolder(tmp.dir, 'that-bai');
    const results = path.join(other, '05-ket-qua-kiem-tra-api');
    const file = path.join(results, 'HNI-tra-cuu-20261119091000.result.json');
    const result = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(file, JSON.stringify({ ...result, ok: false }));
    const r = await finishRequest(await draft(other, 'cau-hinh'), options({ out: 'cau-hinh.txt' }));
    expect(r).toEqual({ ok: false, unfit: [{ why: 'failed', file: expect.stringContaining('tra-cuu') }] });
  });
});
