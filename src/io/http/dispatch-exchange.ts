import type { Dispatcher } from 'undici';
import { tooLarge } from './read-body.js';
import type { Deadline } from './deadline.js';

export interface RawAnswer {
  status: number;
  /** Header names in lower case; repeated headers joined by `, `. */
  headers: Record<string, string>;
  /** The body as it came on the wire (still compressed). */
  wire: Buffer;
}

/** Undici's controller of a dispatched request (its handler API of version 7). */
interface Controller {
  abort(reason: Error): void;
}

/**
 * One request on an undici dispatcher, through its `dispatch` API with a handler of dvc's own: the answer is
 * gathered into a buffer as it comes (no body stream per request), held to `maxBytes` (declared or counted), and
 * cut by the deadline. Framing, parsing and connection handling stay undici's: a single probe and every request of
 * a load run get the same verdict from the same parser. `onHeaders` and `onChunk` mark the phases.
 */
export function dispatchExchange(
  dispatcher: Dispatcher,
  opts: Dispatcher.DispatchOptions,
  o: { maxBytes: number; deadline: Deadline; onHeaders: () => void; onChunk: () => void },
): Promise<RawAnswer> {
  return new Promise<RawAnswer>((resolve, reject) => {
    let controller: Controller | undefined;
    let done = false;
    let status = 0;
    let headers: Record<string, string> = {};
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (err: Error | null) => {
      if (done) return;
      done = true;
      o.deadline.removeListener('abort', onDeadline);
      if (err) reject(err);
      else resolve({ status, headers, wire: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
    };
    const cut = (err: Error) => {
      // Settled first: the abort's own error then comes back to a handler that is done.
      finish(err);
      controller?.abort(err);
    };
    // The deadline ends the exchange at once, even before undici has a request to abort (queued, connecting).
    const onDeadline = () => cut(o.deadline.reason ?? new Error('aborted'));
    if (o.deadline.aborted) return onDeadline();
    o.deadline.once('abort', onDeadline);
    const handler = {
      onRequestStart(ctrl: Controller) {
        controller = ctrl;
        if (done) ctrl.abort(new Error('aborted'));
      },
      onResponseStart(_ctrl: Controller, statusCode: number, raw: Record<string, string | string[] | undefined>) {
        if (done) return;
        status = statusCode;
        const flat: Record<string, string> = {};
        for (const [k, v] of Object.entries(raw)) {
          if (v === undefined) continue;
          const key = k.toLowerCase();
          const value = Array.isArray(v) ? v.join(', ') : v;
          flat[key] = flat[key] === undefined ? value : `${flat[key]}, ${value}`;
        }
        headers = flat;
        o.onHeaders();
        const declared = Number(flat['content-length']);
        if (Number.isFinite(declared) && declared > o.maxBytes) cut(tooLarge(o.maxBytes));
      },
      onResponseData(_ctrl: Controller, chunk: Buffer) {
        if (done) return;
        o.onChunk();
        size += chunk.length;
        if (size > o.maxBytes) return cut(tooLarge(o.maxBytes));
        chunks.push(chunk);
      },
      onResponseEnd() {
        finish(null);
      },
      onResponseError(_ctrl: Controller, err: Error) {
        finish(err);
      },
    };
    try {
      dispatcher.dispatch(opts, handler as unknown as Dispatcher.DispatchHandler);
    } catch (e) {
      finish(e as Error);
    }
  });
}
