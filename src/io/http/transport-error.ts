import type { Fault } from '../../core/probe/fault.js';
import type { ProbeTimings } from '../../core/probe/timings.js';
import type { TlsDetails } from './timed-connector.js';

/** A transport fault, with what was measured before it happened. */
export class TransportError extends Error {
  constructor(
    readonly fault: Fault,
    readonly timings: ProbeTimings,
    readonly tls: TlsDetails | null,
    readonly url: string,
  ) {
    super(`${fault.kind}: ${fault.detail}`);
    this.name = 'TransportError';
  }
}
