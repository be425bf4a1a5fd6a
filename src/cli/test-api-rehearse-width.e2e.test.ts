import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../test-support/run-cli.js';
import { mockApiConfig, startMockApi } from '../app/mock-api/run-mock-api.js';

describe('dvc test-api rehearse on the console', () => {
  it('keeps every line within 80 columns, in Vietnamese and in English', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-rehearse-width-'));
    const started = await startMockApi({
      cwd: dir,
      dst: 'HNI',
      host: '127.0.0.1',
      port: 0,
      tls: false,
      env: {},
      lang: 'vi',
    });
    try {
      const config = await mockApiConfig({
        cwd: dir,
        dst: 'HNI',
        host: '127.0.0.1',
        port: started.server.port,
        tls: false,
      });
      await writeFile(path.join(dir, 'dvc.config.json'), JSON.stringify(config));
      for (const lang of ['vi', 'en']) {
        const r = await runCli(['test-api', 'rehearse', '--dst', 'HNI', '--lang', lang], { cwd: dir });
        expect(r.code, r.stderr).toBe(0);
        const lines = r.stdout.split('\n').filter((l) => l !== '');
        expect(lines.filter((l) => /^  ✓ [1-5]\. /.test(l))).toHaveLength(5);
        for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(80);
        // no unit warning: the printed config names a unit
        expect(r.stderr).toBe('');
      }
    } finally {
      await started.stop();
    }
  });
});
