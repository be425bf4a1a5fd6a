/**
 * The test-api JSON result as the HTML report reads it, loosely typed so that any version renders: one probe, an
 * array of probes, or a whole run `{probes, load}`. Messages may be plain strings or catalogue messages
 * `{key, params}`. A load run's figures come either as `repeat: {count, concurrency, latency, throughput, errors,
 * histogram? | latencies?}` or as the command's `load: {requests, concurrency, latency, throughput, errorsByKind}`.
 */
import type { MessageParams } from '../../../errors.js';
import { binLatencies } from '../../../core/probe/latency-bins.js';

export type MsgLike = string | { key: string; params?: MessageParams } | null | undefined;

export interface Timings {
  dns?: number | null;
  connect?: number | null;
  tls?: number | null;
  ttfb?: number | null;
  download?: number | null;
  total?: number | null;
}

export interface LatencyFigures {
  p50?: number;
  p90?: number;
  p99?: number;
  min?: number;
  max?: number;
  mean?: number;
  count?: number;
}

export interface RepeatFigures {
  count?: number;
  concurrency?: number;
  latency?: LatencyFigures;
  throughput?: number;
  errors?: Record<string, number>;
  /** Counts per bin, bins evenly spaced from latency.min to latency.max. */
  histogram?: number[];
  /** Every measured latency (ms): binned by the report. */
  latencies?: number[];
}

export interface ProbeLike {
  ok?: boolean;
  dst?: string | null;
  type?: string;
  name?: string;
  url?: string;
  startedAt?: string;
  request?: { method?: string; headers?: Record<string, unknown>; body?: unknown } | null;
  response?: { status?: number; headers?: Record<string, unknown>; body?: unknown; bytes?: number } | null;
  timings?: Timings | null;
  tls?: {
    protocol?: string | null;
    cipher?: string | null;
    subject?: string | null;
    issuer?: string | null;
    validTo?: string | null;
    daysToExpiry?: number | null;
    authorized?: boolean;
  } | null;
  checks?: { name?: string; ok?: boolean; message?: MsgLike }[];
  fault?: { kind?: string; code?: string; message?: MsgLike } | null;
  insecure?: boolean;
  proxy?: string;
  warnings?: MsgLike[];
  repeat?: RepeatFigures;
}

export interface RunLike {
  probes?: ProbeLike[];
  load?: {
    requests?: number;
    concurrency?: number;
    passed?: number;
    failed?: number;
    errorsByKind?: Record<string, number>;
    latency?: LatencyFigures;
    throughput?: number;
    wallMs?: number;
    histogram?: number[];
    latencies?: number[];
  };
  repeat?: RepeatFigures;
  warnings?: MsgLike[];
}

export type TestApiInput = ProbeLike | ProbeLike[] | RunLike;

export interface TestApiView {
  probes: ProbeLike[];
  repeat?: RepeatFigures;
}

function isRun(x: TestApiInput): x is RunLike {
  return !Array.isArray(x) && typeof x === 'object' && x !== null && Array.isArray((x as RunLike).probes);
}

/** One list of probes and, for a load run, its figures in the `repeat` form. */
export function toView(input: TestApiInput): TestApiView {
  if (Array.isArray(input)) return { probes: input, repeat: input.find((p) => p.repeat)?.repeat };
  if (isRun(input)) {
    const load = input.load;
    const repeat =
      input.repeat ??
      (load
        ? {
            count: load.requests,
            concurrency: load.concurrency,
            latency: load.latency,
            throughput: load.throughput,
            errors: load.errorsByKind,
            histogram: load.histogram,
            latencies: load.latencies,
          }
        : undefined);
    return { probes: input.probes ?? [], repeat };
  }
  return { probes: [input], repeat: (input as ProbeLike).repeat };
}

/** Bins for the histogram: the given counts, or the latencies counted into `bins` equal ranges. */
export function histogramBins(r: RepeatFigures, bins = 24): { counts: number[]; min: number; max: number } | null {
  if (r.latencies && r.latencies.length > 0) {
    const { counts, min, max } = binLatencies(r.latencies, bins);
    return { counts, min, max: max === min ? min + 1 : max };
  }
  if (r.histogram && r.histogram.length > 0) {
    const min = r.latency?.min ?? 0;
    const max = r.latency?.max ?? min + r.histogram.length;
    return { counts: r.histogram, min, max: max > min ? max : min + 1 };
  }
  return null;
}
