import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { DvcError, ExitCode } from '../../errors.js';
import { liveTempFiles } from '../../io/atomic-write.js';
import { inThreadSha256, workerSha256 } from '../../io/evidence/sha256-hasher.js';
import { packTexts } from '../../cli/render/evidence/evidence-texts.js';
import { packEvidence, type PackOptions } from './pack-evidence.js';
import { verifyBag } from './verify-evidence.js';
import { hashesOnThread } from './write-bag.js';
import { SAMPLE_CONFIG, sampleFolder, tempDir, zipEntries } from '../../test-support/evidence-sample.js';

let tmp: ReturnType<typeof tempDir>;
let dir: string;
/** Large enough for the worker threads (8 MiB of payload and more) and for several pooled pieces per file. */
const video = randomBytes(20 * 1048576 + 12345);

beforeAll(() => {
  tmp = tempDir('dvc-pack-hash-');
  dir = sampleFolder(tmp.dir);
  writeFileSync(path.join(dir, '06-video', 'video giao dich.mp4'), video);
});
afterAll(() => tmp.remove());

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function options(out: string, extra: Partial<PackOptions> = {}): PackOptions {
  return {
    dir,
    out: path.join(tmp.dir, out),
    kind: 'xac-nhan',
    allowIncomplete: true,
    force: false,
    keepPersonalData: true,
    version: '0.0.0-test',
    configPath: SAMPLE_CONFIG,
    cwd: tmp.dir,
    texts: packTexts('vi'),
    ...extra,
  };
}

describe('pack hashes exactly the bytes it writes', () => {
  it('on worker threads: each manifest line is the SHA-256 of the file, the result the SHA-256 of the zip', async () => {
    const r = await packEvidence(options('threads.zip', { startSha256: (pool) => workerSha256(pool) }));
    const zip = readFileSync(r.bundle!);
    expect(r.sha256).toBe(sha256(zip));
    const entries = await zipEntries(r.bundle!);
    const manifest = entries.get('threads/manifest-sha256.txt')!.toString('utf8');
    expect(manifest).toContain(`${sha256(video)}  data/06-video/video giao dich.mp4\n`);
    for (const line of manifest.trim().split('\n')) {
      const [digest, name] = [line.slice(0, 64), line.slice(66)];
      expect(digest, name).toBe(sha256(entries.get(`threads/${name}`)!));
    }
    expect((await verifyBag({ target: r.bundle!, cwd: tmp.dir })).ok).toBe(true);
  });

  it('on the calling thread it writes the same bundle, byte for byte', async () => {
    const threads = await packEvidence(options('b.zip', { startSha256: (pool) => workerSha256(pool) }));
    mkdirSync(path.join(tmp.dir, 'same'), { recursive: true });
    const here = await packEvidence(
      options(path.join('same', 'b.zip'), { startSha256: () => Promise.resolve(inThreadSha256()) }),
    );
    expect(here.sha256).toBe(threads.sha256);
  });

  it('a hashing thread that fails ends the pack with a clear error (exit 70) and leaves no file behind', async () => {
    const outDir = path.join(tmp.dir, 'failed');
    mkdirSync(outDir);
    const failing = `require('node:worker_threads').parentPort.on('message', () => { throw new Error('boom'); });`;
    const err = await packEvidence(
      options(path.join('failed', 'b.zip'), { startSha256: (pool) => workerSha256(pool, { source: failing }) }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DvcError);
    expect((err as DvcError).key).toBe('evidence.pack.hashFailed');
    expect((err as DvcError).exitCode).toBe(ExitCode.Internal);
    expect(readdirSync(outDir)).toEqual([]);
    expect(liveTempFiles()).toEqual([]);
  });
});

describe('the hashing thread', () => {
  const note = (i: number) => ({ rel: `03/ghi-chu-${i}.txt`, name: `03/ghi-chu-${i}.txt`, size: 4000 });
  const notes = Array.from({ length: 9850 }, (_, i) => note(i)); // 39 MB of texts, hashed where they are deflated
  const plan = (entries: typeof notes) => ({ dir, entries, memory: new Map() });

  it('is not started for a bag of texts, however many', () => {
    expect(hashesOnThread(plan(notes))).toBe(false);
  });

  it('is started from 8 MiB of files read through the pool (pictures, PDF, video, large files)', () => {
    const film = { rel: '06/video.mp4', name: '06/video.mp4', size: 8 * 1048576 };
    expect(hashesOnThread(plan([...notes, film]))).toBe(true);
    expect(hashesOnThread(plan([...notes, { ...film, size: film.size - 1 }]))).toBe(false);
  });
});
