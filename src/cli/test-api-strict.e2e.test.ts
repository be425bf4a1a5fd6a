import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';

describe('dvc test-api: inputs a user types are refused (exit 2), never an internal error', () => {
  for (const url of ['file:///etc/passwd', 'data:text/plain,x', 'ftp://127.0.0.1/']) {
    it(`--url ${url}, single and --repeat`, async () => {
      for (const extra of [[], ['--repeat', '3']]) {
        const r = await runCli(['test-api', '--type', 'tra-cuu', '--url', url, ...extra]);
        expect(r.code).toBe(2);
        expect(r.stderr).toContain('http://');
      }
    });
  }
});

describe('dvc test-api types: two API types may share a schema file that names itself ($id)', () => {
  it('lists the types (exit 0), as config check accepts them', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-schema-id-'));
    await mkdir(path.join(dir, 'api'));
    await writeFile(
      path.join(dir, 'api', 'shared.schema.json'),
      JSON.stringify({ $id: 'https://example.test/shared.json', type: 'object' }),
    );
    await writeFile(
      path.join(dir, 'dvc.config.json'),
      JSON.stringify({
        apiTypes: {
          'tra-cuu': { responseSchemaFile: 'api/shared.schema.json' },
          'chung-tu': { responseSchemaFile: 'api/shared.schema.json' },
        },
      }),
    );
    const r = await runCli(['test-api', 'types'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('chung-tu');
  });
});
