import { describe, expect, it } from 'vitest';
import { renderTestApiHtml } from './test-api-page.js';
import { sampleTestApiRun } from '../../../test-support/sample-models.js';
import { histogramBins, toView } from './test-api-model.js';

describe('renderTestApiHtml', () => {
  const run = sampleTestApiRun();

  it('renders one section per probe with its verdict and each check marked', () => {
    const html = renderTestApiHtml(run, { lang: 'en' });
    expect(html).toContain('<html lang="en">');
    expect(html.match(/<section class="probe"/g)).toHaveLength(2);
    expect(html).toContain('data-summary="1/2"');
    expect(html).toMatch(/<li class="check-bad" data-check="code" data-ok="0">/);
    expect(html.match(/class="check-ok" data-check=/g)).toHaveLength(5);
  });

  it('never shows a credential, whether in headers, JSON bodies or body text', () => {
    const html = renderTestApiHtml(run, { lang: 'vi' });
    expect(html).not.toContain('ZHZjOnNlY3JldA==');
    expect(html).not.toContain('k-9f8e7d6c');
    expect(html).toContain('&quot;SecurityKey&quot;: &quot;***&quot;');
  });

  it('draws the waterfall bars from cumulative offsets', () => {
    const html = renderTestApiHtml(run.probes![0], { lang: 'en' });
    // dns 4.2 + connect 11.8 = 16 ms before TLS starts, on a total of 102.9 ms
    expect(html).toContain(`<span class="w-tls" style="left:${((16 / 102.9) * 100).toFixed(2)}%`);
    expect(html).toContain('<span class="w-dns" style="left:0.00%');
  });

  it('shows a load run: percentiles, errors by kind and an SVG histogram', () => {
    const html = renderTestApiHtml(run, { lang: 'en' });
    expect(html).toContain(
      `<li data-figure="p99"><span class="v">${run.load!.latency!.p99!.toFixed(0)} ms</span>p99</li>`,
    );
    expect(html).toMatch(/<svg class="histogram" role="img" aria-label="Latency histogram of 500 requests/);
    expect(html).toContain('<th scope="row" class="mono">timeout</th><td class="num">4</td>');
  });

  it('accepts a single probe, an array, and the repeat form of a load run', () => {
    expect(toView(run.probes![0]).probes).toHaveLength(1);
    expect(toView(run.probes!).probes).toHaveLength(2);
    const withRepeat = {
      ...run.probes![0],
      repeat: {
        count: 3,
        concurrency: 1,
        latency: { min: 1, max: 3, p50: 2, p90: 3, p99: 3 },
        throughput: 10,
        errors: {},
        histogram: [1, 1, 1],
      },
    };
    const html = renderTestApiHtml([withRepeat], { lang: 'vi' });
    expect(html).toContain('<svg class="histogram"');
    expect(html).toContain('Không có lỗi nào trong lượt chạy.');
  });

  it('bins latencies so that every measurement is counted once', () => {
    const bins = histogramBins({ latencies: [1, 2, 2, 3, 10] }, 4)!;
    expect(bins.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(bins.counts[3]).toBe(1);
  });

  it('renders catalogue messages in the chosen language and tolerates a fault without response', () => {
    const html = renderTestApiHtml(
      {
        ok: false,
        url: 'https://x.invalid/',
        fault: { kind: 'dns', code: 'ENOTFOUND', message: { key: 'html.api.noErrors', params: {} } },
      },
      { lang: 'en' },
    );
    expect(html).toContain('data-fault="dns">No error in the run.</p>');
  });
});

describe('times in the test-api pages', () => {
  it('are Hà Nội time with its offset, not UTC', () => {
    const run = sampleTestApiRun();
    const probes = (run.probes ?? []).map((p) => ({ ...p, startedAt: '2026-12-06T20:15:30.000Z' }));
    const html = renderTestApiHtml({ ...run, probes }, { lang: 'vi' });
    expect(html).toContain('2026-12-07 03:15:30 +07:00');
    expect(html).not.toContain('2026-12-06T20:15:30');
  });
});
