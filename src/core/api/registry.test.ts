import { describe, expect, it } from 'vitest';
import { isDvcError } from '../../errors.js';
import { hasMessage } from '../../i18n/i18n.js';
import {
  buildTemplate,
  checkResponse,
  describePresets,
  getApiType,
  listApiTypes,
  validateRequest,
  type HttpResult,
  type JsonSchema,
} from './api-type-registry.js';
import { compileSchema } from './schema-validator.js';

const ctx = { unit: '000.00.00.H26', now: new Date(Date.UTC(2024, 1, 29, 17, 5, 9)) }; // 2024-03-01 00:05:09 in Vietnam

function json(body: unknown, status = 200, timeMs = 12): HttpResult {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body), timeMs };
}

/** Every property of a schema, with its path, to check that each one says where it came from. */
function properties(schema: JsonSchema, at = ''): Array<[string, JsonSchema]> {
  const out: Array<[string, JsonSchema]> = [];
  const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
  for (const [k, sub] of Object.entries(props)) {
    out.push([`${at}${k}`, sub], ...properties(sub, `${at}${k}.`));
  }
  return out;
}

describe('the registry', () => {
  it('lists the three land-obligation types with their portal service names', () => {
    const types = listApiTypes();
    expect(types.map((t) => [t.id, t.service, t.role])).toEqual([
      ['tra-cuu', undefined, 'lookup'],
      ['thong-bao-thue', 'NhanThongBaoThueDat', 'notice'],
      ['chung-tu', 'NhanChungTuThueDat', 'receipt'],
    ]);
    for (const t of types) {
      expect(t.titles?.vi, t.id).toMatch(/\S/);
      expect(t.titles?.en, t.id).toMatch(/\S/);
      expect(t.titles?.vi, t.id).not.toBe(t.titles?.en);
    }
  });

  it('says where every request field came from', () => {
    for (const t of listApiTypes()) {
      for (const [p, sub] of properties(t.requestSchema)) {
        expect(String(sub.description ?? ''), `${t.id}: ${p}`).toMatch(/Source:|source/);
      }
    }
  });

  it('builds templates that validate against their own schemas, with Vietnam-time formats', () => {
    for (const t of listApiTypes()) {
      const body = buildTemplate(t, ctx);
      expect(validateRequest(t, body), t.id).toEqual([]);
      expect(body.service).toBe(t.service);
      if (t.service) expect(body.isUpdating).toBe(false);
    }
    // The look-up as OpenCPS's public look-up takes it: a bare body, no made-up service name.
    expect(buildTemplate(getApiType('tra-cuu'), ctx)).toEqual({ MaHoSo: '000.00.00.H26-240301-0101' });
    const receipt = buildTemplate(getApiType('chung-tu'), ctx);
    const data = receipt.data as {
      MaHoSo: string;
      ThongTinThanhToan: { ThoiGianThanhToan: string; MaThongBaoThue: string };
    };
    expect(data.MaHoSo).toBe('000.00.00.H26-240301-0101');
    expect(data.ThongTinThanhToan.ThoiGianThanhToan).toBe('20240301000509');
    expect(buildTemplate(getApiType('thong-bao-thue'), ctx).Ngay).toBe('20240301000509');
  });

  it('makes a notice and its receipt agree on dossier, tax id and notice number', () => {
    const receipt = buildTemplate(getApiType('chung-tu'), { ...ctx, dossierCode: 'H55.92-230404-0004' }).data as Record<
      string,
      unknown
    >;
    const notice = buildTemplate(getApiType('thong-bao-thue'), { ...ctx, dossierCode: 'H55.92-230404-0004' });
    const file = Buffer.from(String((notice.data as Record<string, unknown>).FileThongBaoThue), 'base64').toString(
      'utf8',
    );
    expect(file).toContain('<MA_HSO>H55.92-230404-0004</MA_HSO>');
    expect(file).toContain(`<MA_SO_THUE>${String(receipt.MaSoThue)}</MA_SO_THUE>`);
    expect(file).toContain(
      `<SO_QUYET_DINH>${String((receipt.ThongTinThanhToan as Record<string, unknown>).MaThongBaoThue)}</SO_QUYET_DINH>`,
    );
    expect(file).toContain('<NGAY_QUYET_DINH>01-03-2024</NGAY_QUYET_DINH>');
  });

  it('has examples that validate, requests and responses alike', () => {
    for (const t of listApiTypes()) {
      expect(validateRequest(t, t.exampleRequest), t.id).toEqual([]);
      const checks = checkResponse(t, undefined, json(t.exampleResponse));
      expect(
        checks.every((c) => c.ok),
        `${t.id}: ${JSON.stringify(checks)}`,
      ).toBe(true);
    }
  });

  it('binds keys case-insensitively, as the receivers do', () => {
    const t = getApiType('chung-tu');
    const body = buildTemplate(t, ctx);
    const shouting = {
      Service: body.service,
      IsUpdating: 'false',
      Data: { ...(body.data as object), mahoso: (body.data as { MaHoSo: string }).MaHoSo },
    };
    delete (shouting.Data as Record<string, unknown>).MaHoSo;
    expect(validateRequest(t, shouting)).toEqual([]);
  });

  it('gives field paths, what is wrong and a right example for bad bodies', () => {
    const t = getApiType('chung-tu');
    const body = buildTemplate(t, ctx) as { data: Record<string, unknown> };
    body.data.MaSoThue = '123';
    delete (body.data.ThongTinThanhToan as Record<string, unknown>).MaThongBaoThue;
    (body.data.ThongTinThanhToan as Record<string, unknown>).ThoiGianThanhToan = '20240230120000';
    const issues = validateRequest(t, body);
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['data.MaSoThue'].problem.key).toBe('api.issue.pattern');
    expect(byPath['data.MaSoThue'].example).toBe('8012345678');
    expect(byPath['data.ThongTinThanhToan.MaThongBaoThue'].problem).toEqual({
      key: 'api.issue.required',
      params: { field: 'MaThongBaoThue' },
    });
    expect(byPath['data.ThongTinThanhToan.ThoiGianThanhToan'].problem.key).toBe('api.issue.format');
    expect(byPath['data.ThongTinThanhToan.ThoiGianThanhToan'].example).toBe('20230731093000');
    for (const i of issues) expect(hasMessage(i.problem.key), i.problem.key).toBe(true);
  });

  it('reports a wrong service name, JSON text that does not parse, and a broken notice file', () => {
    const t = getApiType('thong-bao-thue');
    expect(validateRequest(t, { ...buildTemplate(t, ctx), service: 'NhanChungTuThueDat' }).map((i) => i.path)).toEqual([
      'service',
    ]);
    expect(validateRequest(t, '{"service":')[0].problem.key).toBe('api.issue.notJson');
    const xml =
      '<DATA><BODY><ROW_LIST><MA_HSO>X-230101-0001</MA_HSO><LIST><SO_TIEN>1.5</SO_TIEN></LIST></ROW_LIST></BODY></DATA>';
    const issues = validateRequest(t, {
      service: t.service,
      isUpdating: false,
      data: { FileThongBaoThue: Buffer.from(xml).toString('base64') },
    });
    expect(issues.map((i) => i.path)).toContain('data.FileThongBaoThue/DATA/BODY/ROW_LIST[1]/LIST[1]/SO_TIEN');
    expect(issues.map((i) => i.problem.key)).toContain('api.issue.amountInteger');
    expect(
      validateRequest(t, { service: t.service, data: { FileThongBaoThue: '***not base64***' } })[0].problem.key,
    ).toBe('api.issue.base64');
  });

  it('rejects an unknown type with the known ones listed (exit 2)', () => {
    try {
      getApiType('tra-cu');
      expect.unreachable();
    } catch (e) {
      expect(
        isDvcError(e) && e.key === 'api.unknownType' && e.exitCode === 2 && String(e.params.known).includes('tra-cuu'),
      ).toBe(true);
    }
  });
});

describe('response checks', () => {
  const t = getApiType('chung-tu');
  const names = (checks: ReturnType<typeof checkResponse>) => Object.fromEntries(checks.map((c) => [c.name, c.ok]));

  it('accepts success codes given as numbers or strings', () => {
    expect(names(checkResponse(t, undefined, json({ error_code: 0, message: 'ok' })))).toEqual({
      status: true,
      json: true,
      schema: true,
      code: true,
    });
    expect(names(checkResponse(t, undefined, json({ error_code: '0', message: 'ok' }))).code).toBe(true);
    expect(
      names(checkResponse(t, { codeField: 'error_code', successCodes: [0] }, json({ error_code: '0' }))).code,
    ).toBe(true);
  });

  it('fails a business error, quoting the message', () => {
    const code = checkResponse(t, undefined, json({ error_code: -1, message: 'Hồ sơ X không tồn tại' })).find(
      (c) => c.name === 'code',
    );
    expect(code?.ok).toBe(false);
    expect(code?.message).toEqual({
      key: 'api.check.codeBad',
      params: { field: 'error_code', code: '-1', expected: '0', message: 'Hồ sơ X không tồn tại' },
    });
  });

  it('checks every element of an array answer (OpenCPS notices)', () => {
    const n = getApiType('thong-bao-thue');
    expect(names(checkResponse(n, undefined, json([{ error_code: 0 }, { error_code: '0' }]))).code).toBe(true);
    expect(names(checkResponse(n, undefined, json([{ error_code: 0 }, { error_code: 1 }]))).code).toBe(false);
  });

  it('fails a non-2xx status, an HTML page and a slow answer; schema and code are then skipped', () => {
    const html: HttpResult = {
      status: 500,
      headers: { 'content-type': 'text/html' },
      body: '<html>boom</html>',
      timeMs: 900,
    };
    const checks = checkResponse(t, { codeField: 'error_code', successCodes: ['0'], maxTimeMs: 500 }, html);
    expect(names(checks)).toEqual({ status: false, json: false, schema: false, code: false, time: false });
    expect(checks.find((c) => c.name === 'schema')?.message.key).toBe('api.check.skipped');
    for (const c of checks) expect(hasMessage(c.message.key), c.message.key).toBe(true);
  });

  it('follows a province rule: another code field, statuses and a JSON body declared as text/plain fails', () => {
    const rule = { codeField: 'data.code', successCodes: ['OK'], statuses: [201] };
    const wrapped = json({ data: { code: 'OK' }, error_code: 5 }, 201);
    const custom = getApiType('chung-tu', { 'chung-tu': { responseSchema: { type: 'object' } } });
    expect(names(checkResponse(custom, rule, wrapped))).toEqual({ status: true, json: true, schema: true, code: true });
    expect(names(checkResponse(custom, rule, json({ data: { code: 'OK' } }, 200))).status).toBe(false);
    const plain: HttpResult = { ...json({ error_code: 0 }), headers: { 'content-type': 'text/plain' } };
    expect(names(checkResponse(t, undefined, plain)).json).toBe(false);
  });

  it('fails a schema mismatch and a missing code field', () => {
    const checks = checkResponse(t, undefined, json({ code: 0 }));
    expect(names(checks)).toMatchObject({ schema: false, code: false });
    expect(checks.find((c) => c.name === 'code')?.message.key).toBe('api.check.codeMissing');
  });
});

describe('config overrides', () => {
  const template = {
    service: 'TraCuuNVTC_HNI',
    isUpdating: false,
    SecurityKey: '',
    data: { MaHoSo: '${dossierCode}', Ngay: '${now:dd-MM-yyyy}', Don: '${unit}', Lost: '${nope}' },
  };

  it('replaces the parts a province gives and keeps the rest', () => {
    const t = getApiType('tra-cuu', { 'tra-cuu': { service: 'TraCuuNVTC_HNI', template } });
    expect(t.origin).toBe('builtin+config');
    expect(t.service).toBe('TraCuuNVTC_HNI');
    const body = buildTemplate(t, ctx);
    expect(body.data).toEqual({
      MaHoSo: '000.00.00.H26-240301-0101',
      Ngay: '01-03-2024',
      Don: '000.00.00.H26',
      Lost: '${nope}',
    });
    expect(validateRequest(t, body)).toEqual([]);
    expect(validateRequest(t, { ...body, service: 'TraCuuKhac' })[0].path).toBe('service');
    // The envelope is the province's choice: its schema wraps the bare look-up.
    expect(validateRequest(t, { service: 'TraCuuNVTC_HNI', data: {} })[0].path).toBe('data.MaHoSo');
  });

  it('takes a service name alone and stamps it into the built-in template', () => {
    const t = getApiType('tra-cuu', { 'tra-cuu': { service: 'TraCuuHoSoThue' } });
    expect(buildTemplate(t, ctx).service).toBe('TraCuuHoSoThue');
    expect(t.exampleRequest.service).toBe('TraCuuHoSoThue');
  });

  it('adds a province-defined type after the built-ins', () => {
    const overrides = {
      'hoan-thue': {
        title: 'Hoàn thuế',
        template: { service: 'HoanThue', isUpdating: false, data: { MaHoSo: '${dossierCode}' } },
        requestSchema: {
          type: 'object',
          required: ['data'],
          properties: {
            data: {
              type: 'object',
              required: ['MaHoSo'],
              properties: { MaHoSo: { type: 'string', examples: ['A-240101-0001'] } },
            },
          },
        },
      },
    };
    const all = listApiTypes(overrides);
    expect(all.map((t) => t.id)).toEqual(['tra-cuu', 'thong-bao-thue', 'chung-tu', 'hoan-thue']);
    const t = getApiType('hoan-thue', overrides);
    expect([t.origin, t.service, t.title]).toEqual(['config', 'HoanThue', 'Hoàn thuế']);
    expect(validateRequest(t, buildTemplate(t, ctx))).toEqual([]);
    expect(validateRequest(t, { service: 'HoanThue', data: {} })).toEqual([
      {
        path: 'data.MaHoSo',
        problem: { key: 'api.issue.required', params: { field: 'MaHoSo' } },
        example: 'A-240101-0001',
      },
    ]);
  });

  it('ships built-in schemas that are valid against their meta-schema (not re-checked at run time)', () => {
    const schemas = listApiTypes().flatMap((t) => [t.requestSchema, t.responseSchema]);
    schemas.push(...describePresets().flatMap((p) => (p.wrapper ? [p.wrapper] : [])));
    expect(schemas.length).toBeGreaterThan(6);
    for (const s of schemas) expect(() => compileSchema(structuredClone(s), { check: true })).not.toThrow();
  });

  it('refuses a new type without a template, and a schema ajv cannot compile', () => {
    expect(() => getApiType('x', { x: { service: 'X' } })).toThrow(
      expect.objectContaining({ key: 'api.typeIncomplete' }),
    );
    expect(() => getApiType('chung-tu', { 'chung-tu': { requestSchema: { type: 'no-such-type' } } })).toThrow(
      expect.objectContaining({ key: 'api.schemaInvalid' }),
    );
  });

  it('reads a 2020-12 schema too', () => {
    const schema = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      required: ['data'],
      properties: { tags: { type: 'array', prefixItems: [{ type: 'string' }] } },
    };
    const t = getApiType('chung-tu', { 'chung-tu': { requestSchema: schema } });
    expect(validateRequest(t, { service: 'NhanChungTuThueDat' })[0].path).toBe('data');
    expect(validateRequest(t, { service: 'NhanChungTuThueDat', data: {}, tags: [1] })[0].path).toBe('tags[0]');
  });
});
