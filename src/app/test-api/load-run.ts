import { performance } from 'node:perf_hooks';
import { prepareChecks, type ApiType } from '../../core/api/api-type-registry.js';
import { round, summarise } from '../../core/probe/percentiles.js';
import { binLatencies } from '../../core/probe/latency-bins.js';
import type { BodyCase } from './request-body.js';
import { prepareCase, sendCase, type JudgeMemo, type ProbeOutcome, type ProbeSettings } from './probe-once.js';
import { SharedConnections } from '../../io/http/shared-connections.js';
import type { LoadSummary, ProbeResult } from './probe-result.js';
import type { Target } from './probe-target.js';

export interface LoadRun {
  summary: LoadSummary;
  /** The first probe, and the first failing one when it differs: enough to show what went wrong. */
  samples: ProbeResult[];
}

/**
 * `--repeat N --concurrency C`: N requests, C at a time. The first is a full probe on a fresh connection (its
 * phase timings are the sample shown); the rest reuse keep-alive connections, as the portal's own client would.
 * Every request goes on one undici pool of C connections: the first among them, never beside them.
 */
export async function runLoad(
  type: ApiType,
  target: Target,
  c: BodyCase,
  s: ProbeSettings,
  repeat: number,
  concurrency: number,
  onProgress?: (done: number, total: number) => void,
): Promise<LoadRun> {
  const times: number[] = [];
  const errorsByKind: Record<string, number> = {};
  const samples: ProbeResult[] = [];
  let failedSample = false;
  let next = 0;
  let done = 0;
  let passed = 0;
  const shared = new SharedConnections({
    timeoutMs: s.timeoutMs,
    ca: s.ca,
    insecure: target.insecure,
    connections: Math.max(1, concurrency),
  });
  const pooled: ProbeSettings = { ...s, shared };
  // Prepared before the clock starts: the body, the request and the compiled response schema serve every send.
  const reused = prepareCase(target, c, pooled);
  const fresh = { ...reused, req: { ...reused.req, timedOnShared: true } };
  prepareChecks(type, fresh.rule);
  const memo: JudgeMemo = {};
  const t0 = performance.now();
  const record = (r: ProbeOutcome) => {
    done++;
    // Only the probes shown are built (and masked): the first, and the first failing one.
    const firstDone = samples.length === 0;
    if (firstDone) samples.push(r.result());
    if (r.ok) passed++;
    else {
      if (!failedSample && !firstDone) samples.push(r.result());
      failedSample = true;
      for (const k of r.failures) errorsByKind[k] = (errorsByKind[k] ?? 0) + 1;
    }
    if (!r.fault) times.push(r.totalMs);
    onProgress?.(done, repeat);
  };
  const worker = async () => {
    while (next < repeat) {
      next++;
      record(await sendCase(type, target, reused, pooled, memo));
    }
  };
  try {
    // The first request goes alone: it opens the first of the C connections, its phases timed (the sample shown).
    if (repeat > 0) {
      next = 1;
      record(await sendCase(type, target, fresh, pooled));
    }
    await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, repeat)) }, worker));
  } finally {
    await shared.close();
  }
  const wallMs = performance.now() - t0;
  return {
    summary: {
      requests: repeat,
      concurrency,
      passed,
      failed: repeat - passed,
      errorsByKind,
      latency: summarise(times),
      histogram: binLatencies(times).counts,
      throughput: round((repeat / wallMs) * 1000),
      wallMs: round(wallMs),
    },
    samples,
  };
}
