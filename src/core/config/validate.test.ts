import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateConfig } from './validate.js';
import { configJsonSchema } from './json-schema.js';
import { REPO_ROOT } from '../../test-support/run-cli.js';

const base = {
  provinces: {
    HNI: {
      name: 'Thành phố Hà Nội',
      auth: { type: 'basic', username: 'dvcqg', passwordEnv: 'DVC_HNI_PASSWORD' },
      apis: { 'tra-cuu': { url: 'https://example.gov.vn/tra-cuu' } },
    },
  },
};

describe('validateConfig', () => {
  it('accepts the documented contract and fills defaults', () => {
    const c = validateConfig(base, 'dvc.config.json');
    expect(c.provinces.HNI.apis['tra-cuu'].method).toBe('POST');
  });

  it('rejects a literal password and says how to pass it', () => {
    const bad = structuredClone(base) as { provinces: { HNI: { auth: Record<string, unknown> } } };
    bad.provinces.HNI.auth.password = 'hunter2';
    expect(() => validateConfig(bad, 'dvc.config.json')).toThrow(
      expect.objectContaining({
        key: 'config.literalSecret',
        params: expect.objectContaining({ path: 'provinces.HNI.auth.password', file: 'dvc.config.json' }),
      }),
    );
  });

  it('names the key path and problem of a wrong value', () => {
    const bad = structuredClone(base) as { provinces: { HNI: { apis: Record<string, { url: string }> } } };
    bad.provinces.HNI.apis['tra-cuu'].url = 'not a url';
    try {
      validateConfig(bad, 'x.yaml');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        key: 'config.invalid.url',
        params: { file: 'x.yaml', path: 'provinces.HNI.apis.tra-cuu.url' },
      });
    }
  });

  it("words every problem with a catalogue key, never zod's own English", () => {
    const problem = (mutate: (c: Record<string, any>) => void): string => {
      const bad = structuredClone(base) as Record<string, any>;
      mutate(bad);
      try {
        validateConfig(bad, 'x.json');
      } catch (e) {
        return (e as { key: string }).key;
      }
      throw new Error('accepted');
    };
    expect(problem((c) => (c.provinces.HNI.name = 1))).toBe('config.invalid.type.string');
    expect(problem((c) => delete c.provinces.HNI.name)).toBe('config.invalid.missing');
    expect(problem((c) => (c.provinces.HNI.name = ''))).toBe('config.invalid.empty');
    expect(problem((c) => (c.provinces.HNI.auth.passwordEnv = '1-x'))).toBe('config.invalid.envName');
    expect(problem((c) => (c.provinces.HNI.auth = { type: 'cookie' }))).toBe('config.invalid.oneOf');
    expect(problem((c) => (c.lang = 'fr'))).toBe('config.invalid.oneOf');
    expect(problem((c) => (c.provinces['Hà Nội'] = c.provinces.HNI))).toBe('config.invalid.provinceKey');
  });

  it('keeps schemas/config.schema.json in step with the zod schema (run `npm run schemas`)', () => {
    const committed = JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'config.schema.json'), 'utf8'));
    expect(committed).toEqual(configJsonSchema());
  });
});
