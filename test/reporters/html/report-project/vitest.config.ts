import { defineConfig } from 'vitest/config';

// A stand-alone project run by test/reporters/html/*.test.ts in a child process: real load()
// runs (stages with a spike, chaos faults and an outage, server metrics, an open-model run)
// whose reports — perf-results.json and perf-report.html — the tests then check.
export default defineConfig({
  test: {
    include: ['*.e2e.ts'],
    setupFiles: ['../../../../src/matchers/register.ts'],
    testTimeout: 60_000,
    reporters: [
      [
        '../../../../src/reporters/index.ts',
        { outputDir: process.env.VS_HTML_OUT ?? 'perf-results', summary: false },
      ],
    ],
  },
});
