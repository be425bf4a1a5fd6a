import type { TestApiOptions } from '../app/test-api/run-test-api.js';

/** The options `dvc test-api` gives a run when nothing is typed (a 5 s deadline, 1 MiB bodies), for in-process tests. */
export function probeRunOptions(cwd: string, o: Partial<TestApiOptions>): TestApiOptions {
  return {
    type: 'tra-cuu',
    validate: true,
    timeoutMs: 5000,
    maxTimeMs: 5000,
    maxBytes: 1024 * 1024,
    caFiles: [],
    insecure: false,
    follow: false,
    force: false,
    cwd,
    env: {},
    ...o,
  };
}
