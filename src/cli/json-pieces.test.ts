import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { jsonPieces, writeJsonPieces } from './json-pieces.js';

const pieces = (v: unknown): string[] => [...jsonPieces(v)];

/** Values JSON.stringify meets in reports: nested arrays and objects, dates, undefined, texts with line feeds. */
const member = fc.oneof(
  fc.jsonValue(),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
  fc.string({ unit: 'grapheme' }),
  fc.constant('dòng 1\ndòng 2\t"trích"'),
);
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    member,
    fc.array(tie('value'), { maxLength: 40 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 30 }),
  ),
})).value;

describe('jsonPieces', () => {
  it('joins to exactly what JSON.stringify(value, null, 2) writes, whatever the object', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(value), fc.dictionary(fc.string(), value)), (v) => {
        expect(pieces(v).join('')).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it('hands a large report on in bounded pieces that join to the one text', () => {
    const files = Array.from({ length: 20_000 }, (_, i) => ({
      path: `data/ghi chú về hồ sơ ${i}.txt`,
      bytes: i,
      masked: i % 2 === 0,
      note: i % 3 === 0 ? undefined : 'a\nb',
      at: new Date(Date.UTC(2026, 11, 7, 0, 0, i % 60)),
    }));
    const report = { ok: true, files, nothing: undefined, fn: () => 1, list: [undefined, () => 1, 2], empty: {} };
    const out = pieces(report);
    expect(out.join('')).toBe(JSON.stringify(report, null, 2));
    expect(out.length).toBeGreaterThan(20);
    // A piece is at most one entry past the size it is handed on at.
    expect(Math.max(...out.map((p) => p.length))).toBeLessThan((1 << 16) + 400);
  });

  it('calls toJSON as JSON.stringify does, and writes an object with a null prototype and a sparse array', () => {
    const custom = { toJSON: () => ({ replaced: true }) };
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: [1, 2] });
    const sparse: unknown[] = [1];
    sparse[3] = 4;
    for (const v of [{ a: custom }, bare, [custom, new Map([[1, 2]]), sparse], { s: sparse, n: null }])
      expect(pieces(v).join('')).toBe(JSON.stringify(v, null, 2));
  });
});

/** A sink that takes `room` pieces, then asks to wait for 'drain'. */
class SlowSink extends EventEmitter {
  readonly got: string[] = [];
  constructor(private room: number) {
    super();
  }
  write(piece: string): boolean {
    this.got.push(piece);
    return --this.room > 0;
  }
  drain(room: number): void {
    this.room = room;
    this.emit('drain');
  }
}

describe('writeJsonPieces', () => {
  it('makes a piece only when the sink takes more, and ends with a line feed once everything is written', () => {
    const report = { files: Array.from({ length: 30_000 }, (_, i) => ({ path: `data/tệp ${i}.txt`, i })) };
    const sink = new SlowSink(2);
    writeJsonPieces(report, sink);
    // Two pieces taken, then the writer waits: nothing more is made until the sink drains.
    expect(sink.got).toHaveLength(2);
    while (sink.listenerCount('drain') > 0) sink.drain(3);
    expect(sink.got.at(-1)).toBe('\n');
    expect(sink.got.join('')).toBe(JSON.stringify(report, null, 2) + '\n');
  });
});
