import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Fixture suites load a whole service through the type checker: seconds, not milliseconds.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // carve analyze caches into $XDG_CACHE_HOME/carve: tests keep theirs out of the user's home.
    env: { XDG_CACHE_HOME: path.join(os.tmpdir(), 'carve-test-cache') },
    setupFiles: ['src/test-support/fail-on-console.ts'],
  },
});
