import { performance } from 'node:perf_hooks';

/**
 * Whole-exchange deadlines without an AbortController and a timer per request (a load run sends thousands; the
 * pair cost it a few per cent of its time). A deadline is a small signal undici accepts in place of an AbortSignal
 * (an object with `on`/`once`/`removeListener`, `aborted` and `reason`). Deadlines of the same length expire in the
 * order they were set, so one timer per length, set for the earliest one still running, serves them all.
 */
export class Deadline {
  aborted = false;
  reason: Error | undefined = undefined;
  /** The exchange ended (answered or failed): the deadline no longer applies. */
  settled = false;
  private listeners: Array<() => void> = [];

  constructor(
    /** performance.now() at which the exchange is cut. */
    readonly at: number,
    private readonly list: DeadlineList,
  ) {}

  on(_event: 'abort', fn: () => void): this {
    this.listeners.push(fn);
    return this;
  }

  once(event: 'abort', fn: () => void): this {
    return this.on(event, fn);
  }

  removeListener(_event: 'abort', fn: () => void): this {
    const i = this.listeners.indexOf(fn);
    if (i >= 0) this.listeners.splice(i, 1);
    return this;
  }

  /** The exchange is over: the deadline's timer stops as soon as no deadline of its length is left running. */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.listeners = [];
    this.list.drop();
  }

  /** @internal Called by the list at the deadline. */
  expire(): void {
    if (this.settled || this.aborted) return;
    this.aborted = true;
    this.reason = Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });
    for (const fn of this.listeners.splice(0)) fn();
  }
}

/** The running deadlines of one length, earliest first. */
class DeadlineList {
  private readonly queue: Deadline[] = [];
  private head = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly ms: number) {}

  add(): Deadline {
    const now = performance.now();
    const d = new Deadline(now + this.ms, this);
    this.queue.push(d);
    if (!this.timer) this.arm(now);
    return d;
  }

  /** Drops the settled deadlines at the front; with none left running the timer stops. */
  drop(): void {
    while (this.head < this.queue.length && this.queue[this.head].settled) this.head++;
    this.compact();
    if (this.head === this.queue.length && this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private arm(now: number): void {
    this.timer = setTimeout(() => this.fire(), Math.max(0, this.queue[this.head].at - now));
  }

  private fire(): void {
    this.timer = undefined;
    const now = performance.now();
    while (this.head < this.queue.length) {
      const d = this.queue[this.head];
      if (!d.settled && d.at > now) break;
      this.head++;
      d.expire();
    }
    this.compact();
    if (this.head < this.queue.length) this.arm(now);
  }

  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue.length = 0;
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }
}

const lists = new Map<number, DeadlineList>();

/** A deadline `ms` from now; call settle() when the exchange ends, whichever way. */
export function startDeadline(ms: number): Deadline {
  let list = lists.get(ms);
  if (!list) {
    list = new DeadlineList(ms);
    lists.set(ms, list);
  }
  return list.add();
}
