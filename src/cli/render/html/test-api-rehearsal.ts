import { t, type Lang } from '../../../i18n/i18n.js';
import { formatVnInstant } from '../../../core/api/vn-time.js';
import type { RehearsalRun } from '../../../app/test-api/rehearse.js';
import { esc } from './escape.js';
import { renderPage } from './page.js';

/**
 * The rehearsal as an HTML timeline: one row per step on a common time axis (when it started, how long it took),
 * its verdict and, for a failed step, what failed. Self-contained like every dvc report.
 */

const CSS = `
.tl{width:100%;border-collapse:collapse}.tl td{padding:.3rem .4rem;vertical-align:top;border-bottom:1px solid #ddd}
.tl .axis{width:45%}.tl .bar{position:relative;height:1.1rem;background:#f2f2f2}
.tl .bar span{position:absolute;top:0;bottom:0;background:#2b7a3d}.tl tr.bad .bar span{background:#b3261e}
.tl tr.skip{color:#777}.tl .why{color:#b3261e;font-size:.9em}`;

export function renderRehearsalHtml(run: RehearsalRun, lang: Lang): string {
  const T = (key: string, params?: Record<string, string | number>) => t(lang, key, params);
  const total = Math.max(run.totalMs, 1);
  const rows = run.steps.map((s, i) => {
    const ms = s.probe?.timings.total ?? 0;
    const left = ((s.startMs / total) * 100).toFixed(1);
    const width = Math.max(0.5, (ms / total) * 100).toFixed(1);
    const cls = s.skipped ? 'skip' : s.ok ? 'ok' : 'bad';
    const failed = s.probe?.fault
      ? [t(lang, s.probe.fault.message.key, s.probe.fault.message.params)]
      : (s.probe?.checks ?? [])
          .filter((c) => !c.ok)
          .map((c) => `${c.name}: ${t(lang, c.message.key, c.message.params)}`);
    const status = s.probe?.response ? `HTTP ${s.probe.response.status}` : s.skipped ? T('rehearse.skipped') : '';
    return `<tr class="${cls}" data-step="${esc(s.name)}"><td>${i + 1}</td><td>${s.skipped ? '–' : s.ok ? '✓' : '✗'} ${esc(T(`rehearse.step.${s.name}`))}<br><small>${esc(s.type)} · ${esc(status)} · ${ms} ms</small>${failed.map((f) => `<div class="why">${esc(f)}</div>`).join('')}</td><td class="axis"><div class="bar" title="${s.startMs} ms + ${ms} ms"><span style="left:${left}%;width:${width}%"></span></div></td></tr>`;
  });
  const verdict =
    run.exitCode === 0
      ? T('rehearse.h.pass', { ms: run.totalMs })
      : T('rehearse.h.fail', { step: T(`rehearse.step.${run.steps.find((s) => !s.ok)!.name}`) });
  const body = [
    `<h1>${esc(T('rehearse.html.title'))}</h1>`,
    `<p class="lead" data-ok="${run.exitCode === 0}">${esc(verdict)}</p>`,
    `<p>${esc(T('rehearse.h.title', { dst: run.dst, dossier: run.dossierCode, notice: run.noticeNumber, amount: run.amount.toLocaleString('vi-VN') }))}</p>`,
    `<table class="tl"><tbody>${rows.join('')}</tbody></table>`,
    `<p class="muted"><small>${esc(formatVnInstant(new Date(run.startedAt)) || run.startedAt)} · ${run.totalMs} ms</small></p>`,
  ].join('\n');
  return renderPage({ lang, title: T('rehearse.html.title'), body, css: CSS });
}
