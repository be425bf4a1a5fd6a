import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsScreenshot, startBrowser, type BrowserSession } from '../../../test-support/browser.js';
import { REPO_ROOT } from '../../../test-support/run-cli.js';
import { renderEvidenceIndexHtml, type EvidenceIndexModel } from './evidence-index.js';
import { sampleEvidenceModel } from '../../../test-support/sample-models.js';

describe('evidence index page in Chromium', () => {
  let browser: BrowserSession;
  let bag: string;
  let model: EvidenceIndexModel;

  beforeAll(async () => {
    browser = await startBrowser({ width: 1100, height: 900 });
    bag = await mkdtemp(path.join(os.tmpdir(), 'dvc-html-bag-'));
    const data = path.join(bag, 'data');
    // Real files at the model's paths: the images are screenshots of small phone-like screens.
    const sample = sampleEvidenceModel();
    const { page } = await browser.open('about:blank');
    const files = [];
    for (const f of sample.files!) {
      let bytes: Buffer;
      if (f.kind === 'image') {
        await page.setContent(
          `<div style="width:360px;height:640px;background:#e8f0fe;font:20px sans-serif;padding:24px">${f.path.includes('tin-nhan') ? 'TCT: Thông báo nộp tiền sử dụng đất 1.250.000 đ' : 'Thanh toán thành công'}</div>`,
        );
        bytes = await page.locator('div').screenshot();
      } else bytes = Buffer.from(`${f.path}\n`);
      const abs = path.join(data, ...f.path.split('/'));
      await mkdir(path.dirname(abs), { recursive: true });
      await writeFile(abs, bytes);
      files.push({ ...f, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    }
    await page.close();
    model = { ...sample, files };
    await writeFile(path.join(data, 'index.html'), renderEvidenceIndexHtml(model, { lang: 'vi' }));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(bag, { recursive: true, force: true });
  });

  it('shows thumbnails of the files inside the bag, links every file and shows the manifest hashes', async () => {
    const { page, requests } = await browser.open(pathToFileURL(path.join(bag, 'data', 'index.html')).href);
    await page.waitForLoadState('load');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    const widths = await page
      .locator('ul.gallery img')
      .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth));
    expect(widths).toHaveLength(2);
    expect(widths.every((w) => w > 0)).toBe(true);
    for (const f of model.files!) {
      const row = page.locator(`table.files tr[data-file="${f.path}"]`);
      expect(await row.locator('td.hash').textContent()).toBe(f.sha256);
      const href = await row.locator('a').evaluate((a) => (a as HTMLAnchorElement).href);
      expect(decodeURIComponent(href)).toBe(
        pathToFileURL(path.join(bag, 'data', ...f.path.split('/'))).href.replace(/%20/g, ' '),
      );
    }
    expect(await page.locator('tr[data-item="video"]').getAttribute('data-state')).toBe('warn');
    expect(await page.locator('pre.request').textContent()).toBe(model.request!.text);

    await page.screenshot({ path: path.join(bag, 'index.png'), fullPage: true });
    const docs = docsScreenshot('evidence-index.png', REPO_ROOT);
    if (docs) await page.screenshot({ path: docs, fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
