import { defineConfig } from 'vitest/config';

// A stand-alone project run by test/e2e/ab-report.test.ts in a child process.
export default defineConfig({
  test: {
    include: ['*.e2e.ts'],
    setupFiles: ['../../../src/matchers/register.ts'],
    reporters: [
      'default',
      ['../../../src/reporters/index.ts', { outputDir: process.env.VS_E2E_OUT ?? 'perf-results' }],
    ],
  },
});
