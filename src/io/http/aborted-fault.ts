import type { Fault } from '../../core/probe/fault.js';
import type { ProbeMarks } from '../../core/probe/timings.js';

/** What an exchange measured as it went: enough to name the phase a deadline cut. */
export interface ExchangeProgress {
  marks: ProbeMarks;
  /** When the last body chunk arrived, and how many came. */
  lastChunk?: number;
  chunks?: number;
  now: () => number;
}

/**
 * The deadline ended the exchange: name the phase that stalled, as undici's own timeouts would (they fire at the
 * same moment and lose the race), or `deadline` for an answer that kept coming too slowly (a drip).
 */
export function abortedFault(c: ExchangeProgress, timeoutMs: number, pooled: boolean): Fault {
  const m = c.marks;
  // A kept-alive connection of a pool was connected before this request began (its connect was not timed here).
  const connected = m.socketReady ?? m.secureEnd ?? m.connectEnd ?? (pooled || m.headers !== undefined ? 0 : undefined);
  if (connected === undefined)
    return { kind: 'connectTimeout', code: 'UND_ERR_CONNECT_TIMEOUT', detail: `no connection within ${timeoutMs} ms` };
  if (m.headers === undefined)
    return { kind: 'headersTimeout', code: 'UND_ERR_HEADERS_TIMEOUT', detail: `no headers within ${timeoutMs} ms` };
  const quiet = c.now() - (c.lastChunk ?? m.headers);
  // A body that stopped after its first piece stalled; one that kept coming in pieces was too slow as a whole.
  if (quiet >= timeoutMs / 2 || (c.chunks ?? 0) <= 1)
    return { kind: 'bodyTimeout', code: 'UND_ERR_BODY_TIMEOUT', detail: `body stalled for ${Math.round(quiet)} ms` };
  return { kind: 'deadline', code: 'DVC_DEADLINE', detail: `no complete answer within ${timeoutMs} ms` };
}
