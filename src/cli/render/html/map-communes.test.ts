import { describe, expect, it } from 'vitest';
import { renderMapCommunesHtml } from './map-communes-page.js';
import { sampleMapCommunesResult } from '../../../test-support/sample-models.js';
import type { MapCommunesResult } from './map-communes-model.js';

function embedded(html: string, id: string): unknown {
  const m = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html);
  if (!m) throw new Error(`no ${id}`);
  return JSON.parse(m[1]);
}

describe('renderMapCommunesHtml', () => {
  const model = sampleMapCommunesResult(600, 0.3);

  it('writes a Vietnamese page by default and an English one on request', () => {
    expect(renderMapCommunesHtml(model, { lang: 'vi' })).toMatch(
      /<html lang="vi">[\s\S]*Báo cáo đối chiếu mã phường\/xã/,
    );
    expect(renderMapCommunesHtml(model, { lang: 'en' })).toMatch(/<html lang="en">[\s\S]*Commune code matching report/);
  });

  it('embeds every row that is not exact, and only those, for the review table', () => {
    const rows = embedded(renderMapCommunesHtml(model, { lang: 'vi' }), 'review-data') as { s: string }[];
    const expected = (model.rows ?? []).filter((r) => r.status !== 'exact');
    expect(rows).toHaveLength(expected.length);
    expect(rows.every((r) => r.s !== 'exact')).toBe(true);
  });

  it('opens on the rows to review ("Cần rà soát"), listed first, with the officer\'s existing code beside dvc\'s', () => {
    const result: MapCommunesResult = {
      rows: [
        { status: 'normalised', code: '00001', taxCode: '1010101' },
        { status: 'exact', code: '00004', taxCode: '1010102', existingCode: '1010101', existingVerdict: 'differs' },
        { status: 'exact', code: '00006', taxCode: '1010103', existingCode: '1010103', existingVerdict: 'confirmed' },
        { status: 'ambiguous', code: '00526', existingCode: '1011203', existingVerdict: 'unchecked' },
      ],
      summary: { existing: { confirmed: 1, differs: 1, unchecked: 1 } },
    };
    const html = renderMapCommunesHtml(result, { lang: 'vi' });
    expect(html).toContain('<select id="f-status"><option value="review" selected>Cần rà soát</option>');
    const rows = embedded(html, 'review-data') as { c: string; x: number; ec: string; ev: string }[];
    expect(rows.map((r) => [r.c, r.x])).toEqual([
      ['00004', 1],
      ['00526', 1],
      ['00001', 0],
    ]);
    expect(rows[0]).toMatchObject({ ec: '1010101', ev: 'differs' });
    expect(html).toContain('<li data-count="existing-differs"><span class="v">1</span>mã đang có khác dvc</li>');
    expect(html).toContain('class="badge bad"');
  });

  it('says rows need review when some are ambiguous or not found, even for a run that completed', () => {
    const t = (summary: NonNullable<MapCommunesResult['summary']>) =>
      renderMapCommunesHtml({ ok: true, summary, rows: [] }, { lang: 'en' });
    const needs = t({ rows: 3, exact: 1, normalised: 0, decided: 0, ambiguous: 1, notFound: 1 });
    const clean = t({ rows: 3, exact: 3, normalised: 0, decided: 0, ambiguous: 0, notFound: 0 });
    expect(needs).toContain('badge bad');
    expect(needs).not.toContain('badge ok');
    expect(clean).toContain('badge ok');
  });

  it('shows the summary numbers and one bar row per province', () => {
    const html = renderMapCommunesHtml(model, { lang: 'en' });
    const s = model.summary!;
    expect(html).toContain(`<li data-count="ambiguous"><span class="v">${s.ambiguous}</span>Ambiguous</li>`);
    expect(html).toContain(`<li data-count="notFound"><span class="v">${s.notFound}</span>Not found</li>`);
    expect(html.match(/<tr data-province=/g)).toHaveLength(model.provinces!.length);
  });

  it('escapes names so that a cell cannot inject markup or close the data script', () => {
    const evil: MapCommunesResult = {
      rows: [{ status: 'ambiguous', name: '<img src=x onerror=alert(1)>', provinceName: 'A</script><b>' }],
    };
    const html = renderMapCommunesHtml(evil, { lang: 'vi' });
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('</script><b>');
    expect((embedded(html, 'review-data') as { n: string }[])[0].n).toBe('<img src=x onerror=alert(1)>');
  });

  it('tolerates a result with missing optional fields and computes counts from rows', () => {
    const html = renderMapCommunesHtml(
      { rows: [{ status: 'exact' }, { status: 'not_found', reasons: ['x'] }] },
      { lang: 'en' },
    );
    expect(html).toContain('<li data-count="rows"><span class="v">2</span>');
    expect(html).toContain('<li data-count="notFound"><span class="v">1</span>');
    expect(() => renderMapCommunesHtml({}, { lang: 'vi' })).not.toThrow();
  });

  it('references nothing outside the file', () => {
    const html = renderMapCommunesHtml(model, { lang: 'vi' });
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
    expect(html).toContain("connect-src 'none'");
  });

  it('counts the rows to decide apart from the rows listed, shows scores as percentages and decodes tax names', () => {
    const result: MapCommunesResult = {
      rows: [
        { status: 'normalised', code: '00001', taxCode: '1010101', taxName: 'Ph\u00adêng Tróc B¹ch' },
        { status: 'normalised', code: '00002', taxCode: '1010102' },
        {
          status: 'not_found',
          code: '08974',
          candidates: [{ code: '1011602', name: 'Xã Đại Thịnh Mới', district: 'Huyện Mê Linh', score: 0.734 }],
        },
        {
          status: 'exact',
          code: '00040',
          taxCode: '1010202',
          existingCode: '1010220',
          existingVerdict: 'differs',
          existingInTaxSheet: false,
          existingReason: { code: 'typo', text: 'mã 1010220 không có trong sheet thuế; gần giống mã 1010202' },
        },
      ],
      summary: { existing: { confirmed: 0, differs: 1, unchecked: 0, notInTaxSheet: 1 } },
    };
    const html = renderMapCommunesHtml(result, { lang: 'vi' });
    expect(html).toContain('>Đang hiện 4 trên 4 dòng của bảng; 2 dòng cần quyết định</p>');
    const rows = embedded(html, 'review-data') as { c: string; tn: string; k: string[][]; er: string; ni: number }[];
    expect(rows.find((r) => r.c === '08974')!.k).toEqual([['1011602', 'Xã Đại Thịnh Mới', 'Huyện Mê Linh', '73%']]);
    expect(rows.find((r) => r.c === '00001')!.tn).toBe('Phường Trúc Bạch');
    expect(rows.find((r) => r.c === '00040')).toMatchObject({ ni: 1, er: result.rows![3].existingReason!.text });
    expect(html).toContain(
      '<li data-count="existing-notInTaxSheet"><span class="v">1</span>mã đang có không có trong sheet thuế</li>',
    );
  });
});
