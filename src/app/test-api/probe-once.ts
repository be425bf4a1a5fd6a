import { checkResponse, type ApiType, type Check, type Msg } from '../../core/api/api-type-registry.js';
import { maskHeaders, maskText, maskUrl, maskValue, type SecretSet } from '../../core/probe/mask-secrets.js';
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

function parseBody(x: HttpExchange): unknown {
  const text = x.body.toString('utf8');
  const type = x.headers['content-type'] ?? '';
  if (/json/i.test(type) || /^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(stripBom(text));
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

/** Sends one case to the target, runs the checks, and returns the result with every secret masked. */
export async function probeOnce(type: ApiType, target: Target, c: BodyCase, s: ProbeSettings): Promise<ProbeResult> {
  const startedAt = new Date().toISOString();
  const sent = withBodyKey(c.body, target.bodyKey);
  const payload = serialise(sent);
  const req: HttpProbeRequest = {
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
  };
  const secrets: SecretSet = target.secrets;
  const base = {
    dst: target.dst,
    type: type.id,
    name: c.name,
    url: maskUrl(target.url, secrets),
    startedAt,
    request: { method: target.method, headers: maskHeaders(req.headers, secrets), body: maskValue(sent, secrets) },
    insecure: target.insecure,
  };
  const warnings: Msg[] = [];
  let x: HttpExchange;
  try {
    x = await sendProbe(req);
  } catch (e) {
    if (!(e instanceof TransportError)) throw e;
    const host = safeHost(e.url);
    const message: Msg = {
      key: `testApi.fault.${e.fault.kind}`,
      params: {
        url: maskUrl(e.url, secrets),
        host: host.host,
        port: host.port,
        timeout: s.timeoutMs,
        limit: s.maxBytes,
        code: e.fault.code,
        detail: maskText(e.fault.detail, secrets),
      },
    };
    return {
      ...base,
      ok: false,
      response: null,
      timings: e.timings,
      tls: e.tls,
      checks: [],
      fault: { kind: e.fault.kind, code: e.fault.code, message },
      redirects: [],
      warnings,
    };
  }
  const checks: Check[] = checkResponse(
    type,
    { ...target.rule, maxTimeMs: s.maxTimeMs },
    {
      status: x.status,
      headers: x.headers,
      body: x.body,
      timeMs: x.timings.total,
    },
  ).map((ch) => ({ ...ch, message: { key: ch.message.key, params: maskParams(ch.message.params, secrets) } }));
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
  return {
    ...base,
    url: maskUrl(x.url, secrets),
    ok: checks.every((ch) => ch.ok),
    response: {
      status: x.status,
      headers: maskHeaders(x.headers, secrets),
      body: maskValue(parseBody(x), secrets),
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
    warnings,
  };
}

function maskParams(p: Msg['params'], s: SecretSet): Msg['params'] {
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
