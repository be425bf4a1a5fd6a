import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../test-support/evidence-sample.js';

/** Which file the file system refuses, and how: set by each test. */
const fault: { name?: string; code?: string; at?: 'open' | 'lstat' } = {};

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const refuse = (p: unknown, at: 'open' | 'lstat') => {
    if (fault.at === at && typeof p === 'string' && fault.name && p.endsWith(fault.name))
      throw Object.assign(new Error(`${fault.code}: ${p}`), { code: fault.code, path: p });
  };
  return {
    ...real,
    open: async (p: string, ...rest: unknown[]) => {
      refuse(p, 'open');
      return (real.open as (...a: unknown[]) => unknown)(p, ...rest);
    },
    lstat: async (p: string, ...rest: unknown[]) => {
      refuse(p, 'lstat');
      return (real.lstat as (...a: unknown[]) => unknown)(p, ...rest);
    },
  };
});

vi.resetModules();
const { scanFolder, MAX_FOLDER_FILES } = await import('./evidence-folder.js');
const { textFacts } = await import('../../core/evidence/text-facts.js');
const { BAG_LIMITS } = await import('../../core/evidence/bag-limits.js');

const tmp = tempDir('dvc-scan-');
afterAll(() => tmp.remove());
const dir = path.join(tmp.dir, 'ho-so');
mkdirSync(path.join(dir, '04-bien-lai'), { recursive: true });
writeFileSync(path.join(dir, '04-bien-lai', 'bien-lai.pdf'), '%PDF-1.4\n%%EOF\n');
writeFileSync(path.join(dir, 'ghi-chu.txt'), 'ghi chú');

describe('reading an evidence folder', () => {
  it('names a file it cannot read (exit 2), never an internal error', async () => {
    Object.assign(fault, { name: 'bien-lai.pdf', code: 'EACCES', at: 'open' });
    await expect(scanFolder(dir)).rejects.toMatchObject({
      key: 'evidence.fileUnreadable',
      params: { file: '04-bien-lai/bien-lai.pdf', reason: 'EACCES' },
      exitCode: 2,
    });
  });

  it('names a file that vanished while the folder was read (exit 2)', async () => {
    Object.assign(fault, { name: 'ghi-chu.txt', code: 'ENOENT', at: 'lstat' });
    await expect(scanFolder(dir)).rejects.toMatchObject({
      key: 'evidence.fileUnreadable',
      params: { file: 'ghi-chu.txt', reason: 'ENOENT' },
      exitCode: 2,
    });
  });

  it("holds a file's name as its check item id, `file.<rel>`, and makes its path from the folder's when asked", async () => {
    Object.assign(fault, { name: undefined });
    const nfd = path.join(tmp.dir, 'nfd');
    mkdirSync(path.join(nfd, '03-phan-mem-mot-cua'), { recursive: true });
    const onDisk = 'ghi chú.txt'.normalize('NFD');
    writeFileSync(path.join(nfd, '03-phan-mem-mot-cua', onDisk), 'ghi chú');
    writeFileSync(path.join(nfd, 'biên lai.xml'), '<a/>');
    const files = await scanFolder(nfd);
    expect(files.map((f) => [f.rel, f.itemId, f.size])).toEqual([
      ['03-phan-mem-mot-cua/ghi chú.txt', 'file.03-phan-mem-mot-cua/ghi chú.txt', 8],
      ['biên lai.xml', 'file.biên lai.xml', 4],
    ]);
    // The path on disk: made from the folder's when the name is as on disk, kept when NFC changed it.
    expect(files[1]!.abs).toBe(path.join(nfd, 'biên lai.xml'));
    expect(files[0]!.abs).toBe(path.join(nfd, '03-phan-mem-mot-cua', onDisk));
    expect(files[0]!.rel).not.toBe(onDisk);
    expect(Object.keys(files[1]!)).not.toContain('abs');
  });

  it('keeps no text, only what check and pack need of it', async () => {
    Object.assign(fault, { name: undefined });
    const files = await scanFolder(dir);
    const note = files.find((f) => f.rel === 'ghi-chu.txt')!;
    expect(note.text).toBeUndefined();
    expect(note.facts).toEqual({ wellFormed: true, results: [], names: [] });
    expect(files.find((f) => f.rel.endsWith('.pdf'))!.facts).toBeUndefined();
  });

  it('learns the same facts of a text whether or not it holds markup, texts read one after another', async () => {
    Object.assign(fault, { name: undefined });
    const texts = path.join(tmp.dir, 'van-ban');
    mkdirSync(path.join(texts, '07-ghi-chu'), { recursive: true });
    const plain = 'Ngày 12/11/2026 đã gửi hồ sơ, ĐT 0912345678.\n'.repeat(18000); // just under 1 MiB, no " nor <
    const samples: Record<string, string> = {
      '07-ghi-chu/a-dai.txt': plain,
      '07-ghi-chu/b-json.txt': plain + '{"HoTenNguoiNopTien": "Nguyễn Văn An"}\n',
      '07-ghi-chu/c-xml.log': 'x\n<TEN_NNT>Trần Thị Bình</TEN_NNT>\n',
      '07-ghi-chu/d-ngan.txt': 'ghi chú ngắn',
      '07-ghi-chu/e-hong.json': '{"HoTenNguoiNopTien": "Lê Thị Hoa"',
      '07-ghi-chu/f-hong.xml': '<a><TEN_NNT>Phạm Minh Đức</TEN_NNT>',
    };
    for (const [rel, text] of Object.entries(samples)) writeFileSync(path.join(texts, rel), text);
    const files = await scanFolder(texts);
    for (const [rel, text] of Object.entries(samples))
      expect(files.find((f) => f.rel === rel)!.facts, rel).toEqual(textFacts(rel, text));
    expect(files.find((f) => f.rel.endsWith('b-json.txt'))!.facts!.names).toEqual(['Nguyễn Văn An']);
    expect(files.find((f) => f.rel.endsWith('c-xml.log'))!.facts!.names).toEqual(['Trần Thị Bình']);
    expect(files.find((f) => f.rel.endsWith('e-hong.json'))!.facts!.wellFormed).toBe(false);
  });

  it('keeps of each text its first bytes in shared blocks and no tail; of a picture or PDF both ends', async () => {
    Object.assign(fault, { name: undefined });
    const notes = path.join(tmp.dir, 'ghi-chu-nhieu');
    mkdirSync(path.join(notes, '04-bien-lai'), { recursive: true });
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 0x20), Buffer.from('%%EOF\n')]);
    writeFileSync(path.join(notes, '04-bien-lai', 'bien-lai.pdf'), pdf);
    const body = (i: number) => `Ghi chú ${i}: hồ sơ đã gửi, ĐT 0912345678.\n`.repeat(40);
    for (let i = 0; i < 500; i++) writeFileSync(path.join(notes, `${String(i).padStart(3, '0')}.txt`), body(i));
    const files = await scanFolder(notes);
    const texts = files.filter((f) => f.rel.endsWith('.txt'));
    expect(texts).toHaveLength(500);
    for (const f of texts) {
      expect(Buffer.from(f.head).toString('latin1')).toBe(
        Buffer.from(body(Number(f.rel.slice(0, 3))))
          .subarray(0, 64)
          .toString('latin1'),
      );
      expect(f.tail).toHaveLength(0);
    }
    // 500 heads of 64 bytes in 64 KiB blocks: one block, not 500 buffers of their own.
    expect(new Set(texts.map((f) => f.head.buffer)).size).toBe(1);
    const receipt = files.find((f) => f.rel.endsWith('.pdf'))!;
    expect(Buffer.from(receipt.head).equals(pdf.subarray(0, 64))).toBe(true);
    expect(Buffer.from(receipt.tail).equals(pdf.subarray(pdf.length - 1024))).toBe(true);
  });

  it('stops at names longer than a bundle may list (exit 2): deep folders of long names, as many files as fit', async () => {
    Object.assign(fault, { name: undefined });
    // 14 folders of 250 bytes and names of 255: about 3.8 kB a file, 1,100 files list more than 4 MiB.
    const deep = path.join(tmp.dir, 'sau', ...Array.from({ length: 14 }, (_, k) => `${k}${'đ'.repeat(124)}`));
    mkdirSync(deep, { recursive: true });
    const name = (i: number) => `${String(i).padStart(4, '0')}${'ư'.repeat(123)}.txt`;
    for (let i = 0; i < 1100; i++) writeFileSync(path.join(deep, name(i)), '');
    await expect(scanFolder(path.join(tmp.dir, 'sau'))).rejects.toMatchObject({
      key: 'evidence.folder.namesTooLong',
      params: { max: BAG_LIMITS.tagTextBytes },
      exitCode: 2,
    });
    // The same folder with fewer files is read.
    for (let i = 600; i < 1100; i++) rmSync(path.join(deep, name(i)));
    expect(await scanFolder(path.join(tmp.dir, 'sau'))).toHaveLength(600);
  });

  it('stops at more files than a bundle may hold (exit 2), before reading any of them', async () => {
    Object.assign(fault, { name: undefined });
    const many = path.join(tmp.dir, 'nhieu');
    mkdirSync(many);
    for (let i = 0; i <= MAX_FOLDER_FILES; i++) writeFileSync(path.join(many, `${i}.txt`), '');
    await expect(scanFolder(many)).rejects.toMatchObject({
      key: 'evidence.folder.tooManyFiles',
      params: { max: 9993 },
      exitCode: 2,
    });
  });
});
