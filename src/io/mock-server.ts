import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { FILE_LIMITS, readInputText } from './bounded-file.js';
import { DvcError, ExitCode } from '../errors.js';
import { t, type Lang } from '../i18n/i18n.js';
import { listApiTypes, type ApiType, type ApiTypeOverrides, type Msg } from '../core/api/api-type-registry.js';
import { MockProvince, seededRandom, type MockProvinceInfo, type MockStateData } from '../core/api/mock-province.js';
import { JSON_TYPE, type Emulation, type MockHttpAnswer, type MockOutcome } from '../core/api/emulation/emulation.js';
import { emulationNamed, type EmulationName } from '../core/api/emulation/emulations.js';
import { decideExchange } from '../core/api/emulation/decide-exchange.js';
import type { MockAuth } from '../core/api/mock-auth.js';
import { writeFileAtomic } from './atomic-write.js';
import { stripBom } from '../core/text/utf8.js';

/**
 * `dvc mock-api`'s server: a province's endpoints (`POST /tra-cuu`, `/thong-bao-thue`, `/chung-tu`, and any type
 * the config adds) over node:http or node:https, keep-alive, serving what the emulation decides
 * (src/core/api/emulation/decide-exchange.ts).
 * Nothing synchronous touches the disk while serving: the store is written atomically in the background, one
 * write at a time, the last state winning.
 */

export interface MockServerOptions {
  host: string;
  port: number;
  tls?: { cert: string; key: string };
  auth: MockAuth;
  province?: MockProvinceInfo;
  overrides?: ApiTypeOverrides;
  /** ms to wait before every answer. */
  delayMs?: number;
  /** 0..1: probability of an HTTP 500 HTML page. */
  failRate?: number;
  seed?: number;
  /** Always answer this HTTP status. */
  status?: number;
  storeFile?: string;
  /** Whose public code to answer like (the registry's default when absent). */
  emulate?: EmulationName;
  lang: Lang;
  maxBodyBytes?: number;
  now?: () => Date;
  /** How --delay waits (tests pass a recorder). */
  sleep?: (ms: number) => Promise<void>;
  onExchange?: (e: MockExchange) => void;
}

export interface MockExchange {
  method: string;
  path: string;
  status: number;
  errorCode?: number;
  ms: number;
}

export interface MockServerHandle {
  port: number;
  origin: string;
  /** API type id → URL. */
  urls: Record<string, string>;
  province: MockProvince;
  /** Waits until the store file holds the latest state. */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/** The --delay waits in progress: cut short when the server stops, so no answer holds the port past a second. */
const waiting = new Set<() => void>();

function waitCut(ms: number): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      waiting.delete(done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    waiting.add(done);
  });
}

/** How long a stopping server waits for the answers in flight before it closes their connections. */
const STOP_GRACE_MS = 300;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export async function readStore(file: string): Promise<MockStateData | undefined> {
  let text: string;
  try {
    text = await readInputText(file, FILE_LIMITS.store, (e) =>
      Object.assign(new DvcError('mock.storeBad', { file, reason: e.code ?? 'EIO' }, ExitCode.Usage), { code: e.code }),
    );
  } catch (e) {
    if ((e as { code?: string }).code === 'ENOENT') return undefined;
    throw e;
  }
  // The store is dvc's own file, but its content never goes into a message: the reason is a fixed one.
  let data: MockStateData | undefined;
  try {
    data = JSON.parse(stripBom(text)) as MockStateData;
  } catch {
    data = undefined;
  }
  if (data?.version !== 1 || !Array.isArray(data.notices) || !Array.isArray(data.receipts))
    throw new DvcError('mock.storeBad', { file, reason: 'JSON' }, ExitCode.Usage);
  return data;
}

/** Saves the newest state, never two writes at once, never losing the last change. */
function storeWriter(file: string | undefined, snapshot: () => MockStateData) {
  let running: Promise<void> | undefined;
  let again = false;
  const loop = async () => {
    do {
      again = false;
      await writeFileAtomic(file!, JSON.stringify(snapshot(), null, 1) + '\n', { force: true });
    } while (again);
  };
  return {
    changed() {
      if (!file) return;
      if (running) {
        again = true;
        return;
      }
      running = loop().finally(() => {
        running = undefined;
      });
      running.catch(() => {});
    },
    async flush() {
      while (running) await running.catch(() => {});
    },
  };
}

/** Everything a request needs, made once at start. */
interface ServerState {
  o: MockServerOptions;
  emulation: Emulation;
  province: MockProvince;
  types: Map<string, ApiType>;
  random: () => number;
  maxBody: number;
  now: () => Date;
  sleep: (ms: number) => Promise<void>;
  store: ReturnType<typeof storeWriter>;
  msg: (m: Msg) => string;
}

async function serverState(o: MockServerOptions): Promise<ServerState> {
  const data = o.storeFile ? await readStore(o.storeFile) : undefined;
  const emulation = emulationNamed(o.emulate);
  const province = new MockProvince(o.province ?? {}, data, emulation.policy);
  return {
    o,
    emulation,
    province,
    types: new Map<string, ApiType>(listApiTypes(o.overrides ?? {}).map((ty) => [`/${ty.id}`, ty])),
    random: seededRandom(o.seed ?? Math.floor(Math.random() * 2 ** 32)),
    maxBody: o.maxBodyBytes ?? MAX_BODY_BYTES,
    now: o.now ?? (() => new Date()),
    sleep: o.sleep ?? waitCut,
    store: storeWriter(o.storeFile, () => province.snapshot()),
    msg: (m: Msg) => t(o.lang, m.key, m.params),
  };
}

/** One exchange: the request, when it started, and how to answer it. */
class Exchange {
  constructor(
    readonly st: ServerState,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly started: number,
  ) {}

  send(a: MockHttpAnswer): void {
    if (this.res.headersSent) return;
    for (const [k, v] of Object.entries(a.headers ?? {})) this.res.setHeader(k, v);
    this.res.writeHead(a.status, { 'content-type': a.contentType, 'content-length': Buffer.byteLength(a.body) });
    this.res.end(a.body);
    this.st.o.onExchange?.({
      method: this.req.method ?? '',
      path: this.req.url ?? '',
      status: a.status,
      errorCode: a.errorCode,
      ms: performance.now() - this.started,
    });
  }

  /** dvc's own answers (routing, limits, --status): always the reference form. */
  plain(status: number, m: Msg): void {
    this.send({
      status,
      contentType: JSON_TYPE,
      body: JSON.stringify({ error_code: -1, message: this.st.msg(m) }),
      errorCode: -1,
    });
  }

  emulated(outcome: MockOutcome): void {
    this.send(this.st.emulation.answer(outcome));
  }
}

function faultPage(st: ServerState): MockHttpAnswer {
  const title = st.msg({ key: 'mock.answer.fault', params: {} });
  return {
    status: 500,
    contentType: 'text/html; charset=utf-8',
    body: `<!DOCTYPE html><html><head><title>500</title></head><body><h1>500 Internal Server Error</h1><p>${title}</p></body></html>`,
  };
}

/** --delay, --status, --fail-rate, the path and the method: true when the exchange has been answered already. */
async function answeredBeforeBody(x: Exchange): Promise<ApiType | undefined> {
  const { st, req, res } = x;
  if (st.o.delayMs) await st.sleep(st.o.delayMs);
  if (st.o.status !== undefined) {
    x.plain(st.o.status, { key: 'mock.answer.forcedStatus', params: { status: st.o.status } });
    return undefined;
  }
  if (st.o.failRate && st.random() < st.o.failRate) {
    x.send(faultPage(st));
    return undefined;
  }
  const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '');
  const type = st.types.get(path);
  if (!type) {
    x.plain(404, { key: 'mock.answer.notFound', params: { path } });
    return undefined;
  }
  if (req.method !== 'POST') {
    res.setHeader('allow', 'POST');
    x.plain(405, { key: 'mock.answer.methodNotAllowed', params: {} });
    return undefined;
  }
  return type;
}

async function handle(x: Exchange, raw: Buffer): Promise<void> {
  const type = await answeredBeforeBody(x);
  if (!type) return;
  const { st, req } = x;
  const decision = decideExchange(
    { emulation: st.emulation, auth: st.o.auth, province: st.province, now: st.now, msg: st.msg },
    { type, headers: req.headers, body: raw },
  );
  if (decision.changed) st.store.changed();
  x.send(decision.answer);
}

/** Reads the body up to the limit (413 past it), then handles the exchange; an exception is the system's own. */
function listenerFor(st: ServerState) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const x = new Exchange(st, req, res, performance.now());
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size <= st.maxBody) return void chunks.push(c);
      refused = true;
      res.setHeader('connection', 'close');
      x.plain(413, { key: 'mock.answer.tooLarge', params: { max: st.maxBody } });
      req.resume();
    });
    req.on('end', () => {
      if (refused) return;
      handle(x, Buffer.concat(chunks)).catch((e: unknown) =>
        x.emulated({ kind: 'internal', reason: (e as Error).message }),
      );
    });
  };
}

async function listen(o: MockServerOptions, server: Server): Promise<void> {
  server.keepAliveTimeout = 30_000;
  server.headersTimeout = 35_000;
  await new Promise<void>((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) =>
      reject(
        new DvcError('mock.listenFailed', { host: o.host, port: o.port, reason: e.code ?? e.message }, ExitCode.Usage, {
          cause: e,
        }),
      );
    server.once('error', onError);
    server.listen(o.port, o.host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

/** `0.0.0.0` and `::` listen everywhere but are not addresses to call: use the loopback one. */
export function callableOrigin(host: string, port: number, tls: boolean): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `${tls ? 'https' : 'http'}://${h}:${port}`;
}

export async function startMockServer(o: MockServerOptions): Promise<MockServerHandle> {
  const st = await serverState(o);
  const listener = listenerFor(st);
  const server: Server = o.tls
    ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, listener)
    : createHttpServer(listener);
  await listen(o, server);
  const port = (server.address() as AddressInfo).port;
  const origin = callableOrigin(o.host, port, o.tls !== undefined);
  const urls = Object.fromEntries([...st.types.values()].map((ty) => [ty.id, `${origin}/${ty.id}`]));
  return {
    port,
    origin,
    urls,
    province: st.province,
    flush: () => st.store.flush(),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // Delayed answers go out now; whatever is still in flight after the grace is cut (stopped within 1 s).
      for (const cut of [...waiting]) cut();
      const force = setTimeout(() => server.closeAllConnections(), STOP_GRACE_MS);
      await closed;
      clearTimeout(force);
      await st.store.flush();
    },
  };
}
