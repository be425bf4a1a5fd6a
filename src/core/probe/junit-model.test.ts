import { describe, expect, it } from 'vitest';
import { junitXml } from './junit-model.js';

describe('junitXml', () => {
  const xml = junitXml([
    {
      name: 'HNI.chung-tu',
      timestamp: '2025-01-01T00:00:00.000Z',
      time: 0.1234,
      properties: [
        ['timing.total.ms', '123.4'],
        ['url', 'https://a.b/x?y=1&z="2"'],
      ],
      cases: [
        { name: 'status', classname: 'HNI.chung-tu', time: 0 },
        {
          name: 'code',
          classname: 'HNI.chung-tu',
          time: 0,
          failure: { message: 'error_code = -1 <không> & "x"', type: 'code', text: 'Hồ sơ không tồn tại' },
        },
        {
          name: 'transport',
          classname: 'HNI.chung-tu',
          time: 0.3,
          error: { message: 'refused', type: 'ECONNREFUSED', text: 'refused\u0001' },
        },
      ],
    },
  ]);

  it('counts tests, failures and errors on the suite and the root', () => {
    expect(xml).toContain('<testsuites name="dvc test-api" tests="3" failures="1" errors="1" time="0.123">');
    expect(xml).toContain(
      '<testsuite name="HNI.chung-tu" tests="3" failures="1" errors="1" skipped="0" time="0.123" timestamp="2025-01-01T00:00:00.000Z">',
    );
  });

  it('escapes attributes and text, drops characters XML 1.0 forbids, keeps Vietnamese', () => {
    expect(xml).toContain('value="https://a.b/x?y=1&amp;z=&quot;2&quot;"');
    expect(xml).toContain('message="error_code = -1 &lt;không&gt; &amp; &quot;x&quot;"');
    expect(xml).toContain('>Hồ sơ không tồn tại</failure>');
    expect(xml).toContain('<error message="refused" type="ECONNREFUSED">refused</error>');
    expect(xml).toContain('<testcase name="status" classname="HNI.chung-tu" time="0.000"/>');
  });
});
