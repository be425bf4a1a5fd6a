import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import { DvcError, ExitCode } from '../errors.js';
import { t, type Lang } from '../i18n/i18n.js';
import {
  bindKeys,
  listApiTypes,
  validateRequest,
  type ApiType,
  type ApiTypeOverrides,
  type Msg,
} from '../core/api/api-type-registry.js';
import {
  MockProvince,
  seededRandom,
  type MockAnswer,
  type MockProvinceInfo,
  type MockStateData,
} from '../core/api/mock-province.js';
import { bodyAuthorised, headerAuthorised, type MockAuth } from '../core/api/mock-auth.js';
import { writeFileAtomic } from './atomic-write.js';
import { stripBom } from '../core/text/utf8.js';

/**
 * `dvc mock-api`'s server: a province's endpoints (`POST /tra-cuu`, `/thong-bao-thue`, `/chung-tu`, and any type
 * the config adds) over node:http or node:https, keep-alive, answering by the rules of src/core/api/mock-province.ts.
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

const JSON_TYPE = 'application/json; charset=utf-8';

export async function readStore(file: string): Promise<MockStateData | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DvcError('mock.storeBad', { file, reason: (e as Error).message }, ExitCode.Usage, { cause: e });
  }
  try {
    const data = JSON.parse(stripBom(text)) as MockStateData;
    if (data?.version !== 1 || !Array.isArray(data.notices) || !Array.isArray(data.receipts))
      throw new Error('not a dvc mock-api store');
    return data;
  } catch (e) {
    throw new DvcError('mock.storeBad', { file, reason: (e as Error).message }, ExitCode.Usage, { cause: e });
  }
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

export async function startMockServer(o: MockServerOptions): Promise<MockServerHandle> {
  const data = o.storeFile ? await readStore(o.storeFile) : undefined;
  const province = new MockProvince(o.province ?? {}, data);
  const types = new Map<string, ApiType>(listApiTypes(o.overrides ?? {}).map((ty) => [`/${ty.id}`, ty]));
  const random = seededRandom(o.seed ?? Math.floor(Math.random() * 2 ** 32));
  const maxBody = o.maxBodyBytes ?? 20 * 1024 * 1024;
  const now = o.now ?? (() => new Date());
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const store = storeWriter(o.storeFile, () => province.snapshot());
  const msg = (m: Msg) => t(o.lang, m.key, m.params);

  const send = (
    req: IncomingMessage,
    res: ServerResponse,
    started: number,
    status: number,
    body: string,
    type = JSON_TYPE,
    errorCode?: number,
  ) => {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
    o.onExchange?.({
      method: req.method ?? '',
      path: req.url ?? '',
      status,
      errorCode,
      ms: performance.now() - started,
    });
  };
  const answer = (req: IncomingMessage, res: ServerResponse, started: number, a: MockAnswer, status = 200) => {
    const message = 'key' in a.message && typeof a.message.key === 'string' ? msg(a.message as Msg) : a.message;
    send(req, res, started, status, JSON.stringify({ error_code: a.error_code, message }), JSON_TYPE, a.error_code);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse, raw: Buffer, started: number) => {
    if (o.delayMs) await sleep(o.delayMs);
    if (o.status !== undefined) {
      return answer(
        req,
        res,
        started,
        { error_code: -1, message: { key: 'mock.answer.forcedStatus', params: { status: o.status } } },
        o.status,
      );
    }
    if (o.failRate && random() < o.failRate) {
      const title = msg({ key: 'mock.answer.fault', params: {} });
      return send(
        req,
        res,
        started,
        500,
        `<!DOCTYPE html><html><head><title>500</title></head><body><h1>500 Internal Server Error</h1><p>${title}</p></body></html>`,
        'text/html; charset=utf-8',
      );
    }
    const path = (req.url ?? '/').split('?')[0].replace(/\/+$/, '');
    const type = types.get(path);
    if (!type)
      return answer(
        req,
        res,
        started,
        { error_code: -1, message: { key: 'mock.answer.notFound', params: { path } } },
        404,
      );
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST');
      return answer(
        req,
        res,
        started,
        { error_code: -1, message: { key: 'mock.answer.methodNotAllowed', params: {} } },
        405,
      );
    }
    const unauthorised = () => {
      res.setHeader('www-authenticate', o.auth.type === 'basic' ? 'Basic realm="dvc mock-api"' : 'Bearer');
      answer(req, res, started, { error_code: -1, message: { key: 'mock.answer.unauthorized', params: {} } }, 401);
    };
    if (headerAuthorised(o.auth, req.headers) === false) return unauthorised();
    let body: unknown;
    try {
      body = JSON.parse(stripBom(raw.toString('utf8')));
    } catch (e) {
      if (o.auth.type === 'body-key') return unauthorised();
      return answer(req, res, started, {
        error_code: -1,
        message: {
          key: 'mock.answer.invalid',
          params: { reason: msg({ key: 'api.issue.notJson', params: { reason: (e as Error).message } }) },
        },
      });
    }
    if (!bodyAuthorised(o.auth, body)) return unauthorised();
    const bound = bindKeys(type.requestSchema, body);
    const issues = validateRequest(type, bound);
    if (issues.length > 0) {
      const reason = issues
        .slice(0, 5)
        .map((i) => `${i.path || '(body)'}: ${msg(i.problem)}${i.example !== undefined ? ` (${i.example})` : ''}`)
        .join('; ');
      return answer(req, res, started, { error_code: -1, message: { key: 'mock.answer.invalid', params: { reason } } });
    }
    let result: { answer: MockAnswer; changed: boolean };
    if (type.id === 'thong-bao-thue') result = province.receiveNotice(bound, now());
    else if (type.id === 'chung-tu') result = province.receiveReceipt(bound, now());
    else if (type.id === 'tra-cuu') result = { answer: province.lookUp(bound), changed: false };
    else
      result = {
        answer: { error_code: 0, message: { key: 'mock.answer.accepted', params: { type: type.id } } },
        changed: false,
      };
    if (result.changed) store.changed();
    return answer(req, res, started, result.answer);
  };

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    const started = performance.now();
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (c: Buffer) => {
      if (refused) return;
      size += c.length;
      if (size > maxBody) {
        refused = true;
        res.setHeader('connection', 'close');
        answer(
          req,
          res,
          started,
          { error_code: -1, message: { key: 'mock.answer.tooLarge', params: { max: maxBody } } },
          413,
        );
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (refused) return;
      handle(req, res, Buffer.concat(chunks), started).catch((e: unknown) => {
        if (!res.headersSent)
          send(req, res, started, 500, JSON.stringify({ error_code: -1, message: (e as Error).message }));
      });
    });
  };

  const server: Server = o.tls
    ? createHttpsServer({ cert: o.tls.cert, key: o.tls.key }, listener)
    : createHttpServer(listener);
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
  const port = (server.address() as AddressInfo).port;
  const hostInUrl =
    o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host.includes(':') ? `[${o.host}]` : o.host;
  const origin = `${o.tls ? 'https' : 'http'}://${hostInUrl}:${port}`;
  const urls = Object.fromEntries([...types.values()].map((ty) => [ty.id, `${origin}/${ty.id}`]));
  return {
    port,
    origin,
    urls,
    province,
    flush: () => store.flush(),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(force);
      await store.flush();
    },
  };
}
