import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { filledPieces, hashToken, indexModel, pageBytes } from './index-page.js';
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

  it('gives the filled page a piece at a time, the bytes of the filled whole, and refuses a page of another size', () => {
    const pieces = ['<h1>Hồ sơ</h1>', `<tr><td>ghi chú ${hashToken(0)}</td></tr>`, `<tr><td>${hashToken(1)}</td></tr>`];
    const digests = [digest(0), digest(1)];
    const size = pageBytes(pieces);
    const out = [...filledPieces(pieces, digests, size)];
    expect(out).toHaveLength(pieces.length);
    expect(Buffer.concat(out).toString('utf8')).toBe(
      pieces.join('').replace(hashToken(0), digest(0)).replace(hashToken(1), digest(1)),
    );
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
