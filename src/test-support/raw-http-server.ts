import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface RawServer {
  url: string;
  /** Connections accepted so far. */
  connections: number;
  /** Requests read so far, over every connection. */
  requests: number;
  /** The most connections open at once. */
  peakOpen: number;
  close(): Promise<void>;
}

/**
 * A TCP server on 127.0.0.1 that answers each HTTP/1.1 request with the bytes it is given, as they are: heads and
 * framing no HTTP library would write (bad chunk sizes, bare LF, wrong lengths, extra bytes). `answer` gets the
 * request's number on its connection and over the whole server. Requests are read by their Content-Length.
 */
export async function rawHttpServer(
  answer: (n: { onConnection: number; overall: number }, socket: net.Socket) => Buffer | string | null,
): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const state = { connections: 0, requests: 0, peakOpen: 0 };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    state.connections++;
    state.peakOpen = Math.max(state.peakOpen, sockets.size);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    let onConnection = 0;
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        buf = buf.subarray(end + 4 + length);
        state.requests++;
        const out = answer({ onConnection: onConnection++, overall: state.requests - 1 }, socket);
        if (out !== null && !socket.destroyed) socket.write(out);
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get connections() {
      return state.connections;
    },
    get requests() {
      return state.requests;
    },
    get peakOpen() {
      return state.peakOpen;
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
