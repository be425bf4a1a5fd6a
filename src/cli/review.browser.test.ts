import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserSession } from '../test-support/browser.js';
import { sampleRound1, startReview, type ReviewProcess } from '../test-support/review-process.js';

const STORE = 'mau-63-tinh.doi-chieu.quyet-dinh.csv';

/** The decisions in a store file, `std → tax`, in the order of the file. */
async function stored(file: string): Promise<string[]> {
  const lines = (await readFile(file, 'utf8')).trim().split('\r\n').slice(1);
  return lines.map((l) => l.split(',').slice(0, 2).join(' → '));
}

const counts = (page: Page) => page.locator('#counts').textContent();

/** "Hoàn tất vòng này": the next round is written (`written`, in the status line), with the counts of `summary`. */
async function finishRound(page: Page, written: RegExp, summary: string): Promise<void> {
  await page.click('#finish');
  await expect.poll(() => page.locator('#status').textContent(), { timeout: 30_000 }).toMatch(written);
  expect(await page.locator('#status').textContent()).toContain(summary);
}

describe('dvc review in Chromium, as an officer uses it', { timeout: 120_000 }, () => {
  let browser: BrowserSession;
  let review: ReviewProcess | undefined;
  beforeAll(async () => {
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await review?.stop();
    review = undefined;
  });

  async function open(url: string) {
    const tab = await browser.open(url);
    await tab.page.waitForSelector('html[data-ready]');
    return tab;
  }

  it('every round of the sample with clicks only, no code typed; nothing leaves the machine', async () => {
    const { dir, workbook } = await sampleRound1();
    review = await startReview(['review', workbook]);
    const { page, requests } = await open(review.url);
    expect(await counts(page)).toBe('2 dòng cần quyết định, 0 dòng đã quyết định');
    // The candidate as the workbook shows it: code, name, district, why, score.
    const pick = page.locator('#r-08974 .choices button[data-tax="1011602"]');
    expect(await pick.locator('.label').textContent()).toBe(
      '1011602 — Xã Đại Thịnh Mới (Huyện Mê Linh) · tên viết gần giống · 73%',
    );
    await pick.click();
    await page.waitForSelector('#r-08974.done');
    expect(await counts(page)).toBe('1 dòng cần quyết định, 1 dòng đã quyết định');
    expect(await stored(path.join(dir, STORE))).toEqual(['08974 → 1011602']);
    // "Hoàn tất vòng này": the next round is written and reviewed; the row still to decide stays.
    await finishRound(
      page,
      /^Đã ghi mau-63-tinh\.doi-chieu-2\.xlsx: /,
      '1 theo quyết định, 0 nhiều ứng viên, 1 không tìm thấy',
    );
    expect(await page.locator('h1').textContent()).toBe('Rà soát xã/phường — mau-63-tinh.doi-chieu-2.xlsx');
    expect(await counts(page)).toBe('1 dòng cần quyết định, 1 dòng đã quyết định');
    await page.click('#r-05527 button[data-tax="-"]');
    await page.waitForSelector('#r-05527.done');
    expect(await page.locator('#r-05527 .decision').textContent()).toBe('Đã quyết định: không có mã');
    await finishRound(
      page,
      /^Đã ghi mau-63-tinh\.doi-chieu-3\.xlsx: /,
      '2 theo quyết định, 0 nhiều ứng viên, 0 không tìm thấy',
    );
    expect(await counts(page)).toBe('0 dòng cần quyết định, 2 dòng đã quyết định');
    expect(await page.locator('#all-done').isVisible()).toBe(true);
    for (const f of [
      'mau-63-tinh.doi-chieu-2.xlsx',
      'mau-63-tinh.doi-chieu-3.xlsx',
      'mau-63-tinh.doi-chieu-2.quyet-dinh.csv',
    ])
      expect(existsSync(path.join(dir, f)), f).toBe(true);
    expect(requests.filter((u) => !u.startsWith(review!.origin + '/'))).toEqual([]);
  });

  it('the whole review by keyboard only: 1 picks, - says none, u undoes, j/k move, / searches', async () => {
    const { dir, workbook } = await sampleRound1();
    review = await startReview(['review', workbook]);
    const { page } = await open(review.url);
    const active = () => page.locator('section.row.active').getAttribute('data-code');
    expect(await active()).toBe('08974');
    // Focus order: the three actions of the page, then the first row's candidates in their order.
    const order: string[] = [];
    for (let k = 0; k < 5; k++) {
      await page.keyboard.press('Tab');
      order.push(
        await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-tax') || ''),
      );
    }
    const second = await page.locator('#r-08974 .choices button').nth(1).getAttribute('data-tax');
    expect(order).toEqual(['undo', 'finish', 'close', '1011602', second]);
    await page.keyboard.press('1');
    await page.waitForSelector('#r-08974.done');
    // On to the next row to decide.
    expect(await active()).toBe('05527');
    await page.keyboard.press('-');
    await page.waitForSelector('#r-05527.done');
    expect(await stored(path.join(dir, STORE))).toEqual(['08974 → 1011602', '05527 → -']);
    await page.keyboard.press('u');
    await page.waitForSelector('#r-05527:not(.done)');
    expect(await stored(path.join(dir, STORE))).toEqual(['08974 → 1011602']);
    await page.keyboard.press('k');
    expect(await active()).toBe('08974');
    await page.keyboard.press('j');
    expect(await active()).toBe('05527');
    // "/" goes to the search box of the row; Tab reaches the hits, Escape goes back to the row.
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('r-05527-s');
    await page.keyboard.type('tan');
    await page.waitForSelector('#r-05527-s-hits button');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('r-05527');
    await page.keyboard.press('-');
    await page.waitForSelector('#r-05527.done');
    expect(await counts(page)).toBe('0 dòng cần quyết định, 2 dòng đã quyết định');
  });

  it('a search without diacritics finds the answer among the unused tax rows, listed first', async () => {
    const { dir, workbook } = await sampleRound1();
    review = await startReview(['review', workbook]);
    const { page } = await open(review.url);
    await page.fill('#r-08974-s', 'dai thinh moi');
    const first = page.locator('#r-08974-s-hits li').first();
    await expect
      .poll(() => first.locator('.label').textContent())
      .toBe('1011602 — Xã Đại Thịnh Mới (Huyện Mê Linh) · chưa dùng');
    await page.fill('#r-08974-s', 'thinh');
    await expect.poll(() => page.locator('#r-08974-s-hits li').count()).toBeGreaterThan(1);
    const hits = await page.locator('#r-08974-s-hits li').allTextContents();
    // Unused rows before the rows the engine already gave to a commune.
    const firstUsed = hits.findIndex((h) => h.includes('đang dùng cho'));
    expect(hits.slice(0, firstUsed).every((h) => h.endsWith('chưa dùng'))).toBe(true);
    expect(hits.slice(firstUsed).every((h) => h.includes('đang dùng cho'))).toBe(true);
    await page.click('#r-08974-s-hits button[data-tax="1011602"]');
    await page.waitForSelector('#r-08974.done');
    expect(await stored(path.join(dir, STORE))).toEqual(['08974 → 1011602']);
  });

  it('reload half-way resumes from the decisions file; two tabs write one file', async () => {
    const { dir, workbook } = await sampleRound1();
    review = await startReview(['review', workbook]);
    const a = await open(review.url);
    const b = await open(review.url);
    await a.page.click('#r-08974 button[data-tax="1011602"]');
    await a.page.waitForSelector('#r-08974.done');
    await b.page.click('#r-05527 button[data-tax="-"]');
    await b.page.waitForSelector('#r-05527.done');
    expect(await stored(path.join(dir, STORE))).toEqual(['08974 → 1011602', '05527 → -']);
    // Tab A reloads (the cookie is enough now) and shows both decisions: the decided rows after the rest.
    await a.page.reload();
    await a.page.waitForSelector('html[data-ready]');
    expect(await counts(a.page)).toBe('0 dòng cần quyết định, 2 dòng đã quyết định');
    expect(await a.page.locator('#r-08974 .decision').textContent()).toBe('Đã quyết định: 1011602 Xã Đại Thịnh Mới');
    // The review ended and started again (a crash, Ctrl+C): it resumes where it stopped.
    await review.stop();
    review = await startReview(['review', workbook]);
    const c = await open(review.url);
    expect(await counts(c.page)).toBe('0 dòng cần quyết định, 2 dòng đã quyết định');
  });

  it('a refused decision shows the reason on the page and saves nothing', async () => {
    const { dir, workbook } = await sampleRound1('mau-63-tinh-vlookup.xlsx');
    review = await startReview(['review', workbook, '--lang', 'en']);
    const { page } = await open(review.url);
    expect(await counts(page)).toBe('36 to decide, 0 decided');
    const keep = page.locator('#r-00040 button[data-tax="1010220"]');
    expect(await keep.locator('.label').textContent()).toBe('Keep the existing code 1010220');
    await keep.click();
    const refused = page.locator('#r-00040 .refused');
    await expect.poll(() => refused.textContent()).toMatch(/^Decision refused: tax code 1010220 \(for 00040 /);
    expect(await refused.getAttribute('role')).toBe('alert');
    expect(existsSync(path.join(dir, 'mau-63-tinh-vlookup.doi-chieu.quyet-dinh.csv'))).toBe(false);
    await page.click('#r-00040 button[data-tax="1010202"]');
    await page.waitForSelector('#r-00040.done');
    expect(await stored(path.join(dir, 'mau-63-tinh-vlookup.doi-chieu.quyet-dinh.csv'))).toEqual(['00040 → 1010202']);
  });

  it('has no serious or critical accessibility finding (axe-core), in both languages', async () => {
    const axe = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    const { workbook } = await sampleRound1('mau-63-tinh-vlookup.xlsx');
    for (const lang of ['vi', 'en']) {
      review = await startReview(['review', workbook, '--lang', lang]);
      const { page } = await open(review.url);
      await page.fill('#r-00040-s', 'dong');
      await page.waitForSelector('#r-00040-s-hits button');
      await page.evaluate(axe);
      const result = await page.evaluate(async () => {
        type Rule = { id: string; impact: string | null; nodes: unknown[] };
        const w = window as unknown as {
          axe: { run: (d: Document) => Promise<{ violations: Rule[]; passes: Rule[] }> };
        };
        const r = await w.axe.run(document);
        return {
          violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length })),
          passes: r.passes.map((p) => p.id),
        };
      });
      expect(
        result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
        lang,
      ).toEqual([]);
      // The rules the issue names were checked on this page, and held: labels, contrast, names of buttons.
      expect(result.passes).toEqual(
        expect.arrayContaining(['label', 'color-contrast', 'button-name', 'html-has-lang']),
      );
      expect(await page.getAttribute('html', 'lang')).toBe(lang);
      await review.stop();
      review = undefined;
    }
  });
});
