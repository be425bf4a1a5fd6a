import type { Severity } from './evidence-types.js';

/**
 * What the Government Office would say of a URL a province asks it to configure: the portal calls the province
 * from the Internet, so the URL must be `https://` on a name or address the Internet can reach.
 */
export interface UrlFinding {
  severity: Severity;
  /** Catalogue key of the message; the fix is `evidence.fix.url.<same suffix>`. */
  key: string;
}

const LOCAL_SUFFIXES = ['.local', '.localhost', '.internal', '.lan', '.home.arpa', '.intranet'];

function ipv4(host: string): number[] | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  return parts.every((p) => p <= 255) ? parts : undefined;
}

function privateV4([a, b]: number[]): boolean {
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function privateV6(host: string): boolean {
  const h = host.toLowerCase();
  return h === '::1' || h === '::' || /^f[cd][0-9a-f]{2}:/.test(h) || /^fe[89ab][0-9a-f]:/.test(h);
}

/** Loopback, private range, link-local or a local-only name: the portal cannot reach it. */
export function unreachableHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host.includes(':')) return privateV6(host);
  if (host === 'localhost' || LOCAL_SUFFIXES.some((s) => host.endsWith(s)) || !host.includes('.')) return true;
  const v4 = ipv4(host);
  return v4 !== undefined && privateV4(v4);
}

function isIpLiteral(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '');
  return ipv4(host) !== undefined || host.includes(':');
}

/** Every finding about one URL, errors first; [] when the Government Office would take it as it is. */
export function urlFindings(url: string): UrlFinding[] {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return [{ severity: 'error', key: 'notUrl' }];
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return [{ severity: 'error', key: 'notUrl' }];
  const out: UrlFinding[] = [];
  if (unreachableHost(u.hostname)) out.push({ severity: 'error', key: 'unreachable' });
  if (u.username || u.password) out.push({ severity: 'error', key: 'credentials' });
  if (u.protocol === 'http:') out.push({ severity: 'warning', key: 'plainHttp' });
  if (isIpLiteral(u.hostname) && !unreachableHost(u.hostname)) out.push({ severity: 'warning', key: 'ipAddress' });
  return out;
}
