/**
 * The `index.html` page of an evidence bag, written into the bag's `data/` folder by `dvc evidence pack`.
 *
 *   renderEvidenceIndexHtml(model: EvidenceIndexModel, opts: { lang: Lang; title?: string }): string
 *
 * Shows the request text, the checklist with each item's status (✓ / ! / ✗), thumbnails of the images and a link
 * to every file with its size and SHA-256 (the manifest's hashes). Links and `<img src>` are relative to `data/`,
 * so the page works wherever the bag is unpacked and copies no file's data. A path that is absolute or climbs out
 * of the folder (`..`) is listed without a link.
 */
import type { Lang } from '../../../i18n/i18n.js';
import { t } from '../../../i18n/i18n.js';
import type { MessageParams } from '../../../errors.js';
import { esc, relativeHref } from './escape.js';
import { formatBytes, formatInt } from './format.js';
import { renderPage } from './page.js';

export type EvidenceFileKind = 'image' | 'pdf' | 'video' | 'xml' | 'json' | 'other';

export interface EvidenceIndexModel {
  /**
   * The request text: a string, or its pieces in order (drawn anew each time, like the page's: a request listing ten
   * thousand attachments is then never one string).
   */
  request?: { title?: string; text?: string | Iterable<string> };
  checklist?: { id?: string; label?: string; ok?: boolean; severity?: string; message?: string }[];
  /** Paths relative to the bag's `data/` folder, `/` or `\` separated. */
  files?: { path: string; bytes?: number; sha256?: string; kind?: EvidenceFileKind | string }[];
  meta?: { unitName?: string; dstcode?: string; bagDate?: string };
  /** The procedure's progress: the national state (4013/VPCP-KSTT) and one line per step of 3252/VPCP-KSTT. */
  status?: { national?: string; lines?: { id?: string; state?: string; text?: string }[] };
}

const STATE_CLASS: Record<string, string> = {
  done: 'ok',
  pending: 'muted',
  waiting: 'warn',
  overdue: 'bad',
  rejected: 'bad',
};

const STEP_MARK: Record<string, string> = { done: '✓', pending: '·', waiting: '…', overdue: '!', rejected: '✗' };

function statusHtml(model: EvidenceIndexModel, T: (key: string, params?: MessageParams) => string): string {
  const st = model.status;
  if (!st) return '';
  const lines = (st.lines ?? [])
    .map((l) => {
      const cls = STATE_CLASS[l.state ?? ''] ?? 'muted';
      // The line says the state in words ("Bước 2 — …: chưa gửi"); the mark only draws it, and is read by its title.
      const state = T(`html.ev.step.${l.state ?? 'pending'}`);
      return `<li data-step="${esc(l.id)}" data-state="${esc(l.state)}"><span class="check-${cls}" title="${esc(state)}" aria-label="${esc(state)}">${STEP_MARK[l.state ?? ''] ?? '·'}</span> ${esc(l.text)}</li>`;
    })
    .join('');
  return `<h2 id="status">${esc(T('html.ev.progress'))}</h2><p><strong>${esc(st.national)}</strong></p><ul class="status">${lines}</ul>`;
}

function insideFolder(p: string): boolean {
  const norm = p.replace(/\\/g, '/');
  return !norm.startsWith('/') && !/^[A-Za-z]:/.test(norm) && !norm.split('/').includes('..');
}

export function renderEvidenceIndexHtml(model: EvidenceIndexModel, opts: { lang: Lang; title?: string }): string {
  return [...renderEvidenceIndexPieces(model, opts)].join('');
}

/**
 * The same page in pieces, one per row of its two long tables, drawn anew each time they are iterated: `pack`
 * measures them, then encodes each and lets it go, so a page listing ten thousand files is never held as strings
 * (13 MB as one, twice that in rows).
 */
export function renderEvidenceIndexPieces(
  model: EvidenceIndexModel,
  opts: { lang: Lang; title?: string },
): Iterable<string> {
  return { [Symbol.iterator]: () => drawPieces(model, opts) };
}

function* drawPieces(model: EvidenceIndexModel, opts: { lang: Lang; title?: string }): Generator<string> {
  const { lang } = opts;
  const T = (key: string, params?: MessageParams) => t(lang, key, params);
  const title = opts.title ?? model.request?.title ?? T('html.ev.title');
  const meta = model.meta ?? {};
  const facts: [string, string | undefined][] = [
    [T('html.ev.unit'), meta.unitName],
    ['DSTCode', meta.dstcode],
    [T('html.ev.bagDate'), meta.bagDate],
  ];
  const factsHtml = facts.some(([, v]) => v)
    ? `<dl class="facts">${facts
        .filter(([, v]) => v)
        .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
        .join('')}</dl>`
    : '';

  const checklist = model.checklist ?? [];
  const failed = checklist.filter((c) => c.ok === false && c.severity !== 'warning' && c.severity !== 'info').length;
  const warned = checklist.filter((c) => c.ok === false && (c.severity === 'warning' || c.severity === 'info')).length;
  const verdict =
    failed > 0
      ? `<span class="badge bad">${esc(T('html.ev.incomplete', { count: failed }))}</span>`
      : `<span class="badge ok">${esc(T('html.ev.complete'))}</span>${warned ? ` <span class="badge warn">${esc(T('html.ev.warnings', { count: warned }))}</span>` : ''}`;
  const statusOf = (c: { ok?: boolean; severity?: string }) =>
    c.ok ? 'ok' : c.severity === 'warning' || c.severity === 'info' ? 'warn' : 'bad';
  const checklistHead = checklist.length
    ? `<table class="checklist"><caption>${esc(T('html.ev.checklistCaption'))}</caption><thead><tr><th scope="col">${esc(T('html.ev.status'))}</th><th scope="col">${esc(T('html.ev.item'))}</th><th scope="col">${esc(T('html.ev.detail'))}</th></tr></thead><tbody>`
    : `<p class="muted">${esc(T('html.ev.noChecklist'))}</p>`;
  const checklistRow = (c: (typeof checklist)[number]) => {
    const s = statusOf(c);
    return `<tr data-item="${esc(c.id)}" data-state="${s}"><td class="check-${s}">${esc(T(`html.ev.state.${s}`))}</td><th scope="row">${esc(c.label ?? c.id)}</th><td>${esc(c.message)}</td></tr>`;
  };

  const files = model.files ?? [];
  const images = files.filter((f) => f.kind === 'image' && insideFolder(f.path));
  const gallery = images.length
    ? `<h2 id="images">${esc(T('html.ev.images', { count: images.length }))}</h2><ul class="gallery">${images
        .map((f) => {
          const href = relativeHref(f.path);
          return `<li><figure><a href="${esc(href)}"><img src="${esc(href)}" alt="${esc(T('html.ev.imageAlt', { path: f.path }))}" loading="lazy"></a><figcaption class="mono">${esc(f.path)}</figcaption></figure></li>`;
        })
        .join('')}</ul>`
    : '';
  const total = files.reduce((n, f) => n + (f.bytes ?? 0), 0);
  const filesHead = `<h2 id="files">${esc(T('html.ev.files'))}</h2>
<table class="files"><caption>${esc(T('html.ev.filesCaption', { count: formatInt(lang, files.length), size: formatBytes(lang, total) }))}</caption>
<thead><tr><th scope="col">${esc(T('html.ev.file'))}</th><th scope="col">${esc(T('html.ev.kind'))}</th><th scope="col" class="num">${esc(T('html.ev.size'))}</th><th scope="col">SHA-256</th></tr></thead>
<tbody>`;
  const fileRow = (f: (typeof files)[number]) => {
    const name = insideFolder(f.path) ? `<a href="${esc(relativeHref(f.path))}">${esc(f.path)}</a>` : esc(f.path);
    return `<tr data-file="${esc(f.path)}"><th scope="row" class="mono">${name}</th><td>${esc(T(`html.ev.kind.${f.kind ?? 'other'}`))}</td><td class="num">${formatBytes(lang, f.bytes)}</td><td class="mono hash">${esc(f.sha256 ?? '–')}</td></tr>`;
  };

  // The shell is drawn around a mark that the body's pieces then replace (the last one: a title cannot move it).
  const shell = renderPage({ lang, title, body: BODY_MARK, css: EVIDENCE_CSS, localImages: true });
  const at = shell.lastIndexOf(BODY_MARK);
  yield shell.slice(0, at);
  yield `<h1>${esc(title)}</h1>
<p>${verdict}</p>
${factsHtml}
${statusHtml(model, T)}
<h2 id="checklist">${esc(T('html.ev.checklist'))}</h2>
${checklistHead}`;
  for (const c of checklist) yield checklistRow(c);
  yield* requestPieces(checklist.length ? '</tbody></table>' : '', model.request, T, `${gallery}\n${filesHead}`);
  for (const f of files) yield fileRow(f);
  yield '</tbody></table>';
  yield shell.slice(at + BODY_MARK.length);
}

/**
 * The end of the checklist, the request text, then `after`. A request given in pieces is drawn a piece at a time;
 * given as one string, it stays within its piece.
 */
function* requestPieces(
  closeTable: string,
  request: EvidenceIndexModel['request'],
  T: (key: string, params?: MessageParams) => string,
  after: string,
): Generator<string> {
  const text = request?.text;
  if (!text) {
    yield `${closeTable}\n\n${after}`;
    return;
  }
  const title = request.title ? `<p><strong>${esc(request.title)}</strong></p>` : '';
  const head = `<h2 id="request">${esc(T('html.ev.request'))}</h2>${title}<pre class="request">`;
  if (typeof text === 'string') {
    yield `${closeTable}\n${head}${esc(text)}</pre>\n${after}`;
    return;
  }
  yield `${closeTable}\n${head}`;
  for (const piece of text) yield esc(piece);
  yield `</pre>\n${after}`;
}

const BODY_MARK = '\u0000body\u0000';

const EVIDENCE_CSS = `
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .25rem 0 .75rem; }
dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
pre.request { font-family: inherit; font-size: 1rem; max-height: none; }
ul.gallery { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: .75rem; }
ul.gallery figure { margin: 0; border: 1px solid var(--line); padding: .4rem; }
ul.gallery img { display: block; width: 100%; height: 11rem; object-fit: contain; background: var(--soft); }
ul.gallery figcaption { font-size: .8rem; word-break: break-all; margin-top: .25rem; }
ul.status { list-style: none; padding: 0; } ul.status li { margin: .2rem 0; }
td.hash { word-break: break-all; font-size: .78rem; }
table.files th[scope=row] { font-weight: 400; background: none; word-break: break-all; }
`;
