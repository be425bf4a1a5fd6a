import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import yauzl from 'yauzl';
import { REPO_ROOT } from './run-cli.js';

export const EVIDENCE_FIXTURE = path.join(REPO_ROOT, 'fixtures', 'evidence');
export const SAMPLE_CONFIG = path.join(REPO_ROOT, 'fixtures', 'dvc.config.json');

/** A temporary folder, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A copy of fixtures/evidence whose test-api results are one day old, so the 30-day rule holds on any date. */
export function sampleFolder(parent: string, name = 'minh-chung', now = Date.now()): string {
  const dir = path.join(parent, name);
  cpSync(EVIDENCE_FIXTURE, dir, { recursive: true });
  const results = path.join(dir, '05-ket-qua-kiem-tra-api');
  for (const f of readdirSync(results).filter((n) => n.endsWith('.result.json'))) {
    const p = path.join(results, f);
    const j = JSON.parse(readFileSync(p, 'utf8'));
    j.timestamp = new Date(now - 86_400_000).toISOString();
    writeFileSync(p, JSON.stringify(j, null, 2));
  }
  return dir;
}

/** Every entry of a zip, inflated, by name (read with yauzl's own checks, CRC included). */
export async function zipEntries(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (e: yauzl.Entry) => {
      zip.openReadStream(e, (err, s) => {
        if (err) return reject(err);
        const parts: Buffer[] = [];
        s.on('data', (c: Buffer) => parts.push(c));
        s.on('error', reject);
        s.on('end', () => {
          out.set(e.fileName, Buffer.concat(parts));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  return out;
}
