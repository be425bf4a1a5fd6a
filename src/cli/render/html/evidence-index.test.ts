import { describe, expect, it } from 'vitest';
import { renderEvidenceIndexHtml } from './evidence-index.js';
import { sampleEvidenceModel } from '../../../test-support/sample-models.js';

describe('renderEvidenceIndexHtml', () => {
  const model = sampleEvidenceModel();

  it('links every file relatively and shows its hash', () => {
    const html = renderEvidenceIndexHtml(model, { lang: 'vi' });
    for (const f of model.files!) expect(html).toContain(f.sha256!);
    expect(html).toContain('<a href="bien-lai/bien%20lai%20H55-230731-0101.pdf">');
    expect(html).not.toMatch(/(src|href)="(\/|[a-z]+:)/i);
  });

  it('shows thumbnails for images only, pointing at the files in the bag', () => {
    const html = renderEvidenceIndexHtml(model, { lang: 'vi' });
    expect(html.match(/<img /g)).toHaveLength(2);
    expect(html).toContain('<img src="anh/01-tin-nhan-thong-bao-thue.png"');
  });

  it('marks each checklist item and the verdict; a warning does not make the bag incomplete', () => {
    const html = renderEvidenceIndexHtml(model, { lang: 'en' });
    expect(html).toContain('<tr data-item="video" data-state="warn">');
    expect(html).toContain('Every required item present');
    const broken = renderEvidenceIndexHtml(
      { ...model, checklist: [{ id: 'sms', label: 'SMS', ok: false, severity: 'error', message: 'no image' }] },
      { lang: 'en' },
    );
    expect(broken).toContain('1 required items missing or wrong');
  });

  it('keeps the request text as text and does not link paths that leave the folder', () => {
    const html = renderEvidenceIndexHtml(
      {
        request: { title: 'T', text: '<script>x</script>\nline 2' },
        files: [
          { path: '../../etc/passwd', kind: 'image' },
          { path: 'C:\\x.png', kind: 'other' },
        ],
      },
      { lang: 'vi' },
    );
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;\nline 2');
    expect(html).not.toContain('href="../');
    expect(html).not.toContain('<img');
  });

  it('turns Windows separators into URL slashes', () => {
    const html = renderEvidenceIndexHtml({ files: [{ path: 'anh\\Ảnh 1.png', kind: 'image' }] }, { lang: 'vi' });
    expect(html).toContain(`src="anh/${encodeURIComponent('Ảnh 1.png')}"`);
  });
});
