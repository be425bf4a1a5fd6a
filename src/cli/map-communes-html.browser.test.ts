import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownInt, startBrowser, type BrowserSession } from '../test-support/browser.js';
import { runCli } from '../test-support/run-cli.js';

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
});
