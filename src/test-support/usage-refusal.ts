import { expect } from 'vitest';
import { DvcError, ExitCode } from '../errors.js';

/** The usage error (exit 2) a promise is rejected with; the test fails if it resolves or fails otherwise. */
export async function usageRefusal(p: Promise<unknown>): Promise<DvcError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DvcError);
  expect((e as DvcError).exitCode).toBe(ExitCode.Usage);
  return e as DvcError;
}
