import { expect } from 'vitest';
import { DvcError, type ExitCodeValue } from '../errors.js';

/** The error `p` is rejected with, checked to be a `type` (a promise that resolves fails the test here). */
export async function rejectionOf<E>(p: Promise<unknown>, type: abstract new (...args: never[]) => E): Promise<E> {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(type);
  return e as E;
}

/** The DvcError `p` is rejected with, checked to carry exit code `code` when one is given. */
export async function dvcErrorOf(p: Promise<unknown>, code?: ExitCodeValue): Promise<DvcError> {
  const e = await rejectionOf(p, DvcError);
  if (code !== undefined) expect(e.exitCode).toBe(code);
  return e;
}
