import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { filledPieces, hashToken, indexModel, pageBytes, textPieces } from './index-page.js';
import type { CheckItem, Say } from '../../core/evidence/evidence-types.js';
import { renderEvidenceIndexHtml, renderEvidenceIndexPieces } from '../../cli/render/html/evidence-index.js';
import { sampleEvidenceModel } from '../../test-support/sample-models.js';

const digest = (i: number) => createHash('sha256').update(String(i)).digest('hex');

/** The whole page filled, its pieces measured first as pack does. */
const filled = (page: string | Iterable<string>, digests: readonly string[] = []) =>
  Buffer.concat([...filledPieces(page, digests, pageBytes(page))]);

describe('the index page as bytes', () => {
  it('fills each token with its digest in place, as a replacement in the text would, around multi-byte text', () => {
    const text = [
      `<td>Biên lai điện tử ${hashToken(0)}</td>`,
      // Not tokens: a head without its digits, digits too few, a token of a file that has no digest.
      `dvchashtoken<b>Ảnh ${'dvchashtoken12345'.padEnd(64, 'z')}`,
      `${hashToken(7)} Hồ sơ ${hashToken(1)}dvchashtoken${hashToken(2)}`,
    ].join('\n');
    const digests = [digest(0), digest(1), digest(2)];
    const page = filled(text, digests).toString('utf8');
    const expected = text.replace(/dvchashtoken(\d{10})z{42}/g, (t, n: string) => digests[Number(n)] ?? t);
    expect(page).toBe(expected);
    expect(page).toContain(`${digest(1)}dvchashtoken${digest(2)}`);
    expect(page).toContain(hashToken(7));
  });

  it('refuses what is not a SHA-256 digest', () => {
    expect(() => filled(hashToken(0), ['abc'])).toThrow(/not a SHA-256 digest/);
  });

  it('measures pieces to exactly the bytes of the joined page, and refuses pieces that differ when drawn again', () => {
    const pieces = ['<p>Nguyễn Văn An 👍</p>', 'x'.repeat(1048576 - 3), 'ỗ', '€'.repeat(400_000), '', 'end'];
    expect(pageBytes(pieces)).toBe(Buffer.byteLength(pieces.join(''), 'utf8'));
    expect(filled(pieces).equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(filled('Đã tạo gói').equals(Buffer.from('Đã tạo gói', 'utf8'))).toBe(true);
    // Pieces that cannot be drawn twice alike are refused rather than written half-filled.
    let n = 0;
    const drifting = { [Symbol.iterator]: () => [`lần ${n++}`, 'x'.repeat(n)].values() };
    expect(() => filled(drifting)).toThrow(/indexPage.unstablePieces/);
  });

  it('the renderer draws one piece per row, anew each time, and the pieces are the page', () => {
    const model = sampleEvidenceModel();
    const pieces = renderEvidenceIndexPieces(model, { lang: 'vi' });
    const first = [...pieces];
    expect(first[0]).toMatch(/^<!DOCTYPE html>/);
    expect(first).toHaveLength(model.checklist!.length + model.files!.length + 5);
    expect([...pieces]).toEqual(first);
    expect(first.join('')).toBe(renderEvidenceIndexHtml(model, { lang: 'vi' }));
    expect(filled(renderEvidenceIndexPieces(model, { lang: 'en' })).toString('utf8')).toBe(
      renderEvidenceIndexHtml(model, { lang: 'en' }),
    );
  });

  it('draws a request given in pieces as the same page, a piece at a time, never as one string', () => {
    const model = sampleEvidenceModel();
    const lines = Array.from({ length: 3000 }, (_, i) => `  - 03-phan-mem-mot-cua/ghi chú <${i}> & "dài".txt\n`);
    const text = `Đơn vị: Hà Nội\n${lines.join('')}`;
    const whole = renderEvidenceIndexHtml({ ...model, request: { title: 'T', text } }, { lang: 'vi' });
    const parts = textPieces(Buffer.from(text, 'utf8'));
    expect([...parts].join('')).toBe(text);
    expect([...parts].length).toBeGreaterThan(5);
    for (const p of parts) expect(p.endsWith('\n') && Buffer.byteLength(p) < 16 * 1024 + 200).toBe(true);
    const pieces = [...renderEvidenceIndexPieces({ ...model, request: { title: 'T', text: parts } }, { lang: 'vi' })];
    expect(pieces.join('')).toBe(whole);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(text.length / 4);
    expect([...textPieces(Buffer.alloc(0))]).toEqual([]);
  });

  it('gives the filled page in blocks, the bytes of the filled whole, and refuses a page of another size', () => {
    const pieces = ['<h1>Hồ sơ</h1>', `<tr><td>ghi chú ${hashToken(0)}</td></tr>`, `<tr><td>${hashToken(1)}</td></tr>`];
    const digests = [digest(0), digest(1)];
    const size = pageBytes(pieces);
    const out = [...filledPieces(pieces, digests, size)];
    expect(out).toHaveLength(1);
    expect(Buffer.concat(out).toString('utf8')).toBe(
      pieces.join('').replace(hashToken(0), digest(0)).replace(hashToken(1), digest(1)),
    );
    expect(() => [...filledPieces(pieces, digests, size - 1)]).toThrow(/indexPage.unstablePieces/);
    expect(() => [...filledPieces(pieces, digests, size + 1)]).toThrow(/indexPage.unstablePieces/);
    expect(() => [...filledPieces(pieces, ['abc', digest(1)], size)]).toThrow(/not a SHA-256 digest/);
  });

  it('encodes the rows of a long page into one reused buffer, copied out block by block, a larger row apart', () => {
    const rows = Array.from({ length: 400 }, (_, i) => `<tr><td>ghi chú dài ${i} ${hashToken(i)}</td></tr>`);
    const pieces = ['<h1>Hồ sơ</h1>', ...rows.slice(0, 200), 'ế'.repeat(10_000), ...rows.slice(200)];
    const digests = rows.map((_, i) => digest(i));
    const size = pageBytes(pieces);
    const reuse = Buffer.alloc(4096);
    const copies: Buffer[] = [];
    const views: Buffer[] = [];
    for (const b of filledPieces(pieces, digests, size, reuse)) {
      views.push(b);
      copies.push(Buffer.from(b));
    }
    const whole = Buffer.concat(copies).toString('utf8');
    expect(whole).toBe(rows.reduce((p, _, i) => p.replace(hashToken(i), digest(i)), pieces.join('')));
    // Every block but the 30 kB row is a view of the one buffer, filled to within a row of its end (but the last, and
    // the one the large row cut short).
    const own = views.findIndex((v) => v.buffer !== reuse.buffer);
    expect(views.filter((v) => v.buffer !== reuse.buffer).map((v) => v.length)).toEqual([30_000]);
    const longest = Math.max(...rows.map((r) => Buffer.byteLength(r)));
    const full = views.filter((v, i) => i !== own && i !== own - 1 && i !== views.length - 1);
    expect(full.length).toBeGreaterThan(5);
    for (const v of full) expect(v.length).toBeGreaterThan(4096 - longest);
    expect(copies.length).toBe(views.length);
  });

  it("says a checklist row's words when the row is drawn, not when the page is planned", () => {
    const said: string[] = [];
    const say: Say = (key, params) => {
      said.push(key);
      return `${key} ${JSON.stringify(params ?? {})}`;
    };
    const files = Array.from({ length: 3 }, (_, i) => ({
      name: `03-phan-mem-mot-cua/ghi chú ${i}.txt`,
      size: i,
    }));
    const items: CheckItem[] = files.map((f) => ({
      id: `file.${f.name}`,
      ok: false,
      severity: 'warning',
      message: { key: 'evidence.item.fileUnexpected', params: { file: f.name } },
    })) as CheckItem[];
    const model = indexModel({
      title: 'T',
      requestText: 'R',
      items,
      meta: {} as never,
      bagDate: '2026-12-07',
      say,
      files,
    });
    expect(said).toEqual([]);
    const row = model.checklist[1]!;
    expect(row.id).toBe('file.03-phan-mem-mot-cua/ghi chú 1.txt');
    expect(row.message).toBe('evidence.item.fileUnexpected {"file":"03-phan-mem-mot-cua/ghi chú 1.txt"}');
    expect(said).toEqual(['evidence.item.fileUnexpected']);
    expect(model.files[2]).toMatchObject({ path: '03-phan-mem-mot-cua/ghi chú 2.txt', bytes: 2, sha256: hashToken(2) });
    expect(JSON.parse(JSON.stringify(model.files[0]))).toEqual({
      path: '03-phan-mem-mot-cua/ghi chú 0.txt',
      bytes: 0,
      sha256: hashToken(0),
      kind: 'other',
    });
  });
});
