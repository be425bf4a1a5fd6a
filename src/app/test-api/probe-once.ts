import { parseBoundedJson } from '../../core/api/json-depth.js';
import {
  judgeResponse,
  type ApiType,
  type Check,
  type Judgement,
  type Msg,
  type ResponseRule,
} from '../../core/api/api-type-registry.js';
import { maskHeaders, maskText, maskUrl, maskValue, scansText, type SecretSet } from '../../core/probe/mask-secrets.js';
import { sendProbe, TransportError, type HttpExchange, type HttpProbeRequest } from '../../io/http/send-probe.js';
import type { SharedConnections } from '../../io/http/shared-connections.js';
import { withBodyKey, type BodyCase } from './request-body.js';
import type { ProbeResult } from './probe-result.js';
import type { Target } from './probe-target.js';
import { stripBom } from '../../core/text/utf8.js';

export interface ProbeSettings {
  timeoutMs: number;
  maxTimeMs: number;
  maxBytes: number;
  ca?: string[];
  proxy?: string;
  follow: boolean;
  env: Record<string, string | undefined>;
  /** Keep-alive connections of a load run (see SharedConnections). */
  shared?: SharedConnections;
}

/** Days of certificate validity under which a probe warns. */
export const CERT_WARN_DAYS = 30;

function parseBody(x: HttpExchange, judged: Judgement): unknown {
  if (judged.json) return judged.json.value;
  const text = x.body.toString('utf8');
  const type = x.headers['content-type'] ?? '';
  if (/json/i.test(type) || /^\s*[[{]/.test(text)) {
    try {
      // Too deep an answer stays text: every later reader (masking, JSON output, reports) can then handle it.
      return parseBoundedJson(stripBom(text));
    } catch {
      return text;
    }
  }
  return text;
}

function serialise(body: unknown): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function httpRequest(target: Target, sent: unknown, s: ProbeSettings): HttpProbeRequest {
  const payload = serialise(sent);
  return {
    url: target.url,
    method: target.method,
    headers: { ...target.headers },
    ...(payload !== undefined && target.method !== 'GET' ? { body: payload } : {}),
    timeoutMs: s.timeoutMs,
    maxBytes: s.maxBytes,
    ...(s.ca ? { ca: s.ca } : {}),
    insecure: target.insecure,
    ...(s.proxy ? { proxy: s.proxy } : {}),
    follow: s.follow,
    env: s.env,
    ...(s.shared ? { shared: s.shared } : {}),
    credentialHeaders: target.secrets.headers ?? [],
    bodyHasCredential: target.bodyKey !== undefined,
  };
}

type ProbeBase = Omit<ProbeResult, 'ok' | 'response' | 'timings' | 'tls' | 'checks' | 'redirects' | 'warnings'>;

/** A transport fault: no checks ran; the message names the fault with its host, port and limits. */
function faultResult(base: ProbeBase, e: TransportError, s: ProbeSettings, secrets: SecretSet): ProbeResult {
  const host = safeHost(e.url);
  const detail = maskText(e.fault.detail, secrets);
  const message: Msg = {
    key: `testApi.fault.${e.fault.kind}`,
    params: {
      url: maskUrl(e.url, secrets),
      host: host.host,
      port: host.port,
      timeout: s.timeoutMs,
      limit: s.maxBytes,
      code: e.fault.code,
      proxy: e.fault.via ?? '',
      status: e.fault.status ?? '',
      detail,
    },
  };
  return {
    ...base,
    ok: false,
    response: null,
    timings: e.timings,
    tls: e.tls,
    checks: [],
    fault: { kind: e.fault.kind, code: e.fault.code, message, detail },
    redirects: [],
    warnings: [],
  };
}

/** Certificate expiring or not verified (under --insecure), redirects followed or not. */
function exchangeWarnings(x: HttpExchange, s: ProbeSettings, secrets: SecretSet): Msg[] {
  const warnings: Msg[] = [];
  if (x.tls && x.tls.daysToExpiry !== null && x.tls.daysToExpiry < CERT_WARN_DAYS) {
    warnings.push({
      key: 'testApi.warn.certExpiring',
      params: { days: x.tls.daysToExpiry, date: x.tls.validTo ?? '' },
    });
  }
  if (x.tls && !x.tls.authorized && x.tls.authorizationError) {
    warnings.push({ key: 'testApi.warn.insecureWouldFail', params: { reason: x.tls.authorizationError } });
  }
  for (const r of x.redirects) {
    warnings.push({
      key: s.follow ? 'testApi.warn.redirectFollowed' : 'testApi.warn.redirectNotFollowed',
      params: { status: r.status, location: maskUrl(r.location, secrets) },
    });
  }
  return warnings;
}

/** The checks of an answer, judged by the target's rule; messages are masked when the result is built. */
function judge(type: ApiType, rule: ResponseRule, x: HttpExchange): Judgement {
  return judgeResponse(type, rule, { status: x.status, headers: x.headers, body: x.body, timeMs: x.timings.total });
}

function answerResult(base: ProbeBase, x: HttpExchange, judged: Judgement, s: ProbeSettings, secrets: SecretSet) {
  const checks: Check[] = judged.checks.map((ch) => ({
    ...ch,
    message: { key: ch.message.key, params: maskParams(ch.message.params, secrets) },
  }));
  const result: ProbeResult = {
    ...base,
    url: maskUrl(x.url, secrets),
    ok: checks.every((ch) => ch.ok),
    response: {
      status: x.status,
      headers: maskHeaders(x.headers, secrets),
      body: maskValue(parseBody(x, judged), secrets),
      bytes: x.bytes,
      wireBytes: x.wireBytes,
    },
    timings: x.timings,
    tls: x.tls,
    checks,
    redirects: x.redirects.map((r) => ({
      ...r,
      from: maskUrl(r.from, secrets),
      location: maskUrl(r.location, secrets),
    })),
    ...(x.proxy ? { proxy: maskUrl(x.proxy, secrets) } : {}),
    warnings: exchangeWarnings(x, s, secrets),
  };
  return result;
}

/** A case ready to send: its body with the key set, the HTTP request and the rule with the time limit. */
export interface PreparedCase {
  name: string;
  sent: unknown;
  req: HttpProbeRequest;
  rule: ResponseRule;
}

const timedRules = new WeakMap<ResponseRule, Map<number, ResponseRule>>();

/**
 * The target's rule with the time limit, one object per rule and limit: the checks merge and cache a rule by its
 * object, so probes of the same target (a rehearsal's, a bench's) judge by the rule merged once.
 */
function timedRule(rule: ResponseRule, maxTimeMs: number): ResponseRule {
  let byLimit = timedRules.get(rule);
  if (!byLimit) timedRules.set(rule, (byLimit = new Map()));
  let timed = byLimit.get(maxTimeMs);
  if (!timed) byLimit.set(maxTimeMs, (timed = { ...rule, maxTimeMs }));
  return timed;
}

/** Everything about a case that does not change from one send to the next (a load run sends it N times). */
export function prepareCase(target: Target, c: BodyCase, s: ProbeSettings): PreparedCase {
  const sent = withBodyKey(c.body, target.bodyKey);
  return { name: c.name, sent, req: httpRequest(target, sent, s), rule: timedRule(target.rule, s.maxTimeMs) };
}

/**
 * What one send came to, before anything is built for output: a load run counts these and builds (and masks)
 * the full result only for the few probes it shows.
 */
export interface ProbeOutcome {
  ok: boolean;
  /** The transport fault's kind, or `check:<name>` of each failed check. */
  failures: string[];
  fault: boolean;
  /** The exchange's total time (ms); with a fault, up to the fault. */
  totalMs: number;
  /** The full result, every secret masked. */
  result: () => ProbeResult;
}

function probeBase(type: ApiType, target: Target, p: PreparedCase, startedAt: number): ProbeBase {
  const secrets = target.secrets;
  return {
    dst: target.dst,
    type: type.id,
    name: p.name,
    url: maskUrl(target.url, secrets),
    startedAt: new Date(startedAt).toISOString(),
    request: {
      method: target.method,
      headers: maskHeaders(p.req.headers, secrets),
      body: maskValue(p.sent, secrets),
    },
    insecure: target.insecure,
  };
}

/**
 * The last answer a load run judged, by all its checks depend on but the time (status, content type, body), with
 * the checks it failed other than `time`: the answers of a load run are mostly alike, and one alike to the last
 * fails the same checks. Its full result, when shown, is judged in full.
 */
export interface JudgeMemo {
  last?: { status: number; contentType: string | undefined; body: Buffer; failures: string[] };
}

function memoHit(memo: JudgeMemo | undefined, x: HttpExchange): string[] | undefined {
  const last = memo?.last;
  if (!last || last.status !== x.status || last.contentType !== x.headers['content-type']) return undefined;
  return last.body.equals(x.body) ? last.failures : undefined;
}

function answerOutcome(
  type: ApiType,
  target: Target,
  p: PreparedCase,
  s: ProbeSettings,
  x: HttpExchange,
  startedAt: number,
  memo?: JudgeMemo,
): ProbeOutcome {
  const build = (judged: Judgement) => () =>
    answerResult(probeBase(type, target, p, startedAt), x, judged, s, target.secrets);
  const known = memoHit(memo, x);
  if (known) {
    // The time check, as judgeResponse makes it (the last check).
    const max = p.rule.maxTimeMs;
    const failures = max === undefined || Math.round(x.timings.total) <= max ? known : [...known, 'check:time'];
    return {
      ok: failures.length === 0,
      failures,
      fault: false,
      totalMs: x.timings.total,
      result: () => build(judge(type, p.rule, x))(),
    };
  }
  const judged = judge(type, p.rule, x);
  const failures = judged.checks.filter((ch) => !ch.ok).map((ch) => `check:${ch.name}`);
  if (memo) {
    const untimed = failures.filter((f) => f !== 'check:time');
    memo.last = { status: x.status, contentType: x.headers['content-type'], body: x.body, failures: untimed };
  }
  return { ok: failures.length === 0, failures, fault: false, totalMs: x.timings.total, result: build(judged) };
}

/** Sends a prepared case once and judges the answer; the result is built only when asked for. */
export async function sendCase(
  type: ApiType,
  target: Target,
  p: PreparedCase,
  s: ProbeSettings,
  memo?: JudgeMemo,
): Promise<ProbeOutcome> {
  const startedAt = Date.now();
  const secrets: SecretSet = target.secrets;
  let x: HttpExchange;
  try {
    x = await sendProbe(p.req);
  } catch (e) {
    if (!(e instanceof TransportError)) throw e;
    return {
      ok: false,
      failures: [e.fault.kind],
      fault: true,
      totalMs: e.timings.total,
      result: () => faultResult(probeBase(type, target, p, startedAt), e, s, secrets),
    };
  }
  return answerOutcome(type, target, p, s, x, startedAt, memo);
}

/** Sends one case to the target, runs the checks, and returns the result with every secret masked. */
export async function probeOnce(type: ApiType, target: Target, c: BodyCase, s: ProbeSettings): Promise<ProbeResult> {
  return (await sendCase(type, target, prepareCase(target, c, s), s)).result();
}

function maskParams(p: Msg['params'], s: SecretSet): Msg['params'] {
  if (!scansText(s)) return p;
  return Object.fromEntries(Object.entries(p).map(([k, v]) => [k, typeof v === 'string' ? maskText(v, s) : v]));
}

function safeHost(url: string): { host: string; port: string } {
  try {
    const u = new URL(url);
    return { host: u.hostname, port: u.port || (u.protocol === 'https:' ? '443' : '80') };
  } catch {
    return { host: url, port: '' };
  }
}
