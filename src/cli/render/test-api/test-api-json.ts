import { t, type Lang } from '../../../i18n/i18n.js';
import type { Msg } from '../../../core/api/api-type-registry.js';
import type { ProbeResult, TestApiRun } from '../../../app/test-api/run-test-api.js';

const msg = (lang: Lang, m: Msg) => t(lang, m.key, m.params);

/** One probe in the documented shape: ok, dst, type, url, request, response, timings, tls, checks (+ insecure, warnings, error). */
export function probeJson(p: ProbeResult, lang: Lang): Record<string, unknown> {
  return {
    ok: p.ok,
    dst: p.dst,
    type: p.type,
    ...(p.name !== p.type ? { name: p.name } : {}),
    url: p.url,
    request: { method: p.request.method, headers: p.request.headers, body: p.request.body },
    response: p.response
      ? { status: p.response.status, headers: p.response.headers, body: p.response.body, bytes: p.response.bytes }
      : null,
    timings: p.timings,
    tls: p.tls,
    checks: p.checks.map((c) => ({ name: c.name, ok: c.ok, message: msg(lang, c.message) })),
    ...(p.insecure ? { insecure: true } : {}),
    ...(p.warnings.length ? { warnings: p.warnings.map((w) => msg(lang, w)) } : {}),
    ...(p.redirects.length ? { redirects: p.redirects } : {}),
    ...(p.fault
      ? {
          error: {
            kind: p.fault.kind,
            code: p.fault.code,
            message: msg(lang, p.fault.message),
            ...(p.fault.detail ? { detail: p.fault.detail } : {}),
          },
        }
      : {}),
  };
}

/**
 * The one JSON object of a run. A single probe is the probe object itself (warnings of the run merged in);
 * --cases adds `cases` (one probe object each) and --repeat adds `load`, both around the first probe's fields.
 */
export function runJson(run: TestApiRun, lang: Lang): Record<string, unknown> {
  const first = run.probes[0];
  const head = first ? probeJson(first, lang) : { dst: run.dst, type: run.type, url: run.url };
  const runWarnings = run.warnings.map((w) => msg(lang, w));
  const probeWarnings = (head.warnings as string[] | undefined) ?? [];
  const warnings = [...new Set([...runWarnings, ...probeWarnings])];
  const out: Record<string, unknown> = { ...head, ok: run.exitCode === 0 };
  if (warnings.length) out.warnings = warnings;
  if (run.insecure) out.insecure = true;
  if (run.probes.length > 1 && !run.load) out.cases = run.probes.map((p) => probeJson(p, lang));
  if (run.load) out.load = run.load;
  if (run.saved.length) out.saved = run.saved;
  return out;
}
