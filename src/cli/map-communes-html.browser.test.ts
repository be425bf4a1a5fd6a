import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsScreenshot, shownInt, startBrowser, type BrowserSession } from '../test-support/browser.js';
import { REPO_ROOT, runCli } from '../test-support/run-cli.js';

describe('dvc map-communes --html, as a person sees it', () => {
  let browser: BrowserSession;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the numbers of the JSON of the same run, filters by status, and loads nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-mc-html-'));
    const html = path.join(dir, 'bao-cao.html');
    const r = await runCli([
      'map-communes',
      'fixtures/mau-63-tinh.xlsx',
      '--out',
      path.join(dir, 'out.xlsx'),
      '--html',
      html,
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const { page, requests } = await browser.open(pathToFileURL(html).href);
    await page.waitForSelector('html[data-ready]');
    for (const key of ['rows', 'exact', 'normalised', 'decided', 'ambiguous', 'notFound'] as const) {
      expect(shownInt(await page.locator(`ul.cards li[data-count="${key}"] .v`).textContent()), key).toBe(
        json.summary[key],
      );
    }
    for (const p of json.provinces as { provinceName: string; rows: number; ambiguous: number }[]) {
      const row = page.locator(`table.provinces tr[data-province="${p.provinceName}"]`);
      expect(shownInt(await row.locator('[data-count="rows"]').textContent()), p.provinceName).toBe(p.rows);
    }
    await page.selectOption('#f-status', 'not_found');
    const notFound = (json.rows as { status: string; name: string }[]).filter((x) => x.status === 'not_found');
    await expect.poll(() => page.locator('#review-body tr').count()).toBe(notFound.length);
    const shown = await page.locator('#review-body').textContent();
    for (const x of notFound) expect(shown).toContain(x.name);
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });

  it('audit of a 2021 workbook: counts what it says, scores as percentages, the table within the page', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'dvc-mc-html-audit-'));
    const html = path.join(dir, 'kiem-tra.html');
    const r = await runCli(['map-communes', 'fixtures/mau-63-tinh-vlookup.xlsx', '--audit', '--html', html, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    // 34 codes that differ and 2 communes not found: the rows that need a decision.
    const decide = json.summary.existing.differs + json.summary.ambiguous + json.summary.notFound;
    expect(decide).toBe(36);
    const { page } = await browser.open(pathToFileURL(html).href);
    await page.waitForSelector('html[data-ready]');
    const listed = await page.evaluate(
      () => (JSON.parse(document.getElementById('review-data')!.textContent!) as unknown[]).length,
    );
    expect(await page.locator('#review-count').textContent()).toBe(
      `Đang hiện 36 trên ${listed} dòng của bảng; 36 dòng cần quyết định`,
    );
    expect(await page.locator('#review-body tr').count()).toBe(36);
    // 08974 Xã Đại Thịnh's one candidate, as the workbook shows it: "(73%)", not "0.73".
    const daiThinh = page.locator('#review-body tr', { hasText: 'Xã Đại Thịnh' });
    expect(await daiThinh.textContent()).toContain('1011602 – Xã Đại Thịnh Mới (Huyện Mê Linh) (73%)');
    expect(await daiThinh.textContent()).not.toMatch(/0\.\d\d/);
    // The officer's code that is in no row of the tax sheet is called out, the names are Unicode.
    const dongXuan = page.locator('#review-body tr', { hasText: '00040' });
    expect(await dongXuan.textContent()).toContain('mã 1010220 không có trong sheet thuế; gần giống mã 1010202');
    expect(shownInt(await page.locator('ul.cards li[data-count="existing-notInTaxSheet"] .v').textContent())).toBe(2);
    const body = await page.locator('#review-body').textContent();
    expect(body).not.toContain('¹');
    // The review table keeps to the page's width at 1280 px (it spilled past it by 50 px before).
    const widths = await page.evaluate(() => ({
      table: document.querySelector('table.review')!.getBoundingClientRect().right,
      main: document.querySelector('main')!.getBoundingClientRect().right,
      page: document.documentElement.scrollWidth,
      window: window.innerWidth,
    }));
    expect(widths.table).toBeLessThanOrEqual(widths.main);
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    const shot = docsScreenshot('map-communes-audit.png', REPO_ROOT);
    if (shot) {
      // The first rows of the table, to the page's edge: enough to see that it fits.
      const box = (await page.locator('table.review').boundingBox())!;
      await page.screenshot({ path: shot, fullPage: true, clip: { x: 0, y: box.y - 8, width: 1280, height: 640 } });
    }
  });
});
