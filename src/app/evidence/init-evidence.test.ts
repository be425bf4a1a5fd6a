import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { planInit, writeInit } from './init-evidence.js';
import { SAMPLE_CONFIG, tempDir } from '../../test-support/evidence-sample.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('dvc-init-');
});
afterAll(() => tmp.remove());

describe('init in-process', () => {
  it('creates the checklist and evidence.yaml from the config, then never overwrites them', async () => {
    const o = { dir: 'minh-chung', dst: 'HNI', configPath: SAMPLE_CONFIG, cwd: tmp.dir };
    const plan = await planInit(o);
    expect(plan.metaExists).toBe(false);
    const r = await writeInit(plan, { ...plan.meta, contactName: 'Nguyễn Văn An' });
    expect(r.paths.filter((p) => p.created).map((p) => p.rel)).toContain('evidence.yaml');
    const yaml = path.join(tmp.dir, 'minh-chung', 'evidence.yaml');
    expect(readFileSync(yaml, 'utf8')).toContain('contactName: "Nguyễn Văn An"');
    expect(readFileSync(yaml, 'utf8')).toContain('alerts:');
    writeFileSync(yaml, 'unitName: "giữ nguyên"\n');
    const again = await writeInit(await planInit(o), plan.meta);
    expect(again.paths.every((p) => !p.created)).toBe(true);
    expect(readFileSync(yaml, 'utf8')).toBe('unitName: "giữ nguyên"\n');
    await expect(planInit({ ...o, dst: 'XYZ' })).rejects.toMatchObject({ key: 'evidence.dstUnknown' });
  });
});
