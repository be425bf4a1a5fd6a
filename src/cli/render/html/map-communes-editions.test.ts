import { describe, expect, it } from 'vitest';
import { renderMapCommunesHtml } from './map-communes-page.js';

describe('map-communes HTML report: editions', () => {
  it('lists the edition of each sheet and marks a mismatch', () => {
    const html = renderMapCommunesHtml(
      {
        rows: [],
        editions: [
          {
            province: 'Tỉnh Thái Nguyên',
            std: { kind: 'gso-2004', dates: ['2025-03-01'] },
            tax: { kind: 'gso-2025' },
            mismatch: true,
            text: 'Tỉnh Thái Nguyên: sheet chuẩn danh mục mã 2004; sheet thuế danh mục 2025 (34 tỉnh)',
          },
          {
            province: 'Tỉnh Cao Bằng',
            std: { kind: 'gso-2025' },
            tax: { kind: 'gso-2025' },
            mismatch: false,
            text: 'Tỉnh Cao Bằng: sheet chuẩn danh mục 2025 (34 tỉnh); sheet thuế danh mục 2025 (34 tỉnh)',
          },
        ],
      },
      { lang: 'vi' },
    );
    expect(html).toContain('<h2 id="editions">Kỳ danh mục</h2>');
    expect(html).toContain('<li class="bad">Tỉnh Thái Nguyên: sheet chuẩn danh mục mã 2004');
    expect(html).toContain('<li>Tỉnh Cao Bằng');
    expect(renderMapCommunesHtml({ rows: [] }, { lang: 'vi' })).not.toContain('id="editions"');
  });
});
