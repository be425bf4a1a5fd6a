import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { verifyBag } from './verify-evidence.js';
import { readZipBag, VERIFY_LIMITS } from '../../io/evidence/bag-source.js';
import { bagEntries, rawZip, type RawEntry } from '../../test-support/hostile-zip.js';
import { tempDir } from '../../test-support/evidence-sample.js';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('dvc-verify-');
});
afterAll(() => tmp.remove());

function zipFile(name: string, entries: RawEntry[]): string {
  const file = path.join(tmp.dir, name);
  writeFileSync(file, rawZip(entries));
  return file;
}

describe('verify on hostile archives (built here)', () => {
  it('stops 60 tag files of 16 MiB each in a small zip at the compression-ratio limit (exit 2), reading none', async () => {
    const big = Buffer.alloc(16 * 1024 ** 2, 0x41);
    const deflated = deflateRawSync(big);
    const tags = Array.from({ length: 60 }, (_, i) => ({ name: `bag/tag-${i}.txt`, data: big, deflated }));
    const file = zipFile('tags.zip', bagEntries(tags, 'bag/'));
    await expect(verifyBag({ target: file, cwd: tmp.dir })).rejects.toMatchObject({
      key: 'evidence.verify.limit',
      exitCode: 2,
      params: expect.objectContaining({ limit: 'ratio', max: VERIFY_LIMITS.maxRatio }),
    });
  });

  it('streams tag files it does not need as text: hashed, never kept', async () => {
    const tag = Buffer.alloc(2 * 1024 ** 2, 0x42);
    const file = zipFile('stored-tags.zip', bagEntries([{ name: 'bag/extra-tag.bin', data: tag }], 'bag/'));
    const read = await readZipBag(file);
    expect([...read.findings.tagTexts.keys()].sort()).toEqual(['bag-info.txt', 'bagit.txt', 'manifest-sha256.txt']);
    const extra = read.findings.files.find((f) => f.path === 'extra-tag.bin');
    expect(extra?.size).toBe(tag.length);
    expect((await verifyBag({ target: file, cwd: tmp.dir })).ok).toBe(true);
  });

  it('refuses a manifest larger than the text limit as a problem, not by reading it', async () => {
    const huge = Buffer.alloc(VERIFY_LIMITS.tagTextBytes + 1, 0x20);
    const file = zipFile('huge-manifest.zip', bagEntries([{ name: 'tagmanifest-md5.txt', data: huge }]));
    const r = await verifyBag({ target: file, cwd: tmp.dir });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'tagTooLarge', path: 'tagmanifest-md5.txt' }));
  });

  it('stops at 70,000 entries with the entry limit named (exit 2)', async () => {
    const empty = Buffer.alloc(0);
    const many = Array.from({ length: 70_000 - 4 }, (_, i) => ({ name: `bag/data/f${i}`, data: empty }));
    const file = zipFile('many.zip', bagEntries(many, 'bag/'));
    await expect(verifyBag({ target: file, cwd: tmp.dir })).rejects.toMatchObject({
      key: 'evidence.verify.limit',
      exitCode: 2,
      params: expect.objectContaining({ limit: 'entries', found: 70_000, max: VERIFY_LIMITS.maxEntries }),
    });
  });

  it('stops a payload entry with a high compression ratio (exit 2)', async () => {
    const zeros = Buffer.alloc(64 * 1024 ** 2);
    const file = zipFile(
      'ratio.zip',
      bagEntries([{ name: 'data/zeros.bin', data: zeros, deflated: deflateRawSync(zeros) }]),
    );
    await expect(verifyBag({ target: file, cwd: tmp.dir })).rejects.toMatchObject({
      key: 'evidence.verify.limit',
      params: expect.objectContaining({ limit: 'ratio' }),
    });
  });

  it('reports a local-header name that differs from the central directory', async () => {
    const file = zipFile(
      'local-name.zip',
      bagEntries([{ name: 'bag/data/b.txt', localName: 'bag/data/../../evil.txt', data: Buffer.from('x') }], 'bag/'),
    );
    const r = await verifyBag({ target: file, cwd: tmp.dir });
    expect(r.ok).toBe(false);
    expect(r.problems).toContainEqual(expect.objectContaining({ code: 'localName', path: 'bag/data/b.txt' }));
  });

  it('escapes control characters in names, so a crafted name cannot print a fake verdict', async () => {
    const evil = 'data/x\u001b[2K\r\u001b[32mGói hợp lệ\u202e.txt';
    const file = zipFile('escape.zip', bagEntries([{ name: evil, data: Buffer.from('x') }]));
    const r = await verifyBag({ target: file, cwd: tmp.dir });
    expect(r.ok).toBe(false);
    const paths = r.problems.map((p) => p.path);
    expect(paths).toContain('data/x\\x1b[2K\\x0d\\x1b[32mGói hợp lệ\\u202e.txt');
    for (const p of r.problems) expect(`${p.path} ${p.detail ?? ''}`).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it.each([
    ['dot-dot', bagEntries([{ name: '../evil.txt', data: Buffer.from('x') }]), 'unsafePath'],
    ['symlink', bagEntries([{ name: 'data/link', data: Buffer.from('/etc/passwd'), mode: 0o120777 }]), 'symlink'],
    ['duplicate', bagEntries([{ name: 'data/A.txt', data: Buffer.from('other') }]), 'duplicate'],
    [
      'lying size',
      bagEntries([{ name: 'data/bomb.bin', data: Buffer.alloc(500_000), deflate: true, declaredSize: 1000 }]),
      'sizeExceeded',
    ],
  ] as const)('reports %s', async (name, entries, code) => {
    const r = await verifyBag({ target: zipFile(`${name}.zip`, [...entries]), cwd: tmp.dir });
    expect(r.ok).toBe(false);
    expect(r.problems.map((p) => p.code)).toContain(code);
  });

  it('says a folder that is not there, and a zip without bagit.txt, are input errors', async () => {
    await expect(verifyBag({ target: path.join(tmp.dir, 'nothing.zip'), cwd: tmp.dir })).rejects.toMatchObject({
      exitCode: 2,
    });
    const file = zipFile('nobag.zip', [{ name: 'readme.txt', data: Buffer.from('hi') }]);
    await expect(verifyBag({ target: file, cwd: tmp.dir })).rejects.toMatchObject({ key: 'evidence.verify.notABag' });
  });
});

describe('verify of an unpacked bag (a folder)', () => {
  it('accepts a valid folder bag and reports a symbolic link inside it', async () => {
    const { mkdirSync, symlinkSync } = await import('node:fs');
    const dir = path.join(tmp.dir, 'folder-bag');
    for (const e of bagEntries([])) {
      const f = path.join(dir, ...e.name.split('/'));
      mkdirSync(path.dirname(f), { recursive: true });
      writeFileSync(f, e.data);
    }
    const ok = await verifyBag({ target: dir, cwd: tmp.dir });
    expect(ok).toMatchObject({ ok: true, kind: 'dir', payload: { files: 1 } });
    symlinkSync('/etc/hostname', path.join(dir, 'data', 'link'));
    const bad = await verifyBag({ target: dir, cwd: tmp.dir });
    expect(bad.problems.map((p) => p.code)).toContain('symlink');
    await expect(verifyBag({ target: path.join(dir, 'data'), cwd: tmp.dir })).rejects.toMatchObject({
      key: 'evidence.verify.notABag',
    });
  });
});
