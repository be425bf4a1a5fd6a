import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../../i18n/catalog.js';
import { buildTemplate, describePresets, getApiType, resolveConvention } from '../api-type-registry.js';
import { MockProvince } from '../mock-province.js';
import { responseRuleSchema } from '../../config/schema.js';
import type { Emulation, MockOutcome } from './emulation.js';
import { DEFAULT_EMULATION, EMULATIONS, EMULATION_NAMES, emulationNamed, isEmulationName } from './emulations.js';
import { decideExchange, type MockExchangeContext } from './decide-exchange.js';

const ctx = { unit: '000.04.05.H55', now: new Date(Date.UTC(2023, 6, 31, 2, 30)) };
const body = (id: string) => Buffer.from(JSON.stringify(buildTemplate(getApiType(id), ctx)));
const context = (emulation: Emulation): MockExchangeContext => ({
  emulation,
  auth: { type: 'none' },
  province: new MockProvince({}, undefined, emulation.policy),
  now: () => ctx.now,
  msg: (m) => `${m.key}${JSON.stringify(m.params)}`,
});

describe('the registry of emulations', () => {
  it('names each emulation once, the default first, and finds each by its name', () => {
    expect(new Set(EMULATION_NAMES).size).toBe(EMULATIONS.length);
    expect(EMULATION_NAMES[0]).toBe(DEFAULT_EMULATION.name);
    for (const e of EMULATIONS) {
      expect(emulationNamed(e.name)).toBe(e);
      expect(isEmulationName(e.name)).toBe(true);
    }
    expect(emulationNamed(undefined)).toBe(DEFAULT_EMULATION);
    expect(isEmulationName('tinh-khac')).toBe(false);
  });

  it('gives each emulation a title in both languages, and a convention of a registered emulation per role', () => {
    for (const e of EMULATIONS) {
      expect(CATALOG.vi[e.title], e.title).toBeTruthy();
      expect(CATALOG.en[e.title], e.title).toBeTruthy();
      for (const other of Object.values(e.conventionByRole ?? {})) expect(EMULATIONS).toContain(other);
    }
  });

  it('is what the config schema and the presets read', () => {
    for (const name of EMULATION_NAMES) expect(responseRuleSchema.safeParse({ preset: name }).success).toBe(true);
    expect(responseRuleSchema.safeParse({ preset: 'tinh-khac' }).success).toBe(false);
    expect(describePresets().map((p) => p.name)).toEqual(EMULATION_NAMES);
    for (const e of EMULATIONS) {
      const { source: _source, ...fields } = e.convention;
      expect(resolveConvention(getApiType('chung-tu'), { preset: e.name })).toMatchObject(fields);
    }
  });
});

describe('one exchange, decided by the emulation', () => {
  it('answers what the emulation object decides: its checks first, then its HTTP form of the business answer', () => {
    const seen: MockOutcome[] = [];
    const planted: Emulation = {
      ...DEFAULT_EMULATION,
      name: 'planted',
      checkRequest: (role, _bound, schema) =>
        role === 'receipt' ? { kind: 'invalid', role, reason: 'planted refusal' } : schema(),
      answer: (o) => {
        seen.push(o);
        return { status: 299, contentType: 'text/plain', body: o.kind };
      },
    };
    const c = context(planted);
    const notice = decideExchange(c, { type: getApiType('thong-bao-thue'), headers: {}, body: body('thong-bao-thue') });
    expect(notice).toEqual({ answer: { status: 299, contentType: 'text/plain', body: 'answer' }, changed: true });
    const receipt = decideExchange(c, { type: getApiType('chung-tu'), headers: {}, body: body('chung-tu') });
    expect(receipt.changed).toBe(false);
    expect(seen.map((o) => o.kind)).toEqual(['answer', 'invalid']);
    expect(seen[1]).toEqual({ kind: 'invalid', role: 'receipt', reason: 'planted refusal' });
    expect(c.province.counts).toEqual({ notices: 1, receipts: 0 });
  });

  it('follows the emulation’s rule for an unreadable body when the key travels in the body', () => {
    const kinds: string[] = [];
    for (const rule of ['unauthorised', 'unparseable'] as const) {
      const e: Emulation = {
        ...DEFAULT_EMULATION,
        unreadableKeyedBody: rule,
        answer: (o) => {
          kinds.push(o.kind);
          return { status: 200, contentType: 'text/plain', body: '' };
        },
      };
      const c: MockExchangeContext = { ...context(e), auth: { type: 'body-key', field: 'SecurityKey', key: 'k' } };
      decideExchange(c, { type: getApiType('tra-cuu'), headers: {}, body: Buffer.from('{x') });
    }
    expect(kinds).toEqual(['unauthorised', 'unparseable']);
  });
});
