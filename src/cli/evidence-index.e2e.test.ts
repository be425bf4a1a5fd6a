import { cp, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../test-support/run-cli.js';

function readZip(file: string): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const out = new Map<string, Buffer>();
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

describe('dvc evidence pack: the index page', () => {
  it('puts data/index.html in the bag, listing every payload file with the manifest hash', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-index-'));
    const folder = path.join(dir, 'ho-so');
    await cp(path.join(REPO_ROOT, 'fixtures', 'evidence'), folder, { recursive: true });
    const bundle = path.join(dir, 'goi.zip');
    const r = await runCli([
      'evidence',
      'pack',
      folder,
      '--out',
      bundle,
      '--allow-incomplete',
      '--config',
      path.join(REPO_ROOT, 'fixtures', 'dvc.config.json'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    const entries = await readZip(bundle);
    const page = entries.get('goi/data/index.html')?.toString('utf8');
    expect(page).toBeDefined();
    expect(page).toContain('<html lang="vi"');
    const manifest = entries
      .get('goi/manifest-sha256.txt')!
      .toString('utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/));
    const others = manifest.filter(([, p]) => p !== 'data/index.html');
    expect(others.length).toBeGreaterThan(5);
    for (const [digest, p] of others) {
      expect(page, p).toContain(digest);
      expect(page, p).toContain(p.slice('data/'.length).split('/').pop()!);
    }
    expect(page).not.toMatch(/dvchashtoken/);
    const verify = await runCli(['evidence', 'verify', bundle]);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
  });
});
