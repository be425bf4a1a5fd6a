import { STATUS_CODES } from 'node:http';
import type { ChalkInstance } from 'chalk';
import type { Msg } from '../../../core/api/api-type-registry.js';
import type { ProbeTimings } from '../../../core/probe/timings.js';
import type { ProbeResult, TestApiRun } from '../../../app/test-api/run-test-api.js';
import type { CliContext } from '../../context.js';
import { escapeForTerminal } from '../../../core/text/terminal-safe.js';

const BAR = 40;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A JSON value pretty-printed, keys cyan, strings green, numbers yellow (colour only when ctx.chalk has it). */
function prettyJson(value: unknown, c: ChalkInstance): string {
  if (typeof value === 'string') return escapeForTerminal(value);
  const text = escapeForTerminal(JSON.stringify(value, null, 2) ?? 'null');
  return text.replace(
    /("(?:[^"\\]|\\.)*")(\s*:)?|\b(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\b|\b(true|false|null)\b/g,
    (m, str: string | undefined, colon: string | undefined, num: string | undefined, lit: string | undefined) => {
      if (str) return colon ? c.cyan(str) + colon : c.green(str);
      if (num) return c.yellow(num);
      if (lit) return c.magenta(lit);
      return m;
    },
  );
}

/** The phases of a probe as one bar (dns, connect, tls, ttfb, download) with their times below it. */
export function timingBar(tm: ProbeTimings, c: ChalkInstance): string[] {
  const phases: Array<[string, number | null, (s: string) => string]> = [
    ['dns', tm.dns, c.magenta],
    ['connect', tm.connect, c.yellow],
    ['tls', tm.tls, c.cyan],
    ['ttfb', tm.ttfb, c.green],
    ['download', tm.download, c.blue],
  ];
  const total = Math.max(tm.total, 0.001);
  const glyphs = ['░', '▒', '▓', '█', '▆'];
  let bar = '';
  phases.forEach(([, v, paint], i) => {
    const w = v ? Math.max(1, Math.round((v / total) * BAR)) : 0;
    bar += paint(glyphs[i].repeat(w));
  });
  const lines = [`  ${bar}  ${tm.total} ms`];
  for (const [name, v] of phases) if (v !== null) lines.push(`  ${name.padEnd(9)}${String(v).padStart(8)} ms`);
  return lines;
}

/** A catalogue message; its parameters may hold server text, so the result is escaped. */
function m(ctx: CliContext, x: Msg): string {
  return escapeForTerminal(ctx.t(x.key, x.params));
}

function renderRequest(p: ProbeResult, ctx: CliContext): void {
  const c = ctx.chalk;
  ctx.print(c.dim(`${ctx.t('testApi.h.request')} — ${ctx.t('testApi.h.headers')}:`));
  for (const [k, v] of Object.entries(p.request.headers)) ctx.print(c.dim(escapeForTerminal(`  ${k}: ${v}`)));
  ctx.print(c.dim(`${ctx.t('testApi.h.request')} — ${ctx.t('testApi.h.body')}:`));
  ctx.print(prettyJson(p.request.body, ctx.chalk));
}

function renderResponse(p: ProbeResult, r: NonNullable<ProbeResult['response']>, ctx: CliContext): void {
  const c = ctx.chalk;
  const label = `${r.status} ${STATUS_CODES[r.status] ?? ''}`.trim();
  const status = r.status >= 200 && r.status < 300 ? c.green(label) : r.status < 400 ? c.yellow(label) : c.red(label);
  const wire = r.wireBytes !== r.bytes ? ` (${size(r.wireBytes)} ↓)` : '';
  ctx.print(`${ctx.t('testApi.h.response')}: ${status} · ${p.timings.total} ms · ${size(r.bytes)}${wire}`);
  ctx.print('');
  ctx.print(c.bold(ctx.t('testApi.h.headers')));
  for (const [k, v] of Object.entries(r.headers))
    ctx.print(`  ${c.dim(escapeForTerminal(k) + ':')} ${escapeForTerminal(v)}`);
  ctx.print('');
  ctx.print(c.bold(ctx.t('testApi.h.body')));
  ctx.print(prettyJson(r.body, c));
  ctx.print('');
}

function renderTls(tls: NonNullable<ProbeResult['tls']>, ctx: CliContext): void {
  const days = tls.daysToExpiry ?? '?';
  const line = ctx.t('testApi.h.tlsLine', {
    protocol: tls.protocol ?? '?',
    cipher: tls.cipher ?? '?',
    subject: tls.subject ?? '?',
    issuer: tls.issuer ?? '?',
    validTo: tls.validTo?.slice(0, 10) ?? '?',
    days,
  });
  const c = ctx.chalk;
  ctx.print(`${c.bold(ctx.t('testApi.h.tls'))}: ${typeof days === 'number' && days < 30 ? c.yellow(line) : line}`);
}

function renderProbe(p: ProbeResult, ctx: CliContext): void {
  const c = ctx.chalk;
  const proxy = p.proxy ? c.dim(`  (${ctx.t('testApi.h.proxy', { proxy: p.proxy })})`) : '';
  ctx.print(c.bold(`${p.request.method} ${p.url}`) + proxy);
  if (ctx.verbose) renderRequest(p, ctx);
  for (const r of p.redirects)
    ctx.print(c.yellow(escapeForTerminal(ctx.t('testApi.h.redirect', { status: r.status, location: r.location }))));
  if (p.response) renderResponse(p, p.response, ctx);
  if (p.tls) renderTls(p.tls, ctx);
  if (p.checks.length) {
    ctx.print(c.bold(ctx.t('testApi.h.checks')));
    for (const ch of p.checks)
      ctx.print(`  ${ch.ok ? c.green('✓') : c.red('✗')} ${ch.name.padEnd(7)} ${m(ctx, ch.message)}`);
  }
  ctx.print(c.bold(ctx.t('testApi.h.timings')));
  for (const l of timingBar(p.timings, c)) ctx.print(l);
  // The fault itself goes to stderr, last (see the command); here only its name, next to the timings.
  if (p.fault)
    ctx.print(c.red(`✗ ${ctx.t('testApi.h.faultTitle')}: ${escapeForTerminal(p.fault.code || p.fault.kind)}`));
}

/** Postman-like text: request line, status, time and size, headers, body, TLS, checks with ✓/✗, a timing bar. */
export function renderHuman(run: TestApiRun, ctx: CliContext): void {
  const c = ctx.chalk;
  const warned = new Set<string>();
  const warn = (w: Msg) => {
    const text = m(ctx, w);
    if (!warned.has(text)) ctx.warn(text);
    warned.add(text);
  };
  run.warnings.forEach(warn);
  if (run.load) {
    const first = run.probes[0];
    if (first) renderProbe(first, ctx);
    const l = run.load;
    ctx.print('');
    ctx.print(
      c.bold(
        ctx.t('testApi.h.load', {
          requests: l.requests,
          concurrency: l.concurrency,
          seconds: (l.wallMs / 1000).toFixed(2),
          throughput: l.throughput,
          passed: l.passed,
          failed: l.failed,
        }),
      ),
    );
    // With no answer at all (every request faulted) there is no latency to show, not "NaN".
    ctx.print(l.latency.count > 0 ? ctx.t('testApi.h.latency', { ...l.latency }) : ctx.t('testApi.h.latencyNone'));
    if (Object.keys(l.errorsByKind).length) {
      ctx.print(ctx.t('testApi.h.errorsByKind'));
      for (const [k, n] of Object.entries(l.errorsByKind)) ctx.print(`  ${c.red(k)}: ${n}`);
    }
  } else {
    run.probes.forEach((p, i) => {
      if (run.probes.length > 1) ctx.print(c.bold.underline(`[${i + 1}/${run.probes.length}] ${p.name}`));
      renderProbe(p, ctx);
      if (run.probes.length > 1) ctx.print('');
    });
  }
  for (const p of run.probes) p.warnings.forEach(warn);
  if (run.probes.length > 1 && !run.load)
    ctx.print(
      c.bold(ctx.t('testApi.h.summary', { passed: run.probes.filter((p) => p.ok).length, total: run.probes.length })),
    );
  const checks = run.probes.flatMap((p) => p.checks);
  const failed = checks.filter((ch) => !ch.ok).length;
  if (run.exitCode === 0) ctx.print(c.green.bold(ctx.t('testApi.h.pass')));
  else if (run.exitCode === 1 && !run.load)
    ctx.print(c.red.bold(ctx.t('testApi.h.fail', { failed, total: checks.length })));
}
