import { defineConfig } from 'vitest/config';

// A consumer-style project run by test/e2e/attribution.test.ts in a child process: concurrency,
// retries and repeats, with the vitest-stress reporter writing perf-results.json.
const reporter: [string, Record<string, unknown>] = [
  '../../../src/reporters/index.ts',
  {
    outputDir: process.env.VS_E2E_OUT ?? 'perf-results',
    junit: { flavor: process.env.VS_E2E_FLAVOR ?? 'rich' },
  },
];

export default defineConfig({
  test: {
    reporters: ['default', reporter],
    // A root-only option: every test of this fixture runs concurrently with its file's others,
    // also those written as plain test() (sequence/, scoped/tries.e2e.ts).
    sequence: { concurrent: true },
    projects: [
      // The documented setup: the matchers module scopes every test.
      {
        test: {
          name: 'scoped',
          include: ['scoped/*.e2e.ts'],
          setupFiles: ['../../../src/matchers/register.ts'],
        },
      },
      {
        test: {
          name: 'sequence',
          include: ['sequence/*.e2e.ts'],
          setupFiles: ['../../../src/matchers/register.ts'],
        },
      },
      // Matchers extended by hand, no scope hook: the explicit form and the warning.
      {
        test: {
          name: 'unscoped',
          include: ['unscoped/*.e2e.ts'],
          setupFiles: ['./unscoped/setup.ts'],
        },
      },
    ],
  },
});
