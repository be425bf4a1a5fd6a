import { t, type Lang } from '../../../i18n/i18n.js';
import type { Msg } from '../../../core/api/api-type-registry.js';
import type { RehearsalRun, RehearsalStepResult } from '../../../app/test-api/rehearse.js';
import { junitXml, type JunitCase } from '../../../core/probe/junit-model.js';
import type { CliContext } from '../../context.js';
import { escapeForTerminal } from '../../../core/text/terminal-safe.js';
import { probeJson } from './test-api-json.js';

/** The rehearsal as text, as one JSON object, and as one JUnit suite (a testcase per step). */

const msg = (lang: Lang, m: Msg) => t(lang, m.key, m.params);

function failures(s: RehearsalStepResult, lang: Lang): string[] {
  if (s.skipped) return [t(lang, 'rehearse.skipped')];
  const p = s.probe!;
  if (p.fault) return [msg(lang, p.fault.message)];
  return p.checks.filter((c) => !c.ok).map((c) => `${c.name}: ${msg(lang, c.message)}`);
}

/** The console's width the report keeps to. */
const WIDTH = 80;

/** Words wrapped to `width` characters (NFC text: one code point, one column), later lines indented. */
export function wrapWords(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const next = line === '' ? word : `${line} ${word}`;
    if ([...next].length > width && line !== '') {
      lines.push(line);
      line = `${indent}${word}`;
    } else line = next;
  }
  lines.push(line);
  return lines;
}

export function renderRehearsalHuman(run: RehearsalRun, ctx: CliContext): void {
  const c = ctx.chalk;
  run.warnings.forEach((w) => ctx.warn(msg(ctx.lang, w)));
  const title = ctx.t('rehearse.h.title', {
    dst: run.dst,
    dossier: run.dossierCode,
    notice: run.noticeNumber,
    amount: run.amount.toLocaleString('vi-VN'),
  });
  for (const line of wrapWords(title, WIDTH, '  ')) ctx.print(c.bold(line));
  // Each step on two lines: its title, then its API type and answer (a title never runs into the next column).
  run.steps.forEach((s, i) => {
    const mark = s.skipped ? c.dim('–') : s.ok ? c.green('✓') : c.red('✗');
    const p = s.probe;
    const answer = p?.response ? `HTTP ${p.response.status} · ${p.timings.total} ms` : p?.fault ? p.fault.code : '';
    for (const line of wrapWords(`${i + 1}. ${ctx.t(`rehearse.step.${s.name}`)}`, WIDTH - 4, '   '))
      ctx.print(`  ${line === '' ? ' ' : line.startsWith('   ') ? ' ' : mark} ${line}`);
    ctx.print(`       ${c.dim(answer ? `${s.type} · ${answer}` : s.type)}`);
    if (!s.ok)
      for (const f of failures(s, ctx.lang))
        for (const line of wrapWords(escapeForTerminal(f), WIDTH - 7, '')) ctx.print(`       ${c.red(line)}`);
  });
  ctx.print(
    run.exitCode === 0
      ? c.green.bold(ctx.t('rehearse.h.pass', { ms: run.totalMs }))
      : c.red.bold(ctx.t('rehearse.h.fail', { step: ctx.t(`rehearse.step.${run.steps.find((s) => !s.ok)!.name}`) })),
  );
}

export function rehearsalJson(run: RehearsalRun, lang: Lang): Record<string, unknown> {
  return {
    ok: run.exitCode === 0,
    dst: run.dst,
    dossierCode: run.dossierCode,
    noticeNumber: run.noticeNumber,
    amount: run.amount,
    startedAt: run.startedAt,
    totalMs: run.totalMs,
    ...(run.exitCode !== 0 ? { failedStep: run.steps.find((s) => !s.ok)?.name } : {}),
    steps: run.steps.map((s) => ({
      name: s.name,
      title: t(lang, `rehearse.step.${s.name}`),
      ok: s.ok,
      skipped: s.skipped,
      startMs: s.startMs,
      ...(s.probe ? { probe: probeJson(s.probe, lang) } : {}),
    })),
    ...(run.warnings.length ? { warnings: run.warnings.map((w) => msg(lang, w)) } : {}),
    ...(run.saved.length ? { saved: run.saved } : {}),
  };
}

export function rehearsalJunit(run: RehearsalRun, lang: Lang): string {
  const classname = `${run.dst}.rehearse`;
  const cases: JunitCase[] = run.steps.map((s, i) => {
    const name = `${i + 1}. ${s.name} (${s.type})`;
    const time = (s.probe?.timings.total ?? 0) / 1000;
    if (s.ok) return { name, classname, time };
    const text = failures(s, lang).join('\n');
    const detail = { message: text.split('\n')[0], type: s.probe?.fault ? s.probe.fault.code : s.name, text };
    return s.probe?.fault ? { name, classname, time, error: detail } : { name, classname, time, failure: detail };
  });
  return junitXml([
    {
      name: classname,
      timestamp: run.startedAt,
      time: run.totalMs / 1000,
      properties: [
        ['dossierCode', run.dossierCode],
        ['noticeNumber', run.noticeNumber],
        ['amount', String(run.amount)],
      ],
      cases,
    },
  ]);
}
