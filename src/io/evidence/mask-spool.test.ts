import { describe, expect, it } from 'vitest';
import { existsSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MaskSpool, READ_BYTES, textChunks } from './mask-spool.js';
import { liveTempFiles } from '../atomic-write.js';

describe('the spool of masked texts', () => {
  it('gives back what was appended, forgets what was rewound, and leaves nothing behind once closed', async () => {
    const spool = new MaskSpool();
    expect(spool.file).toBeUndefined();
    await spool.append(Buffer.from('first text'));
    const second = spool.end;
    await spool.append(Buffer.from('dropped'));
    spool.rewind(second);
    await spool.append(Buffer.from('second'));
    const file = spool.file!;
    expect(existsSync(file)).toBe(true);
    // Tracked like an output's temporary file: Ctrl+C or an exit removes it too.
    expect(liveTempFiles()).toContain(file);
    expect((await spool.read(0, 10)).toString()).toBe('first text');
    expect((await spool.read(second, 6)).toString()).toBe('second');
    expect(spool.end).toBe(16);
    await spool.close();
    expect(existsSync(file)).toBe(false);
    expect(liveTempFiles()).not.toContain(file);
    await spool.close();
  });

  it('reads a text in chunks that join to what one read gives, a character split across reads included', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dvc-chunks-'));
    try {
      const file = path.join(dir, 'ghi-chu.txt');
      // 65,535 ASCII bytes put the 3-byte "ồ" across the first 64 KiB read; a lone 0xff byte is replaced as readFile does.
      const bytes = Buffer.concat([Buffer.from('x'.repeat(65535)), Buffer.from('ồng 😀'), Buffer.from([0xff, 0x41])]);
      writeFileSync(file, bytes);
      const parts: string[] = [];
      for await (const c of textChunks(file)) parts.push(c);
      expect(parts.length).toBe(2);
      expect(parts.join('')).toBe(bytes.toString('utf8'));
      // Texts read one after another share the caller's buffer: the same text, read into it.
      const shared = Buffer.alloc(READ_BYTES);
      const again: string[] = [];
      for await (const c of textChunks(file, shared)) again.push(c);
      expect(again.join('')).toBe(bytes.toString('utf8'));
      expect(shared.subarray(0, bytes.length - READ_BYTES).equals(bytes.subarray(READ_BYTES))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
