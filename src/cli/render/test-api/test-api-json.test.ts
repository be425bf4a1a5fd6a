import { describe, expect, it } from 'vitest';
import type { ProbeResult, TestApiRun } from '../../../app/test-api/run-test-api.js';
import { runJson } from './test-api-json.js';
import { runJunit } from './test-api-junit.js';

const probe = (over: Partial<ProbeResult> = {}): ProbeResult => ({
  ok: true,
  dst: 'HNI',
  type: 'tra-cuu',
  name: 'tra-cuu',
  url: 'https://a.example/x',
  startedAt: '2025-01-01T00:00:00.000Z',
  request: { method: 'POST', headers: { authorization: '***' }, body: { SecurityKey: '***' } },
  response: { status: 200, headers: {}, body: { error_code: 0 }, bytes: 15, wireBytes: 15 },
  timings: { dns: 1, connect: 2, tls: 3, ttfb: 4, download: 5, total: 15 },
  tls: null,
  checks: [{ name: 'status', ok: true, message: { key: 'testApi.h.pass', params: {} } }],
  redirects: [],
  insecure: false,
  warnings: [],
  ...over,
});

const run = (probes: ProbeResult[], over: Partial<TestApiRun> = {}): TestApiRun => ({
  dst: 'HNI',
  type: 'tra-cuu',
  url: 'https://a.example/x',
  insecure: false,
  probes,
  warnings: [],
  saved: [],
  exitCode: 0,
  ...over,
});

describe('runJson', () => {
  it('is the probe object itself for one probe, with messages translated', () => {
    const j = runJson(run([probe()]), 'en');
    expect(Object.keys(j)).toEqual(['ok', 'dst', 'type', 'url', 'request', 'response', 'timings', 'tls', 'checks']);
    expect(j.checks).toEqual([{ name: 'status', ok: true, message: 'PASS: every check passed' }]);
  });
  it('adds insecure, warnings once, a transport error, and cases', () => {
    const fault = probe({
      ok: false,
      response: null,
      checks: [],
      fault: {
        kind: 'connRefused',
        code: 'ECONNREFUSED',
        message: { key: 'testApi.fault.connRefused', params: { host: 'h', port: 1 } },
        detail: 'connect ECONNREFUSED 127.0.0.1:1',
      },
      insecure: true,
      warnings: [{ key: 'testApi.warn.insecure', params: {} }],
    });
    const j = runJson(
      run([fault, probe({ name: 'b' })], {
        insecure: true,
        exitCode: 3,
        warnings: [{ key: 'testApi.warn.insecure', params: {} }],
      }),
      'en',
    );
    expect(j.ok).toBe(false);
    expect(j.insecure).toBe(true);
    expect(j.warnings).toHaveLength(1);
    expect(j.error).toMatchObject({
      kind: 'connRefused',
      message: expect.stringContaining('ECONNREFUSED'),
      detail: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    expect((j.cases as unknown[]).length).toBe(2);
  });
});

describe('runJunit', () => {
  it('writes one testcase per case under --cases, failing with the failed checks', () => {
    const bad = probe({
      name: 'H55.92-230404-0004',
      ok: false,
      checks: [{ name: 'code', ok: false, message: { key: 'testApi.h.fail', params: { failed: 1, total: 5 } } }],
    });
    const xml = runJunit(run([probe({ name: 'a' }), bad], { exitCode: 1 }), 'en');
    expect(xml).toContain('<testsuite name="HNI.tra-cuu" tests="2" failures="1" errors="0"');
    expect(xml).toContain('<testcase name="H55.92-230404-0004" classname="HNI.tra-cuu"');
    expect(xml).toContain('<failure message="code: FAIL: 1/5 checks failed" type="code">');
  });
});
