import type { Lang } from '../../../i18n/i18n.js';
import { t } from '../../../i18n/i18n.js';
import { esc } from './escape.js';
import { BASE_CSS } from './styles.js';

/**
 * The shell of every HTML report: one self-contained document (inline CSS and script, no external resource),
 * in the report's language, with a content-security policy that forbids any network access from the page.
 */
export interface PageParts {
  lang: Lang;
  title: string;
  /** Already-escaped HTML of the page's main content. */
  body: string;
  /** Extra CSS of this kind of report. */
  css?: string;
  /** Inline script of this kind of report (plain JavaScript, no imports). */
  script?: string;
  /** Images of this page come from files next to it (the evidence index); otherwise only data: images. */
  localImages?: boolean;
}

export function renderPage(p: PageParts): string {
  const img = p.localImages ? "img-src 'self' data: file:" : 'img-src data:';
  const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; ${img}; connect-src 'none'; font-src 'none'; form-action 'none'; base-uri 'none'`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${p.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="generator" content="dvc">`,
    `<title>${esc(p.title)}</title>`,
    `<style>${BASE_CSS}${p.css ?? ''}</style>`,
    '</head>',
    '<body>',
    `<main id="main">`,
    p.body,
    `<p class="muted"><small>${esc(t(p.lang, 'html.footer'))}</small></p>`,
    '</main>',
    p.script ? `<script>${p.script}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
