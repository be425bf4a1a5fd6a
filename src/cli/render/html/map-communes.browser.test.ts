import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsScreenshot, shownInt, reportInBrowser } from '../../../test-support/browser.js';
import { REPO_ROOT } from '../../../test-support/run-cli.js';
import { renderMapCommunesHtml } from './map-communes-page.js';
import { sampleMapCommunesResult } from '../../../test-support/sample-models.js';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();

describe('map-communes report in Chromium (country-wide, 10,600 rows)', () => {
  const model = sampleMapCommunesResult(10_600);
  const review = model.rows!.filter((r) => r.status !== 'exact');
  const report = reportInBrowser('map-communes.html', () => renderMapCommunesHtml(model, { lang: 'vi' }));

  it('shows the numbers of the model, filters by status, searches without diacritics, and loads nothing', async () => {
    const started = performance.now();
    const { page, requests } = await report.open();
    await page.waitForSelector('html[data-ready]');
    const wallMs = performance.now() - started;
    const pageMs = await page.evaluate(() => performance.now());
    console.info(
      `[measure] country-wide map-communes page: ${model.rows!.length} rows, ${review.length} to review; ready ${pageMs.toFixed(0)} ms after navigation start (${wallMs.toFixed(0)} ms wall, incl. tab)`,
    );

    const s = model.summary!;
    for (const [key, value] of Object.entries({
      rows: s.rows,
      exact: s.exact,
      normalised: s.normalised,
      decided: s.decided,
      ambiguous: s.ambiguous,
      notFound: s.notFound,
    })) {
      expect(shownInt(await page.locator(`ul.cards li[data-count="${key}"] .v`).textContent()), key).toBe(value);
    }
    const provinceRows = page.locator('table.provinces tbody tr');
    expect(await provinceRows.count()).toBe(model.provinces!.length);
    for (const p of [model.provinces![0], model.provinces![33]]) {
      const row = page.locator(`table.provinces tr[data-province="${p.provinceName}"]`);
      expect(shownInt(await row.locator('[data-count="ambiguous"]').textContent())).toBe(p.ambiguous);
      expect(shownInt(await row.locator('[data-count="rows"]').textContent())).toBe(p.rows);
    }

    expect(await page.locator('#review-body tr').count()).toBe(Math.min(200, review.length));
    await expect
      .poll(() => page.locator('#review-count').textContent())
      .toContain(`trên ${review.length.toLocaleString('vi-VN')}`);

    await page.selectOption('#f-status', 'ambiguous');
    const ambiguous = review.filter((r) => r.status === 'ambiguous');
    expect(await page.locator('#review-count').textContent()).toContain(
      `Đang hiện ${ambiguous.length.toLocaleString('vi-VN')} trên`,
    );
    expect(
      new Set(
        await page.locator('#review-body tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-status'))),
      ),
    ).toEqual(new Set(['ambiguous']));

    await page.fill('#f-search', 'hoa binh');
    // Every word of the query, folded, must occur in the row (its names, province, district, codes, candidates).
    const haystack = (r: (typeof review)[number]) =>
      fold(
        [
          r.name,
          r.provinceName,
          r.districtName,
          r.taxName,
          r.code,
          r.taxCode,
          ...(r.candidates ?? []).flatMap((c) => [c.code, c.name, c.district]),
        ].join(' | '),
      );
    const expected = ambiguous.filter((r) => haystack(r).includes('hoa') && haystack(r).includes('binh'));
    expect(expected.length).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#review-body tr').count()).toBe(Math.min(200, expected.length));
    const rowsText = await page.locator('#review-body tr').allTextContents();
    expect(rowsText.every((text) => fold(text).includes('hoa') && fold(text).includes('binh'))).toBe(true);
    expect((await page.locator('#review-body th.name').allTextContents()).some((n) => n.includes('Hòa Bình'))).toBe(
      true,
    );

    const shot = path.join(report.dir, 'map-communes.png');
    await page.screenshot({ path: shot });
    const docs = docsScreenshot('map-communes.png', REPO_ROOT);
    if (docs) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: docs });
      await page.evaluate(() => document.getElementById('review-heading')!.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: docs.replace('.png', '-review.png') });
    }
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });

  it('pages through the review rows', async () => {
    const { page } = await report.open();
    await page.waitForSelector('html[data-ready]');
    const first = await page.locator('#review-body tr').first().locator('td').first().textContent();
    await page.click('#page-next');
    expect(await page.locator('#page-info').textContent()).toMatch(/^Trang 2\//);
    expect(await page.locator('#review-body tr').first().locator('td').first().textContent()).not.toBe(first);
    expect(await page.locator('#page-prev').isDisabled()).toBe(false);
  });

  it('labels every control and hides them in print', async () => {
    const { page } = await report.open();
    await page.waitForSelector('html[data-ready]');
    expect(
      await page
        .locator('input, select')
        .evaluateAll((els) => els.every((e) => (e as HTMLInputElement).labels!.length > 0)),
    ).toBe(true);
    expect(await page.locator('#review-count').getAttribute('aria-live')).toBe('polite');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.controls').isVisible()).toBe(false);
    expect(await page.locator('.print-only').isVisible()).toBe(true);
  });
});
