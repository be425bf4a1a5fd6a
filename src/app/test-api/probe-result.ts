import type { Check, Msg } from '../../core/api/api-type-registry.js';
import type { FaultKind } from '../../core/probe/fault.js';
import type { LatencySummary } from '../../core/probe/percentiles.js';
import type { ProbeTimings } from '../../core/probe/timings.js';
import type { RedirectHop, TlsDetails } from '../../io/http/send-probe.js';
import type { ExitCode } from '../../errors.js';

/** The result of one probe, secrets already masked: what every renderer (human, JSON, JUnit, saved files) shows. */
export interface ProbeResult {
  ok: boolean;
  dst: string | null;
  type: string;
  /** The case name under --cases; the type id otherwise. */
  name: string;
  url: string;
  startedAt: string;
  request: { method: string; headers: Record<string, string>; body: unknown };
  response: { status: number; headers: Record<string, string>; body: unknown; bytes: number; wireBytes: number } | null;
  timings: ProbeTimings;
  tls: TlsDetails | null;
  checks: Check[];
  /**
   * A transport fault: no checks ran. `detail` is the library's own words (English, secrets masked): shown only with
   * --verbose and in JSON, never inside a message.
   */
  fault?: { kind: FaultKind; code: string; message: Msg; detail: string };
  redirects: RedirectHop[];
  insecure: boolean;
  proxy?: string;
  warnings: Msg[];
}

export interface LoadSummary {
  requests: number;
  concurrency: number;
  passed: number;
  failed: number;
  /** Transport faults by kind, and failed checks by check name (`check:code`, `check:time` …). */
  errorsByKind: Record<string, number>;
  latency: LatencySummary;
  /** Counts of the latencies in 24 equal ranges from latency.min to latency.max (the report's histogram). */
  histogram: number[];
  throughput: number;
  wallMs: number;
}

export interface TestApiRun {
  dst: string | null;
  type: string;
  url: string;
  insecure: boolean;
  probes: ProbeResult[];
  /** Present under --repeat: the figures of the whole run (probes then holds the first failures only). */
  load?: LoadSummary;
  warnings: Msg[];
  saved: string[];
  /** 0 all passed, 1 a check failed, 3 a transport fault. */
  exitCode: ProbeExitCode;
}

/** A run's exit: every probe passed, a check failed, or the server could not be reached. */
export type ProbeExitCode = typeof ExitCode.Ok | typeof ExitCode.CheckFailed | typeof ExitCode.Network;
