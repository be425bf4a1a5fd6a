import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Fails a test that leaves the shared process changed (directory, environment, exit code, listeners).
    setupFiles: ['src/test-support/process-guard.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's loaded modules (the source is imported once per worker, not once per file).
    // A file that replaces a module with vi.mock calls vi.resetModules() before importing what it tests.
    isolate: false,
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.test.ts', 'src/test-support/**', 'src/**/*.generated.ts'],
      reporter: ['text-summary', 'json-summary'],
    },
  },
});
