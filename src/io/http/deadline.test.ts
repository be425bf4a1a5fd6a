import { describe, expect, it } from 'vitest';
import { startDeadline } from './deadline.js';

const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('whole-exchange deadlines', () => {
  it('aborts each running exchange at its own deadline, in order, telling its listener once', async () => {
    const fired: string[] = [];
    const a = startDeadline(40);
    await wait(15);
    const b = startDeadline(40);
    const bWhenAFired = new Promise<boolean>((r) => a.once('abort', () => r(b.aborted)));
    a.on('abort', () => fired.push('a'));
    const bFired = new Promise<void>((r) => b.once('abort', () => r()));
    b.on('abort', () => fired.push('b'));
    expect(await bWhenAFired).toBe(false);
    await bFired;
    expect(fired).toEqual(['a', 'b']);
    expect(a.reason).toMatchObject({ name: 'AbortError' });
    expect(b.aborted).toBe(true);
    a.settle();
    b.settle();
  });

  it('never aborts a settled exchange, nor one whose listener was removed', async () => {
    const fired: string[] = [];
    const settled = startDeadline(30);
    settled.on('abort', () => fired.push('settled'));
    const removed = startDeadline(30);
    const listener = () => fired.push('removed');
    removed.on('abort', listener);
    removed.removeListener('abort', listener);
    settled.settle();
    await wait(60);
    expect(settled.aborted).toBe(false);
    expect(removed.aborted).toBe(true);
    expect(fired).toEqual([]);
    removed.settle();
  });

  it('holds no timer once every exchange has settled (the process can exit after its report)', async () => {
    const before = timers();
    const many = Array.from({ length: 3000 }, () => startDeadline(15_000));
    const other = startDeadline(20_000);
    expect(timers()).toBe(before + 2);
    for (const d of many.reverse()) d.settle();
    expect(timers()).toBe(before + 1);
    other.settle();
    expect(timers()).toBe(before);
  });
});
