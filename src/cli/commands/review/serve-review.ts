/**
 * Serves one review until the officer ends it: Ctrl+C, "Đóng" on the page, or 30 idle minutes. Used by
 * `dvc review` and by `dvc map-communes --review`.
 */
import path from 'node:path';
import { isDvcError } from '../../../errors.js';
import { t } from '../../../i18n/i18n.js';
import { ReviewSession, type ReviewSetup } from '../../../app/review/review-session.js';
import type { Summary } from '../../../app/map-communes/map-communes-result.js';
import { startReviewServer, type ApiReply, type ReviewApi } from '../../../io/review-server.js';
import { openBrowser } from '../../../io/open-browser.js';
import { renderReviewPage } from '../../render/review/review-page.js';
import { isCi, type CliContext } from '../../context.js';

const CODE = /^\d{1,12}$/;

type Ended = 'closed' | 'idle' | 'signal';

interface Round {
  output: string;
  summary: Summary;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The API of the page over one session; "finish" moves it on to the review of the round it wrote. */
class SessionApi implements ReviewApi {
  private busy = false;
  readonly rounds: Round[] = [];

  constructor(
    public session: ReviewSession,
    private readonly ctx: CliContext,
    readonly close: () => void,
  ) {}

  private failure(status: number, e: unknown): ApiReply {
    if (!isDvcError(e)) throw e;
    return { status, body: { ok: false, error: this.ctx.t(e.key, e.params) } };
  }

  text(key: 'forbidden' | 'tooLarge' | 'notFound' | 'badRequest' | 'internal'): string {
    return this.ctx.t(`review.http.${key}`);
  }

  page(nonce: string): string {
    return renderReviewPage({ lang: this.ctx.lang, workbook: path.basename(this.session.setup.workbook), nonce });
  }

  model(): unknown {
    return this.session.model();
  }

  private bad(): ApiReply {
    return { status: 400, body: { ok: false, error: this.text('badRequest') } };
  }

  async decide(body: unknown): Promise<ApiReply> {
    if (!isObject(body) || typeof body.code !== 'string' || !CODE.test(body.code)) return this.bad();
    const tax = body.tax;
    if (tax !== null && (typeof tax !== 'string' || !(tax === '-' || CODE.test(tax)))) return this.bad();
    if (this.busy) return { status: 409, body: { ok: false, error: this.ctx.t('review.page.finishing') } };
    try {
      const r = await this.session.decide(body.code, tax);
      return { status: r.ok ? 200 : 409, body: r };
    } catch (e) {
      return this.failure(500, e);
    }
  }

  async search(body: unknown): Promise<ApiReply> {
    if (!isObject(body) || !Number.isInteger(body.province) || typeof body.q !== 'string' || body.q.length > 100)
      return this.bad();
    return { status: 200, body: { ok: true, hits: this.session.search(body.province as number, body.q) } };
  }

  async finish(): Promise<ApiReply> {
    if (this.busy) return { status: 409, body: { ok: false, error: this.ctx.t('review.page.finishing') } };
    this.busy = true;
    try {
      const done = await this.session.finish();
      this.session = done.next;
      this.rounds.push({ output: done.output, summary: done.summary });
      this.ctx.info(this.ctx.t('review.roundWritten', { file: done.output }));
      const output = path.basename(done.output);
      return { status: 200, body: { ok: true, output, summary: done.summary, model: done.next.model() } };
    } catch (e) {
      return this.failure(409, e);
    } finally {
      this.busy = false;
    }
  }
}

/** Resolves on SIGINT or SIGTERM. */
function signalled(): { promise: Promise<void>; dispose: () => void } {
  let stop = () => {};
  const promise = new Promise<void>((resolve) => {
    stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return {
    promise,
    dispose: () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    },
  };
}

export interface ServeOptions {
  open: boolean;
  /** Ends the review after this long without a request (tests shorten it). */
  idleMs?: number;
}

/** How a review ended, what it left to decide, and the rounds it wrote: the object `--json` prints at the end. */
export interface ReviewEnd {
  ended: Ended;
  workbook: string;
  store: string;
  toDecide: number;
  decided: number;
  rounds: SessionApi['rounds'];
}

export async function serveReview(ctx: CliContext, setup: ReviewSetup, o: ServeOptions): Promise<ReviewEnd> {
  const session = await ReviewSession.open(setup);
  let end: (why: Ended) => void = () => {};
  const ended = new Promise<Ended>((resolve) => (end = resolve));
  const api = new SessionApi(session, ctx, () => end('closed'));
  const idleMs = o.idleMs ?? (Number(ctx.env.DVC_REVIEW_IDLE_MS) || undefined);
  const server = await startReviewServer(api, { idleMs, onIdle: () => end('idle') });
  const signal = signalled();
  void signal.promise.then(() => end('signal'));
  const store = path.basename(session.store.file);
  if (ctx.json) {
    // stdout keeps its one object for the end; the address, which a script needs at once, is one JSON line on stderr.
    ctx.streams.stderr.write(JSON.stringify({ url: server.url, workbook: setup.workbook, store }) + '\n');
  } else {
    ctx.print(t(ctx.lang, 'review.listening', { url: server.url }));
    ctx.info(t(ctx.lang, 'review.howToEnd', { store }));
  }
  const interactive = ctx.streams.stdout.isTTY === true && !isCi(ctx.env);
  if (o.open && interactive && !(await openBrowser(server.url))) ctx.info(ctx.t('review.openFailed'));
  const why = await ended;
  signal.dispose();
  await server.close();
  const last = api.session;
  const lastStore = path.basename(last.store.file);
  ctx.info(ctx.t(why === 'idle' ? 'review.idle' : 'review.stopped', { store: lastStore }));
  const m = last.model();
  return {
    ended: why,
    workbook: last.setup.workbook,
    store: last.store.file,
    toDecide: m.toDecide,
    decided: m.decided,
    rounds: api.rounds,
  };
}
