import { defineConfig } from 'vitest/config';

// Two projects: the library's own tests (fast, parallel) and the perf suites
// (one file at a time, long timeouts, the perf reporter on).
export default defineConfig({
  test: {
    reporters: [
      'default',
      ['./src/reporters/index.ts', { outputDir: 'perf-results', summaryFiles: '\\.perf\\.ts$' }],
    ],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          sequence: { groupOrder: 0 },
          setupFiles: ['./src/matchers/register.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'perf',
          include: ['suites/**/*.perf.ts'],
          // After the unit tests, never beside them: perf figures need the CPU to themselves.
          sequence: { groupOrder: 1 },
          setupFiles: ['./src/matchers/register.ts'],
          globalSetup: ['./suites/setup/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 45 * 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
