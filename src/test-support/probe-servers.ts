import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { TestPki } from './tls-certs.js';

/**
 * Real loopback servers for the transport tests (undici's own sockets are invisible to msw): one handler
 * with a route per behaviour of the fault matrix, served over http and over https with any certificate chain.
 */
export function probeHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://x');
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const json = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(JSON.stringify(value));
    };
    switch (url.pathname) {
      case '/ok':
        return json(200, { error_code: 0, message: 'Tiếp nhận thành công' });
      case '/ok-string-code':
        return json(200, { error_code: '0', message: 'OK' });
      case '/biz-fail':
        return json(200, { error_code: -1, message: 'Hồ sơ 000.04.05.H55-230731-0101 không tồn tại' });
      case '/html500':
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end('<html><body><h1>500 Internal Server Error</h1></body></html>');
      case '/badjson':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end('{"error_code": 0, "message": ');
      case '/text':
        res.writeHead(200, { 'content-type': 'text/plain' });
        return void res.end('{"error_code":0,"message":"ok"}');
      case '/gzip':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return void res.end(gzipSync(JSON.stringify({ error_code: 0, message: 'nén gzip' })));
      case '/br':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
        return void res.end(brotliCompressSync(JSON.stringify({ error_code: 0, message: 'nén br' })));
      case '/big': {
        // 50 MB without content-length, in 64 KiB chunks; stops when the client goes away.
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(65_536, 0x20);
        let left = 800;
        const pump = () => {
          while (left > 0) {
            left--;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => (left = 0));
        return pump();
      }
      case '/big-declared':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) });
        res.write('{');
        return void setTimeout(() => res.destroy(), 2000).unref();
      case '/redirect':
        res.writeHead(302, { location: '/ok' });
        return void res.end();
      case '/redirect-loop':
        res.writeHead(307, { location: '/redirect-loop' });
        return void res.end();
      case '/slow-headers':
        return void setTimeout(() => json(200, { error_code: 0 }), 3000).unref();
      case '/slow-body':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"error_code":');
        return void setTimeout(() => res.end('0}'), 3000).unref();
      case '/slow-ok':
        return void setTimeout(() => json(200, { error_code: 0, message: 'chậm' }), 120).unref();
      case '/reset':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"error_code":0,"message":"');
        return void setTimeout(() => req.socket.destroy(), 20).unref();
      case '/echo':
        return json(200, { error_code: 0, message: 'echo', method: req.method, headers: req.headers, body });
      default:
        return json(404, { error_code: -1, message: `no route ${url.pathname}` });
    }
  });
}

export interface Running {
  url: string;
  port: number;
  close(): Promise<void>;
}

function listen(server: http.Server | https.Server | net.Server, scheme: string): Promise<Running> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `${scheme}://127.0.0.1:${port}`,
        port,
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}

export function startHttp(handler = probeHandler): Promise<Running> {
  return listen(http.createServer(handler), 'http');
}

export function startHttps(cert: string, key: string, handler = probeHandler): Promise<Running> {
  return listen(https.createServer({ cert, key }, handler), 'https');
}

/** One HTTPS server per certificate chain of the test PKI (good, leaf only, expired, wrong host, self-signed, soon). */
export async function startTlsServers(pki: TestPki, handler = probeHandler): Promise<Record<string, Running>> {
  return {
    good: await startHttps(pki.goodChain, pki.key, handler),
    leafOnly: await startHttps(pki.leafOnly, pki.key, handler),
    expired: await startHttps(pki.expiredChain, pki.key, handler),
    wrongHost: await startHttps(pki.wrongHostChain, pki.key, handler),
    selfSigned: await startHttps(pki.selfSigned, pki.key, handler),
    soon: await startHttps(pki.soonChain, pki.key, handler),
  };
}

/** A port that refuses connections: opened, noted, closed. */
export async function closedPort(): Promise<number> {
  const r = await listen(net.createServer(), 'tcp');
  await r.close();
  return r.port;
}

/** A minimal HTTP CONNECT proxy that counts the tunnels it opened. */
export async function startConnectProxy(): Promise<Running & { tunnels: () => number }> {
  let tunnels = 0;
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), host, () => {
      tunnels++;
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const r = await listen(server, 'http');
  return { ...r, tunnels: () => tunnels };
}
