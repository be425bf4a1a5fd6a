import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { saveAnswers } from './save-answers.js';
import { metaYaml } from '../../core/evidence/init-files.js';
import { tempDir } from '../../test-support/evidence-sample.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('dvc-answers-');
});
afterAll(() => tmp.remove());

describe('saveAnswers', () => {
  it('writes each answer into the existing evidence.yaml and keeps its comments and other fields', async () => {
    const dir = path.join(tmp.dir, 'a');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'evidence.yaml'), metaYaml({ apis: {}, dst: 'TNG' }));
    const before = { apis: {}, dst: 'TNG' };
    const after = {
      ...before,
      unitName: 'UBND tỉnh Thái Nguyên',
      dossierCode: '000.00.12.H26-261118-0001',
      apis: { 'chung-tu': 'https://motcua.thainguyen.gov.vn/chung-tu' },
    };
    const r = await saveAnswers({ dir, before, after });
    expect(r.changes.map((c) => c.field)).toEqual(['unitName', 'dossierCode', 'apis.chung-tu']);
    const text = readFileSync(path.join(dir, 'evidence.yaml'), 'utf8');
    expect(text).toContain('unitName: "UBND tỉnh Thái Nguyên"');
    expect(text).toContain('# Tên đơn vị');
    expect(text).toContain('dst: "TNG"');
    expect(text).toMatch(/testPayment:[^\n]*\n(?:\s*#[^\n]*\n)?\s+dossierCode: "000\.00\.12\.H26-261118-0001"/);
    expect(text).toContain('chung-tu: https://motcua.thainguyen.gov.vn/chung-tu');
  });

  it('creates evidence.yaml when the folder has none, and saves nothing for blank answers', async () => {
    const dir = path.join(tmp.dir, 'b');
    mkdirSync(dir);
    expect(await saveAnswers({ dir, before: { apis: {} }, after: { apis: {} } })).toEqual({ changes: [] });
    const r = await saveAnswers({ dir, before: { apis: {} }, after: { apis: {}, email: 'motcua@backan.gov.vn' } });
    expect(r.file).toBe(path.join(dir, 'evidence.yaml'));
    expect(readFileSync(r.file!, 'utf8')).toContain('email: "motcua@backan.gov.vn"');
  });

  it('refuses an invalid answer (exit 2) and leaves the file as it was', async () => {
    const dir = path.join(tmp.dir, 'c');
    mkdirSync(dir);
    const file = path.join(dir, 'evidence.yaml');
    writeFileSync(file, 'email: ""\n');
    await expect(
      saveAnswers({ dir, before: { apis: {} }, after: { apis: {}, email: 'khong-phai-email' } }),
    ).rejects.toMatchObject({ key: 'evidence.meta.badEmail', exitCode: 2 });
    await expect(saveAnswers({ dir, before: { apis: {} }, after: { apis: { x: 'ftp://a' } } })).rejects.toMatchObject({
      key: 'evidence.meta.badUrl',
    });
    writeFileSync(file, 'email: [unclosed\n');
    await expect(
      saveAnswers({ dir, before: { apis: {} }, after: { apis: {}, email: 'a@b.vn' } }),
    ).rejects.toMatchObject({ key: 'evidence.answers.unparsable' });
    expect(readFileSync(file, 'utf8')).toBe('email: [unclosed\n');
  });
});
