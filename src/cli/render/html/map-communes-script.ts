/**
 * The inline script of the map-communes report: filters the embedded review rows by status and province,
 * searches names with or without diacritics (NFD, marks stripped, đ → d), and shows them 200 to a page.
 * Before printing it renders every row that matches the filter, and the page size again afterwards.
 */
export const MAP_COMMUNES_SCRIPT = String.raw`
(function () {
  'use strict';
  var rows = JSON.parse(document.getElementById('review-data').textContent);
  var L = JSON.parse(document.getElementById('review-labels').textContent);
  var PAGE = 200;
  var BADGE = { exact: 'ok', normalised: 'ok', decided: 'ok', ambiguous: 'warn', not_found: 'bad' };
  function fold(s) {
    return String(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u0111\u0110]/g, 'd')
      .toLowerCase().replace(/[\s\u00a0]+/g, ' ').trim();
  }
  for (var i = 0; i < rows.length; i++) {
    var r = rows[i];
    var names = [r.n, r.p, r.d, r.tn, r.c, r.tc, r.ec, r.en, r.er];
    for (var j = 0; j < r.k.length; j++) names.push(r.k[j][0], r.k[j][1], r.k[j][2]);
    r.f = fold(names.join(' | '));
  }
  var statusEl = document.getElementById('f-status');
  var provEl = document.getElementById('f-province');
  var qEl = document.getElementById('f-search');
  var body = document.getElementById('review-body');
  var countEl = document.getElementById('review-count');
  var pageEl = document.getElementById('page-info');
  var prevEl = document.getElementById('page-prev');
  var nextEl = document.getElementById('page-next');
  var page = 0;
  var matched = rows;
  var decide = 0;
  for (var d = 0; d < rows.length; d++) if (rows[d].x === 1) decide++;
  function fill(tpl, params) {
    return tpl.replace(/\{(\w+)\}/g, function (w, k) { return params[k] === undefined ? w : String(params[k]); });
  }
  function num(n) { return n.toLocaleString(L.locale); }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function list(items) {
    if (!items.length) return el('span', 'muted', '–');
    var ul = el('ul', 'plain');
    for (var i = 0; i < items.length; i++) ul.appendChild(el('li', null, items[i]));
    return ul;
  }
  function rowEl(r) {
    var tr = document.createElement('tr');
    tr.setAttribute('data-status', r.s);
    tr.appendChild(el('td', 'mono', r.r));
    var place = el('td', null, r.p);
    if (r.d) { place.appendChild(document.createElement('br')); place.appendChild(el('span', 'muted', r.d)); }
    tr.appendChild(place);
    var th = el('th', 'name', r.n);
    th.setAttribute('scope', 'row');
    tr.appendChild(th);
    tr.appendChild(el('td', 'mono', r.c));
    var st = el('td');
    st.appendChild(el('span', 'badge ' + (BADGE[r.s] || 'warn'), L.status[r.s] || r.s));
    if (r.m) { st.appendChild(document.createElement('br')); st.appendChild(el('span', 'muted', r.m)); }
    tr.appendChild(st);
    var tax = el('td', null, r.tc ? r.tc + (r.tn ? ' – ' + r.tn : '') : '–');
    if (r.ec) {
      // The officer's code under dvc's, with what is wrong with it; it wraps, so the table keeps to the page.
      var bad = r.ev === 'differs' || r.ni === 1;
      var ex = el('div', 'existing' + (bad ? ' bad' : ''), L.existing + ': ' + r.ec + (r.en ? ' – ' + r.en : '') + ' · ' + (r.er ? L.verdict[r.ev] || r.ev : r.ni === 1 ? L.notInTax : L.verdict[r.ev] || r.ev));
      if (r.er) ex.appendChild(el('div', 'why', r.er));
      tax.appendChild(ex);
    }
    tr.appendChild(tax);
    var why = el('td');
    why.appendChild(list(r.why));
    tr.appendChild(why);
    var cands = [];
    for (var i = 0; i < r.k.length; i++) {
      var k = r.k[i];
      cands.push(k[0] + ' – ' + k[1] + (k[2] ? ' (' + k[2] + ')' : '') + (k[3] ? ' (' + k[3] + ')' : ''));
    }
    var ct = el('td');
    ct.appendChild(list(cands));
    tr.appendChild(ct);
    return tr;
  }
  function apply() {
    var s = statusEl.value, p = provEl.value, q = fold(qEl.value);
    var words = q ? q.split(' ') : [];
    matched = rows.filter(function (r) {
      if (s === 'review' ? r.x !== 1 : s && r.s !== s) return false;
      if (p && r.p !== p) return false;
      for (var i = 0; i < words.length; i++) if (r.f.indexOf(words[i]) < 0) return false;
      return true;
    });
    page = 0;
    draw();
  }
  function draw(all) {
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    if (page >= pages) page = pages - 1;
    var from = all ? 0 : page * PAGE;
    var to = all ? matched.length : Math.min(matched.length, from + PAGE);
    var frag = document.createDocumentFragment();
    for (var i = from; i < to; i++) frag.appendChild(rowEl(matched[i]));
    if (matched.length === 0) {
      var tr = document.createElement('tr');
      var td = el('td', 'muted', L.none);
      td.colSpan = 8;
      tr.appendChild(td);
      frag.appendChild(tr);
    }
    body.textContent = '';
    body.appendChild(frag);
    countEl.textContent = fill(L.count, { shown: num(matched.length), total: num(rows.length), decide: num(decide) });
    pageEl.textContent = fill(L.page, { page: num(page + 1), pages: num(pages), from: num(matched.length ? from + 1 : 0), to: num(to) });
    prevEl.disabled = page === 0;
    nextEl.disabled = page >= pages - 1;
  }
  var timer = null;
  statusEl.addEventListener('change', apply);
  provEl.addEventListener('change', apply);
  qEl.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
  prevEl.addEventListener('click', function () { if (page > 0) { page--; draw(); } });
  nextEl.addEventListener('click', function () { page++; draw(); });
  window.addEventListener('beforeprint', function () { draw(true); });
  window.addEventListener('afterprint', function () { draw(); });
  document.getElementById('review').removeAttribute('data-pending');
  apply();
  document.documentElement.setAttribute('data-ready', '1');
})();
`;
