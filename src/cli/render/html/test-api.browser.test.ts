import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { docsScreenshot, reportInBrowser } from '../../../test-support/browser.js';
import { REPO_ROOT } from '../../../test-support/run-cli.js';
import { renderTestApiHtml } from './test-api-page.js';
import { sampleTestApiRun } from '../../../test-support/sample-models.js';
import { formatMs } from './format.js';

describe('test-api report in Chromium', () => {
  const run = sampleTestApiRun();
  const report = reportInBrowser('test-api.html', () => renderTestApiHtml(run, { lang: 'en' }));

  it('shows each probe, its checks, waterfall and the load figures of the model, hides secrets, loads nothing', async () => {
    const { page, requests } = await report.open();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('section.probe').count()).toBe(2);
    const probe = run.probes![0];
    const first = page.locator('#probe-1');
    for (const phase of ['dns', 'connect', 'tls', 'ttfb', 'download'] as const) {
      expect(await first.locator(`tr[data-phase="${phase}"] td.num`).textContent(), phase).toBe(
        formatMs('en', probe.timings![phase]),
      );
    }
    // the TLS bar starts where DNS and connect ended
    const [dnsBox, connectBox, tlsBox] = await Promise.all(
      ['dns', 'connect', 'tls'].map((p) => first.locator(`.w-${p}`).boundingBox()),
    );
    expect(tlsBox!.x).toBeCloseTo(connectBox!.x + connectBox!.width, 0);
    expect(connectBox!.x).toBeCloseTo(dnsBox!.x + dnsBox!.width, 0);

    const failed = page.locator('#probe-2 li.check-bad');
    expect(await failed.count()).toBe(1);
    expect(await failed.textContent()).toContain('error_code = -1');
    expect(await page.locator('li[data-figure="p90"] .v').textContent()).toBe(formatMs('en', run.load!.latency!.p90));
    expect(await page.locator('svg.histogram rect').count()).toBe(24);

    const text = await page.locator('body').innerText();
    expect(text).not.toContain('ZHZjOnNlY3JldA==');
    expect(text).not.toContain('k-9f8e7d6c');
    expect(text).toContain('"SecurityKey": "***"');

    await page.screenshot({ path: path.join(report.dir, 'test-api.png'), fullPage: true });
    const docs = docsScreenshot('test-api.png', REPO_ROOT);
    if (docs) await page.screenshot({ path: docs, fullPage: true });
    expect(requests.filter((u) => !u.startsWith('file://'))).toEqual([]);
  });
});
