/**
 * The network part of `dvc doctor`: for each configured province and each origin (scheme, host, port) of its API
 * URLs, whether the name resolves, a TCP connection opens and TLS verifies (with the certificate's expiry), directly
 * or, when a proxy applies, through the proxy. Origins shared by several API types are checked once.
 */
import path from 'node:path';
import type { ProvinceConfig } from '../../core/config/schema.js';
import { chooseProxy } from '../../core/probe/proxy-choice.js';
import { maskUrl } from '../../core/probe/mask-secrets.js';
import { resolveHost, rootCertificates, tcpConnect, tlsHandshake } from '../../io/net-probe.js';
import { readText, readTextOrError } from '../../io/read-input.js';
import { fail, msg, pass, warn, type DoctorCheck } from './doctor-check.js';

export const EXPIRY_WARNING_DAYS = 30;

export interface NetworkOptions {
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
  /** Folder of the config file: a province's `tls.caFile` is relative to it. */
  configDir: string;
  now?: Date;
}

function pemCerts(text: string): string[] {
  return text.replace(/\r\n/g, '\n').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
}

/** The CA list for a province with its own `tls.caFile`: public roots, NODE_EXTRA_CA_CERTS and the file. */
async function provinceTrust(
  key: string,
  p: ProvinceConfig,
  o: NetworkOptions,
): Promise<{ ca?: string[]; problem?: DoctorCheck }> {
  const caFile = p.tls?.caFile;
  if (!caFile) return {};
  const file = path.resolve(o.configDir, caFile);
  const text = await readTextOrError(file);
  if (text instanceof Error)
    return {
      problem: fail(
        `net.${key}.caFile`,
        msg('doctor.caFile.unreadable', { province: key, file, reason: text.message }),
        msg('doctor.fix.caFile', { file }),
      ),
    };
  const own = pemCerts(text);
  if (own.length === 0)
    return {
      problem: fail(
        `net.${key}.caFile`,
        msg('doctor.caFile.noCert', { province: key, file }),
        msg('doctor.fix.caFile', { file }),
      ),
    };
  const extraFile = o.env.NODE_EXTRA_CA_CERTS;
  const extra = extraFile ? pemCerts(await readText(extraFile).catch(() => '')) : [];
  return { ca: [...rootCertificates, ...extra, ...own] };
}

interface Origin {
  url: URL;
  types: string[];
}

function originsOf(p: ProvinceConfig): Origin[] {
  const byOrigin = new Map<string, Origin>();
  for (const [type, api] of Object.entries(p.apis)) {
    const url = new URL(api.url);
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    const k = `${url.protocol}//${url.hostname}:${port}`;
    const o = byOrigin.get(k);
    if (o) o.types.push(type);
    else byOrigin.set(k, { url, types: [type] });
  }
  return [...byOrigin.values()];
}

interface OriginScope {
  id: string;
  scope: string;
  host: string;
  port: number;
}

/** Through a proxy: the proxy's URL must parse and its port answer. `done` ends the origin's checks. */
async function reachProxy(
  s: OriginScope,
  proxy: string,
  o: NetworkOptions,
): Promise<{ checks: DoctorCheck[]; done: boolean }> {
  const shown = maskUrl(proxy, { values: [] });
  let proxyUrl: URL;
  try {
    proxyUrl = new URL(proxy);
  } catch {
    const bad = msg('doctor.proxy.bad', { name: 'HTTPS_PROXY', value: shown });
    return { checks: [fail(`${s.id}.proxy`, bad, msg('doctor.fix.proxy'))], done: true };
  }
  const port = Number(proxyUrl.port || (proxyUrl.protocol === 'https:' ? 443 : 80));
  const t = await tcpConnect(proxyUrl.hostname, port, o.timeoutMs);
  if (!t.ok) {
    const why = msg('doctor.proxyTcp.fail', { scope: s.scope, proxy: shown, code: t.error });
    return { checks: [fail(`${s.id}.proxy`, why, msg('doctor.fix.proxyTcp', { proxy: shown }))], done: true };
  }
  return {
    checks: [pass(`${s.id}.proxy`, msg('doctor.proxyTcp.ok', { scope: s.scope, proxy: shown, ms: t.ms }))],
    done: false,
  };
}

/** Directly: DNS, then TCP to the first address. */
async function reachDirect(s: OriginScope, o: NetworkOptions): Promise<{ checks: DoctorCheck[]; done: boolean }> {
  const { id, scope, host, port } = s;
  const d = await resolveHost(host, o.timeoutMs);
  if (!d.ok)
    return {
      checks: [
        fail(`${id}.dns`, msg('doctor.dns.fail', { scope, host, code: d.error }), msg('doctor.fix.dns', { host })),
      ],
      done: true,
    };
  const addresses = d.addresses.slice(0, 3).join(', ');
  const dns = pass(`${id}.dns`, msg('doctor.dns.ok', { scope, host, addresses, ms: d.ms }));
  const t = await tcpConnect(d.addresses[0], port, o.timeoutMs);
  if (!t.ok) {
    const why = msg('doctor.tcp.fail', { scope, host, port, code: t.error });
    return { checks: [dns, fail(`${id}.tcp`, why, msg('doctor.fix.tcp', { host, port }))], done: true };
  }
  return { checks: [dns, pass(`${id}.tcp`, msg('doctor.tcp.ok', { scope, host, port, ms: t.ms }))], done: false };
}

/** The TLS verdict: failed handshake, expired, untrusted (a warning under tls.insecure), expiring soon, or fine. */
async function tlsCheck(
  s: OriginScope,
  p: ProvinceConfig,
  ca: string[] | undefined,
  proxy: string | undefined,
  o: NetworkOptions,
): Promise<DoctorCheck> {
  const { id, scope, host, port } = s;
  const h = await tlsHandshake({ host, port, timeoutMs: o.timeoutMs, ca, proxy, now: o.now });
  const params = {
    scope,
    host,
    code: h.error ?? '',
    validTo: h.validTo ?? '?',
    days: h.daysToExpiry ?? '?',
    protocol: h.protocol ?? '?',
    issuer: h.issuer ?? '?',
  };
  if (h.validTo === undefined && !h.authorized)
    return fail(`${id}.tls`, msg('doctor.tls.fail', params), msg('doctor.fix.tls', { host }));
  if (h.daysToExpiry !== undefined && h.daysToExpiry < 0)
    return fail(`${id}.tls`, msg('doctor.tls.expired', params), msg('doctor.fix.tlsExpiring', { host }));
  if (!h.authorized)
    return p.tls?.insecure
      ? warn(`${id}.tls`, msg('doctor.tls.untrustedInsecure', params), msg('doctor.fix.tlsUntrusted', { host }))
      : fail(`${id}.tls`, msg('doctor.tls.untrusted', params), msg('doctor.fix.tlsUntrusted', { host }));
  if (h.daysToExpiry !== undefined && h.daysToExpiry < EXPIRY_WARNING_DAYS)
    return warn(`${id}.tls`, msg('doctor.tls.expiring', params), msg('doctor.fix.tlsExpiring', { host }));
  return pass(`${id}.tls`, msg('doctor.tls.ok', params));
}

async function checkOrigin(
  key: string,
  p: ProvinceConfig,
  origin: Origin,
  ca: string[] | undefined,
  o: NetworkOptions,
): Promise<DoctorCheck[]> {
  const { url } = origin;
  const host = url.hostname;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const s: OriginScope = { id: `net.${key}.${host}:${port}`, scope: `${key} (${origin.types.join(', ')})`, host, port };
  const proxy = chooseProxy(url, o.env);
  const reached = proxy ? await reachProxy(s, proxy, o) : await reachDirect(s, o);
  if (reached.done) return reached.checks;
  if (url.protocol !== 'https:')
    return [
      ...reached.checks,
      warn(`${s.id}.tls`, msg('doctor.tls.plainHttp', { scope: s.scope, host }), msg('doctor.fix.plainHttp')),
    ];
  return [...reached.checks, await tlsCheck(s, p, ca, proxy, o)];
}

/** All provinces' checks, run concurrently, returned in config order. */
export async function checkProvinces(provinces: [string, ProvinceConfig][], o: NetworkOptions): Promise<DoctorCheck[]> {
  const perProvince = await Promise.all(
    provinces.map(async ([key, p]) => {
      const origins = originsOf(p);
      if (origins.length === 0)
        return [warn(`net.${key}`, msg('doctor.noApis', { province: key }), msg('doctor.fix.noApis'))];
      const trust = await provinceTrust(key, p, o);
      if (trust.problem) return [trust.problem];
      const lists = await Promise.all(origins.map((origin) => checkOrigin(key, p, origin, trust.ca, o)));
      return lists.flat();
    }),
  );
  return perProvince.flat();
}
