import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { encodePage, fillHashes, filledPieces, hashToken, indexModel, pageBytes } from './index-page.js';
import type { CheckItem, Say } from '../../core/evidence/evidence-types.js';
import { renderEvidenceIndexHtml, renderEvidenceIndexPieces } from '../../cli/render/html/evidence-index.js';
import { sampleEvidenceModel } from '../../test-support/sample-models.js';

const digest = (i: number) => createHash('sha256').update(String(i)).digest('hex');

describe('the index page as bytes', () => {
  it('fills each token with its digest in place, as a replacement in the text would, around multi-byte text', () => {
    const text = [
      `<td>Biên lai điện tử ${hashToken(0)}</td>`,
      // Not tokens: a head without its digits, digits too few, a token of a file that has no digest.
      `dvchashtoken<b>Ảnh ${'dvchashtoken12345'.padEnd(64, 'z')}`,
      `${hashToken(7)} Hồ sơ ${hashToken(1)}dvchashtoken${hashToken(2)}`,
    ].join('\n');
    const digests = [digest(0), digest(1), digest(2)];
    const page = Buffer.from(text, 'utf8');
    const filled = fillHashes(page, digests);
    const expected = text.replace(/dvchashtoken(\d{10})z{42}/g, (t, n: string) => digests[Number(n)] ?? t);
    expect(filled.toString('utf8')).toBe(expected);
    expect(filled).toBe(page); // no second copy of the page
    expect(filled.toString('utf8')).toContain(`${digest(1)}dvchashtoken${digest(2)}`);
    expect(filled.toString('utf8')).toContain(hashToken(7));
  });

  it('refuses what is not a SHA-256 digest', () => {
    expect(() => fillHashes(Buffer.from(hashToken(0)), ['abc'])).toThrow(/not a SHA-256 digest/);
  });

  it('encodes pieces to exactly the bytes of the joined page, measured first then written', () => {
    const pieces = ['<p>Nguyễn Văn An 👍</p>', 'x'.repeat(1048576 - 3), 'ỗ', '€'.repeat(400_000), '', 'end'];
    const bytes = encodePage(pieces);
    expect(bytes.equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true);
    expect(bytes.buffer.byteLength).toBe(bytes.length); // one buffer of the page's size, no slack
    expect(encodePage('Đã tạo gói').equals(Buffer.from('Đã tạo gói', 'utf8'))).toBe(true);
    // Pieces that cannot be drawn twice alike are refused rather than written half-filled.
    let n = 0;
    const drifting = { [Symbol.iterator]: () => [`lần ${n++}`, 'x'.repeat(n)].values() };
    expect(() => encodePage(drifting)).toThrow(/indexPage.unstablePieces/);
  });

  it('the renderer draws one piece per row, anew each time, and the pieces are the page', () => {
    const model = sampleEvidenceModel();
    const pieces = renderEvidenceIndexPieces(model, { lang: 'vi' });
    const first = [...pieces];
    expect(first[0]).toMatch(/^<!DOCTYPE html>/);
    expect(first).toHaveLength(model.checklist!.length + model.files!.length + 5);
    expect([...pieces]).toEqual(first);
    expect(first.join('')).toBe(renderEvidenceIndexHtml(model, { lang: 'vi' }));
    expect(encodePage(renderEvidenceIndexPieces(model, { lang: 'en' })).toString('utf8')).toBe(
      renderEvidenceIndexHtml(model, { lang: 'en' }),
    );
  });

  it('gives the filled page a piece at a time, the bytes of the filled whole, and refuses a page of another size', () => {
    const pieces = ['<h1>Hồ sơ</h1>', `<tr><td>ghi chú ${hashToken(0)}</td></tr>`, `<tr><td>${hashToken(1)}</td></tr>`];
    const digests = [digest(0), digest(1)];
    const size = pageBytes(pieces);
    const out = [...filledPieces(pieces, digests, size)];
    expect(out).toHaveLength(pieces.length);
    expect(Buffer.concat(out).equals(fillHashes(encodePage(pieces), digests))).toBe(true);
    expect(() => [...filledPieces(pieces, digests, size - 1)]).toThrow(/indexPage.unstablePieces/);
    expect(() => [...filledPieces(pieces, digests, size + 1)]).toThrow(/indexPage.unstablePieces/);
    expect(() => [...filledPieces(pieces, ['abc', digest(1)], size)]).toThrow(/not a SHA-256 digest/);
  });

  it("says a checklist row's words when the row is drawn, not when the page is planned", () => {
    const said: string[] = [];
    const say: Say = (key, params) => {
      said.push(key);
      return `${key} ${JSON.stringify(params ?? {})}`;
    };
    const files = Array.from({ length: 3 }, (_, i) => ({
      bagPath: `data/03-phan-mem-mot-cua/ghi chú ${i}.txt`,
      size: i,
    }));
    const items: CheckItem[] = files.map((f) => ({
      id: `file.${f.bagPath.slice(5)}`,
      ok: false,
      severity: 'warning',
      message: { key: 'evidence.item.fileUnexpected', params: { file: f.bagPath.slice(5) } },
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
