import { createRequire } from 'node:module';
import type * as Undici from 'undici';

/**
 * The parts of undici a probe needs, loaded by their own modules: `require('undici')` loads fetch, websockets,
 * caches and mocks too (about 40 ms of a 300 ms run). undici 7 publishes no `exports` map, so these paths resolve;
 * should a later version move them, the whole package is loaded instead.
 */
const require = createRequire(import.meta.url);

function part<T>(deep: string, pick: (u: typeof Undici) => T): T {
  try {
    return require(deep) as T;
  } catch {
    return pick(require('undici') as typeof Undici);
  }
}

export const Client: typeof Undici.Client = part('undici/lib/dispatcher/client.js', (u) => u.Client);
export const Pool: typeof Undici.Pool = part('undici/lib/dispatcher/pool.js', (u) => u.Pool);
export const buildConnector: typeof Undici.buildConnector = part('undici/lib/core/connect.js', (u) => u.buildConnector);

/** Loaded only when a proxy is used, and whole: ProxyAgent relies on the API methods undici's index adds. */
export function loadProxyAgent(): typeof Undici.ProxyAgent {
  return (require('undici') as typeof Undici).ProxyAgent;
}
