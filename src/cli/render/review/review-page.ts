/**
 * The page of `dvc review`: one self-contained HTML document (its script and style inline, system fonts, no
 * request to any other host). It reads the review from /api/model and posts each decision at once. Keyboard first:
 * 1–9 pick a candidate, `-` no code, j/k or the arrows move, `/` searches, `u` undoes.
 */
import { t, type Lang } from '../../../i18n/i18n.js';
import { CATALOG } from '../../../i18n/catalog.js';

/** The catalogue texts the page uses (its own and the summary's), in the page's language. */
function pageTexts(lang: Lang): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(CATALOG[lang])) if (k.startsWith('review.page.')) out[k.slice(12)] = v;
  return out;
}

/** JSON inside a <script> element: `<` escaped so that no text can close the element. */
const scriptJson = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');

const STYLE = `
:root { color-scheme: light; --fg: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b4f9e; --ok: #1d6b2f;
  --bad: #9b1c1c; --bg-active: #eef4fc; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  color: var(--fg); background: #fff; }
header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 10px 20px;
  z-index: 1; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 22px 0 8px; }
h3 { font-size: 16px; margin: 0 0 4px; }
main { padding: 0 20px 40px; max-width: 1100px; }
.keys, .meta { color: var(--muted); margin: 2px 0; }
.bar { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; margin-top: 6px; }
button { font: inherit; color: var(--fg); background: #fff; border: 1px solid #767676; border-radius: 4px;
  padding: 4px 10px; cursor: pointer; text-align: left; }
button:hover { background: #f2f2f2; }
button:focus-visible, input:focus-visible, section:focus-visible { outline: 3px solid var(--accent);
  outline-offset: 2px; }
button.primary { background: var(--accent); color: #fff; border-color: var(--accent); }
button.chosen { border: 2px solid var(--ok); background: #eaf5ec; }
section.row { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 8px 0;
  content-visibility: auto; contain-intrinsic-size: auto 320px; }
section.row.active { background: var(--bg-active); border-color: var(--accent); }
section.row.done h3::after { content: " ✓"; color: var(--ok); }
.kind { display: inline-block; font-size: 13px; padding: 0 6px; border-radius: 3px; background: #fde8d7;
  color: #6b3200; margin-left: 6px; }
.reasons { margin: 4px 0; padding-left: 20px; color: var(--muted); }
.choices { display: flex; flex-direction: column; gap: 4px; margin: 6px 0; }
kbd { display: inline-block; min-width: 1.4em; text-align: center; border: 1px solid #767676; border-radius: 3px;
  font: 13px ui-monospace, monospace; margin-right: 6px; background: #f6f6f6; }
.decision { color: var(--ok); font-weight: 600; margin: 4px 0; }
.refused { color: var(--bad); font-weight: 600; margin: 4px 0; }
.search label { display: block; margin-top: 6px; }
.search input { font: inherit; padding: 4px 6px; width: min(420px, 100%); border: 1px solid #767676;
  border-radius: 4px; }
.hits { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-direction: column; gap: 4px; }
#status { min-height: 1.4em; margin: 4px 0 0; }
`;

/** The script: state, rendering, the API calls and the keys. Texts come from `T`, data from /api/model. */
const SCRIPT = String.raw`
const T = JSON.parse(document.getElementById('texts').textContent);
const fmt = (k, p = {}) => (T[k] || k).replace(/\{(\w+)\}/g, (_, n) => (p[n] === undefined ? '' : String(p[n]))).trim();
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) e.setAttribute(k, v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
};
let model = null;
let rows = [];
let active = 0;
const undo = [];
const status = document.getElementById('status');
const say = (text) => { status.textContent = text; };

async function api(path, body) {
  const r = await fetch(path, body === undefined ? {} : {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const type = r.headers.get('content-type') || '';
  const data = type.startsWith('application/json') ? await r.json() : { error: await r.text() };
  return { status: r.status, data };
}

function counts() {
  document.getElementById('counts').textContent = fmt('counts', model);
  for (const p of model.provinces) {
    const h = document.getElementById('p-' + p.id);
    if (h) h.textContent = fmt('province', p);
  }
  const done = document.getElementById('all-done');
  done.hidden = model.toDecide !== 0;
}

function candidateText(c) {
  const parts = [c.code + ' — ' + c.name];
  if (c.district) parts.push('(' + c.district + ')');
  if (c.whyText) parts.push('· ' + c.whyText);
  if (c.percent !== undefined) parts.push('· ' + c.percent + '%');
  return parts.join(' ');
}

function choiceButton(row, tax, label, key, kind) {
  const chosen = row.decision && (row.decision.taxCode === null ? tax === '-' : row.decision.taxCode === tax);
  return el('button', {
    type: 'button', class: kind + (chosen ? ' chosen' : ''), 'data-tax': tax, 'aria-pressed': chosen ? 'true' : 'false',
    onclick: () => decide(row.code, tax),
  }, key ? el('kbd', { 'aria-hidden': 'true' }, key) : null, el('span', { class: 'label' }, label));
}

/** The numbered choices of a row (keys 1–9): dvc's candidates, then for an existing code "keep" and "use dvc's". */
function optionsOf(row) {
  const out = row.candidates.map((c) => ({ tax: c.code, label: candidateText(c), kind: 'cand' }));
  if (row.existing) out.push({ tax: row.existing.code, label: fmt('keep', row.existing), kind: 'keep' });
  if (row.dvc) out.push({ tax: row.dvc.code, label: fmt('useDvc', row.dvc), kind: 'dvc' });
  return out.slice(0, 9);
}

function renderRow(row, province) {
  const id = 'r-' + row.code;
  const sec = el('section', { class: 'row' + (row.decision ? ' done' : ''), id, tabindex: '-1',
    'data-code': row.code, 'aria-labelledby': id + '-h' });
  sec.append(el('h3', { id: id + '-h' }, row.code + ' ' + row.name, el('span', { class: 'kind' }, row.kindText)));
  sec.append(el('p', { class: 'meta' }, [province.name, row.district].filter(Boolean).join(' · ')));
  if (row.decision) sec.append(el('p', { class: 'decision' }, row.decision.taxCode === null
    ? fmt('decidedNone') : fmt('decided', { code: row.decision.taxCode, name: row.decision.taxName || '' })));
  sec.append(el('p', { class: 'refused', role: 'alert', hidden: '' }));
  if (row.reasons.length) {
    const ul = el('ul', { class: 'reasons', 'aria-label': T.reasons });
    for (const r of row.reasons) ul.append(el('li', {}, r.text));
    sec.append(ul);
  }
  const choices = el('div', { class: 'choices', role: 'group', 'aria-label': T.candidates });
  optionsOf(row).forEach((o, k) => choices.append(choiceButton(row, o.tax, o.label, String(k + 1), o.kind)));
  if (!optionsOf(row).length) choices.append(el('p', { class: 'meta' }, T.noCandidates));
  choices.append(choiceButton(row, '-', T.none, '-', 'none'));
  sec.append(choices);
  const sid = id + '-s';
  const hits = el('ul', { class: 'hits', id: sid + '-hits', 'aria-live': 'polite' });
  let timer = 0;
  const input = el('input', { id: sid, type: 'search', autocomplete: 'off', placeholder: T.searchHint,
    oninput: () => { clearTimeout(timer); timer = setTimeout(() => search(row, province, input.value, hits), 120); },
    onkeydown: (e) => { if (e.key === 'Escape') { e.preventDefault(); sec.focus(); } },
  });
  sec.append(el('div', { class: 'search' }, el('label', { for: sid }, fmt('search', { province: province.name })), input, hits));
  sec.addEventListener('focusin', () => setActive(rows.findIndex((r) => r.row.code === row.code), false));
  return sec;
}

async function search(row, province, q, hits) {
  const { data } = await api('/api/search', { province: province.id, q });
  hits.replaceChildren();
  if (!data.hits || !data.hits.length) { hits.append(el('li', { class: 'meta' }, T.noHits)); return; }
  for (const h of data.hits) {
    const label = h.code + ' — ' + h.name + (h.district ? ' (' + h.district + ')' : '') + ' · ' +
      (h.usedBy ? fmt('usedBy', { code: h.usedBy }) : T.unused);
    hits.append(el('li', {}, choiceButton(row, h.code, label, null, 'hit')));
  }
}

function render() {
  const main = document.getElementById('list');
  main.replaceChildren();
  rows = [];
  for (const p of model.provinces) {
    main.append(el('h2', { id: 'p-' + p.id }, fmt('province', p)));
    for (const row of p.rows) {
      const sec = renderRow(row, p);
      rows.push({ row, province: p, sec });
      main.append(sec);
    }
  }
  counts();
  const first = rows.findIndex((r) => !r.row.decision);
  setActive(first < 0 ? 0 : first, false);
}

function setActive(k, focus) {
  if (k < 0 || k >= rows.length) return;
  rows[active] && rows[active].sec.classList.remove('active');
  active = k;
  rows[k].sec.classList.add('active');
  if (focus) { rows[k].sec.focus(); rows[k].sec.scrollIntoView({ block: 'nearest' }); }
}

function replaceRow(k, row) {
  const { province, sec } = rows[k];
  const fresh = renderRow(row, province);
  sec.replaceWith(fresh);
  rows[k] = { row, province, sec: fresh };
  if (k === active) fresh.classList.add('active');
  return fresh;
}

async function send(code, tax, remember) {
  const k = rows.findIndex((r) => r.row.code === code);
  if (k < 0) return false;
  const before = rows[k].row.decision;
  const { status: st, data } = await api('/api/decide', { code, tax });
  if (!data.ok) {
    const box = rows[k].sec.querySelector('.refused');
    box.hidden = false;
    box.textContent = data.problems ? fmt('refused', { problem: data.problems.join(' ') })
      : fmt('failed', { reason: data.error || st });
    say(box.textContent);
    return false;
  }
  if (remember) undo.push({ code, tax: before ? (before.taxCode === null ? '-' : before.taxCode) : null });
  model.toDecide = data.toDecide;
  model.decided = data.decided;
  const p = rows[k].province;
  p.toDecide = rows.filter((r) => r.province === p && !(r.row.code === code ? data.row.decision : r.row.decision)).length;
  p.decided = rows.filter((r) => r.province === p).length - p.toDecide;
  replaceRow(k, data.row);
  counts();
  say(tax === null ? fmt('cleared', { code }) : fmt('saved', { code, file: model.store }));
  return true;
}

async function decide(code, tax) {
  const k = rows.findIndex((r) => r.row.code === code);
  if (!(await send(code, tax, true))) return;
  // On to the next row still waiting for a decision.
  let next = rows.findIndex((r, j) => j > k && !r.row.decision);
  if (next < 0) next = rows.findIndex((r) => !r.row.decision);
  setActive(next < 0 ? k : next, true);
}

async function undoLast() {
  const last = undo.pop();
  if (!last) { say(T.nothingToUndo); return; }
  await send(last.code, last.tax, false);
  setActive(rows.findIndex((r) => r.row.code === last.code), true);
}

async function finish() {
  const button = document.getElementById('finish');
  button.disabled = true;
  say(T.finishing);
  try {
    const { status: st, data } = await api('/api/finish', {});
    if (!data.ok) { say(fmt('failed', { reason: data.error || st })); return; }
    model = data.model;
    undo.length = 0;
    render();
    say(fmt('finished', { file: data.output, ...data.summary }));
    document.getElementById('title').textContent = fmt('title', model);
    document.title = fmt('title', model);
  } finally {
    button.disabled = false;
  }
}

async function closeReview() {
  await api('/api/close', {});
  document.getElementById('list').replaceChildren();
  document.querySelector('.bar').hidden = true;
  say(fmt('closed', { file: model.store }));
}

document.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && (t.tagName === 'INPUT' || t.tagName === 'TEXTAREA')) return;
  const cur = rows[active];
  if (!cur) return;
  if (/^[1-9]$/.test(e.key)) {
    const o = optionsOf(cur.row)[Number(e.key) - 1];
    if (o) { e.preventDefault(); decide(cur.row.code, o.tax); }
  } else if (e.key === '-') { e.preventDefault(); decide(cur.row.code, '-'); }
  else if (e.key === 'j' || e.key === 'ArrowDown') { e.preventDefault(); setActive(active + 1, true); }
  else if (e.key === 'k' || e.key === 'ArrowUp') { e.preventDefault(); setActive(active - 1, true); }
  else if (e.key === '/') { e.preventDefault(); cur.sec.querySelector('input').focus(); }
  else if (e.key === 'u') { e.preventDefault(); undoLast(); }
});
document.getElementById('undo').addEventListener('click', undoLast);
document.getElementById('finish').addEventListener('click', finish);
document.getElementById('close').addEventListener('click', closeReview);

api('/api/model').then(({ data }) => {
  model = data;
  render();
  document.documentElement.setAttribute('data-ready', '');
});
`;

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderReviewPage(o: { lang: Lang; workbook: string; nonce: string }): string {
  const L = (k: string, p?: Record<string, string | number>) => escapeHtml(t(o.lang, k, p));
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${L('review.page.title', { workbook: o.workbook })}</title>
<style nonce="${o.nonce}">${STYLE}</style>
</head>
<body>
<header>
<h1 id="title">${L('review.page.title', { workbook: o.workbook })}</h1>
<p id="counts" class="meta"></p>
<p class="keys">${L('review.page.keys')}</p>
<div class="bar">
<button type="button" id="undo">${L('review.page.undo')}</button>
<button type="button" id="finish" class="primary">${L('review.page.finish')}</button>
<button type="button" id="close">${L('review.page.close')}</button>
</div>
<p id="status" role="status" aria-live="polite"></p>
<p id="all-done" class="decision" hidden>${L('review.page.allDone')}</p>
</header>
<main id="list"></main>
<script type="application/json" id="texts">${scriptJson(pageTexts(o.lang))}</script>
<script nonce="${o.nonce}">${SCRIPT}</script>
</body>
</html>
`;
}
