/**
 * The one stylesheet of every HTML report, inlined into the page (no fonts, no network). Text colours keep a
 * contrast of at least 4.5:1 on their backgrounds; `@media print` lays the page out on A4, hides the controls
 * and keeps table rows whole.
 */
export const BASE_CSS = `
:root { --fg:#1a1a1a; --muted:#4d4d4d; --bg:#ffffff; --line:#c9c9c9; --soft:#f3f4f6; --link:#0b57a4;
  --ok-fg:#1b5e20; --ok-bg:#e6f4ea; --bad-fg:#a50e0e; --bad-bg:#fdeaea; --warn-fg:#6d4200; --warn-bg:#fff1d6;
  --s-exact:#2e7d32; --s-normalised:#1565c0; --s-decided:#6a1b9a; --s-ambiguous:#b26a00; --s-not_found:#c62828;
  --w-dns:#00838f; --w-connect:#2e7d32; --w-tls:#6a1b9a; --w-ttfb:#b26a00; --w-download:#1565c0; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif; font-size: 15px; color: var(--fg); background: var(--bg); }
body { margin: 0; line-height: 1.45; }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; margin: .5rem 0 .25rem; }
h2 { font-size: 1.25rem; margin: 1.75rem 0 .5rem; border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .4rem; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #0b57a4; outline-offset: 2px; }
.muted { color: var(--muted); }
.lead { color: var(--muted); margin: 0 0 1rem; }
code, pre, .mono { font-family: ui-monospace, "Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace; font-size: .86rem; }
pre { background: var(--soft); border: 1px solid var(--line); padding: .6rem .75rem; overflow: auto; white-space: pre-wrap; word-break: break-word; max-height: 28rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
thead th { background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; font-size: .82rem; font-weight: 600; white-space: nowrap; }
.badge.ok { color: var(--ok-fg); background: var(--ok-bg); }
.badge.bad { color: var(--bad-fg); background: var(--bad-bg); }
.badge.warn { color: var(--warn-fg); background: var(--warn-bg); }
.cards { display: flex; flex-wrap: wrap; gap: .6rem; margin: .5rem 0 1rem; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: .4rem; padding: .4rem .75rem; min-width: 8.5rem; }
.cards .v { display: block; font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
.bar { display: flex; height: 1.1rem; min-width: 10rem; background: var(--soft); border: 1px solid var(--line); }
.bar span { display: block; height: 100%; }
.seg-exact { background: var(--s-exact); } .seg-normalised { background: var(--s-normalised); } .seg-decided { background: var(--s-decided); }
.seg-ambiguous { background: var(--s-ambiguous); } .seg-not_found { background: var(--s-not_found); }
.legend { display: flex; flex-wrap: wrap; gap: .9rem; padding: 0; margin: .25rem 0 .5rem; list-style: none; font-size: .9rem; }
.legend i { display: inline-block; width: .9rem; height: .9rem; vertical-align: -.1rem; margin-right: .3rem; border: 1px solid #0003; }
.controls { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; align-items: flex-end; margin: .5rem 0; padding: .6rem .75rem; background: var(--soft); border: 1px solid var(--line); }
.controls label { display: block; font-size: .85rem; font-weight: 600; margin-bottom: .15rem; }
.controls input, .controls select, .pager button { font: inherit; padding: .25rem .4rem; border: 1px solid #767676; border-radius: .25rem; background: #fff; color: var(--fg); }
.controls input[type=search] { min-width: 16rem; }
.pager { display: flex; gap: .5rem; align-items: center; margin: .5rem 0; }
.pager button[disabled] { color: #6b6b6b; }
.check-ok::before { content: "✓ "; color: var(--ok-fg); font-weight: 700; }
.check-bad::before { content: "✗ "; color: var(--bad-fg); font-weight: 700; }
.check-warn::before { content: "! "; color: var(--warn-fg); font-weight: 700; }
ul.plain { margin: 0; padding-left: 1.1rem; }
.print-only { display: none; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .no-print, .controls, .pager { display: none !important; }
  .print-only { display: block; }
  thead { display: table-header-group; }
  tr, li, figure, .probe-part { break-inside: avoid; page-break-inside: avoid; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  pre { max-height: none; overflow: visible; }
  a { color: var(--fg); text-decoration: none; }
  .bar, .bar span, .badge, .legend i, .wf span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
