import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

const PROBE_ONLY = [
  '--timeout',
  '--max-time',
  '--repeat',
  '--concurrency',
  '--follow',
  '--max-size',
  '--junit',
  '--body',
];

describe("each test-api sub-command's help lists its own options", () => {
  for (const sub of ['types', 'decode', 'template']) {
    it(`test-api ${sub} --help names no probe option`, async () => {
      const r = await runCli(['test-api', sub, '--help']);
      expect(r.code).toBe(0);
      for (const flag of PROBE_ONLY) expect(r.stdout, `${sub}: ${flag}`).not.toContain(`${flag} `);
      // the program's own options are still there
      expect(r.stdout).toContain('--lang <lang>');
    });
  }

  it('test-api --help says --timeout bounds the whole exchange', async () => {
    const vi = await runCli(['test-api', '--help']);
    expect(vi.stdout).toContain('cho cả lần gọi');
    const en = await runCli(['test-api', '--help', '--lang', 'en']);
    expect(en.stdout).toContain('for the whole exchange');
  });
});

describe('test-api types on the console', () => {
  it('keeps every line within 80 columns', async () => {
    for (const lang of ['vi', 'en']) {
      const r = await runCli(['test-api', 'types', '--lang', lang]);
      expect(r.code).toBe(0);
      for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    }
  });
});
