import type { Dispatcher } from 'undici';
import { Pool } from './undici-parts.js';
import { timedConnector } from './timed-connector.js';
import type { TlsDetails } from './timed-connector.js';

/**
 * Keep-alive connections shared by the requests of a load run (`--repeat`): a pool per origin with as many
 * connections as the concurrency, the way a real client (and a load tool) talks to a server. A single probe never
 * uses it: its timings need a fresh connection. On a reused connection dns/connect/tls are not measured.
 */
export class SharedConnections {
  private readonly pools = new Map<string, Dispatcher>();
  /** The certificate seen by the first TLS connection. */
  tls: TlsDetails | null = null;

  constructor(private readonly o: { timeoutMs: number; ca?: string[]; insecure: boolean; connections: number }) {}

  for(origin: string): Dispatcher {
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.o.connections,
        connect: timedConnector({
          timeoutMs: this.o.timeoutMs,
          ca: this.o.ca,
          insecure: this.o.insecure,
          now: () => 0,
          marks: {},
          onTls: (t) => (this.tls ??= t),
          onRemote: () => {},
        }),
        headersTimeout: this.o.timeoutMs,
        bodyTimeout: this.o.timeoutMs,
        pipelining: 1,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  async close(): Promise<void> {
    await Promise.all([...this.pools.values()].map((p) => p.close().catch(() => {})));
    this.pools.clear();
  }
}
