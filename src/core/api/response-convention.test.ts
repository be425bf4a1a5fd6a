import { describe, expect, it } from 'vitest';
import { checkResponse, getApiType, resolveConvention, sameCode } from './api-type-registry.js';
import type { HttpResult } from './api-types.js';

const json = (body: unknown, status = 200): HttpResult => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(body),
  timeMs: 5,
});
const failed = (checks: ReturnType<typeof checkResponse>) => checks.filter((c) => !c.ok).map((c) => c.name);

describe('response conventions', () => {
  it('takes OpenCPS look-up answers: nothing due with message [], a bill, an array of bills', () => {
    const t = getApiType('tra-cuu');
    const rule = resolveConvention(t, { preset: 'opencps' });
    expect(failed(checkResponse(t, rule, json({ error_code: 0, message: [] })))).toEqual([]);
    expect(failed(checkResponse(t, rule, json(t.exampleResponse)))).toEqual([]);
    const bill = (t.exampleResponse as { message: unknown }).message;
    expect(failed(checkResponse(t, rule, json({ error_code: 1, message: [bill] })))).toEqual([]);
    expect(failed(checkResponse(t, rule, json({ error_code: -1, message: [] })))).toEqual(['code']);
    // OpenCPS answers HTTP 200: a 201 is not its convention.
    expect(failed(checkResponse(t, rule, json({ error_code: 0, message: [] }, 201)))).toEqual(['status']);
  });

  it('judges a Thanh Hóa answer by its wrapper: HTTP 201, succeeded true, any message', () => {
    const t = getApiType('chung-tu');
    const rule = resolveConvention(t, { preset: 'thanh-hoa' });
    expect(rule).toMatchObject({ codeField: 'succeeded', successCodes: [true], statuses: [201] });
    const ok = { succeeded: true, message: 'Thành công', data: null };
    expect(failed(checkResponse(t, rule, json(ok, 201)))).toEqual([]);
    const refused = checkResponse(
      t,
      rule,
      json({ succeeded: false, message: '401 Unauthorized - Error Security Code', data: null }, 201),
    );
    expect(failed(refused)).toEqual(['code']);
    expect(refused.find((c) => c.name === 'code')?.message.params.message).toBe(
      '401 Unauthorized - Error Security Code',
    );
    // the reference answer is not Thanh Hóa's: status and wrapper both fail
    expect(failed(checkResponse(t, rule, json({ error_code: 0, message: 'ok' })))).toEqual([
      'status',
      'schema',
      'code',
    ]);
    expect(failed(checkResponse(t, rule, json([ok], 201)))).toContain('code');
  });

  it('lets a province replace any field: success values of any JSON type, a dotted code path, how arrays count', () => {
    const t = getApiType('thong-bao-thue');
    const any = resolveConvention(t, { preset: 'opencps' }, { array: 'any' });
    const mixed = [
      { error_code: 0, message: 'ok' },
      { error_code: 1, message: 'Hồ sơ đã tồn tại' },
    ];
    expect(failed(checkResponse(t, any, json(mixed)))).toEqual([]);
    expect(failed(checkResponse(t, resolveConvention(t, { preset: 'opencps' }), json(mixed)))).toEqual(['code']);
    const first = resolveConvention(t, { array: 'first' });
    expect(failed(checkResponse(t, first, json(mixed)))).toEqual([]);
    const custom = resolveConvention(t, {
      codeField: 'ket_qua.ma',
      successCodes: ['OK', true],
      statuses: [200, 202],
    });
    const wrapper = { ...t, responseSchema: {} };
    expect(failed(checkResponse(wrapper, custom, json({ ket_qua: { ma: 'ok' } }, 202)))).toEqual(['code']);
    expect(failed(checkResponse(wrapper, custom, json({ ket_qua: { ma: 'OK' } }, 202)))).toEqual([]);
    expect(failed(checkResponse(wrapper, custom, json({ ket_qua: { ma: 'true' } })))).toEqual([]);
  });

  it('compares codes across JSON types', () => {
    expect([sameCode('0', 0), sameCode(' 0', '0'), sameCode('True', true), sameCode(true, true)]).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([sameCode(1, true), sameCode(null, 0), sameCode({}, '0'), sameCode(false, 0)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
