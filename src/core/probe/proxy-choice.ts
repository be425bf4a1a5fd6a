/**
 * Which proxy a request goes through: --proxy first, then HTTPS_PROXY / HTTP_PROXY (either case), unless
 * NO_PROXY (or no_proxy) lists the host. NO_PROXY entries: `*`, a host, `.domain` or `domain` (matches
 * sub-domains too), optionally with `:port`. Same rules as curl and undici's EnvHttpProxyAgent.
 */
export function chooseProxy(
  target: URL,
  env: Record<string, string | undefined>,
  explicit?: string,
): string | undefined {
  if (explicit) return explicit;
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  const proxy =
    target.protocol === 'https:'
      ? pick('https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY')
      : pick('http_proxy', 'HTTP_PROXY');
  if (!proxy) return undefined;
  const noProxy = pick('no_proxy', 'NO_PROXY');
  if (noProxy && bypasses(target, noProxy)) return undefined;
  return proxy;
}

export function bypasses(target: URL, noProxy: string): boolean {
  const host = target.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = target.port || (target.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry);
    const name = (m?.[1] ?? entry).replace(/^\*?\./, '');
    const entryPort = m?.[2];
    if (entryPort && entryPort !== port) continue;
    if (host === name || host.endsWith('.' + name)) return true;
  }
  return false;
}
