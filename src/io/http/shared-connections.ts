import type { Dispatcher } from 'undici';
import { Pool } from './undici-parts.js';
import { timedConnector, type ConnectorOptions } from './timed-connector.js';
import type { TlsDetails } from './timed-connector.js';

/** The request a connection is opened for: the connection's phases are timed into its marks. */
export type ConnectionWatcher = Pick<ConnectorOptions, 'now' | 'marks' | 'onTls' | 'onRemote'>;

export interface SharedConnectionOptions {
  timeoutMs: number;
  ca?: string[];
  insecure: boolean;
  connections: number;
  /**
   * Requests go one at a time (a rehearsal's steps): the request that opens a connection gets its DNS, connect
   * and TLS timings, as a probe on a fresh connection would. A load run's concurrent requests get none.
   */
  sequential?: boolean;
}

/**
 * Keep-alive connections shared by the requests of a load run (`--repeat`) or the steps of a rehearsal: a pool per
 * origin with as many connections as the concurrency, the way a real client (and a load tool) talks to a server. A
 * single probe never uses it: its timings need a fresh connection. On a reused connection dns/connect/tls are not
 * measured.
 */
export class SharedConnections {
  private readonly pools = new Map<string, Dispatcher>();
  private watcher: ConnectionWatcher | null = null;
  /** The certificate seen by the first TLS connection. */
  tls: TlsDetails | null = null;

  constructor(private readonly o: SharedConnectionOptions) {}

  get sequential(): boolean {
    return this.o.sequential === true;
  }

  /**
   * The request now in flight, under `sequential`, or a load run's first request, sent alone before the others
   * (ignored otherwise: concurrent requests share connections).
   */
  watch(w: ConnectionWatcher | null): void {
    this.watcher = w;
  }

  private connector(): ConnectorOptions {
    const w = this.watcher;
    return {
      timeoutMs: this.o.timeoutMs,
      ca: this.o.ca,
      insecure: this.o.insecure,
      now: w ? w.now : () => 0,
      marks: w ? w.marks : {},
      onTls: (t) => {
        this.tls ??= t;
        w?.onTls(t);
      },
      onRemote: (a) => w?.onRemote?.(a),
      keepAlive: true,
    };
  }

  for(origin: string): Dispatcher {
    let pool = this.pools.get(origin);
    if (!pool) {
      const plain = timedConnector(this.connector());
      pool = new Pool(origin, {
        connections: this.o.connections,
        // A connection opened for a watched request is timed into that request's marks.
        connect: (opts, cb) => (this.watcher ? timedConnector(this.connector()) : plain)(opts, cb),
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
