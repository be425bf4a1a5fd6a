import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileShapeError, jsonErrorAt, readBoundedFile } from './bounded-file.js';

describe('readBoundedFile', () => {
  it('reads a regular file within its limit, refuses one over it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-bounded-'));
    const f = path.join(dir, 'a.json');
    await writeFile(f, '{"a":1}');
    expect((await readBoundedFile(f, 7)).toString()).toBe('{"a":1}');
    await expect(readBoundedFile(f, 6)).rejects.toMatchObject({ code: 'EFBIG', limit: 6 });
  });

  it('refuses a folder, a device and a FIFO with no writer at once (no blocking)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'dvc-bounded-'));
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    await expect(readBoundedFile(dir, 1024)).rejects.toMatchObject({ code: 'EISDIR' });
    for (const f of ['/dev/urandom', '/dev/zero', fifo]) {
      const e = await readBoundedFile(f, 1024).catch((x: unknown) => x);
      expect(e, f).toBeInstanceOf(FileShapeError);
      expect((e as FileShapeError).code, f).toBe('ENOTREG');
    }
  });
});

describe('jsonErrorAt', () => {
  it.each([
    ['root:x:0:0:root\n', { line: 1, column: 1 }],
    ['{\n  "a": x\n}', { line: 2, column: 8 }],
    ['[true, t]', { line: 1, column: 8 }],
    ['[1,]', { line: 1, column: 4 }],
    ['{"a":1', { line: 1, column: 7 }],
    ['"abc', { line: 1, column: 5 }],
    ['1 2', { line: 1, column: 3 }],
    ['', { line: 1, column: 1 }],
    ['[ 1, ]', { line: 1, column: 6 }],
    ['{ "a" : [ {"b": 1 }, 2 ] , }', { line: 1, column: 28 }],
  ])('%j breaks at %j', (text, at) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(jsonErrorAt(text)).toEqual(at);
  });

  it.each([
    '{}',
    '[]',
    '{"a":[1,{"b":null}],"c":"\\u00e9\\n"}',
    ' -1.5e3 ',
    '[[[[]]]]',
    '"x"',
    ' [ 1 , { "a" : [ ] } ] ',
  ])('%j is valid', (t) => {
    expect(JSON.parse(t)).toBeDefined();
    expect(jsonErrorAt(t)).toBeNull();
  });
});
