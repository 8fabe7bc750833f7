import { defineConfig } from 'vitest/config';

// A stand-alone project run by test/e2e/history-check.test.ts in a child process, once per point.
export default defineConfig({
  test: {
    include: ['*.e2e.ts'],
    setupFiles: ['../../../src/matchers/register.ts'],
    reporters: [
      [
        '../../../src/reporters/index.ts',
        { outputDir: process.env.VS_E2E_OUT ?? 'perf-results', summary: false, html: false },
      ],
    ],
  },
});
