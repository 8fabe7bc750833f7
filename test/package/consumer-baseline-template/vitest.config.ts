import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*.perf.ts'],
    testTimeout: 60_000,
    setupFiles: ['vitest-stress/matchers'],
    reporters: ['default', ['vitest-stress/reporter', { outputDir: 'perf-results' }]],
  },
});
